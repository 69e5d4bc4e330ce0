import type { ErrorCode, ErrorRule } from '../../protocol/errors.ts';
import { sdkError, type BankContact, type BankEventMessage, type OrderDisplay, type SdkError } from '../../protocol/post-message.ts';
import type { BankCore, FrameResult, SessionState } from '../core/context.ts';
import { once } from '../core/once.ts';
import type { BankPay, Phase } from './bank-pay.ts';
import { bankEvent } from '../core/events.ts';

/**
 * What `<bank-pay>` does once the customer pressed Pay, and the texts of what a payment can end with: a lazy chunk,
 * fetched on a first sign that the customer is about to pay (or on the click), once a page (bank-pay.ts). The
 * error table (which failures may be tried again) is fetched when a payment starts, long before it can fail; should
 * it not come, a failure cannot be tried again from the element.
 */
export { payFailureMessages } from './failure-messages.ts';

/** The element's members this flow works with: it is part of the element, in a chunk of its own. */
interface Payment {
  order?: OrderDisplay;
  phase: Phase;
  lastFailure?: SdkError;
  loadedFor?: string;
  lockContact?: BankContact;
  session?: SessionState;
  bank: BankCore;
  emit(event: Event): void;
  openSecureFrame(name: string, titleKey: string, params?: Record<string, string>): Promise<FrameResult>;
  closeSecureFrame(result: FrameResult): void;
}
const payment = (element: BankPay) => element as unknown as Payment;

/** The order each element's open bank dialog is paying, whatever its order-id says now. */
const payingFor = new WeakMap<BankPay, string>();

/** Failures after which trying again can succeed (another account, a top-up, a fresh login). */
let rules: Readonly<Record<ErrorCode, ErrorRule>> | undefined;
const loadRules = once(() => import('../../protocol/errors.ts').then((m) => void (rules = m.errorRules)));
/** The error table, in or not: should it not come, no failure can be tried again (the next payment asks again). */
const rulesIn = () => loadRules().catch(() => {});
const canPayAgain = (code: string) => rules?.[code as ErrorCode]?.payAgain === true;

/** Pays `order`: login first if nobody is, then the bank's `Confirm payment` frame (the element is busy meanwhile). */
export async function pay(element: BankPay, order: OrderDisplay) {
  const p = payment(element);
  void rulesIn();
  payingFor.set(element, order.id);
  p.lastFailure = undefined;
  if (!p.session?.customer) {
    p.bank.act(element);
    const login = await p.openSecureFrame('login', 'loginDialog');
    if (!login) {
      p.phase = 'idle';
      return;
    }
  }
  // The frame is bound to this order id now; the page changing attributes later changes nothing here.
  const result = await p.openSecureFrame('pay', 'payDialog', { order: order.id });
  if (result?.outcome === 'paid') {
    const paymentId = String(result.paymentId);
    if (p.loadedFor === order.id) p.order = { ...order, status: 'paid', paymentId, paidAt: String(result.paidAt) };
    p.phase = 'idle';
    p.emit(bankEvent('bank-pay-success', { orderId: order.id, paymentId, status: 'paid' }));
  } else if (result === null) {
    await checkAfterClose(p, order.id);
  }
}

/**
 * The customer closed the dialog: perhaps after an answer was lost, so the order may be paid all the same.
 * Ask the bank, never assume.
 */
async function checkAfterClose(p: Payment, orderId: string) {
  p.phase = 'checking';
  const order = await refreshOrder(p, orderId);
  // If the bank cannot say, nothing was confirmed: the button stays.
  p.phase = 'idle';
  if (order?.status === 'paid') p.emit(bankEvent('bank-pay-success', { orderId, paymentId: String(order.paymentId), status: 'paid' }));
}

/** The bank's current record of the order (undefined if it cannot be had right now). */
async function refreshOrder(p: Payment, orderId: string): Promise<OrderDisplay | undefined> {
  try {
    const order = await p.bank.call<OrderDisplay>('getOrder', { orderId });
    if (p.loadedFor === orderId) p.order = order;
    return order;
  } catch {
    return undefined;
  }
}

/** A failed attempt, as the pay frame reports it (`final`: the dialog has nothing more to offer and closes). */
export function paymentFailed(element: BankPay, message: BankEventMessage) {
  if (message.event !== 'payment-failed') return;
  const p = payment(element);
  const { code, message: text, final, contact } = message.data;
  p.lockContact = contact;
  const orderId = payingFor.get(element) ?? '';
  p.emit(bankEvent('bank-pay-failure', { orderId, code, message: text }));
  if (final) {
    // Shown once the error table is in (fetched when the payment started; at once if it cannot come).
    void rulesIn().then(() => {
      p.phase = 'failed';
      p.lastFailure = sdkError(code, text, canPayAgain(code));
    });
    p.closeSecureFrame({ outcome: 'failed' });
    if (code === 'already_paid') void refreshOrder(p, orderId);
  }
}
