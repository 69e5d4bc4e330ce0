import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { format, type Catalogue } from '../../i18n/locale.ts';
import type { BankContact, SdkError } from '../../protocol/post-message.ts';
import { frameMessages, type FrameMessage } from './messages.ts';
import { BridgeChannel, postToPartner, readFramePage, reportHeight, type FramePage } from './frame-page.ts';
import { applyTheme } from './theme.ts';
import { buttonStyles } from '../../styles/controls.ts';
import { fieldStyles } from '../../styles/fields.ts';

/**
 * The shell of every secure frame: reads and checks its page, speaks the partner's locale and theme,
 * reports its height, closes on Escape or Cancel, and shows errors and progress accessibly.
 */
export abstract class SecureForm<Own extends string = never> extends LitElement {
  static properties: PropertyDeclarations = { busy: { state: true }, error: { state: true }, contact: { state: true } };
  // Every colour is a `--bank-*` property that applyTheme() always sets (a readable palette): none is written here.
  // Buttons, inputs and selects look as the partner elements' do: src/styles/controls.ts and fields.ts.
  static styles = css`
    ${buttonStyles}
    ${fieldStyles}
    :host {
      display: block;
    }
    /* A finger's minimum, 44 CSS px high, on every control (the shared look's 2.5em is 40 px; padding and widths
       make them wide enough); a tick box or a radio button takes the tap with its whole label (label.check,
       label.option). */
    button,
    input:not([type='checkbox'], [type='radio']),
    select {
      min-height: 2.75rem;
    }
    main {
      padding: 1.25rem 1.5rem 1.5rem;
    }
    @media (max-width: 360px) {
      main {
        padding: 1rem;
      }
    }
    h1 {
      font-size: 1.25rem;
      margin: 0 0 1rem;
      /* Room for the dialog's close button, which the partner page draws over this corner. */
      padding-inline-end: 2.5rem;
    }
    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.9rem;
    }
    label {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.3rem;
      font-weight: 600;
      font-size: 0.95rem;
    }
    .hint {
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--bank-color-muted);
      margin: 0;
    }
    .field-error,
    [role='alert'] {
      color: var(--bank-color-error);
      font-weight: 400;
      font-size: 0.9rem;
      margin: 0;
    }
    .actions {
      display: flex;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .secure {
      margin: 1rem 0 0;
      font-size: 0.8rem;
      color: var(--bank-color-muted);
    }
  `;

  protected readonly page = readFramePage();
  protected readonly bridge = 'code' in this.page ? undefined : new BridgeChannel(this.page.channel, this.page.locale);
  protected busy = false;
  protected error: SdkError | null = null;
  /** Who to call about a lock: asked from the bank when a lock is first shown. */
  protected contact?: BankContact;

  protected abstract readonly titleKey: FrameMessage | Own;
  protected abstract renderBody(): unknown;

  protected get framePage(): FramePage {
    return this.page as FramePage;
  }

  /** A frame's own texts, looked up before the shared catalogue (so they stay in that frame's bundle). */
  protected readonly ownMessages?: Catalogue<Own>;
  /**
   * The dialog forms' shared words this frame says (any of `signInMessages`, `identityMessages`, `paymentMessages`
   * in common/messages.ts), looked up last: a frame's build holds only the tables it names here.
   */
  protected readonly formMessages: Catalogue<string>[] = [];

  protected t(key: FrameMessage | Own, params?: Record<string, string | number>) {
    return format(sharedText(this.page, key, this.ownMessages as Catalogue<string> | undefined, this.formMessages)!, params);
  }

  connectedCallback() {
    super.connectedCallback();
    applyTheme();
    document.documentElement.lang = 'code' in this.page ? 'zh-CN' : this.page.locale;
    document.title = this.t(this.titleKey);
    // keyup, not keydown: the partner removes this frame at once, and a key still half-pressed in a removed frame
    // confuses browser automation; for people the difference is imperceptible.
    addEventListener('keyup', this.onKeyup);
  }

  protected firstUpdated() {
    if ('code' in this.page) return;
    reportHeight(this.page, this.renderRoot.querySelector('main')!);
    this.focusFirst();
  }

  protected focusFirst() {
    (this.renderRoot.querySelector('input, select, button') as HTMLElement | null)?.focus();
  }

  render() {
    if ('code' in this.page) return html`<main><p role="alert">${this.t('error.origin_not_allowed')}</p></main>`;
    return html`<main aria-busy=${this.busy ? 'true' : 'false'}>
      <h1>${this.t(this.titleKey)}</h1>
      ${this.renderBody()}
      <p class="secure">${this.t('secureNote')}</p>
    </main>`;
  }

  /** The current error, for an `aria-describedby`-linked alert under the form. */
  protected renderError() {
    if (!this.error) return nothing;
    const { attemptsLeft } = this.error;
    return html`<p role="alert" id="form-error">${this.t(this.errorKey(this.error), { n: attemptsLeft ?? '', ...this.contact })}</p>`;
  }

  /** Which message explains an error; forms override where a code means something more specific. */
  protected errorKey(error: SdkError): FrameMessage | Own {
    if (error.code === 'locked' && this.contact) return 'error.lockedContact';
    const key = `error.${error.code}` as FrameMessage;
    return sharedText(this.page, key, undefined, this.formMessages) === undefined ? 'error.other' : key;
  }

  /** Runs a bridge request with the busy state and error display. */
  protected async call<T>(method: string, params: Record<string, unknown>): Promise<T | undefined> {
    this.busy = true;
    this.error = null;
    try {
      return await this.bridge!.request<T>(method, params);
    } catch (error) {
      this.error = error as SdkError;
      if (this.error.code === 'locked') await this.loadContact();
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The bank's name and hotline in this frame's locale (left unset if the bank cannot say: the plain lock text stays). */
  protected async loadContact() {
    if (this.contact || !this.bridge) return;
    try {
      const info = await this.bridge.request<{ name: Record<string, string>; hotline: string; hours: string }>('bankInfo', {});
      this.contact = { bank: info.name[this.framePage.locale] ?? info.name.en, hotline: info.hotline, hours: info.hours };
    } catch {
      // the lock message without a number is still true
    }
  }

  protected cancel = () => postToPartner(this.framePage, { event: 'close', data: {} });

  protected done(data: Record<string, unknown>) {
    postToPartner(this.framePage, { event: 'done', data });
  }

  private onKeyup = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.closesOnEscape && !('code' in this.page)) this.cancel();
  };

  /** Dialog frames close on Escape; inline frames are part of the page and do not. */
  protected readonly closesOnEscape: boolean = true;
}

/** A frame's text: its own, else what every frame says, else the first of its dialog-form tables that has it. */
function sharedText(page: FramePage | SdkError, key: string, own: Catalogue<string> | undefined, forms: Catalogue<string>[]) {
  const locale = 'code' in page ? 'zh-CN' : page.locale;
  return own?.[locale][key] ?? (frameMessages[locale] as Record<string, string>)[key] ??
    forms.map((table) => table[locale][key]).find((text) => text !== undefined);
}
