import { expect } from '@open-wc/testing';
import { parseAmountInput, toHalfWidth } from '../../src/domain/amount-input.ts';
import { formatAmount } from '../../src/domain/money.ts';

/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minorOf = (text: string) => {
  const result = parseAmountInput(text);
  return result.ok ? result.minor : result.problem;
};

/** The full-width twin of an ASCII string. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** `1234567` → `1,234,567`. */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('parseAmountInput', () => {
  it('reads plain, grouped, full-width and currency-marked amounts', () => {
    expect(minorOf('36000')).to.equal(3_600_000);
    expect(minorOf('3,500.50')).to.equal(350_050);
    expect(minorOf('１２０００')).to.equal(1_200_000);
    expect(minorOf('１２，０００．５')).to.equal(1_200_050);
    expect(minorOf(' ¥36000 ')).to.equal(3_600_000);
    expect(minorOf('￥36000元')).to.equal(3_600_000);
    expect(minorOf('36 000')).to.equal(3_600_000);
  });

  it('reads 万 as ten thousand, exactly', () => {
    expect(minorOf('3.6万')).to.equal(3_600_000);
    expect(minorOf('３．６万')).to.equal(3_600_000);
    expect(minorOf('20万')).to.equal(20_000_000);
    expect(minorOf('3.6 万元')).to.equal(3_600_000);
    expect(minorOf('0.0001万')).to.equal(100);
    expect(minorOf('1.234567万')).to.equal(1_234_567);
    expect(minorOf('1.23456789万')).to.equal('precision');
  });

  it('refuses what is not an amount, with the reason', () => {
    expect(minorOf('')).to.equal('empty');
    expect(minorOf('   ')).to.equal('empty');
    expect(minorOf('abc')).to.equal('format');
    expect(minorOf('3.6千')).to.equal('format');
    expect(minorOf('万')).to.equal('format');
    expect(minorOf('-5')).to.equal('format');
    expect(minorOf('1e5')).to.equal('format');
    expect(minorOf('1.2.3')).to.equal('format');
    expect(minorOf('1.234')).to.equal('precision');
    expect(minorOf('0')).to.equal('zero');
    expect(minorOf('0万')).to.equal('zero');
    expect(minorOf('99999999999999')).to.equal('too_large');
    expect(minorOf('20万')).to.equal(20_000_000);
    expect(parseAmountInput('20万', { max: 100_000 })).to.deep.equal({ ok: false, problem: 'too_large' });
  });

  it('toHalfWidth maps every full-width ASCII form and the ideographic space', () => {
    for (let code = 0x21; code <= 0x7e; code++) {
      expect(toHalfWidth(String.fromCharCode(code + 0xfee0))).to.equal(String.fromCharCode(code));
    }
    expect(toHalfWidth('\u3000')).to.equal(' ');
    expect(toHalfWidth('三万')).to.equal('三万');
  });

  it('property: any amount in fen reads back the same however it is written (2,000 generated cases)', () => {
    const random = mulberry32(20261127);
    for (let i = 0; i < 2000; i++) {
      const minor = 1 + Math.floor(random() * 10_000_000_000);
      const wire = formatAmount(minor);
      const [whole, fraction] = wire.split('.');
      const plain = fraction === '00' ? whole : wire;
      const forms = [plain, grouped(whole) + (fraction === '00' ? '' : `.${fraction}`), fullWidth(plain), `¥${plain}`, `${plain}元`];
      for (const form of forms) expect(minorOf(form), form).to.equal(minor);
      // The same amount in 万: shift the decimal point four places left, in the string.
      const padded = whole.padStart(5, '0');
      const wanText = `${padded.slice(0, -4).replace(/^0+(?=\d)/, '')}.${padded.slice(-4)}${fraction}万`;
      expect(minorOf(wanText), wanText).to.equal(minor);
      expect(minorOf(fullWidth(wanText.slice(0, -1)) + '万'), wanText).to.equal(minor);
    }
  });

  it('property: random strings never throw and an accepted result is a positive whole number of fen', () => {
    const random = mulberry32(7);
    const alphabet = '0123456789.,万元¥ ０１２３４５６７８９．，a-';
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const result = parseAmountInput(text);
      if (result.ok) {
        expect(Number.isSafeInteger(result.minor) && result.minor > 0, text).to.equal(true);
      } else {
        expect(['empty', 'format', 'precision', 'zero', 'too_large'], text).to.include(result.problem);
      }
    }
  });
});
