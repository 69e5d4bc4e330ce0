// The partner side of theming: any CSS colour becomes sRGB rgb()/rgba() before it crosses to a bank frame, and
// the colour scheme the element is shown in travels with it.
import { expect, fixture, html } from '@open-wc/testing';
import { collectTheme, resolveColour } from '../../src/elements/core/theme.ts';

describe('resolveColour', () => {
  it('turns every colour syntax into sRGB rgb()', () => {
    expect(resolveColour('#0f766e')).to.equal('rgb(15, 118, 110)');
    expect(resolveColour('teal')).to.equal('rgb(0, 128, 128)');
    expect(resolveColour('hsl(120 100% 25%)')).to.equal('rgb(0, 128, 0)');
    expect(resolveColour('rgb(10 20 30)')).to.equal('rgb(10, 20, 30)');
    // Inside sRGB's gamut, display-p3 lands on the same colour in sRGB (±1 for rounding).
    const [r, g, b] = resolveColour('color(display-p3 0.2 0.4 0.6)').match(/\d+/g)!.map(Number);
    expect(Math.abs(r - 27) + Math.abs(g - 104) + Math.abs(b - 157)).to.be.at.most(3);
    expect(resolveColour('oklch(0.5 0 0)')).to.match(/^rgb\((\d+), \1, \1\)$/);
  });

  it('keeps transparency visible as rgba(), which a frame refuses', () => {
    expect(resolveColour('transparent')).to.equal('rgba(0, 0, 0, 0.000)');
    expect(resolveColour('rgba(255, 255, 255, 0.1)')).to.match(/^rgba\(255, 255, 255, 0\.10\d\)$/);
  });

  it('gives transparent for what is not a colour, never the previous colour', () => {
    resolveColour('red');
    expect(resolveColour('not-a-colour')).to.equal('rgba(0, 0, 0, 0.000)');
    expect(resolveColour('url(https://evil.example/x)')).to.equal('rgba(0, 0, 0, 0.000)');
  });
});

describe('collectTheme', () => {
  it('resolves var() chains and inherited values, and passes lengths and fonts as written', async () => {
    const host = await fixture<HTMLDivElement>(html`<div class="themed"><span></span></div>`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.themed { --brand: hsl(210 80% 30%); --bank-color-primary: var(--brand); --bank-radius: 10px;
      --bank-color-text: transparent; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const theme = collectTheme(host.querySelector('span')!);
      expect(theme['--bank-color-primary']).to.match(/^rgb\(1[45], 7[67], 13[78]\)$/);
      expect(theme['--bank-radius']).to.equal('10px');
      expect(theme['--bank-color-text']).to.equal('rgba(0, 0, 0, 0.000)');
      expect(theme.scheme).to.equal('light');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('says dark when the element is shown with color-scheme: dark', async () => {
    const host = await fixture<HTMLDivElement>(html`<div class="dark"><span></span></div>`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.dark { color-scheme: dark; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(collectTheme(host.querySelector('span')!).scheme).to.equal('dark');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
