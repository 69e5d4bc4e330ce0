import { ContextProvider } from '@lit/context';
import { isLocale, matchLocale, type Locale } from '../../i18n/locale.ts';
import {
  isCustomerDisplay, sdkError, type BridgeMethod, type CustomerDisplay, type SdkError,
} from '../../protocol/messages.ts';
import { partnerMessages } from '../../i18n/partner.ts';
import { BridgeClient } from './bridge-client.ts';
import { BankLoginSuccessEvent, BankLogoutEvent, type BankEvent } from './events.ts';
import { configContext, sessionContext, type SdkConfig, type SessionState } from './context.ts';

/** What the loader read from the script tag. */
export interface LoaderInput {
  appId?: string;
  tokenUrl?: string;
  clientToken?: string;
  locale?: string;
  /** `…/sdk/v1/`, taken from the script's own URL. */
  base: string;
}

let input: LoaderInput;
let config: SdkConfig;
let session: SessionState = { status: 'starting', customer: null, error: null };
let sessionProvider: ContextProvider<typeof sessionContext>;
let bridge: BridgeClient | undefined;
let channel = '';
let directTokenUsed = false;
/** The element whose action changed the session, so the page gets one event, from where the customer acted. */
let initiator: EventTarget | undefined;

function readConfig(raw: LoaderInput): SdkConfig {
  const bankOrigin = new URL(raw.base).origin;
  const problems: string[] = [];
  if (!raw.appId) problems.push('data-app-id is required');
  else if (!/^app_[A-Za-z0-9_]{1,64}$/.test(raw.appId)) problems.push(`data-app-id "${raw.appId}" is not an app id`);
  if (!raw.tokenUrl && !raw.clientToken) problems.push('data-token-url (or data-client-token) is required');
  if (raw.tokenUrl) {
    try {
      new URL(raw.tokenUrl, location.href);
    } catch {
      problems.push(`data-token-url "${raw.tokenUrl}" is not a URL`);
    }
  }
  if (raw.locale !== undefined && !isLocale(raw.locale)) problems.push(`data-locale "${raw.locale}" must be "en" or "zh-CN"`);
  const locale: Locale = isLocale(raw.locale)
    ? raw.locale
    : (matchLocale(document.documentElement.lang) ?? matchLocale(navigator.language) ?? 'zh-CN');
  return {
    appId: raw.appId ?? '',
    locale,
    bankOrigin,
    base: raw.base,
    error: problems.length ? sdkError('config_invalid', problems.join('; ')) : null,
  };
}

function setSession(next: Partial<SessionState>) {
  const before = session.customer;
  session = { ...session, ...next };
  sessionProvider.setValue(session);
  const after = session.customer;
  if (!before && after) announce(new BankLoginSuccessEvent({ ...after }));
  else if (before && !after) announce(new BankLogoutEvent());
}

function announce(event: BankEvent) {
  const target = initiator ?? document.querySelector('bank-login') ?? document;
  initiator = undefined;
  target.dispatchEvent(event);
}

/** Called once by the loader. Resolves when the elements can be used; rejects with an `SdkError`. */
export function start(raw: LoaderInput): Promise<void> {
  input = raw;
  config = readConfig(raw);
  new ContextProvider(document.documentElement, { context: configContext, initialValue: config });
  sessionProvider = new ContextProvider(document.documentElement, { context: sessionContext, initialValue: session });
  if (config.error) {
    setSession({ status: 'error', error: config.error });
    return Promise.reject(config.error);
  }
  return connect();
}

let connecting: Promise<void> | undefined;

/**
 * (Re)connects: at start, after an error ("Try again") and when the bank session ended. Calls that overlap share
 * one attempt, so the bank never sees two starts from one page at once.
 */
export function connect(): Promise<void> {
  connecting ??= startSession().finally(() => (connecting = undefined));
  return connecting;
}

async function startSession(): Promise<void> {
  setSession({ status: 'starting', error: null });
  try {
    if (!bridge) {
      bridge = new BridgeClient(config.bankOrigin, frameUrl('bridge'), partnerMessages[config.locale].bridgeTitle);
      bridge.on((message) => {
        if (message.event === 'session') setSession({ customer: message.data.customer });
        else if (message.event === 'token-needed') connect().catch(() => {});
      });
    }
    const [clientToken] = await Promise.all([fetchClientToken(), checkOrigin(), bridge.ready.then((c) => (channel = c))]);
    const result = await bridge.call<{ customer: CustomerDisplay | null }>('start', { clientToken, locale: config.locale });
    setSession({ status: 'ready', customer: isCustomerDisplay(result.customer) ? result.customer : null });
  } catch (error) {
    const failure = toSdkError(error);
    if (failure.code === 'origin_not_allowed') {
      bridge?.dispose();
      bridge = undefined;
    }
    setSession({ status: 'error', error: failure });
    throw failure;
  }
}

function toSdkError(error: unknown): SdkError {
  if (typeof error === 'object' && error && 'code' in error && 'message' in error) return error as SdkError;
  return sdkError('network', String(error), true);
}

async function checkOrigin() {
  let response: Response;
  try {
    response = await fetch(`${config.bankOrigin}/v1/sdk/apps/${encodeURIComponent(config.appId)}`, { credentials: 'omit' });
  } catch {
    throw sdkError('network', 'Could not reach the bank.', true);
  }
  if (response.status === 403) {
    throw sdkError('origin_not_allowed', `${location.origin} is not a registered origin of ${config.appId}.`);
  }
  if (response.status === 404) throw sdkError('config_invalid', `The bank knows no app ${config.appId}.`);
  if (!response.ok) throw sdkError('network', `The bank answered ${response.status}.`, true);
}

async function fetchClientToken(): Promise<string> {
  if (input.clientToken && !directTokenUsed) {
    directTokenUsed = true;
    return input.clientToken;
  }
  if (!input.tokenUrl) {
    throw sdkError('session_expired', 'The data-client-token was used; give a data-token-url to refresh sessions.');
  }
  const fail = (why: string, retryable = true) => sdkError('token_fetch_failed', `data-token-url ${why}.`, retryable);
  let response: Response;
  try {
    response = await fetch(input.tokenUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw fail('could not be reached');
  }
  if (!response.ok) throw fail(`answered HTTP ${response.status}`, response.status >= 500 || response.status === 429);
  const body: unknown = await response.json().catch(() => undefined);
  const token = (body as { clientToken?: unknown } | undefined)?.clientToken;
  if (typeof token !== 'string' || !token) throw fail('answered without a "clientToken" string', false);
  return token;
}


/** The URL of a bank frame, carrying what it needs to know about this page (nothing secret). */
export function frameUrl(name: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ app: config.appId, origin: location.origin, channel, ...params });
  return `${config.base}frames/${name}.html?${query}`;
}

/** Asks the bank, through the bridge frame (the only holder of the session). */
export async function callBank<T>(method: BridgeMethod, params?: Record<string, string>): Promise<T> {
  if (!bridge) throw session.error ?? sdkError('network', 'The bank is not connected.', true);
  return bridge.call<T>(method, params);
}

/** Marks which element is acting, so the session change it causes is announced from there. */
export function actingElement(element: EventTarget) {
  initiator = element;
}

/** Logs the customer out of every element on the page (and of the bank session). */
export async function logout(from?: EventTarget): Promise<void> {
  if (!bridge || !session.customer) return;
  if (from) initiator = from;
  await bridge.call('logout');
  setSession({ customer: null });
}
