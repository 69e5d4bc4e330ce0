import {
  isBankEvent, isBridgeReply, type BankEventMessage, type BridgeMethod, type SdkError,
} from '../../protocol/post-message.ts';

type Listener = (message: BankEventMessage) => void;

/**
 * The bridge frame as the loader started it, before any chunk loaded (so the bank frame loads while the core
 * does): the iframe, the messages it sent meanwhile (only from that frame's window), and how to stop keeping them.
 */
export interface EarlyBridge {
  frame: HTMLIFrameElement;
  messages: MessageEvent[];
  stop(): void;
}

/**
 * The partner page's end of the bridge: a hidden bank-origin iframe that holds the session token.
 * Messages go out with the exact bank origin and are accepted only from that iframe's window.
 */
export class BridgeClient {
  readonly frame: HTMLIFrameElement;
  readonly ready: Promise<string>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: SdkError) => void }>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly bankOrigin: string,
    /** The frame's URL, or the frame the loader already started. */
    src: string | EarlyBridge,
    timeout: number,
    private readonly unreachable: (message: string) => SdkError,
    /** The hidden frame's title, in the page's locale (`Bank connection`). */
    title = 'Bank connection',
  ) {
    const early = typeof src === 'string' ? undefined : src;
    this.frame = early?.frame ?? document.createElement('iframe');
    if (!early) this.frame.src = src as string;
    this.frame.title = title;
    this.frame.hidden = true;
    this.frame.setAttribute('aria-hidden', 'true');
    this.frame.tabIndex = -1;
    window.addEventListener('message', this.onMessage);
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(unreachable('The bank did not answer in time.')), timeout);
      const off = this.on((message) => {
        if (message.event === 'bridge-ready') {
          clearTimeout(timer);
          off();
          resolve(message.data.channel);
        }
      });
    });
    if (early) {
      early.stop();
      for (const message of early.messages) this.onMessage(message);
    } else {
      (document.body ?? document.documentElement).append(this.frame);
    }
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The bridge's answers to the page's first reads, sent with its reply to `start` (issue #14; bridge.ts,
   * `keepEarly`): the elements that render when the session arrives find their data at once, all in that one task,
   * instead of one message (and one render) each. Kept for that task only; any later read asks the bridge. By
   * method and parameters as the elements write them: a read written otherwise only misses its early answer.
   */
  private early: Record<string, unknown> = {};

  keepEarly(answers: unknown) {
    this.early = Object(answers);
    setTimeout(() => (this.early = {}));
  }

  async call<T>(method: BridgeMethod, params?: Record<string, string>): Promise<T> {
    const early = this.early[method + JSON.stringify(params ?? {})];
    // A copy: elements that read the same thing must not share one object.
    if (early) return structuredClone(early) as T;
    await this.ready;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(this.unreachable('The bank did not answer in time.'));
      }, 20000);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.frame.contentWindow!.postMessage({ bank: 1, id, method, params }, this.bankOrigin);
    });
  }

  dispose() {
    window.removeEventListener('message', this.onMessage);
    this.frame.remove();
  }

  private onMessage = (event: MessageEvent) => {
    if (event.origin !== this.bankOrigin || event.source !== this.frame.contentWindow) return;
    const data: unknown = event.data;
    if (isBridgeReply(data)) {
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if ('error' in data) waiting?.reject(data.error);
      else waiting?.resolve(data.result);
    } else if (isBankEvent(data)) {
      for (const listener of this.listeners) listener(data);
    }
  };
}
