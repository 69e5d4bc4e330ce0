import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { isBankEvent, sdkError, type BankEventMessage, type SdkError } from '../../protocol/post-message.ts';
import type { BankCore, BankDialog, FrameResult } from './context.ts';
import { bankEvent, type BankEvent } from './events.ts';
import { secureDialogStyles } from './secure-dialog.styles.ts';
import { collectTheme } from './theme.ts';

/**
 * The modal dialog that hosts a bank frame (login, payment, application…). Loaded only when a customer shows
 * intent (see `BankElement`), so a partner page that never opens a dialog never downloads it.
 */

/** What the dialog needs of its element (members that are `protected` there). */
export interface DialogHost extends ReactiveElement {
  readonly activeLocale: string;
  readonly config?: { bankOrigin: string };
  t(key: string, params?: Record<string, string | number>): string;
  emit(event: BankEvent): void;
  renderError(error: SdkError, retry?: () => void, more?: unknown): TemplateResult;
  renderLoading(label?: string): TemplateResult;
  onFrameEvent(message: BankEventMessage): void;
}

interface OpenFrame {
  src: string;
  /** The catalogue key of the frame's title: the title follows the element's locale. */
  titleKey: string;
  /** The locale and theme the frame was loaded with: when the page changes either, the frame loads again in them. */
  locale: string;
  theme: string;
  height: number;
  measured: boolean;
  /** The frame did not show itself in time: the dialog says so, with Try again and Close. */
  failed: boolean;
  /** Where focus goes back to when the dialog closes. */
  opener: HTMLElement | null;
  settle: (result: FrameResult) => void;
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

export class SecureDialog implements ReactiveController, BankDialog {
  private frame?: OpenFrame;
  private frameTimer?: ReturnType<typeof setTimeout>;
  /** After a dialog closed: the control to give focus back to, until the watch ends. */
  private focusReturn?: { opener: HTMLElement | null; until: number };

  constructor(private readonly host: DialogHost, private readonly frameUrl: BankCore['frameUrl']) {
    host.addController(this);
    const root = host.shadowRoot;
    if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, secureDialogStyles.styleSheet!];
  }

  private get dialog() {
    return this.host.renderRoot.querySelector('dialog');
  }

  private get frameElement() {
    return this.host.renderRoot.querySelector<HTMLIFrameElement>('dialog iframe');
  }

  /** See `BankDialog.open`. */
  open(name: string, titleKey: string, params: Record<string, string>, active: Element | null | undefined) {
    // A dialog that follows another (login, then pay) returns focus to the first one's opener.
    const opener = (active instanceof HTMLElement ? active : null) ?? this.frame?.opener ?? this.focusReturn?.opener ?? null;
    this.frame?.settle(null);
    if (!this.frame) lockScroll(true);
    const theme = JSON.stringify(collectTheme(this.host));
    const locale = this.host.activeLocale;
    return new Promise<FrameResult>((resolve) => {
      const src = this.frameUrl(name, { locale, theme, ...params });
      this.set({ src, titleKey, locale, theme, height: 320, measured: false, failed: false, opener, settle: resolve });
      this.focusReturn = undefined;
      this.startFrameTimer();
      window.addEventListener('message', this.onFrameMessage);
    });
  }

  private set(frame: OpenFrame | undefined) {
    this.frame = frame;
    this.host.requestUpdate();
  }

  /** A frame that has not measured itself in time (bank down, blocked): the dialog shows the error. */
  private startFrameTimer() {
    clearTimeout(this.frameTimer);
    this.frameTimer = setTimeout(() => {
      if (!this.frame || this.frame.measured) return;
      this.set({ ...this.frame, failed: true });
      this.host.emit(bankEvent('bank-error', frameUnavailable()));
    }, frameTimeout);
  }

  private retryFrame = () => {
    if (!this.frame) return;
    // A new URL (an extra, ignored parameter) makes the iframe load again.
    const src = `${this.frame.src.replace(/&retry=\d+$/, '')}&retry=${Date.now()}`;
    this.set({ ...this.frame, src, failed: false, measured: false });
    this.startFrameTimer();
  };

  private closeButton = () => this.close(null);

  close(result: FrameResult) {
    const frame = this.frame;
    if (!frame) return;
    clearTimeout(this.frameTimer);
    window.removeEventListener('message', this.onFrameMessage);
    this.set(undefined);
    this.dialog?.close();
    lockScroll(false);
    this.focusReturn = { opener: frame.opener, until: Date.now() + focusWatch };
    if (result === null) this.host.emit(bankEvent('bank-cancel', {}));
    frame.settle(result);
  }

  /**
   * The page changed its language (`<html lang>`, the script's `data-locale`, the element's `locale`) or its look
   * (the SDK re-renders its elements when it may have): an open frame loads again in the new locale and theme.
   * Frames are built per locale, so this is a new load; the bank keeps nothing half done (a payment is only ever
   * confirmed by its Confirm button, and its attempt key lives in the order's frame session).
   */
  hostUpdate() {
    const frame = this.frame;
    if (!frame) return;
    const locale = this.host.activeLocale;
    const theme = JSON.stringify(collectTheme(this.host));
    if (locale === frame.locale && theme === frame.theme) return;
    const url = new URL(frame.src);
    url.searchParams.set('locale', locale);
    url.searchParams.set('theme', theme);
    this.frame = { ...frame, src: url.href, locale, theme, measured: false, failed: false };
    this.startFrameTimer();
  }

  hostUpdated() {
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
    const host = this.host;
    const active = document.activeElement;
    const lost = !active || active === document.body || (active === host && !host.shadowRoot?.activeElement);
    if (!lost) return;
    const opener = pending.opener;
    const target = opener?.isConnected && host.renderRoot.contains(opener)
      ? opener
      : (host.renderRoot.querySelector<HTMLElement>('[data-focus-after-dialog]') ?? host.renderRoot.querySelector<HTMLElement>('button'));
    target?.focus();
  }

  private onFrameMessage = (event: MessageEvent) => {
    const frame = this.frame;
    if (!frame || event.origin !== this.host.config?.bankOrigin || event.source !== this.frameElement?.contentWindow) return;
    const message: unknown = event.data;
    if (!isBankEvent(message)) return;
    if (message.event === 'resize') {
      clearTimeout(this.frameTimer);
      this.set({ ...frame, height: Math.ceil(message.data.height), measured: true, failed: false });
      if (!frame.measured) requestAnimationFrame(() => this.frameElement?.focus());
    } else if (message.event === 'close') {
      this.close(null);
    } else if (message.event === 'done') {
      this.close(message.data);
    } else {
      this.host.onFrameEvent(message);
    }
  };

  render() {
    const frame = this.frame;
    if (!frame) return nothing;
    // The close button is the page's own, so it works even when the frame is broken or not loaded. It comes
    // last in the DOM (the frame takes focus first) and is drawn first (CSS order).
    return html`<dialog part="dialog" aria-label=${this.host.t(frame.titleKey)} @cancel=${this.onDialogCancel}>
      ${frame.failed
        ? html`<div class="dialog-error">${this.host.renderError(frameUnavailable(), this.retryFrame,
            html`<button class="secondary" part="button" @click=${this.closeButton}>${this.host.t('close')}</button>`)}</div>`
        : frame.measured ? nothing : html`<div class="dialog-loading">${this.host.renderLoading()}</div>`}
      ${html`<iframe
        part="frame"
        class=${frame.measured ? '' : 'measuring'}
        title=${this.host.t(frame.titleKey)}
        src=${frame.src}
        height=${frame.height}
        sandbox="allow-scripts allow-same-origin allow-forms"
      ></iframe>`}
      <div class="dialog-bar">
        <button class="close" part="close" aria-label=${this.host.t('close')} @click=${this.closeButton}>×</button>
      </div>
    </dialog>`;
  }

  private onDialogCancel = (event: Event) => {
    event.preventDefault();
    this.close(null);
  };
}
