// Mounts SDK elements in isolation: a wrapper element provides the config and session contexts that
// `BankSDK` would normally provide from <html>, so tests control them directly.
import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { configContext, sessionContext, type SdkConfig, type SessionState } from '../../src/elements/core/context.ts';
import { loadPartnerCatalogue } from '../../src/i18n/partner-catalogue.ts';
import type { CustomerDisplay } from '../../src/protocol/post-message.ts';

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

  const events: CustomEvent[] = [];
  for (const type of options.record ?? bankEvents) {
    wrapper.addEventListener(type, (event) => events.push(event as CustomEvent));
  }

  render(template, wrapper);
  const element = wrapper.firstElementChild as T | null;
  if (!element) throw new Error('mountWithContext: the template rendered no element');
  await settled(element);

  return {
    element,
    wrapper,
    events,
    eventsOf: (type) => events.filter((event) => event.type === type),
    config: () => config,
    session: () => session,
    async setSession(next) {
      session = { ...session, ...next };
      sessionProvider.setValue(session);
      await settled(element);
    },
    async setConfig(next) {
      config = { ...config, ...next };
      configProvider.setValue(config);
      await settled(element);
    },
  };
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

/** What `callBank` rejects with when `sdk.start` never ran, as in these tests. */
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
