import { createHash } from 'node:crypto';
import { creditOffer, creditOfferRule } from '../domain/credit-offer.ts';
import { isValidCreditCode, maskCreditCode } from '../domain/credit-code.ts';
import { isLuhnValid } from '../domain/card.ts';
import { AmountError, formatAmount, parseAmount } from '../domain/money.ts';
import { chinaDate, checkRentTerms, supervisionPlan, type RentTerms } from '../domain/rent-supervision.ts';
import { isValidResidentId, maskResidentId } from '../domain/resident-id.ts';
import { allocateSplits, maxSplits, SplitError, type Split } from '../domain/splits.ts';
import type { PartnerApp } from './apps.ts';
import { findApp } from './apps.ts';
import type { CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { bankFundingAccount, post, settlementAccount } from './ledger.ts';
import type { LoanTerms } from './loans.ts';
import { randomToken } from './secrets.ts';
import { enqueueWebhook } from './webhooks.ts';

/**
 * Merchant services (CONTRACT §5): a platform's merchants, their verification, balances credited by order splits,
 * payouts to their settlement accounts, the platform's supervised rent account, and the working-capital offer.
 * Every movement is one balanced ledger transaction; merchant and supervised accounts cannot go negative (a
 * trigger in the schema), and the sandbox clock (`now`) drives releases and payout arrival.
 */

export type MerchantStatus = 'unverified' | 'pending' | 'verified' | 'rejected';

export interface MerchantRow {
  id: string;
  app_id: string;
  type: 'individual' | 'business';
  name: string;
  reference: string | null;
  status: MerchantStatus;
  rejection_reason: string | null;
  balance_account_id: string;
  verified_name: string | null;
  credit_code: string | null;
  legal_rep_name_masked: string | null;
  legal_rep_id_masked: string | null;
  legal_rep_customer_id: number | null;
  settlement_account_number: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: number;
  verified_at: number | null;
}

/** Sandbox: this settlement account fails the bank's account check (CONTRACT §6). */
export const rejectedSettlementAccount = '6222000000000000046';
/** Why verification was refused: a code the SDK translates, never personal data. */
export type RejectionReason = 'settlement_account_check_failed';

/** The bank's identity records for the sandbox customers that have one (CONTRACT §6). */
const knownIdentities: Record<string, string> = {
  '13800000001': '110105199003070017',
  '13800000002': '310115198805120034',
};

/** The bank's own loan book: disbursed principal is an asset, so this account's balance grows positive. */
const loanBookAccount = 'acc_bank_loans';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function validKey(key: string | null) {
  if (key !== null && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new BankError('invalid_request', '`Idempotency-Key` must be 1 to 255 visible ASCII characters.');
  }
  return key;
}

function ledgerAccount(db: Db, appId: string, kind: 'merchant' | 'supervised' | 'payout-clearing', now: number) {
  if (kind !== 'merchant') {
    const existing = db
      .prepare('SELECT account_id FROM merchant_ledger_accounts WHERE app_id = ? AND kind = ?')
      .get(appId, kind) as { account_id: string } | undefined;
    if (existing) return existing.account_id;
  }
  const id = randomToken('acc', 9);
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM merchant_ledger_accounts').get() as { n: number };
  // A prefix of its own: `62220300…` was also where e-account numbers (`622203` + 12 digits + Luhn) fall.
  db.prepare(`INSERT INTO accounts (id, owner, app_id, number, created_at) VALUES (?, 'bank', ?, ?, ?)`).run(
    id, appId, `62220400${String(n + 1).padStart(11, '0')}`, now,
  );
  db.prepare('INSERT INTO merchant_ledger_accounts (account_id, kind, app_id) VALUES (?, ?, ?)').run(id, kind, appId);
  return id;
}

const balanceOf = (db: Db, accountId: string) =>
  (db.prepare('SELECT balance FROM accounts WHERE id = ?').get(accountId) as { balance: number }).balance;

// ---------------------------------------------------------------------------------------------------------------
// Merchants and verification
// ---------------------------------------------------------------------------------------------------------------

export function findMerchant(db: Db, appId: string, id: string): MerchantRow {
  const row = db.prepare('SELECT * FROM merchants WHERE id = ? AND app_id = ?').get(id, appId) as MerchantRow | undefined;
  if (!row) throw new BankError('not_found', `No merchant ${id}.`);
  return row;
}

/** What the partner's server sees: status, balance and masked verification facts, no identity numbers in full. */
export function merchantView(db: Db, m: MerchantRow) {
  return {
    id: m.id,
    status: m.status,
    type: m.type,
    name: m.name,
    reference: m.reference,
    balance: formatAmount(balanceOf(db, m.balance_account_id)),
    currency: 'CNY',
    ...(m.status === 'rejected' ? { rejectionReason: m.rejection_reason } : {}),
    ...(m.credit_code ? { creditCode: maskCreditCode(m.credit_code) } : {}),
    ...(m.settlement_account_number ? { settlementAccount: `**** ${m.settlement_account_number.slice(-4)}` } : {}),
    createdAt: new Date(m.created_at).toISOString(),
    verifiedAt: m.verified_at ? new Date(m.verified_at).toISOString() : null,
  };
}

/** What the partner page may learn (through the bridge): the state only, no name, identity or account data. */
export function merchantStatusView(m: MerchantRow) {
  return {
    merchantId: m.id,
    status: m.status,
    type: m.type,
    ...(m.status === 'rejected' && m.rejection_reason ? { reason: m.rejection_reason } : {}),
  };
}

export interface NewMerchant {
  type: 'individual' | 'business';
  name: string;
  reference: string | null;
}

/** Creates a merchant; the same Idempotency-Key and body answer the same merchant, another body is a conflict. */
export function createMerchant(db: Db, appId: string, input: NewMerchant, key: string | null, now: number) {
  validKey(key);
  const requestHash = hashOf(input);
  return db.transaction(() => {
    if (key) {
      const existing = db.prepare('SELECT * FROM merchants WHERE app_id = ? AND idempotency_key = ?').get(appId, key) as
        | MerchantRow | undefined;
      if (existing) {
        if (existing.request_hash !== requestHash) {
          throw new BankError('idempotency_conflict', 'This Idempotency-Key was used with a different request body.');
        }
        return { merchant: existing, replayed: true };
      }
    }
    const id = randomToken('mer', 12);
    const account = ledgerAccount(db, appId, 'merchant', now);
    db.prepare(
      `INSERT INTO merchants (id, app_id, type, name, reference, balance_account_id, idempotency_key, request_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, appId, input.type, input.name, input.reference, account, key, requestHash, now);
    return { merchant: findMerchant(db, appId, id), replayed: false };
  }).immediate();
}

export interface VerificationInput {
  /** Business name, or the individual's own name. */
  name: string;
  /** Business only. */
  creditCode?: string;
  /** Business: the legal representative; individual: the merchant themselves. */
  representative: string;
  representativeId: string;
  settlementAccount: string;
}

/**
 * Verifies a merchant from what its legal representative (an individual: the merchant) typed in the bank's
 * frame, logged in as a bank customer. The name and ID number must be the customer's own as the bank knows them
 * (`verification_failed`); the settlement account is checked (`6222000000000000046` fails: `rejected`).
 */
export function submitVerification(db: Db, app: PartnerApp, merchantId: string, customer: CustomerRow,
  input: VerificationInput, now: number) {
  const name = input.name.trim();
  const representative = input.representative.trim();
  if ([...name].length < 2) throw new BankError('invalid_request', 'The business name is required.');
  if ([...representative].length < 2) throw new BankError('invalid_request', 'The legal representative is required.');
  if (!isValidResidentId(input.representativeId)) {
    throw new BankError('invalid_request', 'The legal representative ID number is not a valid resident ID number.');
  }
  if (!isLuhnValid(input.settlementAccount)) throw new BankError('invalid_request', 'The settlement account number is not valid.');
  return db.transaction(() => {
    const merchant = findMerchant(db, app.id, merchantId);
    if (merchant.type === 'business') {
      if (!input.creditCode || !isValidCreditCode(input.creditCode)) {
        throw new BankError('invalid_request', 'The unified social credit code is not valid.');
      }
    }
    if (merchant.status === 'verified' || merchant.status === 'pending') {
      throw new BankError('invalid_request', `This merchant is already ${merchant.status}.`);
    }
    const known = knownIdentities[customer.phone];
    const names = [customer.name_en, customer.name_zh].map((n) => n.toLowerCase().replace(/\s+/g, ' '));
    if ((known && known !== input.representativeId.toUpperCase()) ||
        !names.includes(representative.toLowerCase().replace(/\s+/g, ' '))) {
      throw new BankError('verification_failed', 'The legal representative must be the logged-in customer, with their own ID number.');
    }
    const rejected = input.settlementAccount === rejectedSettlementAccount;
    const status: MerchantStatus = rejected ? 'rejected' : 'verified';
    db.prepare(
      `UPDATE merchants SET status = ?, rejection_reason = ?, verified_name = ?, credit_code = ?, legal_rep_name_masked = ?,
         legal_rep_id_masked = ?, legal_rep_customer_id = ?, settlement_account_number = ?, verified_at = ? WHERE id = ?`,
    ).run(
      status, rejected ? 'settlement_account_check_failed' : null, name,
      merchant.type === 'business' ? input.creditCode!.toUpperCase() : null, `${[...representative][0]}*`,
      maskResidentId(input.representativeId), customer.id, input.settlementAccount, rejected ? null : now, merchant.id,
    );
    const updated = findMerchant(db, app.id, merchant.id);
    if (status === 'verified') enqueueWebhook(db, app, 'merchant.verified', merchantView(db, updated), now);
    return updated;
  }).immediate();
}

// ---------------------------------------------------------------------------------------------------------------
// Orders: splits and supervised rent
// ---------------------------------------------------------------------------------------------------------------

export interface OrderSettlement {
  splits: Split[];
  rent: RentTerms | null;
}

function amountField(value: unknown, name: string, allowZero = false): number {
  if (typeof value !== 'string') throw new BankError('invalid_request', `\`${name}\` must be a decimal string like "3500.00".`);
  if (allowZero && /^0+(\.0{1,2})?$/.test(value)) return 0;
  try {
    return parseAmount(value, { max: 100_000_000 });
  } catch (error) {
    const zero = error instanceof AmountError && error.reason === 'zero';
    throw new BankError('invalid_request', zero ? `\`${name}\` must be positive.` : `\`${name}\` must be a decimal string like "3500.00".`);
  }
}

/**
 * Reads an order's optional `splits` and `rent` (CONTRACT §5) and checks them against the bank's records:
 * every split to a verified merchant of this app, the splits within the order (within what is released at once
 * for rent, since held money is not the platform's to share yet), and rent × months + deposit = the amount.
 */
export function readOrderSettlement(db: Db, appId: string, amount: number, splitsRaw: unknown, rentRaw: unknown): OrderSettlement | null {
  if (splitsRaw === undefined && rentRaw === undefined) return null;
  let rent: RentTerms | null = null;
  let available = amount;
  if (rentRaw !== undefined) {
    if (typeof rentRaw !== 'object' || rentRaw === null || Array.isArray(rentRaw)) {
      throw new BankError('invalid_request', '`rent` must be an object {monthlyRent, months, deposit}.');
    }
    const r = rentRaw as Record<string, unknown>;
    const months = r.months;
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 36) {
      throw new BankError('invalid_request', '`rent.months` must be a whole number from 1 to 36.');
    }
    rent = { monthlyRent: amountField(r.monthlyRent, 'rent.monthlyRent'), months, deposit: amountField(r.deposit ?? '0', 'rent.deposit', true) };
    checkRentTerms(rent);
    if (rent.monthlyRent * rent.months + rent.deposit !== amount) {
      throw new BankError('invalid_request', '`amount` must equal rent.monthlyRent × rent.months + rent.deposit.');
    }
    available = supervisionPlan(rent, 0).releasedAtOnce;
  }
  let splits: Split[] = [];
  if (splitsRaw !== undefined) {
    if (!Array.isArray(splitsRaw) || splitsRaw.length === 0 || splitsRaw.length > maxSplits ||
        splitsRaw.some((s) => typeof s !== 'object' || s === null || typeof (s as Record<string, unknown>).merchantId !== 'string')) {
      throw new BankError('invalid_request', `\`splits\` must be 1 to ${maxSplits} objects {merchantId, amount}.`);
    }
    splits = splitsRaw.map((s: Record<string, unknown>) => ({
      merchantId: String(s.merchantId).slice(0, 100), amount: amountField(s.amount, 'splits[].amount'),
    }));
    for (const split of splits) {
      const merchant = findMerchant(db, appId, split.merchantId);
      if (merchant.status !== 'verified') {
        throw new BankError('merchant_unverified', `Merchant ${merchant.id} is ${merchant.status}: only verified merchants take splits.`);
      }
    }
    try {
      allocateSplits(available, splits);
    } catch (error) {
      if (!(error instanceof SplitError)) throw error;
      if (error.problem === 'exceeds') {
        throw new BankError('split_exceeds_amount', rent
          ? 'The splits add up to more than what is released at once (the rest is held under supervision).'
          : 'The splits add up to more than the order amount.');
      }
      throw new BankError('invalid_request', error.message);
    }
  }
  return { splits, rent };
}

export function saveOrderSettlement(db: Db, appId: string, orderId: string, settlement: OrderSettlement) {
  const insert = db.prepare('INSERT OR IGNORE INTO order_splits (order_id, merchant_id, amount) VALUES (?, ?, ?)');
  for (const split of settlement.splits) insert.run(orderId, split.merchantId, split.amount);
  if (settlement.rent) {
    db.prepare(
      'INSERT OR IGNORE INTO rent_supervisions (order_id, app_id, monthly_rent, months, deposit) VALUES (?, ?, ?, ?, ?)',
    ).run(orderId, appId, settlement.rent.monthlyRent, settlement.rent.months, settlement.rent.deposit);
  }
}

/**
 * Runs inside the payment's transaction, after the platform's settlement account was credited: credits each
 * split to its merchant and moves rent beyond what may be released at once into the supervised account.
 */
export function settleOrderPayment(db: Db, appId: string, orderId: string, now: number) {
  const platform = settlementAccount(db, appId).id;
  const splits = db.prepare('SELECT s.*, m.balance_account_id FROM order_splits s JOIN merchants m ON m.id = s.merchant_id WHERE s.order_id = ? AND s.settled_at IS NULL')
    .all(orderId) as { merchant_id: string; amount: number; balance_account_id: string }[];
  for (const split of splits) {
    post(db, 'split', `Order ${orderId}: split to ${split.merchant_id}`, [[platform, -split.amount], [split.balance_account_id, split.amount]], now);
    db.prepare('UPDATE order_splits SET settled_at = ? WHERE order_id = ? AND merchant_id = ?').run(now, orderId, split.merchant_id);
  }
  const rent = db.prepare('SELECT * FROM rent_supervisions WHERE order_id = ? AND paid_at IS NULL').get(orderId) as
    | { monthly_rent: number; months: number; deposit: number } | undefined;
  if (rent) {
    const plan = supervisionPlan({ monthlyRent: rent.monthly_rent, months: rent.months, deposit: rent.deposit }, now);
    if (plan.held > 0) {
      post(db, 'rent-supervision', `Order ${orderId}: held under rental-fund supervision`, [
        [platform, -plan.held], [ledgerAccount(db, appId, 'supervised', now), plan.held],
      ], now);
    }
    const insert = db.prepare('INSERT INTO supervised_releases (order_id, seq, release_at, amount, kind) VALUES (?, ?, ?, ?, ?)');
    plan.releases.forEach((r, seq) => insert.run(orderId, seq, r.at, r.amount, r.kind));
    db.prepare('UPDATE rent_supervisions SET paid_at = ? WHERE order_id = ?').run(now, orderId);
  }
}

/** The order's splits and supervision for `GET /v1/orders/{id}`; nothing when it has neither. */
export function orderSettlementView(db: Db, orderId: string) {
  const splits = db.prepare('SELECT merchant_id, amount, settled_at FROM order_splits WHERE order_id = ? ORDER BY rowid').all(orderId) as
    { merchant_id: string; amount: number; settled_at: number | null }[];
  const rent = db.prepare('SELECT * FROM rent_supervisions WHERE order_id = ?').get(orderId) as
    | { monthly_rent: number; months: number; deposit: number; paid_at: number | null } | undefined;
  const view: Record<string, unknown> = {};
  if (splits.length) {
    view.splits = splits.map((s) => ({ merchantId: s.merchant_id, amount: formatAmount(s.amount), settled: s.settled_at !== null }));
  }
  if (rent) {
    const terms = { monthlyRent: rent.monthly_rent, months: rent.months, deposit: rent.deposit };
    view.rent = { monthlyRent: formatAmount(terms.monthlyRent), months: terms.months, deposit: formatAmount(terms.deposit) };
    if (rent.paid_at !== null) {
      const releases = db.prepare('SELECT release_at, amount, kind, released_at FROM supervised_releases WHERE order_id = ? ORDER BY seq')
        .all(orderId) as { release_at: number; amount: number; kind: string; released_at: number | null }[];
      const total = terms.monthlyRent * terms.months + terms.deposit;
      const held = releases.reduce((sum, r) => (r.released_at === null ? sum + r.amount : sum), 0);
      view.supervision = {
        held: formatAmount(held),
        released: formatAmount(total - held),
        schedule: releases.map((r) => ({
          date: chinaDate(r.release_at), amount: formatAmount(r.amount), kind: r.kind, released: r.released_at !== null,
        })),
      };
    }
  }
  return view;
}

// ---------------------------------------------------------------------------------------------------------------
// The sandbox clock: supervised releases and payout arrival
// ---------------------------------------------------------------------------------------------------------------

/**
 * Releases what is due from supervised accounts to the platforms and pays out payouts whose day has come.
 * Run on demand (every merchant, payout and order read) with the sandbox clock, so tests can move time.
 */
export function runMerchantClock(db: Db, now: number) {
  db.transaction(() => {
    const due = db.prepare(
      `SELECT r.order_id, r.seq, r.amount, s.app_id FROM supervised_releases r JOIN rent_supervisions s ON s.order_id = r.order_id
       WHERE r.released_at IS NULL AND r.release_at <= ? ORDER BY r.release_at`,
    ).all(now) as { order_id: string; seq: number; amount: number; app_id: string }[];
    for (const r of due) {
      post(db, 'rent-release', `Order ${r.order_id}: supervised ${r.seq + 1} released`, [
        [ledgerAccount(db, r.app_id, 'supervised', now), -r.amount], [settlementAccount(db, r.app_id).id, r.amount],
      ], now);
      db.prepare('UPDATE supervised_releases SET released_at = ? WHERE order_id = ? AND seq = ?').run(now, r.order_id, r.seq);
    }
    const arriving = db.prepare(`SELECT * FROM payouts WHERE status = 'pending' AND arrives_at <= ?`).all(now) as PayoutRow[];
    for (const p of arriving) {
      post(db, 'payout', `Payout ${p.id} to the settlement account`, [
        [ledgerAccount(db, p.app_id, 'payout-clearing', now), -p.amount], [bankFundingAccount, p.amount],
      ], now);
      db.prepare(`UPDATE payouts SET status = 'paid', paid_at = ? WHERE id = ?`).run(now, p.id);
      const app = findApp(db, p.app_id);
      if (app) enqueueWebhook(db, app, 'payout.paid', payoutView({ ...p, status: 'paid', paid_at: now }), now);
    }
  }).immediate();
}

// ---------------------------------------------------------------------------------------------------------------
// Payouts
// ---------------------------------------------------------------------------------------------------------------

export interface PayoutRow {
  id: string;
  app_id: string;
  merchant_id: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: number;
  arrives_at: number;
  paid_at: number | null;
}

export function payoutView(p: PayoutRow) {
  return {
    id: p.id,
    merchantId: p.merchant_id,
    amount: formatAmount(p.amount),
    currency: 'CNY',
    status: p.status,
    createdAt: new Date(p.created_at).toISOString(),
    arrivesAt: new Date(p.arrives_at).toISOString(),
    paidAt: p.paid_at ? new Date(p.paid_at).toISOString() : null,
  };
}

/** T+1: the payout arrives at the start of the next day in China time. */
export function payoutArrival(now: number) {
  const offset = 8 * 3_600_000;
  return (Math.floor((now + offset) / 86_400_000) + 1) * 86_400_000 - offset;
}

export function findPayout(db: Db, appId: string, id: string): PayoutRow {
  const row = db.prepare('SELECT * FROM payouts WHERE id = ? AND app_id = ?').get(id, appId) as PayoutRow | undefined;
  if (!row) throw new BankError('not_found', `No payout ${id}.`);
  return row;
}

/**
 * Moves `amount` from a verified merchant's balance towards its settlement account, in one transaction with the
 * checks; with an Idempotency-Key the same key answers the same payout and never pays twice.
 */
export function createPayout(db: Db, appId: string, input: { merchantId: string; amount: number }, key: string | null, now: number) {
  validKey(key);
  const requestHash = hashOf(input);
  return db.transaction(() => {
    if (key) {
      const existing = db.prepare('SELECT * FROM payouts WHERE app_id = ? AND idempotency_key = ?').get(appId, key) as PayoutRow | undefined;
      if (existing) {
        if (existing.request_hash !== requestHash) {
          throw new BankError('idempotency_conflict', 'This Idempotency-Key was used with a different request body.');
        }
        return { payout: existing, replayed: true };
      }
    }
    const merchant = findMerchant(db, appId, input.merchantId);
    if (merchant.status !== 'verified' || !merchant.settlement_account_number) {
      throw new BankError('merchant_unverified', merchant.status === 'rejected'
        ? 'The merchant’s settlement account failed verification: payouts are refused.'
        : `Merchant ${merchant.id} is ${merchant.status}: payouts go only to a verified merchant’s settlement account.`);
    }
    if (balanceOf(db, merchant.balance_account_id) < input.amount) {
      throw new BankError('insufficient_funds', 'The payout is more than the merchant’s balance.');
    }
    post(db, 'payout', `Payout for ${merchant.id}`, [
      [merchant.balance_account_id, -input.amount], [ledgerAccount(db, appId, 'payout-clearing', now), input.amount],
    ], now);
    const id = randomToken('po', 12);
    db.prepare(
      `INSERT INTO payouts (id, app_id, merchant_id, amount, status, idempotency_key, request_hash, created_at, arrives_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    ).run(id, appId, merchant.id, input.amount, key, requestHash, now, payoutArrival(now));
    return { payout: findPayout(db, appId, id), replayed: false };
  }).immediate();
}

// ---------------------------------------------------------------------------------------------------------------
// The working-capital offer and the merchant loan
// ---------------------------------------------------------------------------------------------------------------

export function merchantCreditOffer(db: Db, appId: string, merchantId: string, now: number) {
  const merchant = findMerchant(db, appId, merchantId);
  const settlements = (db.prepare('SELECT settled_at AS at, amount FROM order_splits WHERE merchant_id = ? AND settled_at IS NOT NULL')
    .all(merchant.id) as { at: number; amount: number }[]);
  const offer = creditOffer(settlements, now);
  const limit = merchant.status === 'verified' ? offer.limit : 0;
  const product = db.prepare(`SELECT annual_rate_bp FROM loan_products WHERE id = 'merchant-loan'`).get() as { annual_rate_bp: number };
  return {
    merchantId: merchant.id,
    limit: formatAmount(limit),
    apr: (product.annual_rate_bp / 100).toFixed(2),
    currency: 'CNY',
    basis: {
      from: offer.basis.from,
      to: offer.basis.to,
      monthsWithIncome: offer.basis.monthsWithIncome,
      settledIncome: formatAmount(offer.basis.settled),
      rule: `${creditOfferRule.shareBp / 100}% of settled split income over the ${creditOfferRule.windowMonths} full months before this one, ` +
        `capped at ${formatAmount(creditOfferRule.cap)}; no offer below ${creditOfferRule.minMonthsWithIncome} months with income` +
        (merchant.status === 'verified' ? '' : '; only for a verified merchant'),
    },
  };
}

/**
 * A merchant loan is for the merchant's verified legal representative only (`verification_failed` for anyone
 * else) and at most the merchant's current offer (`limit_exceeded`).
 */
export function assertMerchantLoan(db: Db, appId: string, customer: CustomerRow, merchantId: string | undefined, terms: LoanTerms, now: number) {
  if (!merchantId) throw new BankError('invalid_request', '`merchantId` is required for a merchant loan.');
  const merchant = findMerchant(db, appId, merchantId);
  if (merchant.status !== 'verified') throw new BankError('merchant_unverified', 'The merchant is not verified.');
  if (merchant.legal_rep_customer_id !== customer.id) {
    throw new BankError('verification_failed', 'Only the merchant’s verified legal representative may apply for its loan.');
  }
  const limit = parseAmountOrZero(merchantCreditOffer(db, appId, merchantId, now).limit);
  if (terms.amount > limit) {
    throw new BankError('limit_exceeded', `The merchant’s credit offer is ${formatAmount(limit)}.`);
  }
  return merchant;
}

const parseAmountOrZero = (text: string) => (/^0+\.00$/.test(text) ? 0 : parseAmount(text));

/** An approved merchant loan is paid out to the merchant's settlement account (outside the bank: via clearing). */
export function disburseMerchantLoan(db: Db, merchant: MerchantRow, application: { id: string; amount: number; status: string }, now: number) {
  db.transaction(() => {
    let transactionId: string | null = null;
    if (application.status === 'approved') {
      db.prepare(`INSERT OR IGNORE INTO accounts (id, owner, number, created_at) VALUES (?, 'bank', '6222000000000000101', ?)`).run(loanBookAccount, now);
      transactionId = post(db, 'merchant-loan', `Loan ${application.id} to ${merchant.id}'s settlement account`, [
        [loanBookAccount, application.amount], [bankFundingAccount, -application.amount],
      ], now);
    }
    db.prepare('INSERT INTO merchant_loans (application_id, merchant_id, transaction_id) VALUES (?, ?, ?)').run(application.id, merchant.id, transactionId);
  })();
}

// ---------------------------------------------------------------------------------------------------------------
// Sandbox only
// ---------------------------------------------------------------------------------------------------------------

/**
 * Sandbox only: settled split income in past months, so a partner can see a credit offer without waiting
 * months. Each month gets a paid order of its own, split entirely to the merchant, dated in that month.
 */
export function addSandboxIncome(db: Db, appId: string, merchantId: string, months: number, amount: number, now: number) {
  return db.transaction(() => {
    const merchant = findMerchant(db, appId, merchantId);
    if (merchant.status !== 'verified') throw new BankError('merchant_unverified', 'Only a verified merchant has split income.');
    for (let back = 1; back <= months; back++) {
      const local = new Date(now + 8 * 3_600_000);
      const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 15) - 8 * 3_600_000;
      const orderId = randomToken('ord', 12);
      db.prepare(
        `INSERT INTO orders (id, app_id, amount, currency, description, status, created_at, paid_at)
         VALUES (?, ?, ?, 'CNY', 'Sandbox history', 'paid', ?, ?)`,
      ).run(orderId, appId, amount, at, at);
      post(db, 'sandbox-income', `Sandbox split income for ${merchant.id}`, [[bankFundingAccount, -amount], [merchant.balance_account_id, amount]], at);
      db.prepare('INSERT INTO order_splits (order_id, merchant_id, amount, settled_at) VALUES (?, ?, ?, ?)').run(orderId, merchant.id, amount, at);
    }
    return findMerchant(db, appId, merchantId);
  })();
}
