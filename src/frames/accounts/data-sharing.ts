/**
 * `<bank-data-sharing>`: the customer's active data-sharing consents, each with `Revoke` (PIPL Art. 15: withdrawing
 * must be as easy as giving). Bank-frame side only: it talks to the page's bridge over the bank-origin
 * BroadcastChannel, and nothing it shows ever reaches the partner page. Hosted by the `Accounts` inline frame
 * (and, on its own, by `data-sharing.html`).
 *
 * @fires data-sharing-loaded - inside the frame, after each successful load (the host announces `ready`).
 * @fires data-sharing-error - inside the frame, `detail` the SdkError, when loading failed.
 */
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { SdkError } from '../../protocol/post-message.ts';
import type { BridgeChannel } from '../common/frame-page.ts';
import { format, type Catalogue, type Locale } from '../../i18n/locale.ts';
import { claimQuestion, formatDate, purposeText } from '../common/consent-messages.ts';
import { buttonStyles } from '../../styles/controls.ts';

const en = {
  heading: 'Data sharing',
  loading: 'Loading your consents…',
  sharedWith: 'Shared on {created} · valid until {expires}',
  answer: 'Answer shared: {answer}',
  yes: 'yes',
  no: 'no',
  empty: 'You are not sharing data with anyone.',
  revoke: 'Revoke',
  revoked: 'You withdrew your consent for {app}. They have been told and can no longer use these answers.',
  revokeFailed: 'The consent could not be withdrawn. Please try again.',
  loadFailed: 'Your data-sharing consents could not be loaded.',
  retry: 'Try again',
};

const zhCN: Record<keyof typeof en, string> = {
  heading: '数据共享',
  loading: '正在加载您的授权…',
  sharedWith: '已于{created}共享 · 有效期至{expires}',
  answer: '已共享的答案：{answer}',
  yes: '是',
  no: '否',
  empty: '您目前没有向任何机构共享数据。',
  revoke: '撤回',
  revoked: '您已撤回对{app}的授权。对方已收到通知，不能再使用这些答案。',
  revokeFailed: '未能撤回授权，请重试。',
  loadFailed: '无法加载您的数据共享授权。',
  retry: '重试',
};

/** What the list says (the words it shares with the `Share data` dialog are in consent-messages.ts). */
const listTexts: Catalogue<keyof typeof en> = { en, 'zh-CN': zhCN };

interface ActiveConsent {
  id: string;
  recipient: string;
  purpose: string;
  claims: Record<string, boolean>;
  createdAt: string;
  expiresAt: string;
}

export class BankDataSharing extends LitElement {
  static properties: PropertyDeclarations = { bridge: { attribute: false }, locale: {}, consents: { state: true }, failed: { state: true }, revoking: { state: true }, notice: { state: true } };
  // The buttons look as every bank control does (src/styles/controls.ts).
  static styles = css`
    ${buttonStyles}
    :host {
      display: block;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      font-size: 1rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    ul.consents {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    article {
      border: 1px solid var(--bank-color-input-border);
      border-radius: var(--bank-radius, 6px);
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.4rem;
    }
    article p,
    article ul {
      margin: 0;
    }
    article ul {
      padding-left: 1.1rem;
    }
    .dates,
    .answer {
      color: var(--bank-color-muted);
      font-size: 0.9rem;
    }
    [role='alert'] {
      color: var(--bank-color-error, #a4001a);
    }
    button {
      justify-self: start;
    }
  `;

  /** The page's bridge (the only holder of the customer's session). */
  bridge?: BridgeChannel;
  locale: Locale = 'zh-CN';

  private consents?: ActiveConsent[];
  private failed: 'load' | 'revoke' | null = null;
  private revoking?: string;
  private notice = '';

  private c(key: keyof typeof en, params?: Record<string, string | number>) {
    return format(listTexts[this.locale][key], params);
  }

  /** Loads (or reloads) the list; resolves once it is shown. */
  async load() {
    if (!this.bridge) return;
    try {
      const { consents } = await this.bridge.request<{ consents: ActiveConsent[] }>('consents');
      this.consents = consents;
      this.failed = null;
      this.dispatchEvent(new CustomEvent('data-sharing-loaded'));
    } catch (error) {
      this.failed = 'load';
      this.dispatchEvent(new CustomEvent<SdkError>('data-sharing-error', { detail: error as SdkError }));
    }
  }

  private async revoke(consent: ActiveConsent) {
    if (this.revoking) return;
    this.revoking = consent.id;
    this.notice = '';
    try {
      await this.bridge!.request('revokeConsent', { id: consent.id });
      this.consents = this.consents?.filter((c) => c.id !== consent.id);
      this.failed = null;
      this.notice = this.c('revoked', { app: consent.recipient });
      await this.updateComplete;
      (this.renderRoot.querySelector('h2') as HTMLElement | null)?.focus();
    } catch {
      this.failed = 'revoke';
    } finally {
      this.revoking = undefined;
    }
  }

  render() {
    return html`<section aria-labelledby="data-sharing-title">
      <h2 id="data-sharing-title" tabindex="-1">${this.c('heading')}</h2>
      <p role="status">${this.notice}</p>
      ${this.failed ? html`<p role="alert">${this.c(this.failed === 'load' ? 'loadFailed' : 'revokeFailed')}
        ${this.failed === 'load' ? html`<button class="secondary" @click=${() => this.load()}>${this.c('retry')}</button>` : nothing}</p>` : nothing}
      ${this.renderList()}
    </section>`;
  }

  private renderList() {
    if (!this.consents) return this.failed ? nothing : html`<p role="status">${this.c('loading')}</p>`;
    if (this.consents.length === 0) return html`<p>${this.c('empty')}</p>`;
    return html`<ul class="consents">
      ${this.consents.map((consent) => html`<li>
        <article aria-labelledby="consent-${consent.id}">
          <h3 id="consent-${consent.id}">${consent.recipient}</h3>
          <p>${purposeText(this.locale, consent.purpose)}</p>
          <ul>
            ${Object.entries(consent.claims).map(([claim, answer]) => html`<li>
              ${claimQuestion(this.locale, claim)}
              <span class="answer">${this.c('answer', { answer: this.c(answer ? 'yes' : 'no') })}</span>
            </li>`)}
          </ul>
          <p class="dates">${this.c('sharedWith', {
            created: formatDate(this.locale, consent.createdAt), expires: formatDate(this.locale, consent.expiresAt),
          })}</p>
          <button class="secondary" ?disabled=${this.revoking === consent.id} @click=${() => this.revoke(consent)}>${this.c('revoke')}</button>
        </article>
      </li>`)}
    </ul>`;
  }
}
customElements.define('bank-data-sharing', BankDataSharing);

declare global {
  interface HTMLElementTagNameMap {
    'bank-data-sharing': BankDataSharing;
  }
}
