import { css } from 'lit';

/**
 * Shared look of every element, themable from the partner page with `--bank-*` custom properties
 * and `::part()`. The same variables are handed to the bank's frames so dialogs match. Every default is
 * `light-dark(light, dark)`: a page with `color-scheme: dark` (or, with no theme at all, a customer who prefers
 * dark) gets the bank's dark palette — the same as src/domain/palette.ts gives the frames.
 */
export const baseStyles = css`
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
  button {
    font: inherit;
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: var(--bank-radius, 6px);
    padding: 0.5em 1.1em;
    background: var(--bank-color-primary, light-dark(#b0001e, #ff9aa8));
    color: var(--bank-color-on-primary, light-dark(#fff, #121821));
    min-height: 2.5em;
  }
  button.secondary {
    background: transparent;
    color: var(--bank-color-primary, light-dark(#b0001e, #ff9aa8));
    border-color: currentColor;
  }
  button:focus-visible {
    outline: 3px solid var(--bank-color-focus, light-dark(#1a5fd0, #7fb2ff));
    outline-offset: 2px;
  }
  /* Busy buttons stay focusable (aria-disabled), so focus is never lost to <body>. */
  button[disabled],
  button[aria-disabled='true'] {
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
    grid-template-columns: auto minmax(0, 1fr);
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
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex-wrap: wrap;
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
  dialog {
    border: none;
    border-radius: var(--bank-radius-dialog, 12px);
    padding: 0;
    box-sizing: border-box;
    width: min(26rem, calc(100vw - 2rem));
    max-width: 100vw;
    max-height: calc(100dvh - 2rem);
    /* The frame is as tall as its content; the dialog scrolls around it when the screen is shorter. */
    overflow: auto;
    overscroll-behavior: contain;
    background: var(--bank-color-background, light-dark(#fff, #121821));
    color: var(--bank-color-text, light-dark(#1f2933, #e4e7eb));
    box-shadow: 0 12px 40px rgb(0 0 0 / 25%);
    margin: auto;
  }
  /* Phones: a bottom sheet, full width, rounded top. */
  @media (max-width: 640px) {
    dialog {
      width: 100vw;
      max-height: calc(100dvh - 0.5rem);
      margin: auto 0 0;
      border-radius: var(--bank-radius-dialog, 16px) var(--bank-radius-dialog, 16px) 0 0;
      padding-bottom: env(safe-area-inset-bottom);
    }
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--bank-color-backdrop, rgb(15 23 42 / 55%));
  }
  /* Stays in view while the sheet scrolls, over the frame's top corner (the frames leave room there). */
  .dialog-bar {
    order: -1;
    flex: none;
    position: sticky;
    top: 0;
    height: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
  }
  button.close {
    margin: 0.4rem 0.4rem 0 0;
    width: 2.75rem;
    height: 2.75rem;
    min-height: 0;
    padding: 0;
    border-radius: 50%;
    font-size: 1.5rem;
    line-height: 1;
    background: var(--bank-color-background, light-dark(#fff, #121821));
    color: var(--bank-color-text, light-dark(#1f2933, #e4e7eb));
  }
  .dialog-loading,
  .dialog-error {
    padding: 3.5rem 1.5rem 1.5rem;
  }
  .dialog-loading .skeleton {
    min-height: 12rem;
    align-content: start;
  }
  dialog iframe {
    display: block;
    flex: none;
    width: 100%;
    border: 0;
  }
  /* Not visibility:hidden: Chromium stops rendering hidden cross-origin frames, and the frame must measure itself. */
  dialog iframe.measuring {
    opacity: 0;
    position: absolute;
    top: 0;
    pointer-events: none;
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
    pointer-events: none;
  }
  [part~='skeleton'] {
    padding: 1.25em 1.5em;
    min-height: var(--bank-panel-min-height, 12rem);
    box-sizing: border-box;
    background: var(--bank-color-background, light-dark(#fff, #121821));
    border-radius: var(--bank-radius, 6px);
    align-content: start;
  }
  [part~='skeleton'] span:nth-child(2) {
    width: 40%;
    height: 1.4em;
  }
`;
