import type { Palette, PaletteKey, Rgb } from './contrast.ts';

/**
 * The bank's own palettes, light and dark: what a frame paints with when the partner gives no theme, and what it
 * falls back to when a theme would make something unreadable. The elements' CSS defaults repeat these values
 * (`light-dark()` in src/elements/core/styles.ts); docs/elements.md lists both.
 */
const hex = (value: string): Rgb => {
  const n = parseInt(value.slice(1), 16);
  return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
};

export const bankPalettes: Record<'light' | 'dark', Palette> = {
  light: {
    background: hex('#ffffff'), text: hex('#1f2933'), muted: hex('#52606d'), primary: hex('#b0001e'),
    onPrimary: hex('#ffffff'), error: hex('#a4001a'), focus: hex('#1a5fd0'), inputBackground: hex('#ffffff'),
    inputBorder: hex('#7b8794'),
  },
  dark: {
    background: hex('#121821'), text: hex('#e4e7eb'), muted: hex('#a9b4c2'), primary: hex('#ff9aa8'),
    onPrimary: hex('#121821'), error: hex('#ff8a8a'), focus: hex('#7fb2ff'), inputBackground: hex('#1c2430'),
    inputBorder: hex('#8593a3'),
  },
};

/** The `--bank-*` property of each palette colour (the same names partners set on the elements). */
export const paletteProperties: Record<PaletteKey, string> = {
  background: '--bank-color-background', text: '--bank-color-text', muted: '--bank-color-muted',
  primary: '--bank-color-primary', onPrimary: '--bank-color-on-primary', error: '--bank-color-error',
  focus: '--bank-color-focus', inputBackground: '--bank-color-input-background', inputBorder: '--bank-color-input-border',
};
