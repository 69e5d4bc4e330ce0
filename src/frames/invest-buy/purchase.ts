/**
 * The `Buy` frame's purchase once the customer confirms: the form's checks, the bank's check of everything but the
 * PIN, then the purchase with its idempotency key. A lazy chunk of the frame's build, loaded from the bank's origin on
 * the first `Confirm purchase` (test/sizes.ts counts it in the frame's whole size).
 */
import { AmountError, formatAmount, minorUnits, parseAmount } from '../../domain/money.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { money, type Account, type Assessment, type InvestKey, type Overview, type ProductView } from '../common/invest.ts';

/** What the purchase needs of the `Buy` frame (its state and the frame shell's bank calls). */
export interface PurchaseHost {
  readonly locale: Locale;
  readonly busy: boolean;
  readonly product?: ProductView;
  readonly accounts: Account[];
  readonly shownAt: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  error: SdkError | null;
  assessment: Assessment | null;
  amountProblem?: { key: InvestKey; params?: Record<string, string> };
  ackProblem: boolean;
  qualifiedProblem: boolean;
  pinProblem?: InvestKey;
  attemptKey?: string;
  call<T>(method: string, params: Record<string, unknown>): Promise<T | undefined>;
  done(data: Record<string, unknown>): void;
  decide(): Promise<void>;
}

function input<T extends HTMLElement = HTMLInputElement>(host: PurchaseHost, id: string) {
  return host.renderRoot.querySelector(`#${id}`) as T;
}

export async function confirmPurchase(host: PurchaseHost) {
if (host.busy) return;
  const p = host.product!;
  host.error = null;
  const amountInput = input(host, 'amount');
  const accountId = input<HTMLSelectElement>(host, 'account').value;
  const pinInput = input(host, 'pin');
  let amount = 0;
  host.amountProblem = undefined;
  try {
    amount = parseAmount(amountInput.value.trim());
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    host.amountProblem = { key: 'invalid.amount' };
  }
  const account = host.accounts.find((a) => a.id === accountId);
  if (!host.amountProblem && amount < minorUnits(p.minimum)) {
    host.amountProblem = { key: 'error.below_minimum', params: { minimum: money(p.minimum) } };
  } else if (!host.amountProblem && account && amount > minorUnits(account.balance)) {
    host.amountProblem = { key: 'error.insufficient_funds' };
  }
  host.ackProblem = !input(host, 'ack').checked;
  host.qualifiedProblem = p.kind === 'private' && !input(host, 'qualified').checked;
  host.pinProblem = /^\d{6}$/.test(pinInput.value) ? undefined : 'invalid.pin';
  const first = host.amountProblem ? amountInput : host.ackProblem ? input(host, 'ack')
    : host.qualifiedProblem ? input(host, 'qualified') : host.pinProblem ? pinInput : undefined;
  if (first) {
    await host.updateComplete;
    first.focus();
    return;
  }
  const wire = formatAmount(amount);
  // Everything but the PIN, checked by the bank first: a purchase that cannot happen never asks for the PIN.
  const checked = await host.call('investCheck', { productId: p.id, amount: wire, accountId });
  if (!checked) return explain(host, host.error!, amountInput);
  host.attemptKey ??= crypto.randomUUID();
  const result = await host.call<{ subscription: { id: string; status: 'confirmed' | 'cooling-off' } }>('investBuy', {
    productId: p.id, amount: wire, accountId, pin: pinInput.value, idempotencyKey: host.attemptKey,
    documents: p.documents.map(({ id, version }) => ({ id, version })), termsAcknowledged: true,
    qualifiedInvestor: p.kind === 'private', shownAt: host.shownAt,
  });
  if (result) {
    host.done({ subscriptionId: result.subscription.id, productId: p.id, amount: wire, status: result.subscription.status });
    return;
  }
  if (!host.error!.retryable) host.attemptKey = undefined;
  pinInput.value = '';
  explain(host, host.error!, pinInput);
}

/** Puts a refusal where it belongs: by the amount, as a mismatch, or under the form. */
async function explain(host: PurchaseHost, error: SdkError, focus: HTMLInputElement) {
  if (error.code === 'suitability_mismatch') {
    host.error = null;
    const overview = await host.call<Overview>('investOverview', {});
    if (overview) host.assessment = overview.assessment;
    return host.decide();
  }
  if (error.code === 'below_minimum' || error.code === 'insufficient_funds') {
    host.error = null;
    host.amountProblem = { key: `error.${error.code}`, params: { minimum: money(host.product!.minimum) } };
    focus = input(host, 'amount');
  }
  await host.updateComplete;
  focus.focus();
}
