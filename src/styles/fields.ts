import { css } from 'lit';

/**
 * Inputs and selects as every bank control looks: border, corners, focus ring, `aria-invalid`; the buttons and the
 * rules for both are in controls.ts beside this file.
 */
export const fieldStyles = css`
  input,
  select {
    font: inherit;
    font-weight: 400;
    min-width: 0;
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.5em 0.7em;
    border: 1px solid var(--bank-color-input-border, light-dark(#7b8794, #8593a3));
    border-radius: var(--bank-radius, 6px);
    color: inherit;
    /* Unset on a partner page unless the theme sets it: transparent, on the element's own background. */
    background: var(--bank-color-input-background);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--bank-color-focus, light-dark(#1a5fd0, #7fb2ff));
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--bank-color-error, light-dark(#a4001a, #ff8a8a));
  }
`;
