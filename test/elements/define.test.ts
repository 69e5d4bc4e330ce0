import { expect } from '@open-wc/testing';

describe('registration', () => {
  it('an element module registers nothing; its define module registers it once, with its version', async () => {
    const { BankPay } = await import('../../src/elements/bank-pay/bank-pay.ts');
    expect(customElements.get('bank-pay')).to.equal(undefined);
    await import('../../src/elements/bank-pay/define.ts');
    expect(customElements.get('bank-pay')).to.equal(BankPay);
    expect((BankPay as unknown as { sdkVersion: string }).sdkVersion).to.be.a('string');
  });

  it('a second copy of the SDK warns and leaves the first registration in place instead of throwing', async () => {
    class FirstCopy extends HTMLElement {}
    customElements.define('bank-login', FirstCopy);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await import('../../src/elements/bank-login/define.ts');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('bank-login')).to.equal(FirstCopy);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<bank-login> is already defined');
  });
});
