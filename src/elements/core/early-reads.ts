/**
 * What the page's elements will read from the bank as soon as the session starts, sent with the bridge's `start`
 * (issue #14), so that no element waits for the start's answer, its own render and a message to the bridge before
 * its first read even leaves:
 * - `orderIds`: the bank answers the `<bank-pay>` orders with the session itself (one round trip fewer);
 * - `reads`: the bridge asks these right after the exchange, in parallel, and answers each element's identical
 *   first read from them (`<bank-merchant-onboard>`'s merchant, `<bank-data-consent>`'s purpose check, the loan
 *   products of `<bank-loan-apply>`).
 * Only what the page has anyway goes out (its own attributes); the answers come from the bank and stay in the bridge
 * until an element asks. A read that no element asks for the same way is simply not used.
 */
export function earlyReads(locale: string): { orderIds: string; reads: string } {
  const all = (selector: string) => [...document.querySelectorAll(selector)];
  const ids = all('bank-pay[order-id]').map((el) => el.getAttribute('order-id') ?? '');
  const reads: [string, Record<string, string>][] = [];
  for (const el of all('bank-merchant-onboard[merchant-id]')) reads.push(['getMerchant', { merchantId: el.getAttribute('merchant-id')! }]);
  for (const el of all('bank-data-consent[purpose][claims]')) {
    reads.push(['checkConsentRequest', { purpose: el.getAttribute('purpose')!, claims: el.getAttribute('claims')! }]);
  }
  if (all('bank-loan-apply').length) reads.push(['loanProducts', {}]);
  if (ids.length || all('bank-loan-apply').length) warmCurrencyFormat(locale);
  const unique = [...new Map(reads.map((read) => [JSON.stringify(read), read])).values()];
  return {
    orderIds: [...new Set(ids)].filter((id) => /^ord_[\w-]{6,64}$/.test(id)).slice(0, 20).join(' '),
    reads: JSON.stringify(unique.slice(0, 20)),
  };
}

/**
 * The first currency format of a page loads the browser's currency data (15–40 ms of main thread, measured): done
 * while the exchange is on the wire, it is not done when the order or the loan's rate arrives (src/domain/money.ts
 * makes its own formatter then, from data already loaded).
 */
function warmCurrencyFormat(locale: string) {
  setTimeout(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(1));
}
