import { ContextProvider } from '@lit/context';
import type { ElementTag } from '../tags.ts';
import { isLocale, matchLocale, type Locale } from '../../i18n/locale.ts';
import {
  isCustomerDisplay, sdkError, type BridgeMethod, type CustomerDisplay, type SdkError, type SdkErrorCode,
} from '../../protocol/post-message.ts';
import { loadPartnerCatalogue } from '../../i18n/partner-catalogue.ts';
import { BridgeClient, type EarlyBridge } from './bridge-client.ts';
import {
  bankContext, configContext, sessionContext, type BankCore, type BankDialog, type SdkConfig, type SessionState,
} from './context.ts';
import type { DialogHost } from './secure-dialog.ts';
import { sessionAnnouncer } from './session-announcer.ts';
import { earlyReads } from './early-reads.ts';
import type { ConfigProblem, SetupFailure } from './setup-failures.ts';
import { once } from './once.ts';

/**
 * The shared base of the elements, in this chunk (`core.js`) so a page fetches all shared code in one file, at
 * once, while the session starts.
 */
export { BankElement } from './bank-element.ts';
export { define } from './define.ts';
export { once } from './once.ts';

/** Each element's chunk (`elements/<tag>.js`), imported by the loader when the tag is in the page. */
const elementChunks: Record<ElementTag, () => Promise<unknown>> = {
  'bank-login': () => import('../bank-login/define.ts'),
  'bank-pay': () => import('../bank-pay/define.ts'),
  'bank-loan-apply': () => import('../bank-loan-apply/define.ts'),
  'bank-account-open': () => import('../bank-account-open/define.ts'),
  'bank-account': () => import('../bank-account/define.ts'),
  'bank-invest': () => import('../bank-invest/define.ts'),
  'bank-data-consent': () => import('../bank-data-consent/define.ts'),
  'bank-merchant-onboard': () => import('../bank-merchant-onboard/define.ts'),
};

/**
 * Imports each element's chunk once its tag is in the document: now, and later through a `MutationObserver`
 * (a framework may render the tags after the script ran). It does not look inside shadow roots, so at least one
 * instance of each tag must be in the document's light DOM. It disconnects once every chunk is loaded.
 */
function loadElements() {
  const pending = new Set(Object.keys(elementChunks) as ElementTag[]);
  // Tags whose chunk failed (a pinned release's integrity check): later instances show the failure too.
  const failed = new Set<ElementTag>();
  let loaded = 0;
  const load = (tag: ElementTag) => {
    pending.delete(tag);
    chunksLoaded = Promise.all([chunksLoaded, elementChunks[tag]().then(() => {
      if (++loaded === Object.keys(elementChunks).length) observer.disconnect();
    }, () => {
      failed.add(tag);
      input.chunkFailed?.(tag);
    })]);
  };
  const scan = (root: ParentNode) => {
    for (const tag of pending) if (root.querySelector(tag)) load(tag);
    for (const tag of failed) if (root.querySelector(tag)) input.chunkFailed?.(tag);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          const tag = node.localName as ElementTag;
          if (pending.has(tag)) load(tag);
          else if (failed.has(tag)) input.chunkFailed?.(tag);
          scan(node);
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}

/**
 * The element chunks asked so far, loaded (or failed). What is fetched after `bank-ready` (the dialog's
 * code, live language and look) waits for them: a page has few connections to the bank (six, over HTTP/1.1), and a
 * page of many kinds is ready only when its last chunk has arrived.
 */
let chunksLoaded: Promise<unknown> = Promise.resolve();

/** What the loader read from the script tag. */
export interface LoaderInput {
  appId?: string;
  tokenUrl?: string;
  clientToken?: string;
  locale?: string;
  /** `…/sdk/v1/`, taken from the script's own URL. */
  base: string;
  /** The bridge frame, started by the loader before any chunk loaded. */
  bridge?: EarlyBridge;
  /** The first client-token request, started by the loader at the same moment. */
  token?: Promise<Response>;
  /** A pinned release's loader shows an element whose chunk failed its integrity check (set after `start`). */
  chunkFailed?: (tag: string) => void;
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
let bridge: BridgeClient | undefined;
let channel = '';
let directTokenUsed = false;
/** Session changes are announced once, from the element where the customer acted. */
const announcer = sessionAnnouncer();

function readConfig(raw: LoaderInput): SdkConfig {
  const bankOrigin = new URL(raw.base).origin;
  const problems: ConfigProblem[] = [];
  if (!raw.appId) problems.push('appId');
  else if (!/^app_[A-Za-z0-9_]{1,64}$/.test(raw.appId)) problems.push('appIdForm');
  if (!raw.tokenUrl && !raw.clientToken) problems.push('tokenUrl');
  if (raw.tokenUrl) {
    try {
      new URL(raw.tokenUrl, location.href);
    } catch {
      problems.push('tokenUrlForm');
    }
  }
  if (raw.locale !== undefined && !isLocale(raw.locale)) problems.push('locale');
  return {
    appId: raw.appId ?? '',
    locale: pageLocale(raw.locale),
    bankOrigin,
    base: raw.base,
    error: problems.length ? setupFailure('config_invalid', 'config', [raw, problems]) : null,
  };
}

/** The script's `data-locale` when it names one, else the page's `<html lang>`, else the browser's. */
function pageLocale(scriptLocale: string | undefined): Locale {
  return isLocale(scriptLocale)
    ? scriptLocale
    : (matchLocale(document.documentElement.lang) ?? matchLocale(navigator.language) ?? 'zh-CN');
}

/** The page changed its language or look (`page-watch.ts`): every element renders again, open frames follow. */
function relocalize(locale: Locale) {
  config = { ...config, locale, revision: (config.revision ?? 0) + 1 };
  configProvider.setValue(config);
}

function setSession(next: Partial<SessionState>) {
  const before = session.customer;
  session = { ...session, ...next };
  sessionProvider.setValue(session);
  announcer.changed(before, session.customer);
}

/** Called once by the loader. Resolves when the elements can be used; rejects with an `SdkError`. */
export function start(raw: LoaderInput): Promise<void> {
  input = raw;
  config = readConfig(raw);
  // The page's texts, in parallel with everything else (the elements wait for them).
  loadPartnerCatalogue(config.locale).catch(() => {});
  const problem = config.error;
  // A broken script tag shows once the bank's mode is known, so that it is announced once, hint and all.
  config = { ...config, error: null };
  configProvider = new ContextProvider(document.documentElement, { context: configContext, initialValue: config });
  sessionProvider = new ContextProvider(document.documentElement, { context: sessionContext, initialValue: session });
  new ContextProvider(document.documentElement, { context: bankContext, initialValue: core });
  // After the providers, so every element finds its context when it upgrades.
  loadElements();
  let ready = connect;
  if (problem) {
    input.bridge?.stop();
    input.bridge?.frame.remove();
    askBank(config.appId || 'app_');
    ready = () => explain(problem).then((explained) => {
      config = { ...config, error: explained };
      configProvider.setValue(config);
      setSession({ status: 'error', error: explained });
      throw explained;
    });
  }
  const started = ready();
  // Live language and look, off the path to ready.
  const watch = () => void import('./page-watch.ts').then((m) => m.watchPage(input.base, config.locale, pageLocale, relocalize), () => {});
  started.finally(() => chunksLoaded).then(watch, watch);
  return started;
}

let connecting: Promise<void> | undefined;

/**
 * (Re)connects: at start, after an error ("Try again") and when the bank session ended. Calls that overlap share
 * one attempt, so the bank never sees two starts from one page at once.
 */
function connect(): Promise<void> {
  connecting ??= startSession().finally(() => (connecting = undefined));
  return connecting;
}

async function startSession(): Promise<void> {
  setSession({ status: 'starting', error: null });
  // The bank's pre-check of this app and origin runs alongside, off the way to ready: its refusal ends the start at
  // once (an unregistered origin's bridge frame never answers), its yes is not waited for (the exchange checks too).
  const check = checkOrigin();
  const refusedOr = <T>(step: Promise<T>) => Promise.race([step, check.then(() => step)]);
  try {
    if (!bridge) {
      const early = input.bridge;
      input.bridge = undefined;
      bridge = new BridgeClient(config.bankOrigin, early ?? frameUrl('bridge'), bankTimeout, unreachable);
      const frame = bridge.frame;
      loadPartnerCatalogue(config.locale).then((texts) => (frame.title = texts.bridgeTitle), () => {});
      bridge.on((message) => {
        if (message.event === 'session') setSession({ customer: message.data.customer });
        else if (message.event === 'token-needed') connect().catch(() => {});
      });
    }
    const [clientToken] = await refusedOr(Promise.all([fetchClientToken(), bridge.ready.then((c) => (channel = c))]));
    const result = await refusedOr(bridge.call<{ customer: CustomerDisplay | null; early?: unknown }>('start', { clientToken, locale: config.locale, elements: earlyReads() }));
    bridge.keepEarly(result.early);
    setSession({ status: 'ready', customer: isCustomerDisplay(result.customer) ? result.customer : null });
  } catch (error) {
    // The pre-check's refusal (an unregistered origin, an unknown app) explains a failure best when there is one.
    const failure = await explain(toSdkError(await check.then(() => error, (refusal: unknown) => refusal)));
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
 * Set-up mistakes (a broken script tag, an app or origin the bank refuses, a failing token endpoint): their code is
 * known at once, their words (message and developer hint) are in `setup-failures.ts`, fetched only when one happens.
 */
const setupFailures = new WeakMap<SdkError, [SetupFailure, unknown[]]>();
function setupFailure(code: SdkErrorCode, failure: SetupFailure, args: unknown[], retryable = false): SdkError {
  const error = sdkError(code, failure, retryable);
  setupFailures.set(error, [failure, args]);
  return error;
}

/**
 * Gives a set-up mistake its words; in sandbox mode also its developer hint, written once to the console. Otherwise
 * (production, or the bank not reachable) a hint is dropped: customers see only their own message.
 */
async function explain(error: SdkError): Promise<SdkError> {
  const failure = setupFailures.get(error);
  if (!error.hint && !failure) return error;
  const sandbox = (await bankMode) === 'sandbox';
  if (!failure && !sandbox) return withoutHint(error);
  return import('./setup-failures.ts').then((m) => m.explain(error, failure, sandbox), () => withoutHint(error));
}

/** The bank's public pre-check of this page's app and origin; its answer also tells the bank's mode. */
function askBank(appId: string): Promise<Response | undefined> {
  const answer = fetch(`${config.bankOrigin}/v1/sdk/apps/${encodeURIComponent(appId)}`, {
    credentials: 'omit',
    // After the element chunks, when the page's few connections to the bank are all busy: only its refusal matters.
    priority: 'low',
    signal: AbortSignal.timeout(bankTimeout),
  }).catch(() => undefined);
  bankMode = answer.then((response) => response?.headers.get('Bank-Mode') ?? null);
  return answer;
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
  if (response.status === 403) throw setupFailure('origin_not_allowed', 'originNotAllowed', [config.appId]);
  if (response.status === 404) throw setupFailure('config_invalid', 'unknownApp', [config.appId]);
  if (response.status === 429) throw sdkError('rate_limited', 'The bank asks to wait before trying again.', true);
  if (!response.ok) throw unreachable(`The bank answered ${response.status}.`);
}

async function fetchClientToken(): Promise<string> {
  if (input.clientToken && !directTokenUsed) {
    directTokenUsed = true;
    return input.clientToken;
  }
  if (!input.tokenUrl) throw setupFailure('session_expired', 'clientTokenUsed', []);
  const url = input.tokenUrl;
  const fail = (failure: SetupFailure, args: unknown[], retryable = true) => setupFailure('token_fetch_failed', failure, [url, ...args], retryable);
  let response: Response;
  try {
    const early = input.token;
    input.token = undefined;
    response = await (early ?? fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }));
  } catch {
    throw navigator.onLine === false
      ? unreachable()
      : fail('tokenUnreachable', []);
  }
  const { status } = response;
  const body: unknown = await response.json().catch(() => undefined);
  // A partner endpoint that passes the bank's refusal on (`{"error": {"code"}}`) tells the developer its cause.
  if (!response.ok) throw fail('tokenStatus', [status, body, config.appId], status >= 500 || status === 429);
  const token = (body as { clientToken?: unknown } | undefined)?.clientToken;
  if (typeof token !== 'string' || !token) throw fail('tokenMissing', [status], false);
  return token;
}


/** See `BankCore.frameUrl`. */
function frameUrl(name: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ app: config.appId, origin: location.origin, channel, ...params });
  return `${config.base}frames/${name}.html?${query}`;
}

/** Logs the customer out of every element on the page (and of the bank session): `BankSDK.logout()`. */
export async function logout(from?: EventTarget): Promise<void> {
  if (!bridge || !session.customer) return;
  if (from) announcer.act(from);
  // While the bank logs them out, no element acts for the leaving customer (a Pay tapped meanwhile asks for a login).
  sessionProvider.setValue({ ...session, customer: null });
  try {
    await bridge.call('logout');
  } catch (error) {
    sessionProvider.setValue(session); // still logged in, as the bank says
    throw error;
  }
  setSession({ customer: null });
}

/**
 * The dialog's code (and its styles), fetched once per page when the first element is ready (after its
 * `bank-ready`, so never on the way to it), or sooner on a first intent to act.
 */
const loadDialog = once(() => import('./secure-dialog.ts'));

/** Each element's one dialog. */
const dialogs = new WeakMap<DialogHost, BankDialog>();

/** The SDK core as the elements see it, provided from `<html>` (`bankContext`). */
const core: BankCore = {
  call<T>(method: BridgeMethod, params?: Record<string, string>): Promise<T> {
    return bridge ? bridge.call<T>(method, params) : Promise.reject(session.error ?? sdkError('network', 'The bank is not connected.', true));
  },
  act: announcer.act,
  release: announcer.release,
  connect,
  logout,
  frameUrl,
  async dialog(host) {
    const { SecureDialog } = await loadDialog();
    let dialog = dialogs.get(host);
    if (!dialog) dialogs.set(host, (dialog = new SecureDialog(host, frameUrl)));
    return dialog;
  },
  preloadDialog: () => void chunksLoaded.then(loadDialog).catch(() => {}),
};
