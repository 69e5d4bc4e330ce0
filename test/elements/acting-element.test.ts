// Which element a session change is announced from (CONTRACT §3: one event, from where the customer acted), with the
// harness's fake bank, which announces with the SDK's own rule (`sessionAnnouncer`). The element that opened the
// login dialog is the acting one until the login lands, its dialog closes without one, or it leaves the page: after
// that, a renewal or a logout elsewhere is announced from the page's <bank-login> (else the document).
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-account/define.ts';
import '../../src/elements/bank-login/define.ts';
import { buttons, demoCustomer, expectSame, listenOnDocument, loginAs, mountWithContext, type FrameAnswer } from './harness.ts';

/** A <bank-account> (the first element) and a <bank-login>, sharing one fake bank. */
async function mountPair(login: FrameAnswer | (() => Promise<FrameAnswer>)) {
  const mounted = await mountWithContext(html`<bank-account></bank-account><bank-login></bank-login>`, { bank: { frames: { login } } });
  const account = mounted.element;
  const bankLogin = mounted.wrapper.querySelector('bank-login')!;
  return { ...mounted, account, bankLogin };
}

describe('the acting element', () => {
  it('a login through <bank-account>\'s dialog is announced from <bank-account>', async () => {
    const { account, eventsOf } = await mountPair(loginAs());
    buttons(account)[0].click();
    await waitUntil(() => eventsOf('bank-login-success').length, 'bank-login-success', { timeout: 2000 });
    expect(eventsOf('bank-login-success').map((e) => e.target)).to.deep.equal([account]);
  });

  it('is released when its dialog closes without a login: a later login is announced from <bank-login>', async () => {
    const { account, bankLogin, bank, eventsOf } = await mountPair('cancel');
    buttons(account)[0].click();
    await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
    expectSame(eventsOf('bank-cancel')[0].target, account, 'bank-cancel target');
    await bank.customerChanged(demoCustomer); // e.g. the customer logged in with another tab's help, a session resumed
    const [success] = eventsOf('bank-login-success');
    expectSame(success?.target, bankLogin, 'announced from <bank-login>, not from the element whose dialog closed');
  });

  it('is released when it leaves the page with its dialog open: the logout that follows is not sent to it', async () => {
    let answer!: (a: FrameAnswer) => void;
    const { account, bankLogin, bank, eventsOf } = await mountPair(() => new Promise((resolve) => (answer = resolve)));
    buttons(account)[0].click();
    await waitUntil(() => bank.openFrame(account), 'the login dialog is open', { timeout: 2000 });
    const detached: Event[] = [];
    for (const type of ['bank-login-success', 'bank-logout']) account.addEventListener(type, (e) => detached.push(e));
    account.remove();
    expect(bank.openFrame(account), 'its dialog closed with it').to.equal(undefined);
    answer(loginAs()); // too late: the dialog is gone
    await bank.customerChanged(demoCustomer);
    await bank.customerChanged(null);
    expect(detached, 'nothing announced from the detached element').to.deep.equal([]);
    expect(eventsOf('bank-login-success').map((e) => e.target)).to.deep.equal([bankLogin]);
    expect(eventsOf('bank-logout').map((e) => e.target)).to.deep.equal([bankLogin]);
  });

  it('is released when it leaves the page after its login dialog finished but before the session changed', async () => {
    // The login frame reported done; the bridge's session event (which announces the login) has not come yet.
    const { account, bankLogin, bank, eventsOf } = await mountPair({ done: { customer: demoCustomer } });
    buttons(account)[0].click();
    await waitUntil(() => bank.opened.length && !bank.openFrame(account), 'the login dialog finished', { timeout: 2000 });
    expect(eventsOf('bank-cancel'), 'not a cancel: the acting element stays').to.have.length(0);
    account.remove();
    await bank.customerChanged(demoCustomer);
    expect(eventsOf('bank-login-success').map((e) => e.target)).to.deep.equal([bankLogin]);
  });

  it('without a <bank-login> on the page, a change after the release is announced from the document', async () => {
    const { element, bank, eventsOf } = await mountWithContext(html`<bank-account></bank-account>`, { bank: { frames: { login: 'cancel' } } });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
    await listenOnDocument(['bank-login-success'], async (seen) => {
      await bank.customerChanged(demoCustomer);
      expect(seen.map((e) => e.target)).to.deep.equal([document]);
    });
    expect(eventsOf('bank-login-success'), 'not from inside the wrapper').to.have.length(0);
  });
});
