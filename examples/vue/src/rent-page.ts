import type { BankEventDetails } from '@bank-sdk/types';
import { computed, onMounted, ref } from 'vue';

type Detail<K extends keyof BankEventDetails> = BankEventDetails[K];

/** This site's own backend (server.mjs): the only place with the bank's secret key. */
export interface RentOrder {
  orderId: string;
  amount: string;
  description: string;
}

export type RentOrderState = { state: 'loading' } | { state: 'ready'; order: RentOrder } | { state: 'error'; message: string };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

/**
 * The rent page's state and the handlers App.vue binds to the bank's events (`@bank-pay-success="onPaid"`). Events
 * are hints: the payment is confirmed by asking this site's server, which asks the bank.
 */
export function useRentPage() {
  const rentOrder = ref<RentOrderState>({ state: 'loading' });
  const customer = ref<Detail<'bank-login-success'> | null>(null);
  const payment = ref<{ paymentId: string; check: 'pending' | 'confirmed' | 'mismatch' } | null>(null);
  const payFailure = ref<string | null>(null);
  const loan = ref<Detail<'bank-loan-submitted'> | null>(null);

  onMounted(async () => {
    try {
      rentOrder.value = { state: 'ready', order: await call<RentOrder>('/api/rent-order', { method: 'POST' }) };
    } catch (error) {
      rentOrder.value = { state: 'error', message: `Your rent order could not be loaded: ${(error as Error).message}` };
    }
  });

  function onLogin(event: CustomEvent<Detail<'bank-login-success'>>) {
    customer.value = event.detail;
  }

  function onLogout() {
    customer.value = null;
  }

  async function onPaid(event: CustomEvent<Detail<'bank-pay-success'>>) {
    const { orderId, paymentId } = event.detail;
    payFailure.value = null;
    payment.value = { paymentId, check: 'pending' };
    const checked = await call<{ status: string; paymentId: string | null }>(`/api/orders/${encodeURIComponent(orderId)}`).catch(() => null);
    payment.value = { paymentId, check: checked?.status === 'paid' && checked.paymentId === paymentId ? 'confirmed' : 'mismatch' };
  }

  function onPayFailure(event: CustomEvent<Detail<'bank-pay-failure'>>) {
    payFailure.value = event.detail.message;
  }

  function onLoanSubmitted(event: CustomEvent<Detail<'bank-loan-submitted'>>) {
    loan.value = event.detail;
  }

  const loginText = computed(() =>
    customer.value ? `Logged in to the bank as ${customer.value.displayName}.` : 'Not logged in to the bank yet.',
  );
  const paymentText = computed(() => {
    if (payFailure.value) return `Payment failed: ${payFailure.value}`;
    if (!payment.value) return '';
    const check = { pending: 'Checking with our server…', confirmed: 'Confirmed by our server with the bank.', mismatch: 'Our server could not confirm this payment yet.' };
    return `Paid: ${payment.value.paymentId}. ${check[payment.value.check]}`;
  });
  const loanText = computed(() => {
    const l = loan.value;
    return l ? `Loan application ${l.applicationId}: ${l.status}, ¥${l.amount} over ${l.termMonths} months at APR ${l.apr}%.` : '';
  });

  return { rentOrder, loginText, paymentText, loanText, onLogin, onLogout, onPaid, onPayFailure, onLoanSubmitted };
}
