// <bank-account> in isolation, with the harness's fake bank: a Log in button until the customer is logged in, then the
// bank's inline Accounts frame (which the page never reads). The frame itself is covered by test/e2e/accounts.spec.ts.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-account/define.ts';
import type { BankAccount } from '../../src/elements/bank-account/bank-account.ts';
import { buttons, expectSame, loggedInSession, loginAs, mountWithContext, shadow, startingSession, statusOf, text } from './harness.ts';

const panel = (element: HTMLElement) => shadow(element).querySelector<HTMLIFrameElement>('iframe[part~="panel"]');

describe('<bank-account>', () => {
  it('shows "Connecting to the bank…" while the session starts, then "Log in" and bank-ready for a logged-out customer', async () => {
    const { element, eventsOf, setSession } = await mountWithContext<BankAccount>(html`<bank-account></bank-account>`, { session: startingSession });
    expect(text(statusOf(element))).to.equal('Connecting to the bank…');
    await setSession({ status: 'ready' });
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Log in']);
    expectSame(panel(element), null, 'frame');
    expect(eventsOf('bank-ready')).to.have.length(1);
  });

  it('logged in: the bank\'s Accounts frame instead of the Log in button, with a skeleton until it shows its data', async () => {
    const { element, eventsOf } = await mountWithContext<BankAccount>(html`<bank-account></bank-account>`, { session: loggedInSession });
    expect(buttons(element), 'no Log in button').to.have.length(0);
    expect(panel(element)!.title).to.equal('Accounts');
    expect(panel(element)!.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms allow-downloads');
    expect(panel(element)!.src).to.match(/#frames\/accounts\?locale=en&theme=/);
    expect(text(statusOf(element))).to.equal('Connecting to the bank…');
    expect(eventsOf('bank-ready'), 'ready only once the frame is').to.have.length(0);
  });

  it('Log in opens Bank login; the login is announced from the element and the Accounts frame shows', async () => {
    const { element, bank, eventsOf } = await mountWithContext<BankAccount>(html`<bank-account></bank-account>`, {
      bank: { frames: { login: loginAs() } },
    });
    buttons(element)[0].click();
    await waitUntil(() => panel(element), 'the Accounts frame', { timeout: 2000 });
    expect(bank.opened.map((f) => [f.name, f.titleKey])).to.deep.equal([['login', 'loginDialog']]);
    expect(eventsOf('bank-login-success').map((e) => e.target === element)).to.deep.equal([true]);
  });

  it('a logout elsewhere on the page brings the Log in button back', async () => {
    const { element, bank } = await mountWithContext<BankAccount>(html`<bank-account></bank-account>`, { session: loggedInSession });
    await bank.customerChanged(null);
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Log in']);
    expectSame(panel(element), null, 'frame');
  });
});
