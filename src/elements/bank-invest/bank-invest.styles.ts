import { css } from 'lit';

/** `<bank-invest>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankInvestStyles = css`
  :host {
    display: block;
  }
  p {
    margin: 0 0 0.6em;
  }
`;
