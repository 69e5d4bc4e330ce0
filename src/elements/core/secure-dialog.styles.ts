import { css } from 'lit';

/** The modal dialog around a bank frame: loaded with the dialog code, adopted by an element when it first opens one. */
export const secureDialogStyles = css`
  dialog {
    border: none;
    border-radius: var(--bank-radius-dialog, 12px);
    padding: 0;
    box-sizing: border-box;
    /* Clear of a notched phone's safe-area insets (status bar, home indicator, camera hole) on every side. */
    width: min(26rem, calc(100vw - 2rem - 2 * max(env(safe-area-inset-left), env(safe-area-inset-right))));
    max-width: 100vw;
    max-height: calc(100dvh - 2rem - 2 * max(env(safe-area-inset-top), env(safe-area-inset-bottom)));
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
      max-height: calc(100dvh - 0.5rem - env(safe-area-inset-top));
      margin: auto 0 0;
      border-radius: var(--bank-radius-dialog, 16px) var(--bank-radius-dialog, 16px) 0 0;
      /* The sheet's background reaches the edges; its content stays clear of the insets. */
      padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    }
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--bank-color-backdrop, rgb(15 23 42 / 55%));
  }
  /* Stays in view while the sheet scrolls, over the frame's top corner (the frames leave room there). A strip as
     tall as the button, laid over the frame (its negative margin): clear at rest, so the frame's heading shows, and,
     once the sheet has scrolled, opaque across the sheet's width, so what scrolls under Close is hidden whole rather
     than a line of the bank's text or a field cut by a floating button. */
  .dialog-bar {
    order: -1;
    flex: none;
    position: sticky;
    top: 0;
    height: 3.15rem;
    margin-bottom: -3.15rem;
    pointer-events: none;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
  }
  @supports (animation-timeline: scroll()) {
    /* Longhands: the build's CSS minifier would fold a shorthand and the timeline into one animation shorthand that
       Chromium refuses. */
    .dialog-bar {
      animation-name: bank-dialog-bar;
      animation-fill-mode: both;
      animation-timeline: scroll(nearest block);
      animation-range: 0 1.5rem;
    }
  }
  @keyframes bank-dialog-bar {
    to {
      background: var(--bank-color-background, light-dark(#fff, #121821));
      box-shadow: 0 1px 0 var(--bank-color-border, light-dark(#d9e2ec, #334155));
    }
  }
  button.close {
    pointer-events: auto;
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
`;
