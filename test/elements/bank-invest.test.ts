import { expect, html } from '@open-wc/testing';
import '../../src/elements/bank-invest/define.ts';
import type { BankInvest } from '../../src/elements/bank-invest/bank-invest.ts';
import { alertOf, buttons, mountWithContext, startingSession, statusOf, text, type MountOptions } from './harness.ts';

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
