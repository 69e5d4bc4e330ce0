/**
 * The benchmark's baseline: the smallest useful Lit element, bundled on its own by test/bench.ts into
 * dist/sdk/v1/bench-baseline.js and served by the sandbox bank like the SDK. It records when its first
 * render completed, so the SDK's load times can be read as a ratio to "just Lit, cross-origin, same page". The
 * floor scenario (floor-loader.ts) imports the same file.
 */
import { css, html, LitElement } from 'lit';

class BenchBaseline extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  static properties = { label: {} };
  declare label: string;

  constructor() {
    super();
    this.label = 'Hello from a bare Lit element';
  }

  render() {
    return html`<p>${this.label}</p>`;
  }

  firstUpdated() {
    // Alone, the element is the whole page's work; in the floor scenario (floor-loader.ts) the frame's session is too.
    const w = window as unknown as { benchDone?: number; benchRendered?: number; benchFloor?: boolean };
    w.benchRendered = performance.now();
    if (w.benchFloor) document.dispatchEvent(new Event('bench-rendered'));
    else w.benchDone = w.benchRendered;
  }
}

customElements.define('bench-baseline', BenchBaseline);
