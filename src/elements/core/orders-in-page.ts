/**
 * The orders the page's `<bank-pay>` elements show, sent with the bridge's `start` so that the bank answers them
 * with the session (issue #14: one round trip fewer before the order is shown). Only ids the page has anyway go
 * out; the orders come from the bank and stay in the bridge until an element reads its own.
 */
export function ordersInPage(): string {
  const ids = [...document.querySelectorAll('bank-pay[order-id]')].map((el) => el.getAttribute('order-id') ?? '');
  return [...new Set(ids)].filter((id) => /^ord_[\w-]{6,64}$/.test(id)).slice(0, 20).join(' ');
}
