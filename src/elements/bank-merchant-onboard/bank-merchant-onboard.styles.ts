import { css } from 'lit';

/** `<bank-merchant-onboard>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankMerchantOnboardStyles = css`
  :host {
    display: block;
    max-width: 28rem;
  }
  [part~='status'] {
    margin: 0 0 0.6em;
  }
  [part~='status'][data-status='verified'] {
    color: var(--bank-color-success, light-dark(#0b6b3a, #6ee7a8));
    font-weight: 600;
  }
`;
