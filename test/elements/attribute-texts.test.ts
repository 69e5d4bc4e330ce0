// An element's texts for its attribute problems (`attr.*`) are a lazy chunk (`attribute-messages.ts`), fetched only
// when an attribute is wrong: until they are in the element shows its loading skeleton and announces nothing; if
// they cannot be fetched (the bank's CDN is down) it says the bank is unavailable, with Try again, which fetches
// again. Shown on <bank-pay> subclasses whose fetch the test controls (every element shares the mechanism, in
// BankElement); the harness's other mounts have the texts in at once.
import { expect, html, waitUntil } from '@open-wc/testing';
import { BankPay } from '../../src/elements/bank-pay/bank-pay.ts';
import { alertOf, buttons, mountWithContext, shadow, text } from './harness.ts';

const attributeTexts = () => import('../../src/elements/bank-pay/attribute-messages.ts').then((m) => m.attributeMessages);
const unavailableText = 'The bank is not available right now. Please try again in a few minutes.';

describe('attribute texts, a lazy chunk', () => {
  it('are fetched when an attribute is wrong: the skeleton until they are in, then the problem, announced once', async () => {
    let arrive!: () => void;
    let fetches = 0;
    class SlowTextsPay extends BankPay {
      static attributeMessages = () => {
        fetches++;
        return new Promise<void>((resolve) => (arrive = resolve)).then(attributeTexts);
      };
    }
    customElements.define('test-slow-texts-pay', SlowTextsPay);
    const { element, eventsOf } = await mountWithContext<BankPay>(html`<test-slow-texts-pay></test-slow-texts-pay>`, { attributeTexts: 'lazy' });
    expect(fetches).to.equal(1);
    expect(shadow(element).querySelector('[part~="loading"]'), 'the skeleton while the texts load').to.exist;
    expect(alertOf(element)).to.equal(null);
    expect(eventsOf('bank-error')).to.have.length(0);
    arrive();
    await waitUntil(() => alertOf(element), 'the attribute problem is shown', { timeout: 2000 });
    expect(text(alertOf(element))).to.equal('This element is set up wrongly: order-id is required');
    expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([
      { code: 'invalid_attribute', message: 'order-id is required', retryable: false },
    ]);
    // In now: another wrong value is shown in the same update, without another fetch.
    element.setAttribute('order-id', '12345');
    await element.updateComplete;
    expect(text(alertOf(element))).to.contain('order-id "12345" is not an order id');
    expect(fetches).to.equal(1);
  });

  it('that cannot be fetched: bank_unavailable with Try again, which fetches again and then shows the problem', async () => {
    let fail = true;
    let fetches = 0;
    class NoTextsPay extends BankPay {
      static attributeMessages = () => {
        fetches++;
        return fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : attributeTexts();
      };
    }
    customElements.define('test-no-texts-pay', NoTextsPay);
    const { element, eventsOf } = await mountWithContext<BankPay>(html`<test-no-texts-pay order-id="12345"></test-no-texts-pay>`, { attributeTexts: 'lazy' });
    await waitUntil(() => alertOf(element), 'the failure is shown', { timeout: 2000 });
    expect(text(alertOf(element))).to.equal(`${unavailableText} Try again`);
    expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([
      { code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true },
    ]);
    fail = false;
    buttons(element).find((b) => text(b) === 'Try again')!.click();
    await waitUntil(() => text(alertOf(element)).includes('set up wrongly'), 'the attribute problem after Try again', { timeout: 2000 });
    expect(text(alertOf(element))).to.equal('This element is set up wrongly: order-id "12345" is not an order id');
    expect(fetches).to.equal(2);
    expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['bank_unavailable', 'invalid_attribute']);
  });
});
