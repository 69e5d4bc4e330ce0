/**
 * What the page's elements will read from the bank first, sent with the bridge's `start` (issue #14): each
 * `<bank-pay>`, `<bank-loan-apply>`, `<bank-data-consent>` and `<bank-merchant-onboard>` with the attributes its
 * first read uses. The bridge (src/frames/bridge/bridge.ts) has the bank answer them with the session and hands the
 * answers back with its reply to `start` (bridge-client.ts), so no element waits for the start's answer, its own
 * render and a message to the bridge and back. Only what the page's own attributes say goes out; the answers come
 * from the bank, as its elements' own reads would get them. (Kept this small: every partner page carries it.)
 */
export function earlyReads(): string {
  return JSON.stringify([...document.querySelectorAll('bank-pay,bank-loan-apply,bank-data-consent,bank-merchant-onboard')]
    .map((el) => [el.localName, ...['order-id', 'merchant-id', 'purpose', 'claims'].map((name) => el.getAttribute(name))]));
}
