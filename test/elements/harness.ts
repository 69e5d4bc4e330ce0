// Mounts SDK elements in isolation: a wrapper element provides the config and session contexts that
// `BankSDK` would normally provide from <html>, so tests control them directly.
import { ContextProvider } from '@lit/context';
import { fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { configContext, sessionContext, type SdkConfig, type SessionState } from '../../src/elements/core/context.ts';
import type { CustomerDisplay } from '../../src/protocol/messages.ts';

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
