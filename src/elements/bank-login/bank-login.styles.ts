import { css } from 'lit';

/** `<bank-login>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankLoginStyles = css`
  :host {
    min-height: 2.5em;
  }
  [part~='customer'] {
    font-weight: 600;
  }
  button {
    white-space: nowrap;
  }
`;
