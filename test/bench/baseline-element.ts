/**
 * The benchmark's baseline: the smallest useful Lit element, bundled on its own by test/bench.ts into
 * dist/sdk/v1/bench-baseline.js and served by the sandbox bank like the SDK. It records when its first
 * render completed, so the SDK's load times can be read as a ratio to "just Lit, cross-origin, same page".
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
    (window as unknown as { benchDone?: number }).benchDone = performance.now();
  }
}

customElements.define('bench-baseline', BenchBaseline);
