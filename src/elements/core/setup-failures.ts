import type { SdkError } from '../../protocol/post-message.ts';
import type { LoaderInput } from './sdk.ts';

/**
 * What the SDK says about each set-up mistake it can see: the message of its `bank-error` (for the developer, in
 * English, in every mode; the customer reads the code's text in their language) and, in sandbox mode only, a hint
 * with the cause and the fix (in the console and under the element's message). Loaded only when such a mistake
 * happens (`explain` in sdk.ts), so a working page never downloads these words.
 */

/** What is wrong with the script tag (`readConfig` in sdk.ts names the problems, the words are here). */
export type ConfigProblem = 'appId' | 'appIdForm' | 'tokenUrl' | 'tokenUrlForm' | 'locale';
const configProblems: Record<ConfigProblem, (raw: LoaderInput) => string> = {
  appId: () => 'data-app-id is required',
  appIdForm: (raw) => `data-app-id "${raw.appId}" is not an app id (app_…)`,
  tokenUrl: () => 'data-token-url (or data-client-token) is required',
  tokenUrlForm: (raw) => `data-token-url "${raw.tokenUrl}" is not a URL`,
  locale: (raw) => `data-locale "${raw.locale}" must be "en" or "zh-CN"`,
};

/** The same page on the other loopback name: `localhost` and `127.0.0.1` are different origins. */
function loopbackTwin(): string | null {
  const url = new URL(location.origin);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  else if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else return null;
  return url.origin;
}

const unknownCode = (appId: string, bankCode: string) =>
  bankCode === 'unauthorized'
    ? `your server's secret key is not ${appId}'s: use the secretKey of that app (GET /v1/sandbox/apps/${appId} shows it)`
    : bankCode === 'login_required'
      ? 'your endpoint wants the customer logged in to your site first'
      : 'see docs/errors.md for what it means';

/** A refusal the partner's token endpoint passed on from the bank (`{"error": {"code"}}`): its code, if well formed. */
function bankCodeOf(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
}

/** Each mistake: its message, its hint (none for a mistake with nothing to fix in the set-up) and what else it tells. */
type Explained = [message: string, hint?: string, more?: Partial<SdkError>];

const failures = {
  config: (raw: LoaderInput, problems: ConfigProblem[]): Explained => {
    const list = problems.map((problem) => configProblems[problem](raw)).join('; ');
    return [list, `Fix the script tag: ${list}.${list.includes('data-app-id') ? ' An app id is the appId that POST /v1/sandbox/apps answered.' : ''} See docs/elements.md, "The script tag".`];
  },
  originNotAllowed: (appId: string): Explained => {
    const twin = loopbackTwin();
    return [
      `${location.origin} is not a registered origin of ${appId}.`,
      `${location.origin} is not a registered origin of ${appId}: register it with PATCH /v1/sandbox/apps/${appId} (see docs/sandbox.md)${twin ? `, or open ${twin}` : ''}.`,
    ];
  },
  unknownApp: (appId: string): Explained => [
    `The bank knows no app ${appId}.`,
    `The bank knows no app ${appId}: register your app with POST /v1/sandbox/apps and put the appId it answers in data-app-id (see docs/sandbox.md).`,
  ],
  clientTokenUsed: (): Explained => ['The data-client-token was used; give a data-token-url to refresh sessions.'],
  tokenUnreachable: (url: string): Explained => [
    'data-token-url could not be reached.',
    `POST ${url} got no answer: serve it from this page's own origin (see examples/ in the SDK repository).`,
  ],
  tokenStatus: (url: string, status: number, body: unknown, appId: string): Explained => {
    const bankCode = bankCodeOf(body);
    return bankCode
      ? [`data-token-url answered HTTP ${status} (bank code "${bankCode}").`, `POST ${url} answered HTTP ${status} with code "${bankCode}": ${unknownCode(appId, bankCode)}.`, { status, bankCode }]
      : [`data-token-url answered HTTP ${status}.`, `POST ${url} answered HTTP ${status}. Your endpoint should mint a token with POST /v1/client-tokens and answer {"clientToken": …}; when the bank refuses, answer its status and {"error": {"code"}} so the cause shows here.`, { status }];
  },
  tokenMissing: (url: string, status: number): Explained => [
    'data-token-url answered without a "clientToken" string.',
    `POST ${url} answered ${status} without a "clientToken": answer the bank's {"clientToken": …} as it came, or its error status and {"error": {"code"}}.`,
  ],
};

export type SetupFailure = keyof typeof failures;

const warned = new Set<string>();

/**
 * Gives a set-up mistake its words: its message and, in sandbox mode, its hint, written once to the console. An
 * error that already has a hint (from the bank, in sandbox mode) is only written to the console.
 */
export function explain(error: SdkError, failure: [SetupFailure, unknown[]] | undefined, sandbox: boolean): SdkError {
  if (failure) {
    const [message, hint, more] = (failures[failure[0]] as (...args: unknown[]) => Explained)(...failure[1]);
    error = { ...error, message, ...more, ...(sandbox && hint ? { hint } : {}) };
  }
  if (!error.hint) return error;
  const key = `${error.code} ${error.hint}`;
  if (!warned.has(key)) {
    warned.add(key);
    console.warn(`[bank-sdk] ${error.code}: ${error.hint}`);
  }
  return error;
}
