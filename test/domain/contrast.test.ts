import { expect } from '@open-wc/testing';
import {
  contrastRatio, formatRgb, luminance, minMarkContrast, minTextContrast, parseOpaqueRgb, readableOn, safePalette,
  type Palette, type Rgb,
} from '../../src/domain/contrast.ts';
import { bankPalettes } from '../../src/domain/palette.ts';

/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(7);
const byte = () => Math.floor(random() * 256);
const colour = (a = 1): Rgb => ({ r: byte(), g: byte(), b: byte(), a });
const rgb = (r: number, g: number, b: number): Rgb => ({ r, g, b, a: 1 });
const keys = Object.keys(bankPalettes.light) as (keyof Palette)[];

/** Every pair a frame draws, with its minimum. */
function pairs(p: Palette): [string, Rgb, Rgb, number][] {
  return [
    ['text', p.text, p.background, minTextContrast],
    ['muted', p.muted, p.background, minTextContrast],
    ['primary', p.primary, p.background, minTextContrast],
    ['onPrimary', p.onPrimary, p.primary, minTextContrast],
    ['error', p.error, p.background, minTextContrast],
    ['focus', p.focus, p.background, minMarkContrast],
    ['input text', p.text, p.inputBackground, minTextContrast],
    ['input border', p.inputBorder, p.inputBackground, minMarkContrast],
  ];
}

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio(rgb(0, 0, 0), rgb(255, 255, 255))).to.be.closeTo(21, 1e-9);
    expect(contrastRatio(rgb(255, 255, 255), rgb(255, 255, 255))).to.equal(1);
    // #767676 on white is the classic 4.54:1 grey.
    expect(contrastRatio(rgb(0x76, 0x76, 0x76), rgb(255, 255, 255))).to.be.closeTo(4.54, 0.01);
    expect(luminance(rgb(255, 0, 0))).to.be.closeTo(0.2126, 1e-9);
  });

  it('is symmetric and between 1 and 21 for any pair', () => {
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [colour(), colour()];
      const ratio = contrastRatio(a, b);
      expect(ratio).to.equal(contrastRatio(b, a));
      expect(ratio).to.be.within(1, 21);
    }
  });

  it('reads and writes only plain rgb()', () => {
    expect(parseOpaqueRgb('rgb(1, 2, 3)')).to.deep.equal(rgb(1, 2, 3));
    expect(parseOpaqueRgb(' rgb(255,255,255) ')).to.deep.equal(rgb(255, 255, 255));
    for (const bad of ['rgba(0, 0, 0, 0)', 'rgb(256, 0, 0)', 'red', 'hsl(0 0% 0%)', 'rgb(0 0 0 / 50%)', 'url(x)', 'rgb(1,2)']) {
      expect(parseOpaqueRgb(bad), bad).to.equal(null);
    }
    for (let i = 0; i < 500; i++) {
      const c = colour();
      expect(parseOpaqueRgb(formatRgb(c))).to.deep.equal(c);
    }
    expect(formatRgb({ r: 10, g: 20, b: 30, a: 0.1 })).to.equal('rgba(10, 20, 30, 0.1)');
  });

  it('always finds a readable colour on any background', () => {
    for (let i = 0; i < 2000; i++) {
      const background = colour();
      expect(contrastRatio(readableOn(background, minTextContrast, colour()), background)).to.be.at.least(minTextContrast);
    }
  });

  it('keeps the bank palettes as they are (they pass every pair)', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const bank = bankPalettes[scheme];
      for (const [name, fg, bg, min] of pairs(bank)) expect(contrastRatio(fg, bg), `${scheme} ${name}`).to.be.at.least(min);
      expect(safePalette(bank, {})).to.deep.equal(bank);
    }
  });

  it('keeps a readable theme unchanged', () => {
    const dark: Partial<Palette> = {
      background: rgb(15, 23, 42), text: rgb(241, 245, 249), muted: rgb(148, 163, 184), primary: rgb(94, 234, 212),
      onPrimary: rgb(15, 23, 42), inputBackground: rgb(30, 41, 59), inputBorder: rgb(148, 163, 184),
    };
    const palette = safePalette(bankPalettes.dark, dark);
    for (const key of Object.keys(dark) as (keyof Palette)[]) expect(palette[key], key).to.deep.equal(dark[key]);
  });

  it('falls back to the bank for a pair a theme would break', () => {
    const bank = bankPalettes.light;
    // White inputs with near-white text (the 1.2:1 seen in a dark theme): the input background gives way.
    const p = safePalette(bank, { background: rgb(17, 24, 39), text: rgb(240, 240, 240), inputBackground: rgb(255, 255, 255) });
    expect(p.text).to.deep.equal(rgb(240, 240, 240));
    expect(contrastRatio(p.text, p.inputBackground)).to.be.at.least(minTextContrast);
    // A low-contrast text/background pair: the bank's text where it reads on that background, else both.
    const grey = safePalette(bank, { background: rgb(200, 200, 200), text: rgb(180, 180, 180) });
    expect(grey.background).to.deep.equal(rgb(200, 200, 200));
    expect(grey.text).to.deep.equal(bank.text);
    const mid = safePalette(bank, { background: rgb(90, 90, 90), text: rgb(100, 100, 100) });
    expect(contrastRatio(mid.text, mid.background)).to.be.at.least(minTextContrast);
    // Transparent colours are never taken.
    const clear = safePalette(bank, { background: { ...bank.background, a: 0 }, text: { r: 0, g: 0, b: 0, a: 0.1 } });
    expect(clear.background).to.deep.equal(bank.background);
    expect(clear.text).to.deep.equal(bank.text);
  });

  it('any theme at all gives a palette where every pair is readable', () => {
    for (let i = 0; i < 3000; i++) {
      const theme: Partial<Palette> = {};
      for (const key of keys) if (random() < 0.7) theme[key] = colour(random() < 0.1 ? random() : 1);
      const scheme = random() < 0.5 ? 'light' : 'dark';
      const palette = safePalette(bankPalettes[scheme], theme);
      for (const [name, fg, bg, min] of pairs(palette)) {
        expect(contrastRatio(fg, bg), `${name} ${JSON.stringify(theme)}`).to.be.at.least(min);
      }
      for (const key of keys) expect(palette[key].a, key).to.equal(1);
    }
  });
});
