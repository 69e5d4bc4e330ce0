import { loanQuote, repaymentMethods, type RepaymentMethod } from '../domain/loan.ts';
import { formatAmount, parseAmount } from '../domain/money.ts';
import { isValidResidentId, maskResidentId } from '../domain/resident-id.ts';
import type { CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { randomToken } from './secrets.ts';

interface ProductRow {
  id: string;
  name_en: string;
  name_zh: string;
  min_amount: number;
  max_amount: number;
  min_term: number;
  max_term: number;
  annual_rate_bp: number;
}

export function loanProducts(db: Db) {
  return (db.prepare('SELECT * FROM loan_products ORDER BY id DESC').all() as ProductRow[]).map(productView);
}

function productView(p: ProductRow) {
  return {
    id: p.id,
    name: { en: p.name_en, 'zh-CN': p.name_zh },
    minAmount: formatAmount(p.min_amount),
    maxAmount: formatAmount(p.max_amount),
    minTermMonths: p.min_term,
    maxTermMonths: p.max_term,
    annualRate: (p.annual_rate_bp / 100).toFixed(2),
    repaymentMethods,
  };
}

export interface LoanTerms {
  product: ProductRow;
  amount: number;
  termMonths: number;
  method: RepaymentMethod;
}

/** Reads and checks loan terms against the product's limits; every figure is the bank's own. */
export function loanTerms(db: Db, input: { product: string; amount: string; termMonths: unknown; method?: string }): LoanTerms {
  const product = db.prepare('SELECT * FROM loan_products WHERE id = ?').get(input.product) as ProductRow | undefined;
  if (!product) throw new BankError('not_found', `No loan product ${input.product}.`);
  let amount: number;
  try {
    amount = parseAmount(input.amount);
  } catch {
    throw new BankError('invalid_request', '`amount` must be a decimal string like "36000.00".');
  }
  if (amount < product.min_amount || amount > product.max_amount) {
    throw new BankError('limit_exceeded',
      `The amount must be between ${formatAmount(product.min_amount)} and ${formatAmount(product.max_amount)}.`);
  }
  const termMonths = input.termMonths;
  if (typeof termMonths !== 'number' || !Number.isInteger(termMonths) || termMonths < product.min_term ||
      termMonths > product.max_term) {
    throw new BankError('invalid_request', `\`termMonths\` must be a whole number from ${product.min_term} to ${product.max_term}.`);
  }
  const method = (input.method ?? 'equal-installment') as RepaymentMethod;
  if (!repaymentMethods.includes(method)) throw new BankError('invalid_request', `\`repaymentMethod\` must be one of ${repaymentMethods.join(', ')}.`);
  return { product, amount, termMonths, method };
}

export function quoteView(terms: LoanTerms) {
  const { schedule, apr } = loanQuote(terms.amount, terms.termMonths, terms.product.annual_rate_bp / 100, terms.method);
  return {
    product: terms.product.id,
    amount: formatAmount(terms.amount),
    termMonths: terms.termMonths,
    repaymentMethod: terms.method,
    annualRate: (terms.product.annual_rate_bp / 100).toFixed(2),
    apr,
    firstPayment: formatAmount(schedule.firstPayment),
    typicalPayment: formatAmount(schedule.typicalPayment),
    lastPayment: formatAmount(schedule.lastPayment),
    totalInterest: formatAmount(schedule.totalInterest),
    totalPayment: formatAmount(schedule.totalPayment),
    installments: schedule.installments.map((i) => ({
      period: i.period,
      payment: formatAmount(i.payment),
      principal: formatAmount(i.principal),
      interest: formatAmount(i.interest),
      remaining: formatAmount(i.remaining),
    })),
  };
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  monthlyIncome: string;
  employer: string;
  consent: boolean | undefined;
}

/** Sandbox decisions by customer (CONTRACT §6): …04 declined, …05 pending (manual review), everyone else approved. */
function decide(customer: CustomerRow): 'approved' | 'pending' | 'declined' {
  if (customer.phone === '13800000004') return 'declined';
  if (customer.phone === '13800000005') return 'pending';
  return 'approved';
}

export function applyForLoan(db: Db, appId: string, customer: CustomerRow, terms: LoanTerms, reference: string | null,
  applicant: Applicant, now: number) {
  if (applicant.consent !== true) throw new BankError('invalid_request', 'The applicant must authorize a credit check.');
  const name = applicant.fullName.trim();
  if ([...name].length < 2) throw new BankError('invalid_request', '`fullName` is required.');
  if (!isValidResidentId(applicant.idNumber)) throw new BankError('invalid_request', '`idNumber` is not a valid resident ID number.');
  let income: number;
  try {
    income = parseAmount(applicant.monthlyIncome);
  } catch {
    throw new BankError('invalid_request', '`monthlyIncome` must be a decimal string like "12000.00".');
  }
  if (applicant.employer.trim().length < 2) throw new BankError('invalid_request', '`employer` is required.');
  const { schedule, apr } = loanQuote(terms.amount, terms.termMonths, terms.product.annual_rate_bp / 100, terms.method);
  return db.transaction(() => {
    if (reference) {
      const open = db
        .prepare(`SELECT id FROM loan_applications WHERE app_id = ? AND customer_id = ? AND reference = ? AND status IN ('approved', 'pending')`)
        .get(appId, customer.id, reference) as { id: string } | undefined;
      if (open) throw new BankError('duplicate_application', `Application ${open.id} for this reference is still open.`);
    }
    const status = decide(customer);
    const id = randomToken('loan', 12);
    db.prepare(
      `INSERT INTO loan_applications (id, app_id, customer_id, product, amount, term_months, repayment_method,
         annual_rate_bp, apr, monthly_payment, total_interest, reference, status, applicant_name_masked,
         id_number_masked, monthly_income, employer, consent_at, created_at, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, appId, customer.id, terms.product.id, terms.amount, terms.termMonths, terms.method, terms.product.annual_rate_bp,
      apr, schedule.typicalPayment, schedule.totalInterest, reference, status, `${[...name][0]}*`,
      maskResidentId(applicant.idNumber), income, applicant.employer.trim(), now, now, status === 'pending' ? null : now,
    );
    return findApplication(db, appId, id);
  }).immediate();
}

interface ApplicationRow {
  id: string;
  customer_id: number;
  product: string;
  amount: number;
  term_months: number;
  repayment_method: string;
  annual_rate_bp: number;
  apr: string;
  monthly_payment: number;
  total_interest: number;
  reference: string | null;
  status: string;
  created_at: number;
  decided_at: number | null;
}

export function findApplication(db: Db, appId: string, id: string): ApplicationRow {
  const row = db.prepare('SELECT * FROM loan_applications WHERE id = ? AND app_id = ?').get(id, appId) as ApplicationRow | undefined;
  if (!row) throw new BankError('not_found', `No loan application ${id}.`);
  return row;
}

/** What the partner sees: the decision and the terms, no applicant data. */
export function applicationView(row: ApplicationRow, customerId: string) {
  return {
    id: row.id,
    status: row.status,
    product: row.product,
    amount: formatAmount(row.amount),
    termMonths: row.term_months,
    repaymentMethod: row.repayment_method,
    annualRate: (row.annual_rate_bp / 100).toFixed(2),
    apr: row.apr,
    monthlyPayment: formatAmount(row.monthly_payment),
    totalInterest: formatAmount(row.total_interest),
    reference: row.reference,
    customerId,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}
