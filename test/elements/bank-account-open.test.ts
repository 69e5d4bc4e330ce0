// <bank-account-open> in isolation, with the harness's fake bank standing in for the `Open an account` frame.
// Opening an account at the real bank: test/e2e/account-open.spec.ts.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-account-open/define.ts';
import type { BankAccountOpen } from '../../src/elements/bank-account-open/bank-account-open.ts';
import {
  alertOf, bankEvents, buttons, demoCustomer, expectBankEvent, expectSame, loggedInSession, mountWithContext, shadow, text,
  type FakeBankOptions, type MountOptions,
} from './harness.ts';

const record = [...bankEvents, 'bank-account-opened'];
const opened = { accountId: 'acc_demo01', accountClass: 'II', last4: '1234' };

const mount = (frames: FakeBankOptions['frames'] = {}, options: MountOptions = {}, template = html`<bank-account-open></bank-account-open>`) =>
  mountWithContext<BankAccountOpen>(template, { session: loggedInSession, record, ...options, bank: { frames } });

const result = (element: HTMLElement) => shadow(element).querySelector('[part~="result"]');

describe('<bank-account-open>', () => {
  it('shows an "Open an account" button and fires bank-ready', async () => {
    const { element, eventsOf } = await mount();
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Open an account']);
    expect(eventsOf('bank-ready')).to.have.length(1);
  });

  it('opens the Open an account frame for the class asked; the answer fires bank-account-opened and says so', async () => {
    const { element, bank, eventsOf } = await mount({ 'account-open': { done: opened } });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-account-opened').length, 'bank-account-opened', { timeout: 2000 });
    await element.updateComplete;
    expect(bank.opened.map((f) => [f.name, f.titleKey, f.params])).to.deep.equal([['account-open', 'openDialog', { class: 'II' }]]);
    const [event] = eventsOf('bank-account-opened');
    expectBankEvent(event);
    expectSame(event.target, element, 'target');
    expect(event.detail).to.deep.equal({ accountId: 'acc_demo01', accountClass: 'II', last4: '1234' });
    expect(result(element)!.getAttribute('role')).to.equal('status');
    expect(text(result(element))).to.equal('Your Class II account ···· 1234 is open.');
    expect(eventsOf('bank-login-success'), 'already logged in').to.have.length(0);
  });

  it('account-class="III" asks for a Class III account; an answer for another class is ignored', async () => {
    const { element, bank, eventsOf } = await mount({ 'account-open': { done: opened } }, {},
      html`<bank-account-open account-class="III"></bank-account-open>`);
    buttons(element)[0].click();
    await waitUntil(() => bank.opened.length && !bank.openFrame(element), 'the frame answered', { timeout: 2000 });
    await element.updateComplete;
    expect(bank.opened[0].params).to.deep.equal({ class: 'III' });
    expect(eventsOf('bank-account-opened')).to.have.length(0);
    expectSame(result(element), null, 'result');
  });

  it('a person who was not logged in is logged in by opening: bank-login-success, then bank-account-opened, both from it', async () => {
    const { element, events } = await mount({ 'account-open': { done: opened, customer: demoCustomer } }, { session: { customer: null } });
    buttons(element)[0].click();
    await waitUntil(() => events.some((e) => e.type === 'bank-account-opened'), 'bank-account-opened', { timeout: 2000 });
    expect(events.filter((e) => e.type !== 'bank-ready').map((e) => [e.type, e.target === element])).to.deep.equal([
      ['bank-login-success', true], ['bank-account-opened', true],
    ]);
  });

  it('closing the dialog fires bank-cancel and opens nothing', async () => {
    const { element, eventsOf } = await mount({ 'account-open': 'cancel' });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
    expectBankEvent(eventsOf('bank-cancel')[0]);
    expect(eventsOf('bank-account-opened')).to.have.length(0);
    expectSame(result(element), null, 'result');
  });

  it('when the dialog\'s code cannot be fetched, says the bank is unavailable, with Try again', async () => {
    const { element, eventsOf } = await mountWithContext<BankAccountOpen>(html`<bank-account-open></bank-account-open>`, {
      session: loggedInSession, bank: { dialogUnavailable: true },
    });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-error').length, 'bank-error', { timeout: 2000 });
    await element.updateComplete;
    expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([
      { code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true },
    ]);
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Try again']);
    expect(alertOf(element)).to.exist;
  });
});
