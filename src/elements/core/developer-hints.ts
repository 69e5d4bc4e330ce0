import type { SdkError } from '../../protocol/post-message.ts';

/**
 * What a developer should fix, for each set-up mistake the SDK can see (shown in sandbox mode only, in the console
 * and under the element's message). Loaded only when such a mistake happens in sandbox mode: a working page, or
 * any page of a production bank, never downloads it.
 */

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

export const developerHints = {
  config: (problems: string) =>
    `Fix the script tag: ${problems}.${problems.includes('data-app-id') ? ' An app id is the appId that POST /v1/sandbox/apps answered.' : ''} See docs/elements.md, "The script tag".`,
  originNotAllowed: (appId: string) => {
    const twin = loopbackTwin();
    return `${location.origin} is not a registered origin of ${appId}: register it with PATCH /v1/sandbox/apps/${appId} (see docs/sandbox.md)${twin ? `, or open ${twin}` : ''}.`;
  },
  unknownApp: (appId: string) =>
    `The bank knows no app ${appId}: register your app with POST /v1/sandbox/apps and put the appId it answers in data-app-id (see docs/sandbox.md).`,
  tokenUnreachable: (url: string) =>
    `POST ${url} got no answer: serve it from this page's own origin (see examples/ in the SDK repository).`,
  tokenStatus: (url: string, status: string) =>
    `POST ${url} answered HTTP ${status}. Your endpoint should mint a token with POST /v1/client-tokens and answer {"clientToken": …}; when the bank refuses, answer its status and {"error": {"code"}} so the cause shows here.`,
  tokenBankCode: (url: string, status: string, bankCode: string, appId: string) =>
    `POST ${url} answered HTTP ${status} with code "${bankCode}": ${unknownCode(appId, bankCode)}.`,
  tokenMissing: (url: string, status: string) =>
    `POST ${url} answered ${status} without a "clientToken": answer the bank's {"clientToken": …} as it came, or its error status and {"error": {"code"}}.`,
};

export type DeveloperHint = keyof typeof developerHints;

const warned = new Set<string>();

/** Gives a set-up mistake its hint (in sandbox mode: `explain` in sdk.ts) and writes it once to the console. */
export function explain(error: SdkError, pending?: [DeveloperHint, string[]]): SdkError {
  if (pending) error = { ...error, hint: (developerHints[pending[0]] as (...args: string[]) => string)(...pending[1]) };
  const key = `${error.code} ${error.hint}`;
  if (!warned.has(key)) {
    warned.add(key);
    console.warn(`[bank-sdk] ${error.code}: ${error.hint}`);
  }
  return error;
}

