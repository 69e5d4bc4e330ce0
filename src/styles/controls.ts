import { css } from 'lit';

/**
 * The look of the bank's controls, defined once for the partner elements and the bank frames: buttons (primary,
 * `.secondary`, focus ring, busy and disabled) here, inputs and selects (border, corners, focus ring,
 * `aria-invalid`) in fields.ts beside this file. Used by src/elements/core/bank-element.styles.ts (every element),
 * `<bank-loan-apply>`'s calculator, and src/frames/common/secure-form.ts (every frame) and the frames' data-sharing
 * list. Every colour is a `--bank-*` custom property. On a partner page it may be unset, so each has the bank
 * palette's `light-dark(light, dark)` default (the colours of src/domain/palette.ts, which the frames' applyTheme()
 * always sets: there the default is never used). Adopted stylesheets, so they work under the frames' strict CSP.
 * Elements and frames add layout (widths, spacing) in their own styles, after these. Two files, so that the partner
 * elements' shared chunk, which has no input, does not carry the fields' rules (a tagged template is never
 * tree-shaken).
 */
export const buttonStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: var(--bank-radius, 6px);
    padding: 0.5em 1.1em;
    min-height: 2.5em;
    background: var(--bank-color-primary, light-dark(#b0001e, #ff9aa8));
    color: var(--bank-color-on-primary, light-dark(#fff, #121821));
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
`;
