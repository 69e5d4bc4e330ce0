/** `--bank-*` properties forwarded to the bank's frames, so their dialogs and panels wear the partner's theme. */
export const themeProperties = [
  '--bank-color-primary', '--bank-color-on-primary', '--bank-color-text', '--bank-color-background',
  '--bank-color-error', '--bank-color-focus', '--bank-radius', '--bank-font-family',
];

/** The theme as the element sees it (computed, so inherited values count), for a bank frame's URL. */
export function collectTheme(element: Element): Record<string, string> {
  const theme: Record<string, string> = {};
  const computed = getComputedStyle(element);
  for (const prop of themeProperties) {
    const value = computed.getPropertyValue(prop).trim();
    if (value) theme[prop] = value;
  }
  return theme;
}
