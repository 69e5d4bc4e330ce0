import { css } from 'lit';

/**
 * What the dialog frames that show an order or ask for a tick add to the shell's styles (SecureForm.styles): the
 * order summary a customer confirms, tick boxes, the summary line. In a module of its own, so the frames that show
 * none of these (Log in, Merchant and the inline panels) do not carry them.
 */
export const dialogStyles = css`
  .summary {
    margin-bottom: 1rem;
  }
  /* A long label wraps before the value does: the label column takes at most 40% (or its longest word), so an
     amount keeps its line inside the padding and a name or a domain is not split letter by letter. */
  dl.order {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: 0.3rem 1rem;
    margin: 0 0 1rem;
  }
  dl.order dt {
    color: var(--bank-color-muted);
  }
  /* What the customer confirms: always the theme's readable text colour, never dimmed. */
  dl.order dd {
    margin: 0;
    overflow-wrap: anywhere;
    color: var(--bank-color-text);
    opacity: 1;
  }
  dl.order .amount {
    font-size: 1.4rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* The whole line takes the tap, at least a finger high. */
  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  label.check input {
    width: 1.2rem;
    height: 1.2rem;
    flex: none;
  }
`;
