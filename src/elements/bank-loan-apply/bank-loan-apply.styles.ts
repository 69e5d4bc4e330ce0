import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.ts';

/**
 * `<bank-loan-apply>`'s own styles (the shared ones are `BankElement.styles`; the schedule's table and the decision
 * bring theirs with them: after-action.ts).
 */
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
  h3,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1.15em;
  }
  .field,
  fieldset {
    display: grid;
    gap: 0.3em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  label,
  legend,
  summary {
    font-weight: 600;
  }
  /* Inputs and selects look as in src/styles/fields.ts (fieldStyles, first in this sheet). */
  input,
  select {
    max-width: 16em;
  }
  summary:focus-visible {
    outline: 3px solid var(--bank-color-focus, light-dark(#1a5fd0, #7fb2ff));
    outline-offset: 1px;
  }
  input:disabled,
  select:disabled {
    opacity: 0.7;
    cursor: not-allowed;
  }
  .field-error,
  [part~='quote-error'] {
    color: var(--bank-color-error, light-dark(#a4001a, #ff8a8a));
  }
  [part~='apr'] {
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
  }
  summary {
    cursor: pointer;
  }
  [part~='quote'].stale,
  [part~='schedule'].stale {
    opacity: 0.55;
  }
`;
