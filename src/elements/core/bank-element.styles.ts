import { css } from 'lit';
import { buttonStyles } from '../../styles/controls.ts';

/**
 * Shared look of every element, themable from the partner page with `--bank-*` custom properties
 * and `::part()`. The same variables are handed to the bank's frames so dialogs match. Every default is
 * `light-dark(light, dark)`: a page with `color-scheme: dark` (or, with no theme at all, a customer who prefers
 * dark) gets the bank's dark palette — the same as src/domain/palette.ts gives the frames. The buttons' look is
 * src/styles/controls.ts, shared with the frames.
 */
export const baseStyles = css`
  ${buttonStyles}
  :host {
    display: inline-block;
    font-family: var(--bank-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: var(--bank-font-size, 1rem);
    color: var(--bank-color-text, light-dark(#1f2933, #e4e7eb));
    line-height: 1.4;
  }
  /* Set when the page declares no colour scheme and no theme: then the customer's preference decides. */
  :host(:state(auto-scheme)) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  .row,
  [part~='error'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex-wrap: wrap;
  }
  /* Label and value pairs: order summaries, receipts, quotes. */
  dl {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    color: var(--bank-color-muted, light-dark(#52606d, #a9b4c2));
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }
  [part~='amount'] {
    white-space: nowrap;
  }
  [part~='error'] {
    color: var(--bank-color-error, light-dark(#a4001a, #ff8a8a));
    border: 1px solid currentColor;
    border-radius: var(--bank-radius, 6px);
    padding: 0.5em 0.75em;
    background: var(--bank-color-error-background, light-dark(#fff5f5, #2a1215));
  }
  /* Sandbox only: what the developer should fix, on its own line under the customer's message. */
  [part~='hint'] {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  /* Loading: a skeleton the height of the ready element (see docs/elements.md), never a spinner. */
  .skeleton {
    display: grid;
    gap: 0.6em;
    align-content: center;
    min-height: 2.5em;
    min-width: 6em;
  }
  .skeleton span {
    display: block;
    height: 0.9em;
    border-radius: 4px;
    background: var(--bank-color-skeleton, rgb(127 127 127 / 18%));
  }
  .skeleton span + span + span {
    width: 60%;
  }
  /* The skeleton's words, for screen readers and tests; the bars are what people see. */
  .skeleton .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
