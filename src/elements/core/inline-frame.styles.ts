import { css } from 'lit';

/** Inline bank frames (accounts, investments): as tall as their content, a stable skeleton until measured. */
export const inlineFrameStyles = css`
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
