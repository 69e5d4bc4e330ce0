// Mounts SDK elements in isolation: a wrapper element provides the three contexts that `BankSDK` would normally
// provide from <html> (config, session and the SDK core), so tests control them directly. The core is a fake bank
// (`FakeBank`, below) that implements the same `BankCore` interface as the real one in src/elements/core/sdk.ts:
// canned answers per bridge method, and a dialog manager whose bank frames answer as scripted (done, cancel,
// failure events). The real bank, bridge and frames are covered end to end by test/e2e.
//
//   const { element, bank, eventsOf } = await mountWithContext<BankPay>(html`<bank-pay order-id="ord_demo01">`, {
//     session: loggedInSession,
//     bank: { answers: { getOrder: order }, frames: { pay: { done: { outcome: 'paid', paymentId, paidAt } } } },
//   });
//
// Without `bank.answers` every bridge call rejects with `notConnected`, as the SDK does before it has connected.
import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { nothing, render, type TemplateResult } from 'lit';
import {
  bankContext, configContext, sessionContext, type BankCore, type BankDialog, type FrameResult, type SdkConfig, type SessionState,
} from '../../src/elements/core/context.ts';
import type { BankElement } from '../../src/elements/core/bank-element.ts';
import { bankEvent } from '../../src/elements/core/events.ts';
import type { DialogHost } from '../../src/elements/core/secure-dialog.ts';
import { sessionAnnouncer } from '../../src/elements/core/session-announcer.ts';
import { loadPartnerCatalogue } from '../../src/i18n/partner-catalogue.ts';
import type { BankEventMessage, BridgeMethod, CustomerDisplay } from '../../src/protocol/post-message.ts';

// The SDK loads one locale's texts at start; tests switch locales freely, so both are in before any element mounts.
await Promise.all([loadPartnerCatalogue('en'), loadPartnerCatalogue('zh-CN')]);

export const demoConfig: SdkConfig = Object.freeze({
  appId: 'app_demo_rental',
  locale: 'en',
  bankOrigin: 'http://127.0.0.1:4010',
  base: 'http://127.0.0.1:4010/sdk/v1/',
  error: null,
});

export const demoCustomer: CustomerDisplay = Object.freeze({
  customerId: 'cus_demo_zhang',
  displayName: 'Zhang *',
  expiresAt: '2099-01-01T00:00:00.000Z',
});

export const startingSession: SessionState = Object.freeze({ status: 'starting', customer: null, error: null });
export const loggedOutSession: SessionState = Object.freeze({ status: 'ready', customer: null, error: null });
export const loggedInSession: SessionState = Object.freeze({ status: 'ready', customer: demoCustomer, error: null });

/** The `bank-*` events recorded by default (listened for on the wrapper, so only bubbling ones arrive). */
export const bankEvents = ['bank-ready', 'bank-error', 'bank-cancel', 'bank-login-success', 'bank-logout'];

export interface MountOptions {
  /** Merged over `demoConfig`. */
  config?: Partial<SdkConfig>;
  /** Merged over `loggedOutSession` (ready, nobody logged in). */
  session?: Partial<SessionState>;
  /** Event types to record in `events`; defaults to `bankEvents`. */
  record?: string[];
  /** What the fake bank answers; without it every bridge call fails with `notConnected`. */
  bank?: FakeBankOptions;
  /**
   * The element's attribute texts (`attr.*`, a lazy chunk fetched when an attribute is wrong) are in before the
   * mount resolves, as the partner texts are, so a test reads an attribute problem in one update. `lazy`: as on a
   * page (test/elements/attribute-texts.test.ts).
   */
  attributeTexts?: 'lazy';
}

export interface Mounted<T extends HTMLElement> {
  /** The first element of the template. */
  element: T;
  /** The element providing both contexts; the template is rendered inside it. */
  wrapper: HTMLElement;
  /** Every recorded event that bubbled up to the wrapper, in order, from the first render on. */
  events: CustomEvent[];
  /** Recorded events of one type. */
  eventsOf(type: string): CustomEvent[];
  config(): SdkConfig;
  session(): SessionState;
  /** Provides a new session object (merged over the current one); resolves once the element has re-rendered. */
  setSession(next: Partial<SessionState>): Promise<void>;
  /** Provides a new config object (merged over the current one); resolves once the element has re-rendered. */
  setConfig(next: Partial<SdkConfig>): Promise<void>;
  /** The fake SDK core the element was given (`bankContext`). */
  bank: FakeBank;
}

async function settled(element: HTMLElement) {
  const updating = element as HTMLElement & { updateComplete?: Promise<unknown> };
  // A second pass in case the first update requested another one (properties set in `updated`).
  for (let i = 0; i < 2; i++) if (updating.updateComplete) await updating.updateComplete;
}

/**
 * Renders `template` inside a fresh wrapper that provides `configContext` and `sessionContext`.
 * The providers exist before the template's elements connect, as on a real page, and event recording
 * starts before their first render.
 */
export async function mountWithContext<T extends HTMLElement = HTMLElement>(
  template: TemplateResult,
  options: MountOptions = {},
): Promise<Mounted<T>> {
  const wrapper = await fixture<HTMLElement>(html`<div data-test-context-host></div>`);
  let config: SdkConfig = { ...demoConfig, ...options.config };
  let session: SessionState = { ...loggedOutSession, ...options.session };
  const configProvider = new ContextProvider(wrapper, { context: configContext, initialValue: config });
  const sessionProvider = new ContextProvider(wrapper, { context: sessionContext, initialValue: session });
  let element: T | null = null;
  const bank = new FakeBank(options.bank, () => session, async (next) => {
    session = next;
    sessionProvider.setValue(session);
    if (element) await settled(element);
  });
  new ContextProvider(wrapper, { context: bankContext, initialValue: bank });

  const events: CustomEvent[] = [];
  for (const type of options.record ?? bankEvents) {
    wrapper.addEventListener(type, (event) => events.push(event as CustomEvent));
  }

  render(template, wrapper);
  element = wrapper.firstElementChild as T | null;
  if (!element) throw new Error('mountWithContext: the template rendered no element');
  await settled(element);
  const elementClass = element.constructor as typeof BankElement;
  if (options.attributeTexts !== 'lazy' && elementClass.attributeMessages) {
    if (elementClass.attributeTexts instanceof Promise) await elementClass.attributeTexts;
    elementClass.attributeTexts ??= await elementClass.attributeMessages();
    await settled(element);
  }

  return {
    element,
    bank,
    wrapper,
    events,
    eventsOf: (type) => events.filter((event) => event.type === type),
    config: () => config,
    session: () => session,
    async setSession(next) {
      session = { ...session, ...next };
      sessionProvider.setValue(session);
      await settled(element!);
    },
    async setConfig(next) {
      config = { ...config, ...next };
      configProvider.setValue(config);
      await settled(element!);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The fake bank: the SDK core (`BankCore`) with canned answers
// ---------------------------------------------------------------------------------------------------------------

/** A canned answer to a bridge call: the result, or a function of the call's params (throw an `SdkError` to refuse). */
export type CannedAnswer = unknown | ((params: Record<string, string>) => unknown);

/**
 * How a bank frame answers when an element opens it in its dialog, as the real frame would:
 * - `{done}`: the frame finished with this data (its `done` message); with `customer`, the customer logged in
 *   first (the bridge's `session` event: the session changes and `bank-login-success` is announced);
 * - `'cancel'`: the customer closed the dialog (`bank-cancel` fires, the element gets null);
 * - `{events, then}`: the frame sends these events to the element (e.g. `payment-failed`), then, unless the element
 *   closed it meanwhile, answers `then` (default: it stays open until the element or the test closes it).
 */
export type FrameAnswer =
  | { done: Record<string, unknown>; customer?: CustomerDisplay }
  | 'cancel'
  | { events: BankEventMessage[]; then?: FrameAnswer };

/** What a frame was opened with; a scripted frame answer may be a function of it (and may wait: return a promise). */
export interface FrameRequest {
  element: HTMLElement;
  name: string;
  titleKey: string;
  params: Record<string, string>;
}

export interface FakeBankOptions {
  /** Per bridge method; a method without an answer fails with `notConnected`. `logout` answers by default. */
  answers?: Partial<Record<BridgeMethod, CannedAnswer>>;
  /** Per frame name (`login`, `pay`, `loan`, …); a frame without an answer is cancelled by the customer. */
  frames?: Record<string, FrameAnswer | ((request: FrameRequest) => FrameAnswer | Promise<FrameAnswer>)>;
  /** The dialog's code cannot be fetched (the bank's CDN is down): opening a dialog fails. */
  dialogUnavailable?: boolean;
}

/** The login frame's answer when `customer` logs in. */
export const loginAs = (customer: CustomerDisplay = demoCustomer): FrameAnswer => ({ done: { customer }, customer });

/** A `payment-failed` event of the pay frame (`final`: the dialog has nothing more to offer and closes). */
export const paymentFailed = (code: string, message: string, final = true): BankEventMessage =>
  ({ bank: 1, event: 'payment-failed', data: { code, message, final } }) as BankEventMessage;

/**
 * The SDK core for element tests, implementing the real `BankCore` interface (so it cannot drift from it). Session
 * changes it makes (a login in a dialog, a logout, `customerChanged`) are provided and announced as the SDK does,
 * with the SDK's own rule (`sessionAnnouncer`), so the acting element is tested as the page sees it.
 */
export class FakeBank implements BankCore {
  /** Every bridge call, in order. */
  readonly calls: { method: BridgeMethod; params: Record<string, string> }[] = [];
  /** Every bank frame opened, in order. */
  readonly opened: FrameRequest[] = [];
  /** How often an element retried the connection ("Try again" on a session error). */
  connects = 0;
  private readonly announcer = sessionAnnouncer();
  private readonly dialogs = new Map<HTMLElement, FakeDialog>();

  constructor(
    private readonly options: FakeBankOptions = {},
    private readonly session: () => SessionState,
    private readonly provide: (session: SessionState) => Promise<void>,
  ) {}

  call<T>(method: BridgeMethod, params: Record<string, string> = {}): Promise<T> {
    this.calls.push({ method, params });
    const answers = this.options.answers ?? {};
    const answer = method in answers ? answers[method] : method === 'logout' ? { customer: null } : undefined;
    if (answer === undefined) return Promise.reject({ ...notConnected });
    return Promise.resolve().then(() => (typeof answer === 'function' ? answer(params) : answer) as T);
  }

  act(element: EventTarget) {
    this.announcer.act(element);
  }

  release(element: EventTarget) {
    this.announcer.release(element);
  }

  async connect() {
    this.connects++;
  }

  async logout(from?: EventTarget) {
    if (!this.session().customer) return;
    if (from) this.act(from);
    await this.call('logout');
    await this.customerChanged(null);
  }

  frameUrl(name: string, params: Record<string, string> = {}) {
    // Inert: nothing loads, yet the URL says which frame with which parameters.
    return `about:blank#frames/${name}?${new URLSearchParams(params)}`;
  }

  async dialog(host: DialogHost): Promise<BankDialog> {
    await Promise.resolve();
    if (this.options.dialogUnavailable) throw new TypeError('Failed to fetch dynamically imported module');
    const element = host as unknown as HTMLElement;
    if (!this.dialogs.has(element)) this.dialogs.set(element, new FakeDialog(host, this));
    return this.dialogs.get(element)!;
  }

  preloadDialog() {}

  /** The bridge's `session` event: the customer changed (a login, a renewal, a logout elsewhere), announced. */
  async customerChanged(customer: CustomerDisplay | null) {
    const before = this.session().customer;
    await this.provide({ ...this.session(), customer });
    this.announcer.changed(before, customer);
  }

  /** The frame open in `element`'s dialog, if any. */
  openFrame(element: HTMLElement): FrameRequest | undefined {
    return this.dialogs.get(element)?.request;
  }

  /** The customer closes `element`'s dialog (its close button, Escape). */
  cancel(element: HTMLElement) {
    this.dialogs.get(element)?.close(null);
  }

  /** @internal The scripted answer of a frame. */
  async answerFor(request: FrameRequest): Promise<FrameAnswer> {
    const answer = this.options.frames?.[request.name] ?? 'cancel';
    return typeof answer === 'function' ? answer(request) : answer;
  }
}

/** A bank dialog whose frame answers as scripted; rendered as an open, labelled `<dialog>` (no frame inside). */
class FakeDialog implements BankDialog {
  request?: FrameRequest;
  private settle?: (result: FrameResult) => void;

  constructor(private readonly host: DialogHost, private readonly bank: FakeBank) {}

  open(name: string, titleKey: string, params: Record<string, string>) {
    this.settle?.(null); // a dialog that follows another replaces it, as the real one does
    const request: FrameRequest = { element: this.host as unknown as HTMLElement, name, titleKey, params };
    this.bank.opened.push(request);
    this.request = request;
    this.host.requestUpdate();
    const result = new Promise<FrameResult>((resolve) => (this.settle = resolve));
    void this.bank.answerFor(request).then((answer) => this.answer(request, answer));
    return result;
  }

  private async answer(request: FrameRequest, answer: FrameAnswer) {
    if (this.request !== request) return;
    if (answer === 'cancel') this.close(null);
    else if ('done' in answer) {
      if (answer.customer) await this.bank.customerChanged(answer.customer);
      this.close(answer.done);
    } else {
      for (const message of answer.events) this.host.onFrameEvent(message);
      if (answer.then && this.request === request) await this.answer(request, answer.then);
    }
  }

  close(result: FrameResult) {
    const settle = this.settle;
    if (!settle) return;
    this.settle = undefined;
    this.request = undefined;
    this.host.requestUpdate();
    if (result === null) this.host.emit(bankEvent('bank-cancel', {}));
    settle(result);
  }

  render() {
    const request = this.request;
    return request ? html`<dialog part="dialog" open aria-label=${this.host.t(request.titleKey)}></dialog>` : nothing;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Looking inside a mounted element
// ---------------------------------------------------------------------------------------------------------------

/** The element's shadow root, asserting it is open. */
export function shadow(element: HTMLElement): ShadowRoot {
  expect(element.shadowRoot, 'open shadow root').to.exist;
  return element.shadowRoot!;
}

export const buttons = (element: HTMLElement) => [...shadow(element).querySelectorAll('button')];
/** The text content with white space folded, as a reader hears it. */
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const alertOf = (element: HTMLElement) => shadow(element).querySelector('[role="alert"]');
export const statusOf = (element: HTMLElement) => shadow(element).querySelector('[role="status"]');
export const errorPart = (element: HTMLElement) => shadow(element).querySelector('[part~="error"]')!;

/** Adds a page style sheet while `run` runs. */
export async function withPageStyle(css: string, run: () => unknown) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  try {
    await run();
  } finally {
    style.remove();
  }
}

/**
 * Listens on the document for `types` while `run` runs: without capture, so only the events that bubble out of
 * the page's elements arrive in `seen`.
 */
export async function listenOnDocument(types: string[], run: (seen: CustomEvent[]) => Promise<void>) {
  const seen: CustomEvent[] = [];
  const listener = (event: Event) => seen.push(event as CustomEvent);
  for (const type of types) document.addEventListener(type, listener);
  try {
    await run(seen);
  } finally {
    for (const type of types) document.removeEventListener(type, listener);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Asserts that `actual` is `expected` without handing DOM nodes to chai: a failing `expect(element).to.be.null`
 * hung the whole file until wtr's 120 s timeout instead of reporting the failure.
 */
export function expectSame(actual: unknown, expected: unknown, what: string) {
  const show = (node: unknown) => (node instanceof Element ? node.outerHTML.slice(0, 200) : String(node));
  expect(actual === expected, `${what}: got ${show(actual)}, wanted ${show(expected)}`).to.be.true;
}

/** A plain object that survives a JSON round trip unchanged. */
export function expectPlainJson(detail: unknown) {
  expect(detail).to.be.an('object');
  expect(Object.getPrototypeOf(detail)).to.equal(Object.prototype);
  expect(JSON.parse(JSON.stringify(detail))).to.deep.equal(detail);
}

/** A `bank-*` event as the page receives it: a CustomEvent that bubbles, is composed and has a plain JSON detail. */
export function expectBankEvent(event: CustomEvent) {
  expect(event, event.type).to.be.instanceOf(CustomEvent);
  expect(event.bubbles, `${event.type} bubbles`).to.be.true;
  expect(event.composed, `${event.type} composed`).to.be.true;
  expectPlainJson(event.detail);
}

/** The loading state, before the session is ready: a "Connecting to the bank…" status, no alert, no button, no event. */
export function expectLoading({ element, eventsOf }: Mounted<HTMLElement>) {
  expect(text(statusOf(element))).to.equal('Connecting to the bank…');
  expect(statusOf(element)!.getAttribute('part')).to.equal('loading');
  expectSame(alertOf(element), null, 'alert');
  expect(buttons(element)).to.have.length(0);
  expect(eventsOf('bank-error')).to.have.length(0);
  expect(eventsOf('bank-ready')).to.have.length(0);
}

/**
 * Mounts an element with an attribute problem, then one with a network failure, and checks that each announced one
 * bank-error that bubbled out of the document, composed, with a plain `{code, message, retryable}` detail, from the
 * element itself. Answers both mounts.
 */
export async function expectErrorEventsBubble<T extends HTMLElement>(
  mountBroken: () => Promise<Mounted<T>>,
  mountFailed: () => Promise<Mounted<T>>,
) {
  const mounted: { broken?: Mounted<T>; failed?: Mounted<T> } = {};
  await listenOnDocument(['bank-error'], async (seenOnDocument) => {
    const broken = (mounted.broken = await mountBroken());
    const failed = (mounted.failed = await mountFailed());
    const events = [...broken.events, ...failed.events];
    expect(events.map((e) => `${e.type}:${e.detail.code}`)).to.deep.equal(['bank-error:invalid_attribute', 'bank-error:network']);
    expect(seenOnDocument).to.have.length(2);
    for (const event of events) {
      expectBankEvent(event);
      expect(Object.keys(event.detail).sort()).to.deep.equal(['code', 'message', 'retryable']);
    }
    expectSame(broken.events[0].target, broken.element, 'target');
  });
  return { broken: mounted.broken!, failed: mounted.failed! };
}

/**
 * The element's ::part(button) and ::part(error) are styled by the page's CSS (the element shows an error with a
 * button).
 */
export async function expectButtonAndErrorParts(element: HTMLElement) {
  const button = buttons(element)[0];
  const error = errorPart(element);
  expect(getComputedStyle(button).letterSpacing).not.to.equal('7px');
  expect(getComputedStyle(error).borderTopStyle).to.equal('solid');
  await withPageStyle(
    `
      ${element.localName}::part(button) { letter-spacing: 7px; }
      ${element.localName}::part(error) { border-top-style: dashed; }
    `,
    () => {
      expect(getComputedStyle(button).letterSpacing).to.equal('7px');
      expect(getComputedStyle(error).borderTopStyle).to.equal('dashed');
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Failures the elements show
// ---------------------------------------------------------------------------------------------------------------

/** What a bank call rejects with before the SDK has connected: the fake bank's answer to a method it was given none for. */
export const notConnected = { code: 'network', message: 'The bank is not connected.', retryable: true } as const;
export const networkError = { code: 'network', message: 'Could not reach the bank.', retryable: true } as const;
export const configError = { code: 'config_invalid', message: 'data-app-id is required', retryable: false } as const;
/** What `BankSDK` provides every element when its script tag is set up wrongly (`config` merged under the error). */
export const brokenConfig = (config: Partial<SdkConfig> = {}): MountOptions => ({
  config: { ...config, error: configError },
  session: { status: 'error', error: configError },
});
/** How every element shows `configError`, in English. */
export const configErrorText = 'The bank SDK is set up wrongly: data-app-id is required';
/** How every element shows a `network` failure, in English. */
export const networkText = 'Could not reach the bank. Check your connection and try again.';
