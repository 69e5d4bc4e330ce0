import { css } from 'lit';

/**
 * Shared look of every element, themable from the partner page with `--bank-*` custom properties
 * and `::part()`. The same variables are handed to the bank's frames so dialogs match.
 */
export const baseStyles = css`
  :host {
    display: inline-block;
    font-family: var(--bank-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: var(--bank-font-size, 1rem);
    color: var(--bank-color-text, #1f2933);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: var(--bank-radius, 6px);
    padding: 0.5em 1.1em;
    background: var(--bank-color-primary, #b0001e);
    color: var(--bank-color-on-primary, #fff);
    min-height: 2.5em;
  }
  button.secondary {
    background: transparent;
    color: var(--bank-color-primary, #b0001e);
    border-color: currentColor;
  }
  button:focus-visible {
    outline: 3px solid var(--bank-color-focus, #1a5fd0);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex-wrap: wrap;
  }
  /* Label and value pairs: order summaries, receipts, quotes. */
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    color: var(--bank-color-muted, #52606d);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }
  [part~='error'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex-wrap: wrap;
    color: var(--bank-color-error, #a4001a);
    border: 1px solid currentColor;
    border-radius: var(--bank-radius, 6px);
    padding: 0.5em 0.75em;
    background: var(--bank-color-error-background, #fff5f5);
  }
  /* Sandbox only: what the developer should fix, on its own line under the customer's message. */
  [part~='hint'] {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  [part~='loading'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    color: var(--bank-color-muted, #52606d);
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  dialog {
    border: none;
    border-radius: var(--bank-radius-dialog, 12px);
    padding: 0;
    width: min(26rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    background: var(--bank-color-background, #fff);
    box-shadow: 0 12px 40px rgb(0 0 0 / 25%);
    overflow: hidden;
    /* Anchored near the top rather than centred: when the frame's content grows, the dialog grows downwards
       and nothing the customer is about to press moves. */
    margin: min(10vh, 4rem) auto auto;
  }
  dialog::backdrop {
    background: var(--bank-color-backdrop, rgb(15 23 42 / 55%));
  }
  dialog iframe {
    display: block;
    width: 100%;
    border: 0;
  }
  /* Not visibility:hidden: Chromium stops rendering hidden cross-origin frames, and the frame must measure itself. */
  dialog iframe.measuring {
    opacity: 0;
    position: absolute;
  }
  dialog [part~='loading'] {
    padding: 1.5em;
  }
  /* Inline bank frames (accounts, investments): as tall as their content, a stable skeleton until measured. */
  iframe[part~='panel'] {
    display: block;
    width: 100%;
    border: 0;
  }
  iframe[part~='panel'].measuring {
    opacity: 0;
    position: absolute;
  }
  .skeleton {
    display: grid;
    gap: 0.75em;
    padding: 1.25em 1.5em;
    min-height: var(--bank-panel-min-height, 12rem);
    box-sizing: border-box;
    background: var(--bank-color-background, #fff);
    border-radius: var(--bank-radius, 6px);
  }
  .skeleton span {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: var(--bank-color-skeleton, rgb(127 127 127 / 18%));
  }
  .skeleton span:first-child {
    width: 40%;
    height: 1.4em;
  }
`;
