import { expect } from '@open-wc/testing';
import { pluralForm } from '../../src/i18n/locale.ts';
import { intBetween, mulberry32 } from './prng.ts';

describe('pluralForm', () => {
  it('says what Intl.PluralRules says in en and zh-CN: for 0–400, and 2000 generated counts and fractions', () => {
    const rand = mulberry32(14);
    const numbers = [
      ...Array.from({ length: 401 }, (_, i) => i),
      ...Array.from({ length: 1000 }, () => intBetween(rand, 0, 1_000_000)),
      ...Array.from({ length: 1000 }, () => Math.round(rand() * 300) / 100), // 0.00–3.00, 1.00 among them
      -1, 1.5, 0.5, 1e21,
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      const rules = new Intl.PluralRules(locale);
      for (const n of numbers) expect(pluralForm(locale, n), `${locale} ${n}`).to.equal(rules.select(n) === 'one' ? 'one' : 'other');
    }
    expect(pluralForm('en', 1)).to.equal('one');
    expect(pluralForm('en', 12)).to.equal('other');
    expect(pluralForm('zh-CN', 1)).to.equal('other');
  });
});
