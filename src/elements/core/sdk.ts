import { ContextProvider } from '@lit/context';
import { isLocale, matchLocale, type Locale } from '../../i18n/locale.ts';
import {
  isCustomerDisplay, sdkError, type BridgeMethod, type CustomerDisplay, type SdkError,
} from '../../protocol/post-message.ts';
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
let configProvider: ContextProvider<typeof configContext>;
/**
 * The bank's mode, from the `Bank-Mode` header of its app pre-check (never from the page): in `sandbox` mode
 * configuration mistakes are explained to the developer, in the console and under the element's message.
 */
let bankMode: Promise<string | null> = Promise.resolve(null);
const warned = new Set<string>();
let bridge: BridgeClient | undefined;
let channel = '';
let directTokenUsed = false;
/** The element whose action changed the session, so the page gets one event, from where the customer acted. */
let initiator: EventTarget | undefined;

function readConfig(raw: LoaderInput): SdkConfig {
  const bankOrigin = new URL(raw.base).origin;
  const problems: string[] = [];
  if (!raw.appId) problems.push('data-app-id is required');
  else if (!/^app_[A-Za-z0-9_]{1,64}$/.test(raw.appId)) problems.push(`data-app-id "${raw.appId}" is not an app id (app_…)`);
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
    error: problems.length
      ? { ...sdkError('config_invalid', problems.join('; ')), hint: `Fix the script tag: ${problems.join('; ')}.${problems.some((p) => p.startsWith('data-app-id')) ? ' An app id is the appId that POST /v1/sandbox/apps answered.' : ''} See docs/elements.md, "The script tag".` }
      : null,
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
  const problem = config.error;
  // A broken script tag shows once the bank's mode is known, so that it is announced once, hint and all.
  config = { ...config, error: null };
  configProvider = new ContextProvider(document.documentElement, { context: configContext, initialValue: config });
  sessionProvider = new ContextProvider(document.documentElement, { context: sessionContext, initialValue: session });
  if (problem) {
    askBank(config.appId || 'app_');
    return explain(problem).then((explained) => {
      config = { ...config, error: explained };
      configProvider.setValue(config);
      setSession({ status: 'error', error: explained });
      throw explained;
    });
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
      bridge = new BridgeClient(
        config.bankOrigin, frameUrl('bridge'), bankTimeout, unreachable, partnerMessages[config.locale].bridgeTitle,
      );
      bridge.on((message) => {
        if (message.event === 'session') setSession({ customer: message.data.customer });
        else if (message.event === 'token-needed') connect().catch(() => {});
      });
    }
    const [clientToken] = await Promise.all([fetchClientToken(), checkOrigin(), bridge.ready.then((c) => (channel = c))]);
    const result = await bridge.call<{ customer: CustomerDisplay | null }>('start', { clientToken, locale: config.locale });
    setSession({ status: 'ready', customer: isCustomerDisplay(result.customer) ? result.customer : null });
  } catch (error) {
    const failure = await explain(toSdkError(error));
    if (failure.code === 'origin_not_allowed') {
      bridge?.dispose();
      bridge = undefined;
    }
    setSession({ status: 'error', error: failure });
    throw failure;
  }
}

const withoutHint = ({ hint: _hint, ...error }: SdkError): SdkError => error;

/**
 * In sandbox mode: keeps the error's developer hint and writes it once to the console. Otherwise (production, or
 * the bank not reachable) drops it: customers see only their own message.
 */
async function explain(error: SdkError): Promise<SdkError> {
  if (!error.hint) return error;
  if ((await bankMode) !== 'sandbox') return withoutHint(error);
  const key = `${error.code} ${error.hint}`;
  if (!warned.has(key)) {
    warned.add(key);
    console.warn(`[bank-sdk] ${error.code}: ${error.hint}`);
  }
  return error;
}

/** The bank's public pre-check of this page's app and origin; its answer also tells the bank's mode. */
function askBank(appId: string): Promise<Response | undefined> {
  const answer = fetch(`${config.bankOrigin}/v1/sdk/apps/${encodeURIComponent(appId)}`, {
    credentials: 'omit',
    signal: AbortSignal.timeout(bankTimeout),
  }).catch(() => undefined);
  bankMode = answer.then((response) => response?.headers.get('Bank-Mode') ?? null);
  return answer;
}

/** The same page on the other loopback name: `localhost` and `127.0.0.1` are different origins. */
function loopbackTwin(): string | null {
  const url = new URL(location.origin);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  else if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else return null;
  return url.origin;
}

function toSdkError(error: unknown): SdkError {
  if (typeof error === 'object' && error && 'code' in error && 'message' in error) return error as SdkError;
  return unreachable(String(error));
}

/** How long the bank may take to answer the SDK's start before every element says it is unavailable. */
export const bankTimeout = 8000;

/**
 * The bank did not answer: `network` when it is the customer's own connection (the browser is offline),
 * else `bank_unavailable` (the bank is down, or something between blocks it).
 */
export function unreachable(message = 'Could not reach the bank.'): SdkError {
  return navigator.onLine === false
    ? sdkError('network', 'This device is offline.', true)
    : sdkError('bank_unavailable', message, true);
}

async function checkOrigin() {
  const response = await askBank(config.appId);
  if (!response) throw unreachable();
  if (response.status === 403) {
    const twin = loopbackTwin();
    throw {
      ...sdkError('origin_not_allowed', `${location.origin} is not a registered origin of ${config.appId}.`),
      hint: `${location.origin} is not a registered origin of ${config.appId}: register it with PATCH /v1/sandbox/apps/${config.appId} (see docs/sandbox.md)${twin ? `, or open ${twin}` : ''}.`,
    } satisfies SdkError;
  }
  if (response.status === 404) {
    throw {
      ...sdkError('config_invalid', `The bank knows no app ${config.appId}.`),
      hint: `The bank knows no app ${config.appId}: register your app with POST /v1/sandbox/apps and put the appId it answers in data-app-id (see docs/sandbox.md).`,
    } satisfies SdkError;
  }
  if (response.status === 429) throw sdkError('rate_limited', 'The bank asks to wait before trying again.', true);
  if (!response.ok) throw unreachable(`The bank answered ${response.status}.`);
}

async function fetchClientToken(): Promise<string> {
  if (input.clientToken && !directTokenUsed) {
    directTokenUsed = true;
    return input.clientToken;
  }
  if (!input.tokenUrl) {
    throw sdkError('session_expired', 'The data-client-token was used; give a data-token-url to refresh sessions.');
  }
  const url = input.tokenUrl;
  const fail = (why: string, hint: string, retryable = true, extra: Partial<SdkError> = {}): SdkError =>
    ({ ...sdkError('token_fetch_failed', `data-token-url ${why}.`, retryable), ...extra, hint });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw navigator.onLine === false
      ? unreachable()
      : fail('could not be reached', `POST ${url} got no answer: serve it from this page's own origin (see examples/ in the SDK repository).`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const status = response.status;
    // A partner endpoint that passes the bank's refusal on (`{"error": {"code"}}`) tells the developer its cause.
    const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
    const bankCode = typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
    const retryable = status >= 500 || status === 429;
    if (!bankCode) {
      throw fail(`answered HTTP ${status}`, `POST ${url} answered HTTP ${status}. Your endpoint should mint a token with POST /v1/client-tokens and answer {"clientToken": …}; when the bank refuses, answer its status and {"error": {"code"}} so the cause shows here.`, retryable, { status });
    }
    const fix = bankCode === 'unauthorized'
      ? `your server's secret key is not ${config.appId}'s: use the secretKey of that app (GET /v1/sandbox/apps/${config.appId} shows it)`
      : bankCode === 'login_required'
        ? 'your endpoint wants the customer logged in to your site first'
        : 'see docs/errors.md for what it means';
    throw fail(`answered HTTP ${status} (bank code "${bankCode}")`, `POST ${url} answered HTTP ${status} with code "${bankCode}": ${fix}.`, retryable, { status, bankCode });
  }
  const token = (body as { clientToken?: unknown } | undefined)?.clientToken;
  if (typeof token !== 'string' || !token) {
    throw fail('answered without a "clientToken" string', `POST ${url} answered ${response.status} without a "clientToken": answer the bank's {"clientToken": …} as it came, or its error status and {"error": {"code"}}.`, false);
  }
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

/** The element's action ended without changing the session (its dialog closed, or it left the page). */
export function releaseActingElement(element: EventTarget) {
  if (initiator === element) initiator = undefined;
}

/** Logs the customer out of every element on the page (and of the bank session). */
export async function logout(from?: EventTarget): Promise<void> {
  if (!bridge || !session.customer) return;
  if (from) initiator = from;
  await bridge.call('logout');
  setSession({ customer: null });
}
