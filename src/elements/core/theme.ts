import { themeProperties } from './theme-properties.ts';

export { themeProperties };

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * Any colour the browser understands (`hsl()`, `color(display-p3 …)`, named colours, `oklch()`…) as sRGB
 * `rgb()`/`rgba()`, the only form a frame accepts. Painted on a 1×1 canvas and read back, so every syntax and
 * colour space ends as plain sRGB bytes (`getComputedStyle` keeps `color(display-p3 …)` and `oklch()` as they
 * are). What the canvas cannot read stays transparent, which a frame refuses (it then uses the bank's colour).
 */
export function resolveColour(value: string): string {
  canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#0000';
  canvas.fillStyle = value;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return a > 254 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}

/**
 * The theme as the element sees it (computed, so inherited values and `var()` chains count), for a bank frame's
 * URL: colours resolved to `rgb()`, and the colour scheme (`dark` when the element's `color-scheme` asks for it,
 * or allows it and the customer prefers dark).
 */
export function collectTheme(element: Element): Record<string, string> {
  const theme: Record<string, string> = {};
  const computed = getComputedStyle(element);
  for (const prop of themeProperties) {
    const raw = computed.getPropertyValue(prop).trim();
    const value = raw && prop.startsWith('--bank-color-') ? resolveColour(raw) : raw;
    if (value) theme[prop] = value;
  }
  const schemes = computed.colorScheme.split(/\s+/);
  const dark = schemes.includes('dark') && (!schemes.includes('light') || matchMedia('(prefers-color-scheme: dark)').matches);
  theme.scheme = dark ? 'dark' : 'light';
  return theme;
}
