import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { randomToken } from './secrets.ts';

/** The bank's own funding account: it issues sandbox balances, so it is the one account that may go negative. */
export const bankFundingAccount = 'acc_bank_funding';

/** Per account class, in minor units per day and per year (Class I: no limit in the sandbox). */
export const classLimits: Record<'I' | 'II', { daily: number; yearly: number } | null> = {
  I: null,
  II: { daily: 1_000_000, yearly: 20_000_000 },
};

export interface AccountRow {
  id: string;
  owner: 'customer' | 'app' | 'bank';
  customer_id: number | null;
  app_id: string | null;
  account_class: 'I' | 'II' | null;
  number: string;
  currency: string;
  balance: number;
  status: 'active' | 'frozen';
}

function accountNumber(db: Db): string {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
  return `62220200${String(count + 1).padStart(11, '0')}`;
}

/** `now` everywhere below is the bank's clock (SandboxOptions.now), so tests can move it; wall time by default. */
function ensureFundingAccount(db: Db, now = Date.now()) {
  db.prepare(
    `INSERT OR IGNORE INTO accounts (id, owner, number, created_at) VALUES (?, 'bank', '6222000000000000000', ?)`,
  ).run(bankFundingAccount, now);
}

export function ensureSettlementAccount(db: Db, appId: string, now = Date.now()) {
  ensureFundingAccount(db, now);
  const exists = db.prepare(`SELECT 1 FROM accounts WHERE owner = 'app' AND app_id = ?`).get(appId);
  if (!exists) {
    db.prepare(`INSERT INTO accounts (id, owner, app_id, number, created_at) VALUES (?, 'app', ?, ?, ?)`).run(
      randomToken('acc', 9), appId, accountNumber(db), now,
    );
  }
}

export function openCustomerAccount(
  db: Db, customerId: number, accountClass: 'I' | 'II', balance: number, frozen: boolean, now = Date.now(),
) {
  ensureFundingAccount(db, now);
  const id = randomToken('acc', 9);
  db.prepare(
    `INSERT INTO accounts (id, owner, customer_id, account_class, number, status, created_at)
     VALUES (?, 'customer', ?, ?, ?, ?, ?)`,
  ).run(id, customerId, accountClass, accountNumber(db), frozen ? 'frozen' : 'active', now);
  if (balance > 0) post(db, 'funding', 'Sandbox opening balance', [[bankFundingAccount, -balance], [id, balance]], now);
  return id;
}

/**
 * Posts one balanced transaction, dated `now` on the bank's clock (never wall time: daily and yearly limits count
 * on it): entries (account, signed amount) must sum to zero. Callers run it inside
 * their own SQLite transaction with the checks that justify it; the balance CHECK keeps accounts from going negative.
 */
export function post(
  db: Db, kind: string, description: string, entries: [accountId: string, amount: number][], now: number,
) {
  if (entries.reduce((sum, [, amount]) => sum + amount, 0) !== 0 || entries.some(([, a]) => !Number.isSafeInteger(a))) {
    throw new BankError('internal', 'Unbalanced ledger transaction.');
  }
  const id = randomToken('txn', 12);
  db.prepare('INSERT INTO ledger_transactions (id, kind, description, created_at) VALUES (?, ?, ?, ?)').run(
    id, kind, description, now,
  );
  const entry = db.prepare('INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES (?, ?, ?)');
  const balance = db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?');
  for (const [account, amount] of entries) {
    entry.run(id, account, amount);
    balance.run(amount, account);
  }
  return id;
}

export function customerAccounts(db: Db, customerId: number) {
  return db
    .prepare(`SELECT * FROM accounts WHERE owner = 'customer' AND customer_id = ? ORDER BY created_at, id`)
    .all(customerId) as AccountRow[];
}

export function settlementAccount(db: Db, appId: string) {
  return db.prepare(`SELECT * FROM accounts WHERE owner = 'app' AND app_id = ?`).get(appId) as AccountRow;
}

/** What an account has paid out since `since` (for daily and yearly limits). */
export function paidOutSince(db: Db, accountId: string, since: number): number {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(-e.amount), 0) AS total FROM ledger_entries e
       JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE e.account_id = ? AND e.amount < 0 AND t.kind = 'payment' AND t.created_at >= ?`,
    )
    .get(accountId, since) as { total: number };
  return row.total;
}

/** `**** 0001`: never the full number outside the bank. */
export const maskAccountNumber = (number: string) => `**** ${number.slice(-4)}`;

/**
 * The ledger's invariants: all entries sum to zero, every transaction balances, every account's balance equals the
 * sum of its entries, no customer or merchant account is negative, and supervised money matches what is held.
 */
export function ledgerCheck(db: Db) {
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const { total } = one<{ total: number }>('SELECT COALESCE(SUM(amount), 0) AS total FROM ledger_entries');
  const { unbalanced } = one<{ unbalanced: number }>(
    'SELECT COUNT(*) AS unbalanced FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount) <> 0)',
  );
  const { mismatched } = one<{ mismatched: number }>(
    `SELECT COUNT(*) AS mismatched FROM accounts a
     WHERE a.balance <> (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e WHERE e.account_id = a.id)`,
  );
  const { negative } = one<{ negative: number }>(`SELECT COUNT(*) AS negative FROM accounts WHERE owner = 'customer' AND balance < 0`);
  const { transactions } = one<{ transactions: number }>('SELECT COUNT(*) AS transactions FROM ledger_transactions');
  // Merchant services: their accounts never go negative, and each app's supervised account holds exactly the
  // rent not yet released from its paid orders.
  const { negativeMerchant } = one<{ negativeMerchant: number }>(
    `SELECT COUNT(*) AS negativeMerchant FROM accounts a JOIN merchant_ledger_accounts m ON m.account_id = a.id WHERE a.balance < 0`,
  );
  const { supervisedMismatch } = one<{ supervisedMismatch: number }>(
    `SELECT COUNT(*) AS supervisedMismatch FROM merchant_ledger_accounts m JOIN accounts a ON a.id = m.account_id
     WHERE m.kind = 'supervised' AND a.balance <> (SELECT COALESCE(SUM(r.amount), 0) FROM supervised_releases r
       JOIN rent_supervisions s ON s.order_id = r.order_id
       WHERE s.app_id = m.app_id AND s.paid_at IS NOT NULL AND r.released_at IS NULL)`,
  );
  return {
    entriesSum: total,
    transactions,
    unbalancedTransactions: unbalanced,
    accountsNotMatchingEntries: mismatched,
    negativeCustomerAccounts: negative,
    negativeMerchantAccounts: negativeMerchant,
    supervisedNotMatchingHeld: supervisedMismatch,
    ok: total === 0 && unbalanced === 0 && mismatched === 0 && negative === 0 && negativeMerchant === 0 &&
      supervisedMismatch === 0,
  };
}
