import { consume } from '@lit/context';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { format, isLocale, type Catalogue, type Locale } from '../../i18n/locale.ts';
import { partnerMessages, type PartnerMessage } from '../../i18n/partner.ts';
import { isBankEvent, sdkError, type BankEventMessage, type SdkError } from '../../protocol/messages.ts';
import { configContext, sessionContext, type SdkConfig, type SessionState } from './context.ts';
import { BankCancelEvent, BankErrorEvent, BankReadyEvent, type BankEvent } from './events.ts';
import { connect, frameUrl } from './sdk.ts';
import { collectTheme } from './theme.ts';
import { baseStyles } from './styles.ts';

/**
 * One problem with an element's attributes: a catalogue key (with its parameters), so the customer reads it in the
 * element's locale while `bank-error` carries it in English for the developer. A plain string is English only.
 */
export type AttributeProblem<K extends string = string> = string | { key: K; params?: Record<string, string | number> };

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
  /** The inline frame's measured height, for the `src` it was measured for (a new `src` measures again). */
  @state() private inline?: { src: string; height: number };
  /** The inline frame reported that it shows real data. */
  @state() protected inlineReady = false;
  @query('iframe[part~="panel"]') private inlineElement?: HTMLIFrameElement;
  private inlineSrc?: string;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('dialog iframe') private frameElement?: HTMLIFrameElement;

  private announcedError?: SdkError;
  private announcedReady = false;

  /** The element's locale: its own attribute, else the SDK's. */
  protected get activeLocale(): Locale {
    return isLocale(this.locale) ? this.locale : (this.config?.locale ?? 'zh-CN');
  }

  protected t(key: PartnerMessage | Own, params?: Record<string, string | number>): string {
    return this.textIn(this.activeLocale, key, params);
  }

  private textIn(locale: Locale, key: PartnerMessage | Own, params?: Record<string, string | number>): string {
    const own = (this.constructor as typeof BankElement).messages?.[locale][key];
    return format(own ?? partnerMessages[locale][key as PartnerMessage], params);
  }

  /** The current attribute problems in the element's locale, for the visible alert. */
  private attributeText?: string;

  protected emit(event: BankEvent) {
    this.dispatchEvent(event);
  }

  /** Problems with the element's attributes, checked on every update; empty when all is well. */
  protected attributeProblems(): AttributeProblem<PartnerMessage | Own>[] {
    return this.locale != null && !isLocale(this.locale) ? [{ key: 'attr.locale', params: { value: this.locale } }] : [];
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
      const inLocale = (locale: Locale) =>
        problems.map((p) => (typeof p === 'string' ? p : this.textIn(locale, p.key, p.params))).join(locale === 'en' ? '; ' : '；');
      const message = inLocale('en');
      this.attributeText = inLocale(this.activeLocale);
      if (this.failure?.code !== 'invalid_attribute' || this.failure.message !== message) {
        this.failure = sdkError('invalid_attribute', message);
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
      this.emit(new BankErrorEvent({ ...error }));
    }
    if (!error && !this.announcedReady && this.session?.status === 'ready' && this.hasData) {
      this.announcedReady = true;
      this.emit(new BankReadyEvent());
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
    if (error.code === 'invalid_attribute' && error === this.failure && this.attributeText) {
      return this.t('error.invalid_attribute', { detail: this.attributeText });
    }
    const key = `error.${error.code}`;
    return key in partnerMessages.en ? this.t(key as PartnerMessage, { detail: error.message }) : error.message;
  }

  protected renderError(error: SdkError) {
    return html`<div part="error" role="alert">
      <span>${this.errorText(error)}</span>
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
    const theme = collectTheme(this);
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
    if (result === null) this.emit(new BankCancelEvent());
    frame.settle(result);
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('message', this.onInlineMessage);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onInlineMessage);
    this.closeSecureFrame(null);
  }

  /**
   * An inline bank frame: bank data shown inside the partner's layout, as tall as its content (no inner
   * scrollbar), measured before it is shown, with a skeleton of stable height meanwhile. The frame reports
   * `ready` and `error` through this element, and may ask it to open one of its dialog frames.
   */
  protected renderInlineFrame(name: string, title: string, params: Record<string, string> = {}) {
    const src = frameUrl(name, { locale: this.activeLocale, theme: JSON.stringify(collectTheme(this)), ...params });
    if (src !== this.inlineSrc) {
      this.inlineSrc = src;
      this.inlineReady = false;
    }
    const measured = this.inline?.src === src;
    return html`${measured ? nothing : html`<div part="skeleton" class="skeleton" role="status" aria-label=${this.t('loading')}>
        <span></span><span></span><span></span>
      </div>`}
      <iframe
        part="panel"
        class=${measured ? '' : 'measuring'}
        title=${title}
        src=${src}
        height=${measured ? this.inline!.height : 0}
        sandbox="allow-scripts allow-same-origin allow-forms allow-downloads"
      ></iframe>`;
  }

  /** Tells the inline frame to load its data again (after a dialog changed it). */
  protected refreshInlineFrame() {
    this.inlineElement?.contentWindow?.postMessage({ bank: 1, event: 'refresh', data: {} }, this.config!.bankOrigin);
  }

  /** The inline frame asks for one of this element's dialog frames; elements open only frames they know. */
  protected onInlineDialogRequest(_frame: string, _params: Record<string, string>) {}

  private onInlineMessage = (event: MessageEvent) => {
    const frame = this.inlineElement;
    if (!frame || event.origin !== this.config?.bankOrigin || event.source !== frame.contentWindow) return;
    const message: unknown = event.data;
    if (!isBankEvent(message)) return;
    if (message.event === 'resize') this.inline = { src: this.inlineSrc!, height: Math.ceil(message.data.height) };
    else if (message.event === 'ready') this.inlineReady = true;
    else if (message.event === 'error') this.emit(new BankErrorEvent({ ...message.data }));
    else if (message.event === 'open-dialog') this.onInlineDialogRequest(message.data.frame, message.data.params);
  };

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
