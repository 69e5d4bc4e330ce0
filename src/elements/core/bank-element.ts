import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { format, isLocale, type Catalogue, type Locale } from '../../i18n/locale.ts';
import { loadPartnerCatalogue, partnerCatalogue, type PartnerMessage } from '../../i18n/partner-catalogue.ts';
import { sdkError, type BankEventMessage, type SdkError } from '../../protocol/post-message.ts';
import {
  bankContext, configContext, sessionContext, type BankCore, type BankDialog, type SdkConfig, type SessionState,
} from './context.ts';
import { bankEvent, type BankEvent } from './events.ts';
import type { DialogHost } from './secure-dialog.ts';
import { themeProperties } from './theme-properties.ts';
import { baseStyles } from './bank-element.styles.ts';

/**
 * One problem with an element's attributes: a catalogue key (with its parameters), so the customer reads it in the
 * element's locale while `bank-error` carries it in English for the developer. A plain string is English only.
 */
export type AttributeProblem<K extends string = string> = string | { key: K; params?: Record<string, string | number> };

/** Signs that the customer is about to press one of the element's buttons. */
const intents = ['pointerdown', 'keydown', 'focusin'];
/** Elements whose colour scheme is still to be checked (`BankElement.#checkSchemes`). */
const schemeChecks = new Set<BankElement<string>>();

/**
 * What every partner-side element shares: config, session and the SDK core (`BankCore`: bank calls, the acting
 * element, the dialog manager) from context, localized text, typed events, the visible error and loading states,
 * and the modal dialog that hosts a bank frame.
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

  /**
   * The element's texts for its attribute problems (`attr.*`): a lazy chunk, fetched when an attribute is wrong (a
   * page whose attributes are right never shows them). `attributeTexts` holds the fetch, then the texts.
   */
  static attributeMessages?: () => Promise<Catalogue<string>>;
  static attributeTexts?: Promise<void> | Catalogue<string>;

  static properties: PropertyDeclarations = {
    locale: { reflect: true },
    config: { state: true },
    session: { state: true },
    failure: { state: true },
  };

  /** Overrides the script tag's `data-locale`: `en` or `zh-CN`. */
  locale?: string;

  protected config?: SdkConfig;
  protected session?: SessionState;
  /** The SDK core, provided with config and session from `<html>` (or by a test's fake bank). */
  protected bank!: BankCore;

  /** An error of this element (a bad attribute, a failed action), shown in place of its content. */
  protected failure: SdkError | null = null;
  constructor() {
    super();
    // The core, config and session from the SDK's providers on <html> (chunks upgrade in any order).
    new ContextConsumer(this, { context: bankContext, callback: (value) => (this.bank = value) });
    new ContextConsumer(this, { context: configContext, subscribe: true, callback: (value) => (this.config = value) });
    new ContextConsumer(this, { context: sessionContext, subscribe: true, callback: (value) => (this.session = value) });
  }

  #announcedError?: SdkError;
  #announcedReady = false;
  /** The element's bank dialog, from the core's dialog manager once the element first opened one. */
  #secureDialog?: BankDialog;

  /** The element's locale: its own attribute, else the SDK's. */
  protected get activeLocale(): Locale {
    return isLocale(this.locale) ? this.locale : (this.config?.locale ?? 'zh-CN');
  }

  protected t(key: PartnerMessage | Own, params?: Record<string, string | number>): string {
    return this.#textIn(this.activeLocale, key, params);
  }

  #textIn(locale: Locale, key: PartnerMessage | Own, params?: Record<string, string | number>): string {
    const element = this.constructor as typeof BankElement;
    const own = element.messages?.[locale][key] ?? (element.attributeTexts as Catalogue<string> | undefined)?.[locale]?.[key];
    return format(own ?? partnerCatalogue(locale)?.[key as PartnerMessage] ?? '', params);
  }

  /** The shared texts this render needs have not loaded yet: nothing is shown or announced until they have. */
  #textsPending = true;

  /** Whether the texts of the element's locale (and English, for a `bank-error` message) are in; else loads them. */
  #textsLoaded(): boolean {
    // Before the SDK's config arrives the locale is not known: load nothing yet.
    if (!this.config && !isLocale(this.locale)) return false;
    const needed = new Set<Locale>([this.activeLocale]);
    const problems = this.attributeProblems().length > 0;
    if (this.config?.error || problems) needed.add('en');
    let loaded = !problems || this.#attributeTextsIn();
    for (const locale of needed) {
      if (partnerCatalogue(locale)) continue;
      loaded = false;
      loadPartnerCatalogue(locale).then(() => this.requestUpdate());
    }
    return loaded;
  }

  /** The attribute texts' chunk could not be fetched: the element says the bank is unavailable (Try again fetches again). */
  #attributeTextsFailed = false;

  /** Whether the element's attribute texts are in (or cannot come); else fetches them (once a page) and renders again. */
  #attributeTextsIn(): boolean {
    const element = this.constructor as typeof BankElement;
    const texts = element.attributeTexts;
    if (!element.attributeMessages || this.#attributeTextsFailed || (texts && !(texts instanceof Promise))) return true;
    (element.attributeTexts = texts ?? element.attributeMessages().then(
      (texts) => void (element.attributeTexts = texts),
      (error: unknown) => {
        element.attributeTexts = undefined; // asking again fetches again
        throw error;
      },
    )).then(() => this.requestUpdate(), () => {
      this.#attributeTextsFailed = true;
      this.failure = sdkError('bank_unavailable', 'The bank did not answer.', true);
    });
    // The wrong attribute stops the element while its texts load too: nothing is asked of the bank for it.
    if (this.failure?.code !== 'invalid_attribute') this.failure = sdkError('invalid_attribute', '');
    return false;
  }

  /** The current attribute problems in the element's locale, for the visible alert. */
  #attributeText?: string;

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
    this.#textsPending = !this.#textsLoaded();
    if (this.#textsPending) return;
    // The SDK started a new bank session (after the old one ended): what failed for that reason can go again.
    if (changed.has('session') && this.session?.status === 'ready' && this.failure?.code === 'session_expired') {
      this.failure = null;
    }
    const problems = this.attributeProblems();
    if (problems.length && this.#attributeTextsFailed) return;
    if (problems.length) {
      const inLocale = (locale: Locale) =>
        problems.map((p) => (typeof p === 'string' ? p : this.#textIn(locale, p.key, p.params))).join(locale === 'en' ? '; ' : '；');
      const message = inLocale('en');
      this.#attributeText = inLocale(this.activeLocale);
      if (this.failure?.code !== 'invalid_attribute' || this.failure.message !== message) {
        this.failure = sdkError('invalid_attribute', message);
      }
    } else if (this.failure?.code === 'invalid_attribute') {
      this.failure = null;
    }
  }

  protected updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.#textsPending) return;
    const error = this.currentError;
    if (error && error !== this.#announcedError) {
      this.#announcedError = error;
      this.emit(bankEvent('bank-error', { ...error }));
    }
    if (!error && !this.#announcedReady && this.session?.status === 'ready' && this.hasData && this.showsRealData) {
      this.#announcedReady = true;
      this.emit(bankEvent('bank-ready', {}));
      // Off the path to ready, yet before anyone taps: a bank that goes down later can still be shown in its dialog.
      this.bank.preloadDialog();
    }
  }

  protected get currentError(): SdkError | null {
    // A broken script tag explains everything else, so it wins over the element's own problems.
    return this.config?.error ?? this.failure ?? (this.session?.status === 'error' ? this.session.error : null);
  }

  render() {
    if (this.#textsPending) return html`<div part="loading" class="skeleton"><span></span><span></span></div>`;
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
    return html`${content}${this.#secureDialog?.render() ?? nothing}`;
  }

  /** The element's usable state: the session is ready and its data is loaded. */
  protected abstract renderReady(): TemplateResult;

  /** A skeleton the size of the element's ready state (no spinner, nothing jumps), with its label for screen readers. */
  protected renderLoading(label = this.t('loading')) {
    return html`<div part="loading" class="skeleton" role="status"><span class="label">${label}</span><span></span><span></span></div>`;
  }

  /** The customer-facing text for an error code, in the element's locale. */
  protected errorText(error: SdkError): string {
    if (error.code === 'invalid_attribute' && error === this.failure && this.#attributeText) {
      return this.t('error.invalid_attribute', { detail: this.#attributeText });
    }
    const key = `error.${error.code}`;
    // A code only one element shows has its text in that element's messages (e.g. a payment's failures in <bank-pay>).
    const own = (this.constructor as typeof BankElement).messages?.[this.activeLocale] ?? {};
    return key in partnerCatalogue(this.activeLocale)! || key in own ? this.t(key as PartnerMessage, { detail: error.message }) : error.message;
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
    this.#attributeTextsFailed = false;
    if (this.failure) this.failure = null;
    else this.bank.connect().catch(() => {});
  }

  /**
   * Opens a bank frame in a modal dialog. Resolves with what the frame reported when done,
   * or null when the customer closed it (then `bank-cancel` has fired, and the element no longer acts).
   */
  protected async openSecureFrame(name: string, titleKey: PartnerMessage | Own, params: Record<string, string> = {}) {
    const active = this.shadowRoot?.activeElement;
    try {
      this.#secureDialog = await this.bank.dialog(this as unknown as DialogHost);
    } catch {
      // The dialog's code did not come (the bank's CDN is unreachable): say so in the element, with Try again.
      this.failure = sdkError('bank_unavailable', 'The bank did not answer.', true);
      this.bank.release(this);
      return null;
    }
    const result = await this.#secureDialog.open(name, titleKey, params, active);
    // A later session change (a renewal, a logout elsewhere) must not be announced from this element.
    if (!result) this.bank.release(this);
    return result;
  }

  protected closeSecureFrame(result: Record<string, unknown> | null) {
    this.#secureDialog?.close(result);
  }

  readonly #internals = this.attachInternals();

  connectedCallback() {
    super.connectedCallback();
    // The dialog's code loads on the first sign that the customer is about to act, so the click finds it ready.
    for (const type of intents) this.addEventListener(type, this.#preloadDialog, { once: true, passive: true });
    if (!schemeChecks.size) queueMicrotask(BankElement.#checkSchemes);
    schemeChecks.add(this);
  }

  /**
   * No colour scheme on the page and no theme colours: the customer's light or dark preference decides (a custom
   * state, so nothing is written into the partner's DOM). The elements connected together (a chunk upgrading 50 of
   * them) are all read first, then all marked: one style recalculation for all, not one per element.
   */
  static #checkSchemes() {
    const auto = [...schemeChecks].filter((element) => {
      const computed = getComputedStyle(element); // of an element no longer connected: empty, so not 'normal'
      return computed.colorScheme === 'normal' &&
        !themeProperties.some((p) => p.startsWith('--bank-color-') && computed.getPropertyValue(p).trim());
    });
    schemeChecks.clear();
    for (const element of auto) element.#internals.states.add('auto-scheme');
  }

  #preloadDialog = () => this.bank?.preloadDialog();

  disconnectedCallback() {
    super.disconnectedCallback();
    this.closeSecureFrame(null);
    this.bank?.release(this);
  }

  /** Other events of the open bank frame (e.g. a failed payment attempt), for elements that expect them. */
  protected onFrameEvent(_message: BankEventMessage) {}
}
