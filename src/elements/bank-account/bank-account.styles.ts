import { css } from 'lit';

/** `<bank-account>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankAccountStyles = css`
  :host {
    display: block;
  }
`;
