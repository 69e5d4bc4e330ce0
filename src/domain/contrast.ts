/**
 * Colour contrast, as WCAG 2.x defines it, and the palette decision the bank's frames make with it: a partner's
 * theme may recolour a frame, but never make what the customer confirms hard to read. Pure: no DOM.
 */

/** An sRGB colour, channels 0–255, alpha 0–1. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
  a: number;
}

const channel = '\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*';
const opaqueRgb = new RegExp(`^rgb\\(${channel},${channel},${channel}\\)$`);

/** Reads `rgb(r, g, b)` with channels 0–255: the only colour form a frame accepts. */
export function parseOpaqueRgb(value: string): Rgb | null {
  const match = opaqueRgb.exec(value.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map(Number);
  return [r, g, b].every((c) => c <= 255) ? { r, g, b, a: 1 } : null;
}

/** `rgb(r, g, b)` or `rgba(r, g, b, a)`, channels rounded: the form colours cross to a frame in. */
export function formatRgb({ r, g, b, a }: Rgb): string {
  const [R, G, B] = [r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))));
  return a >= 1 ? `rgb(${R}, ${G}, ${B})` : `rgba(${R}, ${G}, ${B}, ${Math.round(Math.max(0, a) * 1000) / 1000})`;
}

/** Relative luminance (WCAG 2.x), 0 for black to 1 for white. */
export function luminance({ r, g, b }: Rgb): number {
  const [R, G, B] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

/** The contrast ratio of two opaque colours, 1 to 21, symmetric. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA minimums: text 4.5:1; borders, focus rings and other non-text marks 3:1. */
export const minTextContrast = 4.5;
export const minMarkContrast = 3;

export const black: Rgb = { r: 0, g: 0, b: 0, a: 1 };
export const white: Rgb = { r: 255, g: 255, b: 255, a: 1 };

/**
 * A colour to draw on `background` with at least `min` contrast: the wanted one if it passes, else the first
 * fallback that passes, else black or white, whichever contrasts more (one of them always reaches 4.5:1).
 */
export function readableOn(background: Rgb, min: number, wanted: Rgb | undefined, ...fallbacks: Rgb[]): Rgb {
  for (const colour of [wanted, ...fallbacks]) if (colour && contrastRatio(colour, background) >= min) return colour;
  return contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
}

/** The colours a frame paints with. */
export interface Palette {
  background: Rgb;
  text: Rgb;
  muted: Rgb;
  primary: Rgb;
  onPrimary: Rgb;
  error: Rgb;
  focus: Rgb;
  inputBackground: Rgb;
  inputBorder: Rgb;
}

export type PaletteKey = keyof Palette;

/**
 * The bank's palette merged with a partner's theme (only opaque colours; absent keys keep the bank's), where
 * every pair the frame draws stays readable: text, muted text, errors, links and input text ≥ 4.5:1, the input
 * border and focus ring ≥ 3:1. A pair the theme would break falls back to the bank's colour for it.
 */
export function safePalette(bank: Palette, theme: Partial<Palette>): Palette {
  const opaque = (c: Rgb | undefined) => (c && c.a >= 1 ? c : undefined);
  const want = (key: PaletteKey) => opaque(theme[key]);
  // The text pair first: a background nothing can be read on is refused with the text.
  let background = want('background') ?? bank.background;
  let text = want('text') ?? bank.text;
  if (contrastRatio(text, background) < minTextContrast) {
    if (contrastRatio(bank.text, background) >= minTextContrast) text = bank.text;
    else [background, text] = [bank.background, bank.text];
  }
  const onBackground = (key: PaletteKey, min: number) => readableOn(background, min, want(key), bank[key]);
  const primary = onBackground('primary', minTextContrast);
  let inputBackground = want('inputBackground') ?? bank.inputBackground;
  if (contrastRatio(text, inputBackground) < minTextContrast) inputBackground = contrastRatio(text, bank.inputBackground) >= minTextContrast ? bank.inputBackground : background;
  return {
    background,
    text,
    muted: onBackground('muted', minTextContrast),
    primary,
    onPrimary: readableOn(primary, minTextContrast, want('onPrimary'), bank.onPrimary),
    error: onBackground('error', minTextContrast),
    focus: onBackground('focus', minMarkContrast),
    inputBackground,
    inputBorder: readableOn(inputBackground, minMarkContrast, want('inputBorder'), bank.inputBorder),
  };
}
