/**
 * The sandbox's wealth products (CONTRACT §6): the shelf, deterministic daily NAV and income series on the
 * sandbox clock, risk assessments, subscriptions (lots), redemptions and each sale's evidence, with every movement
 * of money in the double-entry ledger (customer account ↔ the product's custody account).
 *
 * Settlement happens on the clock: each call first settles what has come due (`settleDue`) — shares of open funds
 * are confirmed T+1 at day T's NAV, cooling-off periods end, next-day redemptions arrive. No timers, so a test that
 * moves the clock sees exactly what a customer would after that time.
 */
import {
  assessmentExpiry, chinaDay, chinaDayStart, maySubscribe, productRiskCode, customerLevelCode, questionnaireVersion,
  scoreAnswers, sevenDayYield, sharesFor, sharesToRedeem, valueOf, type Answers, type RiskLevel,
} from '../domain/invest.ts';
import { formatAmount } from '../domain/money.ts';
import { checkPaymentPin, customerById, customerByPhone, type CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { customerAccounts, post } from './ledger.ts';
import { randomToken } from './secrets.ts';

type Text = { en: string; zh: string };
export type ProductKind = 'cash' | 'closed' | 'open' | 'private';

export interface Product {
  id: string;
  name: Text;
  risk: RiskLevel;
  kind: ProductKind;
  /** Fen. */
  minimum: number;
  /** Closed-end products: months from confirmation to maturity. */
  termMonths?: number;
  /** Performance benchmark, low and high, in hundredths of a percent. */
  benchmark?: [number, number];
  /** NAV series: launch value, daily trend and the half-width of the daily wobble (4-decimal units). */
  series: { trend: number; wobble: number };
}

export const products: Product[] = [
  { id: 'cash-plus', name: { en: 'Cash Plus', zh: '现金宝' }, risk: 1, kind: 'cash', minimum: 1, series: { trend: 0, wobble: 0 } },
  {
    id: 'steady-bond-6m', name: { en: 'Steady Bond 6M', zh: '稳健债券6个月' }, risk: 2, kind: 'closed', minimum: 100,
    termMonths: 6, benchmark: [260, 310], series: { trend: 0.78, wobble: 2 },
  },
  { id: 'balanced-1y', name: { en: 'Balanced 1Y', zh: '平衡配置1年' }, risk: 3, kind: 'open', minimum: 100, series: { trend: 1.2, wobble: 60 } },
  { id: 'equity-select', name: { en: 'Equity Select', zh: '精选权益' }, risk: 4, kind: 'open', minimum: 100, series: { trend: 2, wobble: 300 } },
  {
    id: 'private-growth', name: { en: 'Private Growth', zh: '私募成长' }, risk: 5, kind: 'private', minimum: 100_000_000,
    benchmark: [600, 900], series: { trend: 0, wobble: 0 },
  },
];

export const productById = (id: string) => products.find((p) => p.id === id);

/** Cash Plus: at most ¥10,000 a day (China day, per customer) is paid out at once; the rest the next day. */
export const fastRedemptionLimit = 1_000_000;
export const coolingOffMs = 24 * 3600_000;
const launchDay = chinaDay(Date.parse('2026-01-01T00:00:00+08:00'));

/** A deterministic value in [0, 1) per day and product: the sandbox's "market". */
function noise(day: number, salt: string): number {
  let h = 2166136261 ^ day;
  for (const ch of salt) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** The product's NAV (4 decimals) for a China day. */
export function navOn(product: Product, day: number): number {
  // Cash Plus pays its income as shares at 1.0000; the private placement values at par between its quarterly reports.
  if (product.kind === 'cash' || product.kind === 'private') return 10_000;
  const d = Math.max(0, day - launchDay);
  const { trend, wobble } = product.series;
  return 10_000 + Math.floor(d * trend) + Math.round((noise(day, product.id) * 2 - 1) * wobble);
}

/** Cash Plus: income per 10,000 shares on a China day, in 1/10000 yuan (≈ ¥0.48–0.54). */
export const dailyIncomeOn = (day: number) => 4_800 + Math.floor(noise(day, 'cash-plus-income') * 600);

/** The yield shown, with its basis: never a promise. */
export function yieldOf(product: Product, day: number) {
  if (product.kind === 'cash') {
    const week = Array.from({ length: 7 }, (_, i) => dailyIncomeOn(day - 7 + i));
    return { basis: 'seven-day-annualised' as const, rate: sevenDayYield(week), incomePer10k: week[6]! };
  }
  if (product.benchmark) return { basis: 'benchmark' as const, low: product.benchmark[0], high: product.benchmark[1] };
  const now = navOn(product, day - 1);
  const yearAgo = navOn(product, day - 366);
  return { basis: 'past-year-nav' as const, rate: Math.round(((now - yearAgo) * 10_000) / yearAgo) };
}

export const productDocuments = (product: Product) => [
  { id: `terms-${product.id}`, version: '2026.1' },
  { id: `risk-${product.id}`, version: '2026.1' },
];

/** The product terms and risk disclosure, shown in full in the Buy frame; their versions go into the evidence. */
function documentTexts(product: Product, locale: string) {
  const en = locale === 'en';
  const name = en ? product.name.en : product.name.zh;
  const min = formatAmount(product.minimum);
  const redemption: Record<ProductKind, Text> = {
    cash: { en: 'You may redeem at any time: up to ¥10,000 a day arrives at once, the rest the next day.', zh: '可随时赎回：每日1万元以内实时到账，超出部分次日到账。' },
    closed: { en: `The product is closed for ${product.termMonths} months from confirmation; it cannot be redeemed before maturity.`, zh: `产品自确认起封闭${product.termMonths}个月，到期前不可赎回。` },
    open: { en: 'Subscriptions are confirmed on the next day at the NAV of the day of purchase; redemptions arrive the next day.', zh: '申购于次日按购买当日净值确认；赎回资金次日到账。' },
    private: { en: 'For qualified investors only. After signing there is a 24-hour cooling-off period in which you may cancel for a full refund; the product then cannot be redeemed in this channel.', zh: '仅面向合格投资者。签署后有24小时冷静期，期间可撤销并全额退款；此后本渠道不可赎回。' },
  };
  return [
    {
      ...productDocuments(product)[0]!,
      title: en ? `${name} — product terms` : `${name}产品说明书`,
      paragraphs: en
        ? [`${name} is a wealth management product of risk level ${productRiskCode(product.risk)}. The minimum purchase is ¥${min}.`,
          redemption[product.kind].en,
          'Past performance and performance benchmarks do not promise future returns. Returns are not guaranteed.']
        : [`${name}为风险等级${productRiskCode(product.risk)}的理财产品，起购金额${min}元。`, redemption[product.kind].zh,
          '过往业绩及业绩比较基准不代表未来表现，不构成收益承诺。'],
    },
    {
      ...productDocuments(product)[1]!,
      title: en ? `${name} — risk disclosure` : `${name}风险揭示书`,
      paragraphs: en
        ? ['Wealth products are not deposits. Investing involves risk; invest with care.',
          'You may lose part or all of the money invested. The bank does not guarantee the principal or any return.',
          `Buy only if the product's risk level (${productRiskCode(product.risk)}) is not above your own risk assessment.`]
        : ['理财非存款、产品有风险、投资须谨慎。', '您可能损失部分或全部本金，银行不保证本金和收益。',
          `请确认产品风险等级（${productRiskCode(product.risk)}）不高于您的风险承受能力评级。`],
    },
  ];
}

export function productView(product: Product, now: number, locale: string) {
  const day = chinaDay(now);
  return {
    id: product.id,
    name: locale === 'en' ? product.name.en : product.name.zh,
    risk: productRiskCode(product.risk),
    kind: product.kind,
    minimum: formatAmount(product.minimum),
    nav: navOn(product, day - 1),
    navDate: new Date(chinaDayStart(day - 1) + 8 * 3600_000).toISOString().slice(0, 10),
    yield: yieldOf(product, day),
    termMonths: product.termMonths ?? null,
    documents: documentTexts(product, locale),
  };
}

// ------------------------------------------------------------------------------------------------- assessments

interface AssessmentRow {
  id: string;
  customer_id: number;
  level: RiskLevel;
  assessed_at: number;
  expires_at: number;
}

export function latestAssessment(db: Db, customerId: number) {
  return db
    .prepare('SELECT * FROM risk_assessments WHERE customer_id = ? ORDER BY assessed_at DESC, rowid DESC LIMIT 1')
    .get(customerId) as AssessmentRow | undefined;
}

export function assessmentView(row: AssessmentRow | undefined, now: number) {
  if (!row) return null;
  return {
    level: customerLevelCode(row.level),
    assessedAt: new Date(row.assessed_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    valid: now >= row.assessed_at && now < row.expires_at,
  };
}

/** Records a new assessment; the answers stay in the bank (this table), never in an answer or event. */
export function assess(db: Db, customerId: number, answers: Answers, now: number) {
  const { score, level } = scoreAnswers(answers);
  db.prepare(
    `INSERT INTO risk_assessments (id, customer_id, questionnaire_version, answers, score, level, assessed_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomToken('ra', 12), customerId, questionnaireVersion, JSON.stringify(answers), score, level, now, assessmentExpiry(now));
  return latestAssessment(db, customerId)!;
}

/** Sandbox customers 06 and 07 (CONTRACT §6): Chen Liu assessed C2 a month ago; Zhou Qi 13 months ago. */
export function seedInvestments(db: Db, now = Date.now()) {
  ensureCustodyAccounts(db);
  const seeded: [phone: string, level: RiskLevel, daysAgo: number][] = [['13800000006', 2, 30], ['13800000007', 3, 396]];
  for (const [phone, level, daysAgo] of seeded) {
    const customer = customerByPhone(db, phone);
    if (!customer || latestAssessment(db, customer.id)) continue;
    const at = now - daysAgo * 86_400_000;
    db.prepare(
      `INSERT INTO risk_assessments (id, customer_id, questionnaire_version, answers, score, level, assessed_at, expires_at)
       VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`,
    ).run(randomToken('ra', 12), customer.id, questionnaireVersion, level * 8 - 4, level, at, assessmentExpiry(at));
  }
}

// ------------------------------------------------------------------------------------------------- custody

const custodyAccountId = (productId: string) => `acc_custody_${productId.replaceAll('-', '_')}`;

/** One custody account per product, owned by the bank: it may go below zero when a fund's gains are paid out. */
function ensureCustodyAccounts(db: Db) {
  products.forEach((product, i) => {
    db.prepare(`INSERT OR IGNORE INTO accounts (id, owner, number, created_at) VALUES (?, 'bank', ?, ?)`).run(
      custodyAccountId(product.id), `62229900${String(i + 1).padStart(11, '0')}`, Date.now(),
    );
  });
}

// ------------------------------------------------------------------------------------------------- settlement

interface LotRow {
  id: string;
  customer_id: number;
  product_id: string;
  account_id: string;
  amount: number;
  status: 'confirmed' | 'cooling-off' | 'cancelled';
  shares: number | null;
  shares_left: number | null;
  nav: number | null;
  trade_day: number;
  settle_at: number;
  settled_at: number | null;
  cooling_off_ends_at: number | null;
  matures_at: number | null;
  created_at: number;
}

interface RedemptionRow {
  id: string;
  customer_id: number;
  product_id: string;
  account_id: string;
  amount: number;
  instant_amount: number;
  arrival: 'instant' | 'next-day';
  arrives_at: number;
  paid_at: number | null;
  created_at: number;
}

/** Settles what the clock has made due: cooling-off ends, T+1 share confirmations, next-day redemption payouts. */
export function settleDue(db: Db, now: number) {
  db.transaction(() => {
    db.prepare(`UPDATE invest_subscriptions SET status = 'confirmed' WHERE status = 'cooling-off' AND cooling_off_ends_at <= ?`).run(now);
    const due = db
      .prepare(`SELECT * FROM invest_subscriptions WHERE status = 'confirmed' AND settled_at IS NULL AND settle_at <= ?`)
      .all(now) as LotRow[];
    for (const lot of due) {
      const product = productById(lot.product_id)!;
      const nav = navOn(product, lot.trade_day);
      const shares = sharesFor(lot.amount, nav);
      db.prepare('UPDATE invest_subscriptions SET shares = ?, shares_left = ?, nav = ?, settled_at = ? WHERE id = ?')
        .run(shares, shares, nav, lot.settle_at, lot.id);
    }
    const arriving = db
      .prepare('SELECT * FROM invest_redemptions WHERE paid_at IS NULL AND arrives_at <= ?')
      .all(now) as RedemptionRow[];
    for (const r of arriving) {
      const rest = r.amount - r.instant_amount;
      if (rest > 0) post(db, 'invest-redemption', `Redemption ${r.id}`, [[custodyAccountId(r.product_id), -rest], [r.account_id, rest]], r.arrives_at);
      db.prepare('UPDATE invest_redemptions SET paid_at = ? WHERE id = ?').run(r.arrives_at, r.id);
    }
  }).immediate();
}

// ------------------------------------------------------------------------------------------------- PIN

/** The payment PIN, with the same five-strikes lock as payments (CONTRACT §6). */
export async function checkInvestPin(db: Db, customer: CustomerRow, pin: string, now: number) {
  const refused = await checkPaymentPin(db, customerById(db, customer.id), pin, now);
  if (refused) throw refused;
}

// ------------------------------------------------------------------------------------------------- subscriptions

export interface PurchaseTerms {
  product: Product;
  amount: number;
  accountId: string;
}

/**
 * Everything a purchase must pass except the PIN: the Buy frame asks this first (a read), so a customer never
 * types a PIN for a purchase that cannot happen; the purchase checks it all again in its transaction.
 */
export function checkPurchase(db: Db, customer: CustomerRow, terms: PurchaseTerms, now: number) {
  const { product, amount } = terms;
  const assessment = latestAssessment(db, customer.id);
  if (!assessment || !assessmentView(assessment, now)!.valid) {
    throw new BankError('suitability_mismatch', assessment
      ? 'The risk assessment is older than 12 months: assess again before buying.'
      : 'There is no risk assessment yet: assess first.');
  }
  if (!maySubscribe(assessment.level, product.risk)) {
    throw new BankError('suitability_mismatch',
      `${productRiskCode(product.risk)} is above the customer's assessed level ${customerLevelCode(assessment.level)}.`);
  }
  if (amount < product.minimum) throw new BankError('below_minimum', `The minimum for ${product.id} is ${formatAmount(product.minimum)}.`);
  const account = customerAccounts(db, customer.id).find((a) => a.id === terms.accountId);
  if (!account) throw new BankError('not_found', 'No such account.');
  if (account.status === 'frozen') throw new BankError('account_frozen', 'The account is frozen.');
  if (account.balance < amount) throw new BankError('insufficient_funds', 'The balance is too low.');
  return { assessment, account };
}

export interface SaleEvidence {
  /** The documents the frame showed, by id and version. */
  documents: { id: string; version: string }[];
  termsAcknowledged: boolean;
  qualifiedInvestor: boolean;
  /** When the frame showed the documents (ms). */
  shownAt: number;
  locale: string;
}

function addMonths(at: number, months: number) {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

export async function subscribe(
  db: Db, customer: CustomerRow, appId: string, terms: PurchaseTerms, evidence: SaleEvidence, pin: string,
  idempotencyKey: string, now: number,
) {
  const replay = subscriptionByKey(db, customer.id, idempotencyKey);
  if (replay) return replay;
  const { product } = terms;
  checkPurchase(db, customer, terms, now);
  const expected = productDocuments(product);
  if (!evidence.termsAcknowledged ||
      !expected.every((doc) => evidence.documents.some((d) => d.id === doc.id && d.version === doc.version))) {
    throw new BankError('invalid_request', 'The customer must read and acknowledge the current product terms and risk disclosure.');
  }
  if (product.kind === 'private' && !evidence.qualifiedInvestor) {
    throw new BankError('invalid_request', 'Private products need the qualified-investor declaration.');
  }
  await checkInvestPin(db, customer, pin, now);
  return db.transaction(() => {
    const again = subscriptionByKey(db, customer.id, idempotencyKey);
    if (again) return again;
    const { assessment, account } = checkPurchase(db, customer, terms, now);
    const id = randomToken('sub', 12);
    const transactionId = post(db, 'invest-subscription', `Subscription ${id} to ${product.id}`, [
      [account.id, -terms.amount], [custodyAccountId(product.id), terms.amount],
    ], now);
    const day = chinaDay(now);
    const coolingOff = product.kind === 'private' ? now + coolingOffMs : null;
    const settleAt = product.kind === 'cash' ? now : coolingOff ?? chinaDayStart(day + 1);
    db.prepare(
      `INSERT INTO invest_subscriptions (id, customer_id, app_id, product_id, account_id, amount, status, trade_day, settle_at,
         cooling_off_ends_at, matures_at, transaction_id, idempotency_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, customer.id, appId, product.id, account.id, terms.amount, coolingOff ? 'cooling-off' : 'confirmed', day, settleAt,
      coolingOff, product.termMonths ? addMonths(settleAt, product.termMonths) : null, transactionId, idempotencyKey, now,
    );
    db.prepare(
      `INSERT INTO invest_evidence (subscription_id, customer_id, product_id, product_risk, customer_level, assessment_id,
         questionnaire_version, documents, acknowledgements, warning, locale, shown_at, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, customer.id, product.id, product.risk, assessment.level, assessment.id, questionnaireVersion,
      JSON.stringify(evidence.documents),
      JSON.stringify({ termsAndRiskDisclosure: now, ...(evidence.qualifiedInvestor ? { qualifiedInvestor: now } : {}) }),
      evidence.locale === 'en' ? 'Wealth products are not deposits. Investing involves risk; invest with care.' : '理财非存款、产品有风险、投资须谨慎',
      evidence.locale, Math.min(evidence.shownAt, now), now,
    );
    if (product.kind === 'cash') settleDueInside(db, now);
    return subscriptionById(db, id)!;
  }).immediate();
}

function settleDueInside(db: Db, now: number) {
  const due = db.prepare(`SELECT * FROM invest_subscriptions WHERE product_id = 'cash-plus' AND settled_at IS NULL AND settle_at <= ?`).all(now) as LotRow[];
  for (const lot of due) {
    db.prepare('UPDATE invest_subscriptions SET shares = ?, shares_left = ?, nav = 10000, settled_at = ? WHERE id = ?')
      .run(lot.amount, lot.amount, now, lot.id);
  }
}

const subscriptionById = (db: Db, id: string) => db.prepare('SELECT * FROM invest_subscriptions WHERE id = ?').get(id) as LotRow | undefined;
const subscriptionByKey = (db: Db, customerId: number, key: string) =>
  db.prepare('SELECT * FROM invest_subscriptions WHERE customer_id = ? AND idempotency_key = ?').get(customerId, key) as LotRow | undefined;

export function subscriptionView(lot: LotRow) {
  return {
    id: lot.id,
    productId: lot.product_id,
    amount: formatAmount(lot.amount),
    status: lot.status,
    coolingOffEndsAt: lot.cooling_off_ends_at ? new Date(lot.cooling_off_ends_at).toISOString() : null,
    sharesConfirmAt: new Date(lot.settle_at).toISOString(),
  };
}

/** Cancels a private product in its cooling-off period: the whole amount goes back to the account it came from. */
export function cancelSubscription(db: Db, customer: CustomerRow, id: string, now: number) {
  return db.transaction(() => {
    const lot = subscriptionById(db, id);
    if (!lot || lot.customer_id !== customer.id) throw new BankError('not_found', 'No such subscription.');
    if (lot.status === 'cancelled') return lot;
    if (lot.status !== 'cooling-off' || (lot.cooling_off_ends_at ?? 0) <= now) {
      throw new BankError('invalid_request', 'The cooling-off period is over: this purchase is confirmed.');
    }
    const refund = post(db, 'invest-refund', `Cooling-off cancellation ${lot.id}`, [
      [custodyAccountId(lot.product_id), -lot.amount], [lot.account_id, lot.amount],
    ], now);
    db.prepare(`UPDATE invest_subscriptions SET status = 'cancelled', refund_transaction_id = ? WHERE id = ?`).run(refund, lot.id);
    return subscriptionById(db, id)!;
  }).immediate();
}

// ------------------------------------------------------------------------------------------------- redemptions

const redemptionByKey = (db: Db, customerId: number, key: string) =>
  db.prepare('SELECT * FROM invest_redemptions WHERE customer_id = ? AND idempotency_key = ?').get(customerId, key) as RedemptionRow | undefined;

/** Settled lots that may be redeemed now, oldest first (closed-end ones only once matured). */
function redeemableLots(db: Db, customerId: number, product: Product, now: number) {
  return (db
    .prepare(
      `SELECT * FROM invest_subscriptions WHERE customer_id = ? AND product_id = ? AND status = 'confirmed'
       AND settled_at IS NOT NULL AND shares_left > 0 ORDER BY created_at, id`,
    )
    .all(customerId, product.id) as LotRow[]).filter((lot) => lot.matures_at === null || lot.matures_at <= now);
}

/** Checks a redemption before the PIN: the product allows it now and the holding covers it. */
export function checkRedemption(db: Db, customer: CustomerRow, product: Product, amount: number, now: number) {
  if (product.kind === 'private') throw new BankError('invalid_request', 'Private Growth cannot be redeemed in this channel.');
  const lots = redeemableLots(db, customer.id, product, now);
  if (product.kind === 'closed' && lots.length === 0) {
    throw new BankError('invalid_request', 'Steady Bond 6M can be redeemed only at maturity.');
  }
  const nav = navOn(product, chinaDay(now) - 1);
  const held = lots.reduce((sum, lot) => sum + lot.shares_left!, 0);
  const shares = sharesToRedeem(amount, held, nav);
  if (shares === undefined || held === 0) throw new BankError('insufficient_funds', 'This is more than the holding is worth.');
  return { lots, nav, shares };
}

export async function redeem(
  db: Db, customer: CustomerRow, appId: string, product: Product, amount: number, pin: string, idempotencyKey: string, now: number,
) {
  const replay = redemptionByKey(db, customer.id, idempotencyKey);
  if (replay) return replay;
  checkRedemption(db, customer, product, amount, now);
  await checkInvestPin(db, customer, pin, now);
  return db.transaction(() => {
    const again = redemptionByKey(db, customer.id, idempotencyKey);
    if (again) return again;
    const { lots, nav, shares } = checkRedemption(db, customer, product, amount, now);
    let left = shares;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, lot.shares_left!);
      db.prepare('UPDATE invest_subscriptions SET shares_left = shares_left - ? WHERE id = ?').run(take, lot.id);
      left -= take;
    }
    const payout = valueOf(shares, nav);
    const day = chinaDay(now);
    // The fast-redemption counter, read and written inside this transaction: concurrent requests queue here.
    const usedToday = product.kind === 'cash'
      ? (db.prepare(`SELECT COALESCE(SUM(instant_amount), 0) AS used FROM invest_redemptions
                     WHERE customer_id = ? AND product_id = 'cash-plus' AND instant_day = ?`).get(customer.id, day) as { used: number }).used
      : 0;
    const instant = product.kind === 'cash' ? Math.max(0, Math.min(payout, fastRedemptionLimit - usedToday)) : 0;
    const id = randomToken('red', 12);
    const accountId = lots[0]!.account_id; // money goes back to the account it came from
    if (instant > 0) {
      post(db, 'invest-redemption', `Redemption ${id} (instant)`, [[custodyAccountId(product.id), -instant], [accountId, instant]], now);
    }
    const arrival = instant === payout ? 'instant' : 'next-day';
    db.prepare(
      `INSERT INTO invest_redemptions (id, customer_id, app_id, product_id, account_id, shares, nav, amount, instant_amount,
         arrival, arrives_at, paid_at, instant_day, idempotency_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, customer.id, appId, product.id, accountId, shares, nav, payout, instant, arrival,
      arrival === 'instant' ? now : chinaDayStart(day + 1), arrival === 'instant' ? now : null, day, idempotencyKey, now,
    );
    return redemptionByKey(db, customer.id, idempotencyKey)!;
  }).immediate();
}

export function redemptionView(r: RedemptionRow) {
  return {
    id: r.id,
    productId: r.product_id,
    amount: formatAmount(r.amount),
    instantAmount: formatAmount(r.instant_amount),
    arrival: r.arrival,
    arrivesAt: new Date(r.arrives_at).toISOString(),
  };
}

export function fastRedemptionLeft(db: Db, customerId: number, now: number) {
  const used = (db.prepare(`SELECT COALESCE(SUM(instant_amount), 0) AS used FROM invest_redemptions
    WHERE customer_id = ? AND product_id = 'cash-plus' AND instant_day = ?`).get(customerId, chinaDay(now)) as { used: number }).used;
  return Math.max(0, fastRedemptionLimit - used);
}

// ------------------------------------------------------------------------------------------------- holdings

/** The customer's holdings per product, valued at the latest NAV, with what is pending. */
export function holdings(db: Db, customerId: number, now: number, locale: string) {
  const lots = db
    .prepare(`SELECT * FROM invest_subscriptions WHERE customer_id = ? AND status <> 'cancelled' ORDER BY created_at, id`)
    .all(customerId) as LotRow[];
  const pendingRedemptions = db
    .prepare('SELECT * FROM invest_redemptions WHERE customer_id = ? AND paid_at IS NULL ORDER BY created_at')
    .all(customerId) as RedemptionRow[];
  const day = chinaDay(now);
  return products.flatMap((product) => {
    const mine = lots.filter((l) => l.product_id === product.id);
    const redeeming = pendingRedemptions.filter((r) => r.product_id === product.id);
    const settled = mine.filter((l) => l.settled_at !== null && (l.shares_left ?? 0) > 0);
    const pending = mine.filter((l) => l.settled_at === null && l.status === 'confirmed');
    const coolingOff = mine.filter((l) => l.status === 'cooling-off');
    if (!settled.length && !pending.length && !coolingOff.length && !redeeming.length) return [];
    const nav = navOn(product, day - 1);
    const shares = settled.reduce((s, l) => s + l.shares_left!, 0);
    const redeemable = product.kind !== 'private' && settled.some((l) => l.matures_at === null || l.matures_at <= now);
    const maturities = settled.filter((l) => l.matures_at !== null).map((l) => new Date(l.matures_at!).toISOString());
    return [{
      productId: product.id,
      name: locale === 'en' ? product.name.en : product.name.zh,
      shares,
      value: formatAmount(valueOf(shares, nav)),
      redeemableValue: formatAmount(valueOf(redeemableLots(db, customerId, product, now).reduce((s, l) => s + l.shares_left!, 0), nav)),
      redeemable,
      maturesAt: maturities[0] ?? null,
      pending: pending.map((l) => ({ amount: formatAmount(l.amount), confirmsAt: new Date(l.settle_at).toISOString() })),
      coolingOff: coolingOff.map((l) => ({ id: l.id, amount: formatAmount(l.amount), endsAt: new Date(l.cooling_off_ends_at!).toISOString() })),
      arriving: redeeming.map((r) => ({ amount: formatAmount(r.amount - r.instant_amount), arrivesAt: new Date(r.arrives_at).toISOString() })),
    }];
  });
}

/** Sandbox: a sale's evidence, for audits and tests. */
export function saleEvidence(db: Db, subscriptionId: string) {
  return db.prepare('SELECT * FROM invest_evidence WHERE subscription_id = ?').get(subscriptionId) as Record<string, unknown> | undefined;
}
