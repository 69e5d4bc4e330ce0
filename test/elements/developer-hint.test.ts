import { expect, html } from '@open-wc/testing';
import '../../src/elements/bank-login/define.ts';
import '../../src/elements/bank-pay/define.ts';
import { partnerMessages } from '../../src/i18n/partner.ts';
import { alertOf, mountWithContext, shadow, text } from './harness.ts';

/**
 * The developer hint (sandbox mode): the SDK attaches `hint` to an error only when the bank said it runs as the
 * sandbox; the element shows it under the customer's message, in its own line and part, in the element's locale.
 */
const hint = 'http://127.0.0.1:4000 is not a registered origin of app_x: register it with PATCH /v1/sandbox/apps/app_x.';
const withHint = { code: 'origin_not_allowed', message: 'http://127.0.0.1:4000 is not a registered origin of app_x.', retryable: false, hint } as const;
const withoutHint = { code: 'origin_not_allowed', message: withHint.message, retryable: false } as const;

describe('developer hint', () => {
  it('shows under the customer message, as part "hint", in English and Chinese', async () => {
    for (const [locale, prefix] of [['en', 'For the developer (sandbox only):'], ['zh-CN', '开发者提示（仅沙箱环境显示）：']] as const) {
      const { element, eventsOf } = await mountWithContext(html`<bank-login></bank-login>`, {
        config: { locale }, session: { status: 'error', error: withHint },
      });
      const alert = alertOf(element)!;
      expect(text(alert.querySelector('span'))).to.equal(partnerMessages[locale]['error.origin_not_allowed']);
      const part = shadow(element).querySelector('[part~="hint"]');
      expect(part, locale).to.exist;
      expect(alert.contains(part)).to.be.true;
      expect(text(part)).to.equal(`${prefix}${locale === 'en' ? ' ' : ''}${hint}`);
      // The hint sits on its own line, below the message.
      expect(part!.getBoundingClientRect().top).to.be.greaterThan(alert.querySelector('span')!.getBoundingClientRect().top);
      expect(eventsOf('bank-error')[0].detail).to.deep.equal(withHint);
    }
  });

  it('is absent when the error carries none (production mode)', async () => {
    const { element } = await mountWithContext(html`<bank-pay order-id="ord_KBexeKWwSgR3gImg"></bank-pay>`, {
      session: { status: 'error', error: withoutHint },
    });
    expect(text(alertOf(element))).to.equal(partnerMessages.en['error.origin_not_allowed']);
    expect(shadow(element).querySelector('[part~="hint"]')).to.be.null;
  });

  it('has a text in both locales', () => {
    expect(partnerMessages.en.developerHint).to.contain('{detail}');
    expect(partnerMessages['zh-CN'].developerHint).to.contain('{detail}');
  });
});
