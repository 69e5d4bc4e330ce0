import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { isBankEvent, sdkError, type SdkError } from '../../protocol/post-message.ts';
import type { BankCore } from './context.ts';
import { bankEvent, type BankEvent } from './events.ts';
import { collectTheme } from './theme.ts';

/** What the inline frame needs of its element (members that are `protected` there). */
interface InlineHost extends ReactiveElement {
  readonly activeLocale: string;
  readonly config?: { bankOrigin: string };
  readonly bank: BankCore;
  failure: SdkError | null;
  t(key: string): string;
  emit(event: BankEvent): void;
}

/** How long an inline bank frame may take to measure itself before the element says the bank is unavailable. */
const frameTimeout = 8000;

/**
 * An inline bank frame (`<bank-account>`, `<bank-invest>`): bank data shown inside the partner's layout, as tall
 * as its content (no inner scrollbar), measured before it is shown, with a skeleton of stable height meanwhile.
 * The frame reports `ready` and `error` through its element, and may ask it to open one of its dialog frames.
 * Only the elements that show one import it (with `inlineFrameStyles` in their styles).
 */
export class InlineFrame implements ReactiveController {
  /** The frame reported that it shows real data. */
  ready = false;
  #src?: string;
  /** The measured height, for the `src` it was measured for (a new `src` measures again). */
  #measured?: { src: string; height: number };
  #timer?: ReturnType<typeof setTimeout>;
  readonly #host: InlineHost;
  /** The frame asks for one of its element's dialog frames; elements open only frames they know. */
  readonly #onDialogRequest: (frame: string, params: Record<string, string>) => void;

  constructor(host: ReactiveElement, onDialogRequest: (frame: string, params: Record<string, string>) => void = () => {}) {
    this.#host = host as InlineHost;
    this.#onDialogRequest = onDialogRequest;
    host.addController(this);
  }

  get #element() {
    return this.#host.renderRoot.querySelector<HTMLIFrameElement>('iframe[part~="panel"]');
  }

  hostConnected() {
    window.addEventListener('message', this.#onMessage);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    window.removeEventListener('message', this.#onMessage);
  }

  /** Loads the frame afresh on the next render (the element's Try again). */
  reset() {
    this.#src = undefined;
  }

  render(name: string, title: string, params: Record<string, string> = {}) {
    const host = this.#host;
    const src = host.bank.frameUrl(name, { locale: host.activeLocale, theme: JSON.stringify(collectTheme(host)), ...params });
    if (src !== this.#src) {
      this.#src = src;
      this.ready = false;
      this.#measured = undefined;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        if (this.#measured?.src === src || this.#src !== src) return;
        host.failure = sdkError('bank_unavailable', 'The bank frame did not load in time.', true);
      }, frameTimeout);
    }
    const measured = this.#measured?.src === src;
    return html`${measured ? nothing : html`<div part="skeleton" class="skeleton" role="status">
        <span class="label">${host.t('loading')}</span><span></span><span></span><span></span>
      </div>`}
      <iframe
        part="panel"
        class=${measured ? '' : 'measuring'}
        title=${title}
        src=${src}
        height=${measured ? this.#measured!.height : 0}
        sandbox="allow-scripts allow-same-origin allow-forms allow-downloads"
      ></iframe>`;
  }

  /** Tells the frame to load its data again (after a dialog changed it). */
  refresh() {
    this.#element?.contentWindow?.postMessage({ bank: 1, event: 'refresh', data: {} }, this.#host.config!.bankOrigin);
  }

  #onMessage = (event: MessageEvent) => {
    const frame = this.#element;
    if (!frame || event.origin !== this.#host.config?.bankOrigin || event.source !== frame.contentWindow) return;
    const message: unknown = event.data;
    if (!isBankEvent(message)) return;
    if (message.event === 'resize') {
      clearTimeout(this.#timer);
      this.#measured = { src: this.#src!, height: Math.ceil(message.data.height) };
    } else if (message.event === 'ready') this.ready = true;
    else if (message.event === 'error') this.#host.emit(bankEvent('bank-error', { ...message.data }));
    else if (message.event === 'open-dialog') this.#onDialogRequest(message.data.frame, message.data.params);
    this.#host.requestUpdate();
  };
}
