// <bank-loan-apply> with a bank (the harness's fake): the product list and the quote from the bank, Apply, and the
// submitted application. A file of its own because the element keeps the bank's product list and quotes for the
// whole page (module state), which would answer the other file's "no bank connected" tests.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-loan-apply/define.ts';
import type { BankLoanApply } from '../../src/elements/bank-loan-apply/bank-loan-apply.ts';
import type { LoanProduct, LoanQuote } from '../../src/protocol/post-message.ts';
import {
  bankEvents, buttons, expectBankEvent, expectSame, loggedInSession, loggedOutSession, loginAs, mountWithContext, shadow, text,
  type FakeBankOptions, type MountOptions,
} from './harness.ts';

const rentLoan: LoanProduct = {
  id: 'rent-loan', name: { en: 'Rent loan', 'zh-CN': '租金贷' }, minAmount: '1000.00', maxAmount: '200000.00',
  minTermMonths: 1, maxTermMonths: 24, annualRate: '7.20', repaymentMethods: ['equal-installment', 'equal-principal', 'interest-first'],
};

const quote: LoanQuote = {
  product: 'rent-loan', amount: '36000.00', termMonths: 12, repaymentMethod: 'equal-installment', annualRate: '7.20',
  apr: '7.20', firstPayment: '3118.28', typicalPayment: '3118.28', lastPayment: '3118.26', totalInterest: '1419.41',
  totalPayment: '37419.41', installments: [],
};

const submitted = { applicationId: 'loan_demo01', status: 'approved', amount: '36000.00', termMonths: 12, apr: '7.20' };

const answers: FakeBankOptions['answers'] = {
  loanProducts: { products: [rentLoan] },
  loanQuote: (params: Record<string, string>) => ({ ...quote, amount: params.amount, termMonths: Number(params.termMonths) }),
};

/** Mounted with the bank's answers; resolves once the quote is shown and Apply can be pressed. */
async function mountQuoted(frames: FakeBankOptions['frames'] = {}, options: MountOptions = {}) {
  const mounted = await mountWithContext<BankLoanApply>(
    html`<bank-loan-apply product="rent-loan" amount="36000" term="12" reference="lease-42"></bank-loan-apply>`,
    { session: loggedInSession, record: [...bankEvents, 'bank-loan-submitted'], ...options, bank: { answers, frames } },
  );
  await waitUntil(() => applyButton(mounted.element) && !applyButton(mounted.element)!.disabled, 'Apply can be pressed', { timeout: 3000 });
  return mounted;
}

const applyButton = (element: HTMLElement) => buttons(element).find((b) => text(b) === 'Apply');
const decision = (element: HTMLElement) => shadow(element).querySelector('[part~="decision"]');
/** A description list as a reader hears it: each term with its value. */
const described = (list: Element | null | undefined) =>
  Object.fromEntries([...(list?.querySelectorAll('dt') ?? [])].map((dt) => [text(dt), text(dt.nextElementSibling)]));

describe('<bank-loan-apply> with a bank', () => {
  it('shows the bank\'s quote: the APR first, the payments, and an Apply button; bank-ready once', async () => {
    const { element, bank, eventsOf } = await mountQuoted();
    expect(bank.calls.map((c) => c.method)).to.deep.equal(['loanProducts', 'loanQuote']);
    expect(bank.calls[1].params).to.deep.equal({ product: 'rent-loan', amount: '36000.00', termMonths: '12', repaymentMethod: 'equal-installment' });
    expect(text(shadow(element).querySelector('h3'))).to.equal('Rent loan');
    expect(text(shadow(element).querySelector('[part~="apr"]'))).to.equal('APR7.20%');
    expect(described(shadow(element).querySelector('[part~="quote"] dl'))).to.deep.equal({
      'Monthly payment': '¥3,118.28', 'First payment': '¥3,118.28', 'Last payment': '¥3,118.26', 'Total interest': '¥1,419.41',
      'Total to repay': '¥37,419.41',
    });
    expect(eventsOf('bank-ready')).to.have.length(1);
    expect(eventsOf('bank-error')).to.have.length(0);
  });

  it('Apply opens the Loan application frame with the quoted terms; the answer fires bank-loan-submitted and shows the decision', async () => {
    const { element, bank, eventsOf } = await mountQuoted({ loan: { done: submitted } });
    applyButton(element)!.click();
    await waitUntil(() => eventsOf('bank-loan-submitted').length, 'bank-loan-submitted', { timeout: 2000 });
    // The decision's view comes in its own chunk, fetched on Apply.
    await waitUntil(() => decision(element)?.querySelector('strong'), 'the decision', { timeout: 2000 });
    expect(bank.opened.map((f) => [f.name, f.titleKey, f.params])).to.deep.equal([['loan', 'loanDialog', {
      product: 'rent-loan', amount: '36000.00', termMonths: '12', repaymentMethod: 'equal-installment', reference: 'lease-42',
    }]]);
    const [event] = eventsOf('bank-loan-submitted');
    expectBankEvent(event);
    expectSame(event.target, element, 'target');
    expect(event.detail).to.deep.equal({ applicationId: 'loan_demo01', status: 'approved', amount: '36000.00', termMonths: 12, apr: '7.20' });
    expect(decision(element)!.getAttribute('role')).to.equal('status');
    expect(text(decision(element)!.querySelector('strong'))).to.equal('Approved');
    expect(described(decision(element)!.querySelector('dl'))).to.deep.equal({
      'Application ID': 'loan_demo01', 'Loan amount': '¥36,000.00', Term: '12 months', APR: '7.20%',
    });
    expect(applyButton(element), 'the decision replaces Apply').to.equal(undefined);
    expect((shadow(element).querySelector('#amount') as HTMLInputElement).disabled, 'the terms applied for stay shown').to.be.true;
  });

  it('"Start a new application" makes the calculator editable again', async () => {
    const { element, eventsOf } = await mountQuoted({ loan: { done: { ...submitted, status: 'pending' } } });
    applyButton(element)!.click();
    await waitUntil(() => eventsOf('bank-loan-submitted').length, 'bank-loan-submitted', { timeout: 2000 });
    // The decision's view comes in its own chunk, fetched on Apply.
    await waitUntil(() => decision(element)?.querySelector('strong'), 'the decision', { timeout: 2000 });
    expect(text(decision(element)!.querySelector('strong'))).to.equal('Under review: the bank will let you know.');
    buttons(element).find((b) => text(b) === 'Start a new application')!.click();
    await element.updateComplete;
    expectSame(decision(element), null, 'decision');
    expect((shadow(element).querySelector('#amount') as HTMLInputElement).disabled).to.be.false;
    expect(applyButton(element)).to.exist;
  });

  it('not logged in: Apply opens Bank login first, then the application; closing it submits nothing', async () => {
    const { element, bank, eventsOf } = await mountQuoted({ login: loginAs(), loan: 'cancel' }, { session: loggedOutSession });
    applyButton(element)!.click();
    await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
    await element.updateComplete;
    expect(bank.opened.map((f) => f.name)).to.deep.equal(['login', 'loan']);
    expect(eventsOf('bank-login-success').map((e) => e.target === element)).to.deep.equal([true]);
    expect(eventsOf('bank-loan-submitted')).to.have.length(0);
    expect(applyButton(element)!.disabled).to.be.false;
  });
});
