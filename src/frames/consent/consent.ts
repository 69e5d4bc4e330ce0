/**
 * The `Share data` frame (PIPL Art. 23 separate consent): who receives what, why, for how long, how to withdraw,
 * and a separate tick box. Only the consent's id and dates go back to the page; the answers go, signed, to the
 * partner's server, and the facts behind them (income, balances, identity) go nowhere.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { SecureForm } from '../common/secure-form.ts';
import { dialogStyles } from '../common/dialog-styles.ts';
import { format } from '../../i18n/locale.ts';
import { claimQuestion, formatDate, purposeText } from '../common/consent-messages.ts';
import { consentDialogTexts, type ConsentDialogText } from './messages.ts';

interface Preview {
  recipient: { name: string; contact: string };
  purpose: string;
  claims: string[];
  validityDays: number;
  textVersion: string;
}

export class BankConsentForm extends SecureForm {
  static properties: PropertyDeclarations = { preview: { state: true }, agreeMissing: { state: true } };
  // Compact on purpose: the dialog frame's budget is 15 KB gzip.
  static styles = css`
    ${SecureForm.styles}${dialogStyles}
    ul { margin: 0 0 1rem; padding-left: 1.25rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    p { margin: 0 0 0.75rem; }
  `;

  protected readonly titleKey = 'consentTitle';
  private readonly request = Object.fromEntries(
    ['purpose', 'claims'].map((k) => [k, new URLSearchParams(location.search).get(k) ?? '']),
  );
  private preview?: Preview;
  private agreeMissing = false;

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.load();
  }

  private async load() {
    const preview = await this.call<Preview>('consentPreview', this.request);
    if (preview) this.preview = preview;
    await this.updateComplete;
    this.focusFirst();
  }

  private c(key: ConsentDialogText, params?: Record<string, string | number>) {
    return format(consentDialogTexts[this.framePage.locale][key], params);
  }

  protected renderBody() {
    const preview = this.preview;
    if (!preview) return this.error ? this.renderError() : html`<p role="status">${this.t('loading')}</p>`;
    const locale = this.framePage.locale;
    const app = preview.recipient.name;
    return html`<dl class="order">
        <dt>${this.c('recipient')}</dt>
        <dd>${app}</dd>
        <dt>${this.c('contact')}</dt>
        <dd>${preview.recipient.contact}</dd>
        <dt>${this.c('purpose')}</dt>
        <dd>${purposeText(locale, preview.purpose)}</dd>
      </dl>
      <h2 id="questions">${this.c('questions')}</h2>
      <ul aria-labelledby="questions">
        ${preview.claims.map((claim) => html`<li>${claimQuestion(locale, claim)}</li>`)}
      </ul>
      <p><strong>${this.c('onlyYesNo')}</strong></p>
      <p>${this.c('validity', { days: preview.validityDays, date: formatDate(locale, Date.now() + preview.validityDays * 86_400_000) })}</p>
      <p>${this.c('withdraw', { app })}</p>
      <form @submit=${this.share} novalidate>
        <label class="check" for="agree">
          <input id="agree" type="checkbox" aria-invalid=${this.agreeMissing ? 'true' : 'false'}
            aria-describedby=${this.agreeMissing ? 'agree-error' : nothing} @change=${() => (this.agreeMissing = false)} />
          ${this.c('agree', { app })}
        </label>
        ${this.agreeMissing ? html`<p class="field-error" id="agree-error">${this.c('agreeNeeded')}</p>` : nothing}
        ${this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.c('share')}</button>
          <button type="button" class="secondary" @click=${this.decline}>${this.c('dontShare')}</button>
        </div>
      </form>`;
  }

  private decline = () => this.done({ outcome: 'declined' });

  private async share(event: Event) {
    event.preventDefault();
    if (this.busy || !this.preview) return;
    const agree = this.renderRoot.querySelector('#agree') as HTMLInputElement;
    if (!agree.checked) {
      this.agreeMissing = true;
      agree.focus();
      return;
    }
    const result = await this.call<{ consentId: string; purpose: string; createdAt: string; expiresAt: string }>('grantConsent', {
      ...this.request,
      textVersion: this.preview.textVersion,
      agreed: true,
    });
    if (result) {
      this.done({ outcome: 'granted', consentId: result.consentId, purpose: result.purpose, createdAt: result.createdAt, expiresAt: result.expiresAt });
    }
  }
}
customElements.define('bank-consent-form', BankConsentForm);
