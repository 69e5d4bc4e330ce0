/**
 * Wealth products, pure: the risk questionnaire and its scoring, suitability (C1–C5 against R1–R5), the
 * assessment's 12-month validity, and NAV, share and yield arithmetic in integers. No DOM, no I/O: the bank scores
 * and decides with these, and the frames show the same rules.
 *
 * Units: money in fen; shares in hundredths of a share (2 decimals); NAV as an integer with 4 decimals
 * (10000 = 1.0000 yuan per share); daily income per 10,000 shares in 1/10000 yuan (5068 = ¥0.5068);
 * yields and rates in basis points of a percent's hundredth (185 = 1.85%).
 */

/** A customer's assessed level (C1…C5) or a product's risk level (R1…R5), as 1…5. */
export type RiskLevel = 1 | 2 | 3 | 4 | 5;

export const customerLevelCode = (level: RiskLevel) => `C${level}`;
export const productRiskCode = (level: RiskLevel) => `R${level}`;

/** The questionnaire's version, recorded with every assessment and sale. */
export const questionnaireVersion = 'RQ-2026.1';

/**
 * The questions (texts live in the frame's catalogue under `q.<id>` and `q.<id>.<option>`), each option with
 * its score. Scores run 0…4 per question, so a questionnaire scores 0…40.
 */
export const questionnaire = [
  { id: 'age', options: [3, 4, 2, 1, 0] }, // 18–30, 31–50, 51–60, 61–70, over 70 (older: less capacity for loss)
  { id: 'income', options: [0, 1, 2, 3, 4] }, // yearly income bands
  { id: 'assets', options: [0, 1, 2, 3, 4] }, // financial assets
  { id: 'experience', options: [0, 1, 2, 3, 4] }, // years investing in funds, stocks or similar
  { id: 'knowledge', options: [0, 1, 3, 4] }, // none, deposits only, funds, stocks and derivatives
  { id: 'horizon', options: [0, 1, 2, 3, 4] }, // how long the money can stay invested
  { id: 'objective', options: [0, 1, 2, 3, 4] }, // preserve capital … maximise growth
  { id: 'loss', options: [0, 1, 2, 3, 4] }, // largest loss one could bear
  { id: 'liquidity', options: [0, 2, 4] }, // needs the money within 3 months, within a year, not for years
  { id: 'share', options: [4, 3, 1, 0] }, // share of one's assets put in: under 10% … over 50%
] as const;

export type QuestionId = (typeof questionnaire)[number]['id'];
/** The chosen option's index per question. */
export type Answers = Record<QuestionId, number>;

export const maxScore = questionnaire.reduce((sum, q) => sum + Math.max(...q.options), 0);

/** The level bands over the score: 0–8 C1, 9–16 C2, 17–24 C3, 25–32 C4, 33–40 C5. */
export function levelForScore(score: number): RiskLevel {
  if (!Number.isInteger(score) || score < 0 || score > maxScore) throw new RangeError(`No such score: ${score}`);
  return (score <= 8 ? 1 : score <= 16 ? 2 : score <= 24 ? 3 : score <= 32 ? 4 : 5) as RiskLevel;
}

/** Checks that every question has exactly one valid option; throws a RangeError naming the first that does not. */
export function checkAnswers(answers: unknown): Answers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new RangeError('answers');
  const record = answers as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!questionnaire.some((q) => q.id === key)) throw new RangeError(key);
  }
  for (const q of questionnaire) {
    const choice = record[q.id];
    if (!Number.isInteger(choice) || (choice as number) < 0 || (choice as number) >= q.options.length) throw new RangeError(q.id);
  }
  return record as Answers;
}

/** The `age` option for customers over 70. */
export const overSeventy = 4;

/**
 * Scores complete answers. The age cap follows the usual sales rule: a customer over 70 is never rated above C3,
 * whatever else they answer.
 */
export function scoreAnswers(answers: Answers): { score: number; level: RiskLevel } {
  const checked = checkAnswers(answers);
  const score = questionnaire.reduce((sum, q) => sum + q.options[checked[q.id]]!, 0);
  let level = levelForScore(score);
  if (checked.age === overSeventy && level > 3) level = 3;
  return { score, level };
}

/** A customer at `customer` may buy a product at `product` iff the product's level is not above theirs. */
export const maySubscribe = (customer: RiskLevel, product: RiskLevel) => product <= customer;

const chinaOffset = 8 * 3600_000;

/** When an assessment made at `assessedAt` (ms) ends: the same China-time moment twelve months later. */
export function assessmentExpiry(assessedAt: number): number {
  const local = new Date(assessedAt + chinaOffset);
  const year = local.getUTCFullYear() + 1;
  const month = local.getUTCMonth();
  // 29 February → 28 February of a year without one.
  const day = Math.min(local.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  const time = assessedAt + chinaOffset - Date.UTC(local.getUTCFullYear(), month, local.getUTCDate());
  return Date.UTC(year, month, day) + time - chinaOffset;
}

export const assessmentValid = (assessedAt: number, now: number) => now >= assessedAt && now < assessmentExpiry(assessedAt);

/** The China calendar day of an instant, as days since 1970-01-01. */
export const chinaDay = (now: number) => Math.floor((now + chinaOffset) / 86_400_000);
/** The instant a China day starts. */
export const chinaDayStart = (day: number) => day * 86_400_000 - chinaOffset;

/** Shares (hundredths) bought with `amount` fen at `nav`: rounded down to 0.01 share. */
export function sharesFor(amount: number, nav: number): number {
  assertUnits(amount, nav);
  return Number((BigInt(amount) * 10000n) / BigInt(nav));
}

/** Money (fen) for `shares` hundredths at `nav`: rounded down to the fen. */
export function valueOf(shares: number, nav: number): number {
  assertUnits(shares, nav);
  return Number((BigInt(shares) * BigInt(nav)) / 10000n);
}

/**
 * The shares to sell for at least `amount` fen at `nav`, out of `held`: all of them when the amount reaches the
 * holding's value, else the fewest whose value covers the amount. Undefined when the amount is above the value.
 */
export function sharesToRedeem(amount: number, held: number, nav: number): number | undefined {
  assertUnits(amount, nav);
  const value = valueOf(held, nav);
  if (amount > value) return undefined;
  if (amount === value) return held;
  const shares = Number((BigInt(amount) * 10000n + BigInt(nav) - 1n) / BigInt(nav));
  return Math.min(shares, held);
}

function assertUnits(quantity: number, nav: number) {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`Not a quantity: ${quantity}`);
  if (!Number.isSafeInteger(nav) || nav <= 0) throw new RangeError(`Not a NAV: ${nav}`);
}

/** `10234` → `"1.0234"`. */
export const formatNav = (nav: number) => `${Math.floor(nav / 10000)}.${String(nav % 10000).padStart(4, '0')}`;
/** `98765` hundredths → `"987.65"`. */
export const formatShares = (shares: number) => `${Math.floor(shares / 100)}.${String(shares % 100).padStart(2, '0')}`;
/** `185` → `"1.85"` (percent). */
export const formatRate = (bp: number) => `${bp < 0 ? '-' : ''}${Math.floor(Math.abs(bp) / 100)}.${String(Math.abs(bp) % 100).padStart(2, '0')}`;

/**
 * The 7-day annualised yield (basis points of a percent: 185 = 1.85%) from the last seven days' income per
 * 10,000 shares (in 1/10000 yuan), in its simple form: mean daily income / 10,000 × 365, rounded half up.
 */
export function sevenDayYield(dailyIncome: readonly number[]): number {
  if (dailyIncome.length !== 7 || dailyIncome.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new RangeError('Seven daily incomes are needed.');
  }
  const sum = dailyIncome.reduce((a, b) => a + b, 0);
  // sum/7 per 10,000 shares of ¥1 in 1e-4 yuan → rate sum/7/1e8 a day → ×365 → in 1e-4 units: sum×365/(7×1e4).
  return Math.floor((sum * 365 * 2 + 7 * 10000) / (2 * 7 * 10000));
}
