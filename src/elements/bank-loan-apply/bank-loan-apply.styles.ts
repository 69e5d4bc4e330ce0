import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.ts';

/** `<bank-loan-apply>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankLoanApplyStyles = css`
  ${fieldStyles}
  :host {
    display: block;
    max-width: 34rem;
    /* The calculator's height with its first quote, from the first paint on (no layout shift). */
    min-height: 40em;
  }
  [part~='calculator'] {
    display: grid;
    gap: 0.9em;
  }
  h3 {
    margin: 0;
    font-size: 1.15em;
  }
  .field {
    display: grid;
    gap: 0.3em;
  }
  label,
  legend {
    font-weight: 600;
  }
  /* Inputs and selects look as in src/styles/fields.ts (fieldStyles, first in this sheet). */
  input,
  select {
    max-width: 16em;
  }
  summary:focus-visible,
  .table-scroll:focus-visible {
    outline: 3px solid var(--bank-color-focus, light-dark(#1a5fd0, #7fb2ff));
    outline-offset: 1px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.3em;
  }
  .field-error {
    color: var(--bank-color-error, light-dark(#a4001a, #ff8a8a));
    margin: 0;
  }
  [part~='apr'] {
    margin: 0;
    display: flex;
    align-items: baseline;
    gap: 0.5em;
  }
  .apr-label {
    font-weight: 700;
    font-size: 1.25em;
  }
  .apr-value {
    font-size: 2em;
    font-weight: 800;
    color: var(--bank-color-primary, light-dark(#b0001e, #ff9aa8));
    font-variant-numeric: tabular-nums;
  }
  .fine {
    font-size: 0.8em;
    color: var(--bank-color-muted, light-dark(#52606d, #a9b4c2));
    margin: 0;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    width: 100%;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    text-align: end;
    border-bottom: 1px solid var(--bank-color-border, light-dark(#d9e2ec, #334155));
    white-space: nowrap;
  }
  /* The schedule scrolls sideways on its own; the page never widens. */
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  [part~='quote'].stale,
  [part~='schedule'].stale {
    opacity: 0.55;
  }
  input:disabled,
  select:disabled {
    opacity: 0.7;
    cursor: not-allowed;
  }
  [part~='quote-error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    color: var(--bank-color-error, #a4001a);
  }
  [part~='quote-error'] p {
    margin: 0;
  }
  [part~='decision'] {
    display: grid;
    gap: 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--bank-radius, 6px);
    padding: 0.75em 1em;
  }
`;
