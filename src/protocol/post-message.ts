import type { PublicErrorCode } from './errors.ts';

/**
 * The postMessage protocol between the partner page and the bank's frames. Both sides check every message
 * against these shapes (and its exact origin and source) and ignore anything else.
 *
 * partner page ──request──► bridge frame ──reply/event──► partner page
 * secure frame ──event──► partner page (resize, close, done)
 * secure frame ◄──BroadcastChannel──► bridge frame (bank origin only)
 */
/** Codes of `bank-error` and `bank-pay-failure` (CONTRACT §3): the public part of the one error table. */
export type SdkErrorCode = PublicErrorCode;

export interface SdkError {
  code: SdkErrorCode;
  message: string;
  retryable: boolean;
  /** `token_fetch_failed`: the HTTP status of the partner's token endpoint. */
  status?: number;
  /** `token_fetch_failed`: the bank's `error.code`, when the partner's endpoint passed it on. */
  bankCode?: string;
  /** Sandbox mode only: the cause and the fix, for the developer (also written once with `console.warn`). */
  hint?: string;
  /** After a wrong payment PIN: how many tries are left before the lock (bank frames only). */
  attemptsLeft?: number;
}

/** Display data only: never a token. */
export interface CustomerDisplay {
  customerId: string;
  displayName: string;
  expiresAt: string;
}

export type BridgeMethod = 'start' | 'logout' | 'getOrder' | 'loanProducts' | 'loanQuote' | 'checkConsentRequest' | 'getMerchant';

export interface BridgeRequest {
  bank: 1;
  id: number;
  method: BridgeMethod;
  params?: Record<string, string>;
}

export type BridgeReply =
  | { bank: 1; id: number; result: unknown }
  | { bank: 1; id: number; error: SdkError };

export type BankEventMessage =
  /** The bridge is listening; `channel` names its BroadcastChannel for this page's secure frames. */
  | { bank: 1; event: 'bridge-ready'; data: { channel: string } }
  | { bank: 1; event: 'session'; data: { customer: CustomerDisplay | null } }
  /** The bank session ended: fetch a fresh client token and `start` again. */
  | { bank: 1; event: 'token-needed'; data: Record<string, never> }
  | { bank: 1; event: 'resize'; data: { height: number } }
  | { bank: 1; event: 'close'; data: Record<string, never> }
  | { bank: 1; event: 'done'; data: Record<string, unknown> }
  /** A payment attempt failed; `final` when the dialog has nothing more to offer. */
  | { bank: 1; event: 'payment-failed'; data: { code: SdkErrorCode; message: string; final: boolean; contact?: BankContact } }
  /** An inline frame shows real data and can be used. */
  | { bank: 1; event: 'ready'; data: Record<string, never> }
  /** An inline frame could not load (it shows the problem itself); the element fires `bank-error`. */
  | { bank: 1; event: 'error'; data: SdkError }
  /** An inline frame asks its element to open a dialog frame (the element allows only its own frames). */
  | { bank: 1; event: 'open-dialog'; data: { frame: string; params: Record<string, string> } }
  /** Page → inline frame: something changed (a dialog finished); load again. */
  | { bank: 1; event: 'refresh'; data: Record<string, never> };

const methods: readonly string[] = ['start', 'logout', 'getOrder', 'loanProducts', 'loanQuote', 'checkConsentRequest', 'getMerchant'];
const events: readonly string[] = [
  'bridge-ready', 'session', 'token-needed', 'resize', 'close', 'done', 'payment-failed', 'ready', 'error', 'open-dialog',
  'refresh',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isBridgeRequest(data: unknown): data is BridgeRequest {
  return isRecord(data) && data.bank === 1 && Number.isInteger(data.id) && methods.includes(data.method as string) &&
    (data.params === undefined || (isRecord(data.params) && Object.values(data.params).every((v) => typeof v === 'string')));
}

export function isBridgeReply(data: unknown): data is BridgeReply {
  return isRecord(data) && data.bank === 1 && Number.isInteger(data.id) &&
    ('result' in data || (isRecord(data.error) && typeof data.error.code === 'string'));
}

export function isBankEvent(data: unknown): data is BankEventMessage {
  if (!isRecord(data) || data.bank !== 1 || !events.includes(data.event as string) || !isRecord(data.data)) return false;
  if (data.event === 'resize') return typeof data.data.height === 'number' && data.data.height >= 0 && data.data.height < 5000;
  if (data.event === 'bridge-ready') return typeof data.data.channel === 'string';
  if (data.event === 'session') return data.data.customer === null || isCustomerDisplay(data.data.customer);
  if (data.event === 'error') {
    return typeof data.data.code === 'string' && typeof data.data.message === 'string' && typeof data.data.retryable === 'boolean';
  }
  if (data.event === 'open-dialog') {
    const params = data.data.params;
    return typeof data.data.frame === 'string' && /^[a-z-]{1,30}$/.test(data.data.frame) && isRecord(params) &&
      Object.values(params).every((v) => typeof v === 'string' && v.length <= 200);
  }
  if (data.event === 'payment-failed') {
    const contact = data.data.contact;
    return typeof data.data.code === 'string' && typeof data.data.message === 'string' && typeof data.data.final === 'boolean' &&
      (contact === undefined || (isRecord(contact) && ['bank', 'hotline', 'hours'].every((k) =>
        typeof contact[k] === 'string' && (contact[k] as string).length <= 100)));
  }
  return true;
}

export function isCustomerDisplay(value: unknown): value is CustomerDisplay {
  return isRecord(value) && typeof value.customerId === 'string' && typeof value.displayName === 'string' &&
    typeof value.expiresAt === 'string';
}

/** Who to call about a lock: public facts of the bank (`GET /v1/frame/bank-info`), in the frame's locale. */
export interface BankContact {
  bank: string;
  hotline: string;
  hours: string;
}

/** An order as the bank stored it: what the customer pays, whatever the partner page says. */
export interface OrderDisplay {
  id: string;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  amount: string;
  currency: string;
  description: string;
  payee: string;
  paymentId?: string;
  paidAt?: string;
}

export interface LoanProduct {
  id: string;
  name: Record<'en' | 'zh-CN', string>;
  minAmount: string;
  maxAmount: string;
  minTermMonths: number;
  maxTermMonths: number;
  annualRate: string;
  repaymentMethods: string[];
}

/** The bank's quote: every figure computed by the bank, in decimal strings. */
export interface LoanQuote {
  product: string;
  amount: string;
  termMonths: number;
  repaymentMethod: string;
  annualRate: string;
  apr: string;
  firstPayment: string;
  typicalPayment: string;
  lastPayment: string;
  totalInterest: string;
  totalPayment: string;
  installments: { period: number; payment: string; principal: string; interest: string; remaining: string }[];
}

/** Secure frame ↔ bridge, over the page's BroadcastChannel (same origin, same partition: bank frames only). */
export interface ChannelRequest {
  id: string;
  method: string;
  params: Record<string, unknown>;
  /** The asking frame's language (its element's `locale`): the bank answers its texts in it. */
  locale?: string;
}

export type ChannelReply = { id: string; result: unknown } | { id: string; error: SdkError };

export const sdkError = (code: SdkErrorCode, message: string, retryable = false): SdkError => ({ code, message, retryable });

/** A merchant's verification state as the partner page may see it: no name, identity or account data. */
export interface MerchantState {
  merchantId: string;
  status: 'unverified' | 'pending' | 'verified' | 'rejected';
  type: 'individual' | 'business';
  /** Why verification was refused (a code, e.g. `settlement_account_check_failed`). */
  reason?: string;
}
