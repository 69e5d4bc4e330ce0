import { css } from 'lit';

/** `<bank-data-consent>`'s own styles (the shared ones are `BankElement.styles`). */
export const bankDataConsentStyles = css`
  :host {
    display: block;
    max-width: 28rem;
  }
  [part~='hint'],
  [part~='status'] {
    margin: 0.5em 0 0;
  }
  /* Its size comes with the part name from the base styles (0.875em). */
  [part~='hint'] {
    opacity: 0.85;
  }
  [part~='status'] {
    font-weight: 600;
  }
`;
