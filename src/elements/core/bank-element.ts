import { consume } from '@lit/context';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { format, isLocale, type Catalogue, type Locale } from '../../i18n/locale.ts';
import { partnerMessages, type PartnerMessage } from '../../i18n/partner.ts';
import { isBankEvent, sdkError, type BankEventMessage, type SdkError } from '../../protocol/post-message.ts';
import { configContext, sessionContext, type SdkConfig, type SessionState } from './context.ts';
import { BankCancelEvent, BankErrorEvent, BankReadyEvent, type BankEvent } from './events.ts';
import { connect, frameUrl, releaseActingElement } from './sdk.ts';
import { collectTheme, themeProperties } from './theme.ts';
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
  /** The frame did not show itself in time: the dialog says so, with Try again and Close. */
  failed: boolean;
  /** Where focus goes back to when the dialog closes. */
  opener: HTMLElement | null;
  settle: (result: Record<string, unknown> | null) => void;
}

/** How long a bank frame may take to show itself before the customer is told the bank is unavailable. */
const frameTimeout = 8000;

const frameUnavailable = () => sdkError('bank_unavailable', 'The bank frame did not load in time.', true);

/** How long after a dialog closed the element keeps putting lost focus back on its opener (or successor). */
const focusWatch = 5000;

/**
 * Scroll lock for the partner's page while a bank dialog is open: a class on <html> and a rule in a
 * constructed stylesheet (no `style` attribute, nothing inline for the partner's CSP to refuse).
 */
let openDialogs = 0;
let scrollLockSheet: CSSStyleSheet | undefined;
function lockScroll(lock: boolean) {
  if (!scrollLockSheet) {
    scrollLockSheet = new CSSStyleSheet();
    scrollLockSheet.replaceSync('html.bank-sdk-scroll-lock { overflow: hidden; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, scrollLockSheet];
  }
  openDialogs += lock ? 1 : -1;
  document.documentElement.classList.toggle('bank-sdk-scroll-lock', openDialogs > 0);
}

/**
 * What every partner-side element shares: config and session from context, localized text, typed events,
 * the visible error and loading states, and the modal dialog that hosts a bank frame.
 *
 * @event bank-ready - `{}` once the element shows real data and can be used.
 * @event bank-error - `{code, message, retryable}` whenever it cannot do something; also shown in the element.
 * @event bank-cancel - `{}` when the customer closes a bank dialog.
 * @csspart error - the error message box.
 * @csspart loading - the loading indicator.
 * @csspart dialog - the modal dialog around a bank frame.
 * @csspart frame - the bank frame itself.
 * @csspart panel - an inline bank frame (accounts, investments).
 * @csspart skeleton - the placeholder shown while an inline bank frame loads.
 * @cssprop --bank-color-primary - buttons and links (default #b0001e). Reaches the bank frames.
 * @cssprop --bank-color-on-primary - text on primary buttons (default #fff). Reaches the bank frames.
 * @cssprop --bank-color-text - text (default #1f2933). Reaches the bank frames.
 * @cssprop --bank-color-background - dialog and panel background (default #fff). Reaches the bank frames.
 * @cssprop --bank-color-muted - secondary text (default #52606d).
 * @cssprop --bank-color-error - error text and borders (default #a4001a). Reaches the bank frames.
 * @cssprop --bank-color-error-background - the error box's background (default #fff5f5).
 * @cssprop --bank-color-success - success text (default #0b6b3a).
 * @cssprop --bank-color-focus - the focus ring (default #1a5fd0). Reaches the bank frames.
 * @cssprop --bank-color-backdrop - the dialog backdrop (default rgb(15 23 42 / 55%)).
 * @cssprop --bank-color-skeleton - skeleton bars while loading.
 * @cssprop --bank-radius - corner radius of buttons and inputs (default 6px). Reaches the bank frames.
 * @cssprop --bank-radius-dialog - corner radius of dialogs (default 12px).
 * @cssprop --bank-font-family - the font (default system-ui). Reaches the bank frames.
 * @cssprop --bank-font-size - the base font size (default 1rem).
 * @cssprop --bank-panel-min-height - the height reserved for an inline bank frame while it loads (default 12rem).
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
  private frameTimer?: ReturnType<typeof setTimeout>;
  private inlineTimer?: ReturnType<typeof setTimeout>;
  /** After a dialog closed: the control to give focus back to, until the watch ends. */
  private focusReturn?: { opener: HTMLElement | null; until: number };

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

  /**
   * Whether `bank-ready` may fire. Unlike `hasData` it does not hold back rendering, so an element whose data is
   * in its inline frame returns `inlineReady` here (the frame must be rendered to become ready).
   */
  protected get showsRealData(): boolean {
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
    if (!error && !this.announcedReady && this.session?.status === 'ready' && this.hasData && this.showsRealData) {
      this.announcedReady = true;
      this.emit(new BankReadyEvent());
    }
    if (this.frame && this.dialog && !this.dialog.open) this.dialog.showModal();
    this.returnFocus();
  }

  /**
   * Gives focus back after a dialog closed: to the control that opened it, or, when that control is gone (the
   * Log in button became Log out, Pay became a receipt), to the element's `[data-focus-after-dialog]` or its
   * first button. Repeated on each render for a moment, because what replaces the opener may render later.
   */
  private returnFocus() {
    const pending = this.focusReturn;
    if (!pending || this.frame) return;
    if (Date.now() > pending.until) {
      this.focusReturn = undefined;
      return;
    }
    // Only when focus is lost (on <body> or this host with nothing inside): never take it from elsewhere.
    const active = document.activeElement;
    const lost = !active || active === document.body || (active === this && !this.shadowRoot?.activeElement);
    if (!lost) return;
    const opener = pending.opener;
    const target = opener?.isConnected && this.renderRoot.contains(opener)
      ? opener
      : (this.renderRoot.querySelector<HTMLElement>('[data-focus-after-dialog]') ?? this.renderRoot.querySelector<HTMLElement>('button'));
    target?.focus();
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

  /** A skeleton the size of the element's ready state (no spinner, nothing jumps), with its label for screen readers. */
  protected renderLoading(label = this.t('loading')) {
    return html`<div part="loading" class="skeleton" role="status"><span class="label">${label}</span><span></span><span></span></div>`;
  }

  /** The customer-facing text for an error code, in the element's locale. */
  protected errorText(error: SdkError): string {
    if (error.code === 'invalid_attribute' && error === this.failure && this.attributeText) {
      return this.t('error.invalid_attribute', { detail: this.attributeText });
    }
    const key = `error.${error.code}`;
    return key in partnerMessages.en ? this.t(key as PartnerMessage, { detail: error.message }) : error.message;
  }

  protected renderError(error: SdkError, retry = this.retry, more: unknown = nothing) {
    return html`<div part="error" role="alert">
      <span>${this.errorText(error)}</span>
      ${error.hint ? html`<p part="hint">${this.t('developerHint', { detail: error.hint })}</p>` : nothing}
      ${error.retryable ? html`<button class="secondary" part="button retry" @click=${retry}>${this.t('retry')}</button>` : nothing}
      ${more}
    </div>`;
  }

  /** Retries what failed; elements override to retry their own action first. */
  protected retry() {
    this.inlineSrc = undefined;
    if (this.failure) this.failure = null;
    else connect().catch(() => {});
  }

  /**
   * Opens a bank frame in a modal dialog. Resolves with what the frame reported when done,
   * or null when the customer closed it (then `bank-cancel` has fired).
   */
  protected openSecureFrame(name: string, title: string, params: Record<string, string> = {}) {
    const active = this.shadowRoot?.activeElement;
    // A dialog that follows another (login, then pay) returns focus to the first one's opener.
    const opener = (active instanceof HTMLElement ? active : null) ?? this.frame?.opener ?? this.focusReturn?.opener ?? null;
    this.frame?.settle(null);
    if (!this.frame) lockScroll(true);
    const theme = collectTheme(this);
    return new Promise<Record<string, unknown> | null>((resolve) => {
      const src = frameUrl(name, { locale: this.activeLocale, theme: JSON.stringify(theme), ...params });
      this.frame = { src, title, height: 320, measured: false, failed: false, opener, settle: resolve };
      this.focusReturn = undefined;
      this.startFrameTimer();
      window.addEventListener('message', this.onFrameMessage);
    });
  }

  /** A frame that has not measured itself in time (bank down, blocked): the dialog shows the error. */
  private startFrameTimer() {
    clearTimeout(this.frameTimer);
    this.frameTimer = setTimeout(() => {
      if (!this.frame || this.frame.measured) return;
      this.frame = { ...this.frame, failed: true };
      this.emit(new BankErrorEvent(frameUnavailable()));
    }, frameTimeout);
  }

  private retryFrame = () => {
    if (!this.frame) return;
    // A new URL (an extra, ignored parameter) makes the iframe load again.
    const src = `${this.frame.src.replace(/&retry=\d+$/, '')}&retry=${Date.now()}`;
    this.frame = { ...this.frame, src, failed: false, measured: false };
    this.startFrameTimer();
  };

  private closeButton = () => this.closeSecureFrame(null);

  protected closeSecureFrame(result: Record<string, unknown> | null) {
    const frame = this.frame;
    if (!frame) return;
    clearTimeout(this.frameTimer);
    window.removeEventListener('message', this.onFrameMessage);
    this.frame = undefined;
    this.dialog?.close();
    lockScroll(false);
    this.focusReturn = { opener: frame.opener, until: Date.now() + focusWatch };
    if (result === null) {
      // A later session change (a renewal, a logout elsewhere) must not be announced from this element.
      releaseActingElement(this);
      this.emit(new BankCancelEvent());
    }
    frame.settle(result);
  }

  private readonly internals = this.attachInternals();

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('message', this.onInlineMessage);
    // No colour scheme on the page and no theme colours: the customer's light or dark preference decides
    // (a custom state, so nothing is written into the partner's DOM).
    const computed = getComputedStyle(this);
    const themed = themeProperties.some((p) => p.startsWith('--bank-color-') && computed.getPropertyValue(p).trim());
    if (!this.internals.states.has('auto-scheme') && computed.colorScheme === 'normal' && !themed) {
      this.internals.states.add('auto-scheme');
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.inlineTimer);
    window.removeEventListener('message', this.onInlineMessage);
    this.closeSecureFrame(null);
    releaseActingElement(this);
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
      this.inline = undefined;
      clearTimeout(this.inlineTimer);
      this.inlineTimer = setTimeout(() => {
        if (this.inline?.src === src || this.inlineSrc !== src) return;
        this.failure = frameUnavailable();
      }, frameTimeout);
    }
    const measured = this.inline?.src === src;
    return html`${measured ? nothing : html`<div part="skeleton" class="skeleton" role="status">
        <span class="label">${this.t('loading')}</span><span></span><span></span><span></span>
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
    if (message.event === 'resize') {
      clearTimeout(this.inlineTimer);
      this.inline = { src: this.inlineSrc!, height: Math.ceil(message.data.height) };
    } else if (message.event === 'ready') this.inlineReady = true;
    else if (message.event === 'error') this.emit(new BankErrorEvent({ ...message.data }));
    else if (message.event === 'open-dialog') this.onInlineDialogRequest(message.data.frame, message.data.params);
  };

  private onFrameMessage = (event: MessageEvent) => {
    const frame = this.frame;
    if (!frame || event.origin !== this.config?.bankOrigin || event.source !== this.frameElement?.contentWindow) return;
    const message: unknown = event.data;
    if (!isBankEvent(message)) return;
    if (message.event === 'resize') {
      clearTimeout(this.frameTimer);
      this.frame = { ...frame, height: Math.ceil(message.data.height), measured: true, failed: false };
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
    // The close button is the page's own, so it works even when the frame is broken or not loaded. It comes
    // last in the DOM (the frame takes focus first) and is drawn first (CSS order).
    return html`<dialog part="dialog" aria-label=${frame.title} @cancel=${this.onDialogCancel}>
      ${frame.failed
        ? html`<div class="dialog-error">${this.renderError(frameUnavailable(), this.retryFrame,
            html`<button class="secondary" part="button" @click=${this.closeButton}>${this.t('close')}</button>`)}</div>`
        : frame.measured ? nothing : html`<div class="dialog-loading">${this.renderLoading()}</div>`}
      ${html`<iframe
        part="frame"
        class=${frame.measured ? '' : 'measuring'}
        title=${frame.title}
        src=${frame.src}
        height=${frame.height}
        sandbox="allow-scripts allow-same-origin allow-forms"
      ></iframe>`}
      <div class="dialog-bar">
        <button class="close" part="close" aria-label=${this.t('close')} @click=${this.closeButton}>×</button>
      </div>
    </dialog>`;
  }

  private onDialogCancel = (event: Event) => {
    event.preventDefault();
    this.closeSecureFrame(null);
  };
}
