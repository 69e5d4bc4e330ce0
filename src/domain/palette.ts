import type { Palette, PaletteKey, Rgb } from './contrast.ts';

/**
 * The bank's own palettes, light and dark: what a frame paints with when the partner gives no theme, and what it
 * falls back to when a theme would make something unreadable. The elements' CSS defaults repeat these values
 * (`light-dark()` in src/elements/core/bank-element.styles.ts); docs/elements.md lists both.
 */
const keys: PaletteKey[] = ['background', 'text', 'muted', 'primary', 'onPrimary', 'error', 'focus', 'inputBackground', 'inputBorder'];

/** Colours in the order of `keys`, as `#rrggbb`. */
const palette = (colours: string) =>
  Object.fromEntries(colours.split(' ').map((hex, i): [PaletteKey, Rgb] => {
    const n = parseInt(hex.slice(1), 16);
    return [keys[i], { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 }];
  })) as unknown as Palette;

export const bankPalettes: Record<'light' | 'dark', Palette> = {
  light: palette('#ffffff #1f2933 #52606d #b0001e #ffffff #a4001a #1a5fd0 #ffffff #7b8794'),
  dark: palette('#121821 #e4e7eb #a9b4c2 #ff9aa8 #121821 #ff8a8a #7fb2ff #1c2430 #8593a3'),
};

/** The `--bank-*` property of each palette colour (`inputBorder` → `--bank-color-input-border`). */
export const paletteProperties = Object.fromEntries(
  keys.map((key) => [key, `--bank-color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`]),
) as Record<PaletteKey, string>;
