import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-invest/define.ts';
import type { BankInvest } from '../../src/elements/bank-invest/bank-invest.ts';
import {
  alertOf, buttons, expectSame, loggedInSession, loginAs, mountWithContext, shadow, startingSession, statusOf, text, type MountOptions,
} from './harness.ts';

const mount = (template = html`<bank-invest></bank-invest>`, options: MountOptions = {}) =>
  mountWithContext<BankInvest>(template, options);

describe('<bank-invest>', () => {
  it('shows "Connecting to the bank…" while the session starts, then a Log in button for a logged-out customer', async () => {
    const { element, setSession, eventsOf } = await mount(html`<bank-invest></bank-invest>`, { session: startingSession });
    expect(text(statusOf(element))).to.equal('Connecting to the bank…');
    expect(eventsOf('bank-ready')).to.have.length(0);
    await setSession({ status: 'ready' });
    const [button, ...others] = buttons(element);
    expect(others).to.have.length(0);
    expect(text(button)).to.equal('Log in');
    expect(button!.getAttribute('part')).to.equal('button');
    expect(text(element.shadowRoot!.querySelector('p'))).to.equal('Log in to see the bank’s wealth products and your holdings.');
    expect(eventsOf('bank-ready')).to.have.length(1);
  });

  it('speaks Chinese with locale="zh-CN"', async () => {
    const { element } = await mount(html`<bank-invest locale="zh-CN"></bank-invest>`);
    expect(buttons(element).map(text)).to.deep.equal(['登录']);
  });

  it('accepts each of the bank’s products and refuses any other with a visible invalid_attribute', async () => {
    for (const product of ['cash-plus', 'steady-bond-6m', 'balanced-1y', 'equity-select', 'private-growth']) {
      const { element, eventsOf } = await mount(html`<bank-invest product=${product}></bank-invest>`);
      expect(alertOf(element), product).to.equal(null);
      expect(eventsOf('bank-error')).to.have.length(0);
    }
    const { element, eventsOf } = await mount(html`<bank-invest product="gold-bars"></bank-invest>`);
    expect(text(alertOf(element))).to.contain('product "gold-bars" must be one of cash-plus');
    expect(buttons(element)).to.have.length(0);
    const [error] = eventsOf('bank-error');
    expect(error!.detail).to.deep.equal({
      code: 'invalid_attribute',
      message: 'product "gold-bars" must be one of cash-plus, steady-bond-6m, balanced-1y, equity-select, private-growth',
      retryable: false,
    });
  });

  it('recovers when the attribute is fixed', async () => {
    const { element } = await mount(html`<bank-invest product="nope"></bank-invest>`);
    expect(alertOf(element)).to.exist;
    element.product = 'cash-plus';
    await element.updateComplete;
    expect(alertOf(element)).to.equal(null);
    expect(buttons(element).map(text)).to.deep.equal(['Log in']);
  });
});

describe('<bank-invest> logged in (fake bank)', () => {
  const panel = (element: HTMLElement) => shadow(element).querySelector<HTMLIFrameElement>('iframe[part~="panel"]');

  it('shows the bank\'s Investments frame instead of the Log in button, on the product asked for', async () => {
    const { element, eventsOf } = await mount(html`<bank-invest product="cash-plus"></bank-invest>`, { session: loggedInSession });
    expect(buttons(element), 'no Log in button').to.have.length(0);
    expect(panel(element)!.title).to.equal('Investments');
    expect(panel(element)!.src).to.match(/#frames\/invest\?/);
    expect(new URLSearchParams(panel(element)!.src.split('?')[1]).get('product')).to.equal('cash-plus');
    expect(text(statusOf(element)), 'a skeleton until the frame shows its data').to.equal('Connecting to the bank…');
    expect(eventsOf('bank-ready'), 'ready only once the frame is').to.have.length(0);
  });

  it('Log in opens Bank login; once logged in the Investments frame shows', async () => {
    const { element, bank, eventsOf } = await mount(html`<bank-invest></bank-invest>`, { bank: { frames: { login: loginAs() } } });
    buttons(element)[0].click();
    await waitUntil(() => panel(element), 'the Investments frame', { timeout: 2000 });
    expect(bank.opened.map((f) => f.name)).to.deep.equal(['login']);
    expect(eventsOf('bank-login-success').map((e) => e.target === element)).to.deep.equal([true]);
    expectSame(shadow(element).querySelector('button'), null, 'Log in button');
  });
});
