/** `--bank-*` properties forwarded to the bank's frames, so their dialogs and panels wear the partner's theme. */
export const themeProperties = [
  '--bank-color-primary', '--bank-color-on-primary', '--bank-color-text', '--bank-color-background',
  '--bank-color-error', '--bank-color-focus', '--bank-radius', '--bank-font-family',
  '--bank-color-muted', '--bank-color-input-background', '--bank-color-input-border',
];
