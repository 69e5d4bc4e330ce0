import { formatRgb, parseOpaqueRgb, safePalette, type Palette, type PaletteKey } from '../../domain/contrast.ts';
import { bankPalettes, paletteProperties } from '../../domain/palette.ts';

// The dialog and inline frames' theme (the bridge frame paints nothing, so it does not load this).
const themeValue: Record<string, RegExp> = {
  '--bank-radius': /^\d{1,3}(\.\d+)?(px|rem|em)$/,
  '--bank-font-family': /^[\w\s,"'-]{1,120}$/,
};

/**
 * Applies the partner's theme. Colours are taken only as opaque `rgb()` (the element resolved whatever the
 * partner wrote), merged over the bank's light or dark palette, and any pair the theme would make unreadable
 * falls back to the bank's colours (src/domain/contrast.ts): a partner can restyle a frame, never hide what the
 * customer confirms. Other properties only as plain values (never `url()` or expressions). Written as a
 * constructed stylesheet: no `style` attribute.
 */
export function applyTheme() {
  let theme: unknown;
  try {
    theme = JSON.parse(new URLSearchParams(location.search).get('theme') ?? '{}');
  } catch {
    theme = {};
  }
  const given = (typeof theme === 'object' && theme ? theme : {}) as Record<string, unknown>;
  const scheme = given.scheme === 'dark' ? 'dark' : 'light';
  const wanted: Partial<Palette> = {};
  for (const [key, property] of Object.entries(paletteProperties) as [PaletteKey, string][]) {
    const colour = typeof given[property] === 'string' ? parseOpaqueRgb(given[property]) : null;
    if (colour) wanted[key] = colour;
  }
  const palette = safePalette(bankPalettes[scheme], wanted);
  const rules = [`color-scheme: ${scheme};`];
  for (const [key, property] of Object.entries(paletteProperties) as [PaletteKey, string][]) {
    rules.push(`${property}: ${formatRgb(palette[key])};`);
  }
  for (const [name, pattern] of Object.entries(themeValue)) {
    const value = given[name];
    if (typeof value === 'string' && pattern.test(value)) rules.push(`${name}: ${value};`);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:root { ${rules.join(' ')} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
