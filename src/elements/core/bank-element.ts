import { consume } from '@lit/context';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { format, isLocale, type Catalogue, type Locale } from '../../i18n/locale.ts';
import { partnerMessages, type PartnerMessage } from '../../i18n/partner.ts';
import { isBankEvent, sdkError, type BankEventMessage, type SdkError } from '../../protocol/messages.ts';
import { configContext, sessionContext, type SdkConfig, type SessionState } from './context.ts';
import { connect, frameUrl } from './sdk.ts';
import { baseStyles } from './styles.ts';

/** `--bank-*` properties forwarded to the bank's frames, so their dialogs wear the partner's theme. */
const themeProperties = [
  '--bank-color-primary', '--bank-color-on-primary', '--bank-color-text', '--bank-color-background',
  '--bank-color-error', '--bank-color-focus', '--bank-radius', '--bank-font-family',
];

interface OpenFrame {
  src: string;
  title: string;
  height: number;
  measured: boolean;
  settle: (result: Record<string, unknown> | null) => void;
}

/**
 * What every partner-side element shares: config and session from context, localized text, typed events,
 * the visible error and loading states, and the modal dialog that hosts a bank frame.
 *
 * @event bank-ready - `{}` once the element shows real data and can be used.
 * @event bank-error - `{code, message, retryable}` whenever it cannot do something; also shown in the element.
 * @event bank-cancel - `{}` when the customer closes a bank dialog.
 * @csspart error - the error message box. @csspart loading - the loading indicator.
 * @csspart dialog - the modal dialog around a bank frame. @csspart frame - the bank frame itself.
 */
export abstract class BankElement<Own extends string = never> extends LitElement {
  static styles: CSSResultGroup = [baseStyles];

  /** An element's own texts, looked up before the shared catalogue (kept in the element's chunk). */
  static messages?: Catalogue<string>;

  /** Overrides the script tag's `data-locale`: `en` or `zh-CN`. */
  @property({ reflect: true }) locale?: string;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config?: SdkConfig;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionState;

  /** An error of this element (a bad attribute, a failed action), shown in place of its content. */
  @state() protected failure: SdkError | null = null;
  @state() private frame?: OpenFrame;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('dialog iframe') private frameElement?: HTMLIFrameElement;

  private announcedError?: SdkError;
  private announcedReady = false;

  /** The element's locale: its own attribute, else the SDK's. */
  protected get activeLocale(): Locale {
    return isLocale(this.locale) ? this.locale : (this.config?.locale ?? 'zh-CN');
  }

  protected t(key: PartnerMessage | Own, params?: Record<string, string | number>): string {
    const own = (this.constructor as typeof BankElement).messages?.[this.activeLocale][key];
    return format(own ?? partnerMessages[this.activeLocale][key as PartnerMessage], params);
  }

  protected emit(type: string, detail: object = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Problems with the element's attributes, checked on every update; empty when all is well. */
  protected attributeProblems(): string[] {
    return this.locale != null && !isLocale(this.locale) ? [`locale "${this.locale}" must be "en" or "zh-CN"`] : [];
  }

  /** Whether the element shows real data (beyond the session being ready). */
  protected get hasData(): boolean {
    return true;
  }

  protected willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // The SDK started a new bank session (after the old one ended): what failed for that reason can go again.
    if (changed.has('session') && this.session?.status === 'ready' && this.failure?.code === 'session_expired') {
      this.failure = null;
    }
    const problems = this.attributeProblems();
    if (problems.length) {
      if (this.failure?.code !== 'invalid_attribute' || this.failure.message !== problems.join('; ')) {
        this.failure = sdkError('invalid_attribute', problems.join('; '));
      }
    } else if (this.failure?.code === 'invalid_attribute') {
      this.failure = null;
    }
  }

  protected updated(changed: PropertyValues) {
    super.updated(changed);
    const error = this.currentError;
    if (error && error !== this.announcedError) {
      this.announcedError = error;
      this.emit('bank-error', { ...error });
    }
    if (!error && !this.announcedReady && this.session?.status === 'ready' && this.hasData) {
      this.announcedReady = true;
      this.emit('bank-ready');
    }
    if (this.frame && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  protected get currentError(): SdkError | null {
    // A broken script tag explains everything else, so it wins over the element's own problems.
    return this.config?.error ?? this.failure ?? (this.session?.status === 'error' ? this.session.error : null);
  }

  render() {
    const error = this.currentError;
    let content: TemplateResult;
    if (error) content = this.renderError(error);
    else if (!this.session || this.session.status === 'starting' || !this.hasData) content = this.renderLoading();
    else {
      try {
        content = this.renderReady();
      } catch (failure) {
        // A bug must not leave a stale or blank element: say so, visibly.
        console.error('[bank-sdk]', failure);
        content = this.renderError(sdkError('internal', String(failure)));
      }
    }
    return html`${content}${this.renderFrameDialog()}`;
  }

  /** The element's usable state: the session is ready and its data is loaded. */
  protected abstract renderReady(): TemplateResult;

  protected renderLoading(label = this.t('loading')) {
    return html`<span part="loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</span>`;
  }

  /** The customer-facing text for an error code, in the element's locale. */
  protected errorText(error: SdkError): string {
    const key = `error.${error.code}`;
    return key in partnerMessages.en ? this.t(key as PartnerMessage, { detail: error.message }) : error.message;
  }

  protected renderError(error: SdkError) {
    return html`<div part="error" role="alert">
      <span>${this.errorText(error)}</span>
      ${error.hint ? html`<p part="hint">${this.t('developerHint', { detail: error.hint })}</p>` : nothing}
      ${error.retryable ? html`<button class="secondary" part="button retry" @click=${this.retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  /** Retries what failed; elements override to retry their own action first. */
  protected retry() {
    if (this.failure) this.failure = null;
    else connect().catch(() => {});
  }

  /**
   * Opens a bank frame in a modal dialog. Resolves with what the frame reported when done,
   * or null when the customer closed it (then `bank-cancel` has fired).
   */
  protected openSecureFrame(name: string, title: string, params: Record<string, string> = {}) {
    this.frame?.settle(null);
    const theme: Record<string, string> = {};
    const computed = getComputedStyle(this);
    for (const prop of themeProperties) {
      const value = computed.getPropertyValue(prop).trim();
      if (value) theme[prop] = value;
    }
    return new Promise<Record<string, unknown> | null>((resolve) => {
      const src = frameUrl(name, { locale: this.activeLocale, theme: JSON.stringify(theme), ...params });
      this.frame = { src, title, height: 320, measured: false, settle: resolve };
      window.addEventListener('message', this.onFrameMessage);
    });
  }

  protected closeSecureFrame(result: Record<string, unknown> | null) {
    const frame = this.frame;
    if (!frame) return;
    window.removeEventListener('message', this.onFrameMessage);
    this.frame = undefined;
    this.dialog?.close();
    if (result === null) this.emit('bank-cancel');
    frame.settle(result);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.closeSecureFrame(null);
  }

  private onFrameMessage = (event: MessageEvent) => {
    const frame = this.frame;
    if (!frame || event.origin !== this.config?.bankOrigin || event.source !== this.frameElement?.contentWindow) return;
    const message: unknown = event.data;
    if (!isBankEvent(message)) return;
    if (message.event === 'resize') {
      this.frame = { ...frame, height: Math.ceil(message.data.height), measured: true };
      if (!frame.measured) requestAnimationFrame(() => this.frameElement?.focus());
    } else if (message.event === 'close') {
      this.closeSecureFrame(null);
    } else if (message.event === 'done') {
      this.closeSecureFrame(message.data);
    } else {
      this.onFrameEvent(message);
    }
  };

  /** Other events of the open bank frame (e.g. a failed payment attempt), for elements that expect them. */
  protected onFrameEvent(_message: BankEventMessage) {}

  private renderFrameDialog() {
    const frame = this.frame;
    if (!frame) return nothing;
    return html`<dialog part="dialog" aria-label=${frame.title} @cancel=${this.onDialogCancel}>
      ${frame.measured ? nothing : this.renderLoading()}
      <iframe
        part="frame"
        class=${frame.measured ? '' : 'measuring'}
        title=${frame.title}
        src=${frame.src}
        height=${frame.height}
        sandbox="allow-scripts allow-same-origin allow-forms"
      ></iframe>
    </dialog>`;
  }

  private onDialogCancel = (event: Event) => {
    event.preventDefault();
    this.closeSecureFrame(null);
  };
}
