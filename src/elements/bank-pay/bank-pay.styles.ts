import { css } from 'lit';

/** `<bank-pay>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankPayStyles = css`
  :host {
    display: block;
    max-width: 28rem;
    /* The ready order summary's height, from the first paint on: nothing below moves when it arrives. */
    min-height: 10em;
  }
  [part~='order'],
  [part~='receipt'] {
    display: grid;
    gap: 0.6em;
  }
  [part~='amount'] {
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  [part~='status'] {
    margin: 0;
  }
  [part~='receipt'] h3 {
    margin: 0;
    font-size: 1.1em;
    color: var(--bank-color-success, light-dark(#0b6b3a, #6ee7a8));
  }
`;
