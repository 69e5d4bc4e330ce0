// The <bank-loan-apply> calculator without a bank: the element is given the bank's product list directly, so the
// calculator renders; every quote then fails with the SDK's own 'network' error ("The bank is not connected."),
// which is what the inline quote error shows. Quotes against the real bank: test/e2e/loan-flows.spec.ts.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-loan-apply/define.ts';
import type { BankLoanApply } from '../../src/elements/bank-loan-apply/bank-loan-apply.ts';
import type { LoanProduct, LoanQuote } from '../../src/protocol/post-message.ts';
import { buttons, mountWithContext, shadow, startingSession, text } from './harness.ts';

const rentLoan: LoanProduct = {
  id: 'rent-loan', name: { en: 'Rent loan', 'zh-CN': '租金贷' }, minAmount: '1000.00', maxAmount: '200000.00',
  minTermMonths: 1, maxTermMonths: 24, annualRate: '7.20', repaymentMethods: ['equal-installment'],
};

const quote: LoanQuote = {
  product: 'rent-loan', amount: '36000.00', termMonths: 12, repaymentMethod: 'equal-installment', annualRate: '7.20',
  apr: '7.20', firstPayment: '3118.28', typicalPayment: '3118.28', lastPayment: '3118.26', totalInterest: '1419.41',
  totalPayment: '37419.41', installments: [],
};

type Internals = { productList?: LoanProduct[]; quote?: LoanQuote; decision?: unknown };

/** A calculator that shows `rent-loan` (the product list given, as the bank would answer it). */
async function calculator(locale = 'en', attrs = { amount: '36000', term: '12' }) {
  const mounted = await mountWithContext<BankLoanApply>(
    html`<bank-loan-apply product="rent-loan" amount=${attrs.amount} term=${attrs.term}></bank-loan-apply>`,
    { session: startingSession, config: { locale: locale as 'en' }, record: ['bank-error', 'bank-ready'] },
  );
  (mounted.element as unknown as Internals).productList = [rentLoan];
  await mounted.setSession({ status: 'ready' });
  return mounted;
}

const root = (element: HTMLElement) => shadow(element);
const amountInput = (element: HTMLElement) => root(element).querySelector<HTMLInputElement>('#amount')!;
const typeAmount = async (element: BankLoanApply, value: string) => {
  const input = amountInput(element);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
};
const amountError = (element: HTMLElement) => text(root(element).querySelector('#amount-error'));
const termOptions = (element: HTMLElement) => [...root(element).querySelectorAll('#term option')].map((o) => text(o));

describe('<bank-loan-apply> calculator', () => {
  it('says "1 month" and "2 months" in English, "1个月" in Chinese (plural rules)', async () => {
    const en = await calculator();
    expect(termOptions(en.element).slice(0, 3)).to.deep.equal(['1 month', '2 months', '3 months']);
    const zh = await calculator('zh-CN');
    expect(termOptions(zh.element).slice(0, 2)).to.deep.equal(['1个月', '2个月']);
  });

  it('accepts full-width digits and 万, and shows the amount as the bank reads it on leaving the field', async () => {
    const { element } = await calculator();
    await typeAmount(element, '１２０００');
    expect(amountError(element)).to.equal('');
    expect(amountInput(element).getAttribute('aria-invalid')).to.equal('false');
    await typeAmount(element, '3.6万');
    expect(amountError(element)).to.equal('');
    amountInput(element).dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(amountInput(element).value).to.equal('36000');
    await typeAmount(element, '１２，０００．５０');
    amountInput(element).dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(amountInput(element).value).to.equal('12000.50');
  });

  it('refuses what it cannot read with a clear message, in both locales', async () => {
    const { element } = await calculator();
    await typeAmount(element, '3.6千');
    expect(amountError(element)).to.equal('Enter an amount like 36000, 3500.50 or 3.6万.');
    expect(amountInput(element).getAttribute('aria-invalid')).to.equal('true');
    await typeAmount(element, '1000.123');
    expect(amountError(element)).to.equal('Enter the amount in yuan with at most two decimals.');
    await typeAmount(element, '30万');
    expect(amountError(element)).to.equal('Enter an amount from ¥1,000.00 to ¥200,000.00.');
    const zh = await calculator('zh-CN');
    await typeAmount(zh.element, 'abc');
    expect(amountError(zh.element)).to.equal('请输入金额，例如36000、3500.50或3.6万。');
  });

  it('shows a quote error inline: the calculator stays, with Try again, and fires bank-error once', async () => {
    const { element, eventsOf } = await calculator();
    await waitUntil(() => root(element).querySelector('[part~="quote-error"]'), 'the quote error', { timeout: 3000 });
    const error = root(element).querySelector('[part~="quote-error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The bank could not calculate this loan.');
    expect(amountInput(element), 'the calculator is still there').to.exist;
    expect(root(element).querySelector('[part~="error"]'), 'no element-wide error box').to.equal(null);
    expect(buttons(element).map((b) => text(b))).to.include.members(['Try again', 'Apply']);
    expect(root(element).querySelector<HTMLButtonElement>('[part~="button"]:not([part~="retry"])')!.disabled).to.equal(true);
    expect(eventsOf('bank-error').map((e) => e.detail.code), 'announced once, as it is shown').to.deep.equal(['network']);
  });

  it('keeps the last quote visible but dimmed and aria-busy while a new one is asked for', async () => {
    const { element } = await calculator();
    (element as unknown as Internals).quote = quote;
    await typeAmount(element, '40000');
    const shown = root(element).querySelector('[part~="quote"]')!;
    expect(shown.getAttribute('aria-busy')).to.equal('true');
    expect(shown.classList.contains('stale')).to.equal(true);
    expect(Number(getComputedStyle(shown).opacity)).to.be.below(1);
    expect(text(shown)).to.contain('¥3,118.28');
  });

  it('is read-only after a decision, until "Start a new application"', async () => {
    const { element } = await calculator();
    (element as unknown as Internals).quote = quote;
    (element as unknown as Internals).decision = { applicationId: 'loan_x', status: 'approved', amount: '36000.00', termMonths: 1, apr: '7.20' };
    // The decision's view is in the chunk of what is seen after acting (fetched on Apply, here on the decision).
    await waitUntil(() => root(element).querySelector('[part~="decision"]'), 'the decision', { timeout: 3000 });
    const controls = [...root(element).querySelectorAll<HTMLInputElement>('input, select')];
    expect(controls.length).to.be.above(2);
    expect(controls.every((c) => c.disabled)).to.equal(true);
    expect(text(root(element).querySelector('[part~="decision"]'))).to.contain('1 month');
    const again = buttons(element).find((b) => text(b) === 'Start a new application')!;
    again.click();
    await element.updateComplete;
    expect(root(element).querySelector('[part~="decision"]')).to.equal(null);
    expect(amountInput(element).disabled).to.equal(false);
    expect(element.shadowRoot!.activeElement).to.equal(amountInput(element));
  });
});
