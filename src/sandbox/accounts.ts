/**
 * Class II and III e-accounts (CONTRACT §6, DOMAIN.md "Personal accounts"): opening with the four-factor check
 * against a bound card, new customers, per-class limits on China's calendar, money in from the bound card,
 * transactions and statements. The rules themselves are pure functions in `src/domain/account-class.ts`.
 */
import {
  chinaDate, chinaMonthRange, classRules, inflowAllowed, paymentAllowance, paymentAllowed, type AccountClass,
} from '../domain/account-class.ts';
import { isValidCardNumber, luhnCheckDigit, maskCardNumber, normalizeCardNumber } from '../domain/card.ts';
import { formatAmount } from '../domain/money.ts';
import { pinProblem } from '../domain/pin.ts';
import { isValidResidentId } from '../domain/resident-id.ts';
import { checkPaymentPin, customerById, customerByPhone, type CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { customerAccounts, post, type AccountRow } from './ledger.ts';
import { hashSecret, randomToken, tokenHash } from './secrets.ts';

/** Where money from customers' bound cards (other banks) arrives through the card network; a bank account. */
const cardClearingAccount = 'acc_bank_card_clearing';

/** CONTRACT §6: the identities the bank holds for its sandbox customers (by phone). */
const sandboxIdentities: Record<string, string> = {
  '13800000001': '110105199003070017',
  '13800000002': '310115198805120034',
  '13800000003': '440304198506150031',
  '13800000004': '330106199208110040',
  '13800000005': '510107197802030052',
  '13800000006': '32010219870930006X',
  '13800000007': '420106199504170074',
};

/** Gives the sandbox customers their identities (idempotent; customers added later get theirs on the next start). */
export function seedIdentities(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO customer_identities (customer_id, id_number, verified_at) VALUES (?, ?, 0)');
  for (const [phone, idNumber] of Object.entries(sandboxIdentities)) {
    const customer = customerByPhone(db, phone);
    if (customer) insert.run(customer.id, idNumber);
  }
}

/** The account terms, versioned: the version a customer accepted is stored with the account. */
export const accountTerms = {
  version: '2026-11-27',
  en: [
    'These terms govern Class II and Class III electronic accounts opened online with the Sandbox Bank.',
    '1. Who may open. You must be at least 16, open the account in your own name, and bind a Class I debit account (or credit card) of your own at another bank. The bank checks your name, ID number, phone number and that account with the card network.',
    '2. One of each. You may hold one Class II and one Class III account with this bank.',
    '3. Class II limits. Payments and transfers to accounts other than your bound account: ¥10,000.00 a day and ¥200,000.00 a year. Money to and from your bound account is not limited.',
    '4. Class III limits. The balance may not exceed ¥2,000.00. Payments: ¥2,000.00 a day and ¥50,000.00 a year. No overdraft.',
    '5. Days and years are calendar days and years in China Standard Time (UTC+8).',
    '6. Your payment PIN confirms payments and money in. Never tell it to anyone, including the bank. Five wrong PINs in a row lock payments for a while.',
    '7. Statements. You can download a statement for any month in the Accounts view.',
    '8. Personal information. The bank processes your identity and account data to run the account and as the law requires; the website you came from cannot see them.',
    '9. Closing. You may close the account at any time once its balance is zero. The bank may freeze or close it where the law requires.',
    '10. Changes. New versions of these terms are shown to you before they apply.',
  ],
  'zh-CN': [
    '本条款适用于通过线上渠道在沙箱银行开立的II类、III类电子账户。',
    '一、开户条件。您须年满16周岁，以本人名义开户，并绑定本人在他行的I类借记账户（或信用卡）。银行将通过卡组织核验您的姓名、身份证号、手机号及该账户。',
    '二、数量。您在本行可各持有一个II类账户和一个III类账户。',
    '三、II类账户限额。消费缴费及向非绑定账户转出：每日¥10,000.00，每年¥200,000.00。与绑定账户之间的资金往来不受限。',
    '四、III类账户限额。账户余额不得超过¥2,000.00；消费缴费每日¥2,000.00，每年¥50,000.00；不得透支。',
    '五、上述日、年均按中国标准时间（UTC+8）的自然日、自然年计算。',
    '六、支付密码用于确认付款及资金转入，请勿告知任何人（包括银行工作人员）。连续输错五次，付款功能将暂时锁定。',
    '七、对账单。您可在账户页面下载任意月份的对账单。',
    '八、个人信息。银行为管理账户及依法履行义务处理您的身份和账户信息；您来自的网站无法看到这些信息。',
    '九、销户。账户余额为零时，您可随时销户。依法需要时，银行可冻结或关闭账户。',
    '十、变更。条款如有新版本，将在生效前向您展示。',
  ],
};

export interface OpeningDetails {
  accountClass: 'II' | 'III';
  fullName: string;
  idNumber: string;
  cardNumber: string;
  termsVersion: string;
}

const normalName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Checks what can be checked without the bank's records: formats, checksums, the terms version. */
export function checkDetailsFormat(details: OpeningDetails, now: number) {
  if (!/^(II|III)$/.test(details.accountClass)) throw new BankError('invalid_request', '`accountClass` must be "II" or "III".');
  if (normalName(details.fullName).length < 2) throw new BankError('invalid_request', '`fullName` is required.');
  if (!isValidResidentId(details.idNumber, new Date(now))) throw new BankError('invalid_request', '`idNumber` is not a valid ID number.');
  if (!isValidCardNumber(details.cardNumber)) throw new BankError('invalid_request', '`cardNumber` fails the Luhn check.');
  if (details.termsVersion !== accountTerms.version) {
    throw new BankError('invalid_request', `The account terms are now version ${accountTerms.version}: accept them again.`);
  }
}

/**
 * The simulated card network's four-factor check (name, ID number, phone, card). In the sandbox every card
 * verifies except `6222000000000000020` and `6222000000000000046`; this bank's own accounts cannot be bound.
 */
function cardNetworkVerifies(db: Db, cardNumber: string): boolean {
  const number = normalizeCardNumber(cardNumber);
  if (number === '6222000000000000020' || number === '6222000000000000046') return false;
  return !db.prepare('SELECT 1 FROM accounts WHERE number = ?').get(number);
}

/**
 * Everything the bank checks before opening: the customer's identity (an existing customer's name, and ID if the
 * bank holds one, must be theirs), the bound card through the card network, and one account per class. A new
 * person's ID is checked only for its form: the sandbox's test identities serve anyone, as its test card does
 * (CONTRACT.md §6), so every partner's tests can open accounts for new people with `11010519491231002X`.
 */
export function verifyOpening(db: Db, customer: CustomerRow | undefined, details: OpeningDetails, now: number) {
  checkDetailsFormat(details, now);
  const idNumber = details.idNumber.toUpperCase();
  const mismatch = new BankError('verification_failed', 'The name, ID number, phone number and card do not match.');
  if (customer) {
    const held = db.prepare('SELECT id_number FROM customer_identities WHERE customer_id = ?').get(customer.id) as
      | { id_number: string }
      | undefined;
    const name = normalName(details.fullName);
    if (name !== normalName(customer.name_en) && name !== normalName(customer.name_zh)) throw mismatch;
    if (held && held.id_number !== idNumber) throw mismatch;
    if (customerAccounts(db, customer.id).some((a) => (a.account_class as string) === details.accountClass)) {
      throw new BankError('account_exists', `You already have a Class ${details.accountClass} account.`);
    }
  }
  if (!cardNetworkVerifies(db, details.cardNumber)) throw mismatch;
}

/** A new e-account number: this bank's e-account prefix, a sequence and a Luhn check digit. */
function eAccountNumber(db: Db): string {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM e_accounts`).get() as { n: number };
  const body = `622203${String(n + 1).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
}

export interface NewCustomer {
  phone: string;
  password: string;
  pin: string;
}

/**
 * Opens the account in one transaction (checked again inside it): creates a new customer when `newCustomer` is
 * given, stores the identity, the bound card and the accepted terms version. Answers the account and customer.
 */
export function openEAccount(
  db: Db, existing: CustomerRow | undefined, newCustomer: NewCustomer | undefined, details: OpeningDetails, now: number,
) {
  if (newCustomer && pinProblem(newCustomer.pin)) throw new BankError('invalid_request', 'The payment PIN is too simple.');
  if (newCustomer && newCustomer.password.length < 8) {
    throw new BankError('invalid_request', 'The login password must have at least 8 characters.');
  }
  const passwordHash = newCustomer ? hashSecret(newCustomer.password) : '';
  const pinHash = newCustomer ? hashSecret(newCustomer.pin) : '';
  return db.transaction(() => {
    let customer = existing && customerById(db, existing.id);
    if (!customer && newCustomer && customerByPhone(db, newCustomer.phone)) {
      throw new BankError('invalid_request', 'This phone number already belongs to a customer: log in first.', 409);
    }
    verifyOpening(db, customer, details, now);
    if (!customer) {
      const name = details.fullName.trim().replace(/\s+/g, ' ');
      const { lastInsertRowid } = db
        .prepare('INSERT INTO customers (phone, password_hash, pin_hash, name_en, name_zh) VALUES (?, ?, ?, ?, ?)')
        .run(newCustomer!.phone, passwordHash, pinHash, name, name);
      customer = customerById(db, Number(lastInsertRowid));
    }
    db.prepare('INSERT OR IGNORE INTO customer_identities (customer_id, id_number, verified_at) VALUES (?, ?, ?)').run(
      customer.id, details.idNumber.toUpperCase(), now,
    );
    const card = normalizeCardNumber(details.cardNumber);
    db.prepare('INSERT OR IGNORE INTO bound_cards (id, customer_id, number, verified_at) VALUES (?, ?, ?, ?)').run(
      randomToken('card', 9), customer.id, card, now,
    );
    const { id: cardId } = db.prepare('SELECT id FROM bound_cards WHERE customer_id = ? AND number = ?').get(customer.id, card) as {
      id: string;
    };
    const accountId = randomToken('acc', 9);
    const number = eAccountNumber(db);
    db.prepare(
      `INSERT INTO accounts (id, owner, customer_id, account_class, number, created_at) VALUES (?, 'customer', ?, ?, ?, ?)`,
    ).run(accountId, customer.id, details.accountClass, number, now);
    db.prepare(
      `INSERT INTO e_accounts (account_id, customer_id, account_class, bound_card_id, terms_version, terms_accepted_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(accountId, customer.id, details.accountClass, cardId, details.termsVersion, now);
    return { customer, account: { accountId, accountClass: details.accountClass, last4: number.slice(-4) } };
  }).immediate();
}

// ── Limits ──────────────────────────────────────────────────────────────────────────────────────────────────

const periods = (now: number) => {
  const date = chinaDate(now);
  return { day: `D${date}`, year: `Y${date.slice(0, 4)}` };
};

/** What the account paid today and this year (China calendar, by the sandbox clock). */
export function usage(db: Db, accountId: string, now: number) {
  const { day, year } = periods(now);
  const used = (period: string) =>
    (db.prepare('SELECT used FROM limit_counters WHERE account_id = ? AND period = ?').get(accountId, period) as
      | { used: number }
      | undefined)?.used ?? 0;
  return { today: used(day), year: used(year) };
}

const classOf = (account: AccountRow) => (account.account_class ?? 'I') as AccountClass;

/** Throws `limit_exceeded` unless a payment of `amount` from the account stays within its class's limits. */
export function assertPaymentWithinLimits(db: Db, account: AccountRow, amount: number, now: number) {
  if (!paymentAllowed(classOf(account), usage(db, account.id, now), amount)) {
    throw new BankError('limit_exceeded', `This exceeds the Class ${account.account_class} account's limit.`);
  }
}

/** Counts a payment against the account's day and year; call in the payment's transaction. */
export function countPayment(db: Db, account: AccountRow, amount: number, now: number) {
  if (!classRules[classOf(account)]) return;
  const add = db.prepare(
    `INSERT INTO limit_counters (account_id, period, used) VALUES (?, ?, ?)
     ON CONFLICT (account_id, period) DO UPDATE SET used = used + excluded.used`,
  );
  const { day, year } = periods(now);
  add.run(account.id, day, amount);
  add.run(account.id, year, amount);
}

/** Limits, used and left, as the bank's frames show them (decimal strings); null for Class I. */
export function limitsView(db: Db, account: AccountRow, now: number) {
  const rules = classRules[classOf(account)];
  if (!rules) return null;
  const used = usage(db, account.id, now);
  const left = paymentAllowance(classOf(account), used)!;
  return {
    daily: { limit: formatAmount(rules.daily), used: formatAmount(used.today), left: formatAmount(left.today) },
    yearly: { limit: formatAmount(rules.yearly), used: formatAmount(used.year), left: formatAmount(left.year) },
    balanceCap: rules.balanceCap === null ? null : formatAmount(rules.balanceCap),
  };
}

// ── Accounts, transactions, statements ──────────────────────────────────────────────────────────────────────

export function ownAccount(db: Db, customer: CustomerRow, accountId: string): AccountRow {
  const account = customerAccounts(db, customer.id).find((a) => a.id === accountId);
  if (!account) throw new BankError('not_found', 'No such account.');
  return account;
}

function boundCard(db: Db, accountId: string) {
  return db
    .prepare('SELECT c.number FROM e_accounts e JOIN bound_cards c ON c.id = e.bound_card_id WHERE e.account_id = ?')
    .get(accountId) as { number: string } | undefined;
}

/** An account as the customer sees it in the bank's frames: masked number, balance, limits, bound card. */
export function accountView(db: Db, account: AccountRow, now: number) {
  const card = boundCard(db, account.id);
  return {
    id: account.id,
    accountClass: account.account_class,
    number: maskCardNumber(account.number),
    balance: formatAmount(account.balance),
    currency: account.currency,
    status: account.status,
    limits: limitsView(db, account, now),
    boundCard: card ? maskCardNumber(card.number) : null,
  };
}

interface EntryRow {
  entry_id: number;
  amount: number;
  kind: string;
  description: string;
  created_at: number;
  transaction_id: string;
  balance_after: number;
  order_description: string | null;
  app_name: string | null;
}

const texts = {
  en: { payment: 'Payment', 'top-up': 'Add money', funding: 'Opening balance', bank: 'Sandbox Bank', card: 'Bound card' },
  'zh-CN': { payment: '付款', 'top-up': '转入', funding: '开户余额', bank: '沙箱银行', card: '绑定卡' },
};

/**
 * What the customer reads for the bank's other postings, in their language: the ledger's own description is an
 * English note with internal ids (`Subscription sub_… to cash-plus`), for the bank's books only.
 */
const kindTexts: Record<'en' | 'zh-CN', Record<string, string>> = {
  en: {
    'invest-subscription': 'Wealth product purchase', 'invest-redemption': 'Wealth product redemption',
    'invest-refund': 'Cooling-off refund', 'merchant-loan': 'Business loan', payout: 'Payout',
  },
  'zh-CN': {
    'invest-subscription': '理财申购', 'invest-redemption': '理财赎回', 'invest-refund': '冷静期撤销退款',
    'merchant-loan': '经营贷放款', payout: '结算款',
  },
};

function entryView(db: Db, accountId: string, row: EntryRow, locale: string) {
  const t = locale === 'en' ? texts.en : texts['zh-CN'];
  const card = row.kind === 'top-up' ? boundCard(db, accountId) : undefined;
  return {
    id: String(row.entry_id),
    date: new Date(row.created_at).toISOString(),
    description: row.kind === 'payment'
      ? (row.order_description ?? t.payment)
      : (t[row.kind as 'top-up' | 'funding'] ?? kindTexts[locale === 'en' ? 'en' : 'zh-CN'][row.kind] ?? row.description),
    counterparty: row.app_name ?? (card ? `${t.card} ${maskCardNumber(card.number)}` : t.bank),
    amount: formatAmount(row.amount),
    balance: formatAmount(row.balance_after),
  };
}

const entrySelect = `
  SELECT e.id AS entry_id, e.amount, t.kind, t.description, t.created_at, t.id AS transaction_id,
    (SELECT SUM(x.amount) FROM ledger_entries x WHERE x.account_id = e.account_id AND x.id <= e.id) AS balance_after,
    (SELECT o.description FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.transaction_id = t.id) AS order_description,
    (SELECT a.name FROM ledger_entries y JOIN accounts s ON s.id = y.account_id JOIN apps a ON a.id = s.app_id
      WHERE y.transaction_id = t.id AND y.id <> e.id AND s.owner = 'app') AS app_name
  FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id`;

export const transactionsPageSize = 20;

/** One page of the account's transactions, newest first; `cursor` is the last entry id of the page before. */
export function transactionsPage(db: Db, account: AccountRow, cursor: string | undefined, locale: string) {
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) throw new BankError('invalid_request', '`cursor` is not a cursor.');
  const rows = db
    .prepare(`${entrySelect} WHERE e.account_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?`)
    .all(account.id, cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(cursor), transactionsPageSize + 1) as EntryRow[];
  const page = rows.slice(0, transactionsPageSize);
  return {
    transactions: page.map((row) => entryView(db, account.id, row, locale)),
    nextCursor: rows.length > transactionsPageSize ? String(page[page.length - 1]!.entry_id) : null,
  };
}

const csvField = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A month's statement as CSV: UTF-8 with a byte-order mark, so spreadsheet apps read Chinese correctly; dates in
 * China time; oldest first, as statements are read. Text fields that could start a formula are quoted.
 */
export function statementCsv(db: Db, account: AccountRow, month: string, locale: string): string {
  const [from, to] = chinaMonthRange(month);
  const rows = db
    .prepare(`${entrySelect} WHERE e.account_id = ? AND t.created_at >= ? AND t.created_at < ? ORDER BY e.id`)
    .all(account.id, from, to) as EntryRow[];
  const header = locale === 'en'
    ? ['Date', 'Description', 'Counterparty', 'Amount', 'Balance']
    : ['日期', '摘要', '对方', '金额', '余额'];
  const lines = rows.map((row) => {
    const view = entryView(db, account.id, row, locale);
    const time = new Date(row.created_at + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    return [time, view.description, view.counterparty, view.amount, view.balance].map(csvField).join(',');
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

const statementLinkLifetime = 60_000;

/** A single-use link, valid one minute, to download a statement from the bank origin. */
export function createStatementLink(db: Db, account: AccountRow, month: string, locale: string, now: number) {
  chinaMonthRange(month);
  const token = randomToken('st', 24);
  db.prepare('INSERT INTO statement_links (token_hash, account_id, month, locale, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    tokenHash(token), account.id, month, locale, now + statementLinkLifetime,
  );
  return `/v1/statements/${token}`;
}

export function spendStatementLink(db: Db, token: string, now: number) {
  const row = db
    .prepare(
      `UPDATE statement_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
       RETURNING account_id, month, locale`,
    )
    .get(now, tokenHash(token), now) as { account_id: string; month: string; locale: string } | undefined;
  if (!row) throw new BankError('not_found', 'This statement link is unknown, expired or already used.');
  const account = db.prepare('SELECT * FROM accounts WHERE id = ?').get(row.account_id) as AccountRow;
  return { account, month: row.month, locale: row.locale };
}

// ── Add money from the bound card ───────────────────────────────────────────────────────────────────────────

export interface TopUpRequest {
  customer: CustomerRow;
  accountId: string;
  amount: number;
  pin: string;
  idempotencyKey: string;
  now: number;
}

export interface TopUpAnswer {
  status: number;
  body: unknown;
}

/**
 * Moves money from the customer's bound card into a Class II or III account, exactly once per idempotency key:
 * the PIN confirms it, the first answer is stored with the key, and the Class III balance cap is checked in the
 * same SQLite transaction that posts the money, so concurrent top-ups cannot pass the cap together.
 */
export async function topUp(db: Db, request: TopUpRequest): Promise<TopUpAnswer> {
  const replay = storedTopUp(db, request);
  if (replay) return replay;
  const customer = customerById(db, request.customer.id);
  const refused = await checkPaymentPin(db, customer, request.pin, request.now);
  const meanwhile = storedTopUp(db, request);
  if (meanwhile) return meanwhile;
  if (refused) return rememberTopUp(db, request, refused);
  return db.transaction((): TopUpAnswer => {
    const again = storedTopUp(db, request);
    if (again) return again;
    try {
      const account = ownAccount(db, customer, request.accountId);
      const card = boundCard(db, account.id);
      if (!card) throw new BankError('invalid_request', 'Only Class II and III accounts take money from a bound card.');
      if (account.status === 'frozen') throw new BankError('account_frozen', 'The account is frozen.');
      if (!inflowAllowed(classOf(account), account.balance, request.amount)) {
        throw new BankError('limit_exceeded', 'A Class III account may hold at most ¥2,000.00.');
      }
      db.prepare(`INSERT OR IGNORE INTO accounts (id, owner, number, created_at) VALUES (?, 'bank', '6222000000000000099', ?)`).run(
        cardClearingAccount, request.now,
      );
      const transactionId = post(db, 'top-up', `From bound card ${maskCardNumber(card.number)}`, [
        [cardClearingAccount, -request.amount],
        [account.id, request.amount],
      ], request.now);
      const balance = (db.prepare('SELECT balance FROM accounts WHERE id = ?').get(account.id) as { balance: number }).balance;
      return rememberTopUp(db, request, {
        status: 200,
        body: { topUp: { transactionId, accountId: account.id, amount: formatAmount(request.amount) }, balance: formatAmount(balance) },
      });
    } catch (error) {
      if (error instanceof BankError && error.code !== 'not_found' && error.code !== 'invalid_request') {
        return rememberTopUp(db, request, error);
      }
      throw error;
    }
  }).immediate();
}

function storedTopUp(db: Db, request: TopUpRequest): TopUpAnswer | undefined {
  const stored = db.prepare('SELECT * FROM top_up_attempts WHERE idempotency_key = ?').get(request.idempotencyKey) as
    | { customer_id: number; account_id: string; amount: number; status: number; body: string }
    | undefined;
  if (!stored) return undefined;
  if (stored.customer_id !== request.customer.id || stored.account_id !== request.accountId || stored.amount !== request.amount) {
    throw new BankError('idempotency_conflict', 'This Idempotency-Key belongs to another request.');
  }
  return { status: stored.status, body: JSON.parse(stored.body) };
}

function rememberTopUp(db: Db, request: TopUpRequest, answer: TopUpAnswer | BankError): TopUpAnswer {
  const { status, body } = answer instanceof BankError ? { status: answer.status, body: answer.toJSON() } : answer;
  const inserted = db
    .prepare(
      `INSERT OR IGNORE INTO top_up_attempts (idempotency_key, customer_id, account_id, amount, status, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(request.idempotencyKey, request.customer.id, request.accountId, request.amount, status, JSON.stringify(body), request.now);
  return inserted.changes === 1 ? { status, body } : storedTopUp(db, request)!;
}

/** What the frame API's account list adds for Class II and III: limits used and left, and the bound card (masked). */
export function accountExtras(db: Db, account: AccountRow, now: number) {
  const { limits, boundCard: card } = accountView(db, account, now);
  return { limits, boundCard: card };
}
