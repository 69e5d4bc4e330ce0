import type { FrameLocator, Locator, Page } from '@playwright/test';
import { frameNames, type Locale } from './names.ts';

/** Options every step takes. */
export interface StepOptions {
  /** The locale the bank frames speak (the element's `locale`, or the script tag's `data-locale`). Default `en`. */
  locale?: Locale;
  /** How long each stage may take, in milliseconds (the frame to appear, the bank to answer). Default 15 000. */
  timeout?: number;
}

const defaultTimeout = 15_000;

/**
 * A bank frame refused what the step asked for, or never finished. `shown` is what the frame showed the customer
 * (its alerts and the problems of its invalid fields), `code` the error code of the element's failure event, when
 * there was one.
 */
export class BankFrameError extends Error {
  constructor(
    /** The frame's title, e.g. `Confirm payment`. */
    readonly frame: string,
    readonly reason: string,
    readonly shown: string[] = [],
    readonly code?: string,
  ) {
    super(`${frame}: ${reason}${code ? ` (${code})` : ''}.${shown.length ? ` The frame shows: ${shown.join(' | ')}` : ''}`);
    this.name = 'BankFrameError';
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const visible = (locator: Locator) => locator.first().isVisible().catch(() => false);
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One bank dialog frame, found by its `title` as the contract names it, and driven by role and name inside. */
export class BankDialog {
  readonly names: (typeof frameNames)[Locale];
  readonly title: string;
  readonly iframe: Locator;
  readonly frame: FrameLocator;
  readonly timeout: number;

  constructor(readonly page: Page, titleKey: 'loginFrame' | 'payFrame' | 'loanFrame' | 'accountOpenFrame' | 'consentFrame' | 'buyFrame' | 'redeemFrame' | 'merchantFrame', options: StepOptions = {}) {
    this.names = frameNames[options.locale ?? 'en'];
    this.timeout = options.timeout ?? defaultTimeout;
    this.title = this.names[titleKey];
    this.iframe = page.locator(`iframe[title="${this.title}"]`);
    this.frame = this.iframe.contentFrame();
  }

  textbox = (name: string) => this.frame.getByRole('textbox', { name, exact: true });
  button = (name: string | RegExp) => this.frame.getByRole('button', { name, exact: true });
  checkbox = (name: string | RegExp) => this.frame.getByRole('checkbox', { name, exact: true });

  /** What the frame shows that a customer would read as a refusal: its alerts, and its invalid fields' messages. */
  async shown(): Promise<string[]> {
    const alerts = await this.frame.getByRole('alert').allInnerTexts().catch(() => [] as string[]);
    const fields = await this.frame
      .locator('[aria-invalid="true"]')
      .evaluateAll((elements) =>
        elements.map((element) => {
          const root = element.getRootNode() as Document | ShadowRoot;
          const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
          const described = ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
          const label = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.firstChild?.textContent ?? '';
          return `${label.trim()}: ${described || 'invalid'}`;
        }),
      )
      .catch(() => [] as string[]);
    return [...alerts, ...fields].map(tidy).filter(Boolean);
  }

  /** The frame's accessibility tree, for a report when nothing better explains a failure. */
  private async snapshot() {
    const tree = await this.frame.locator('body').ariaSnapshot({ timeout: 1_000 }).catch(() => '');
    return tree ? [tidy(tree).slice(0, 1_500)] : [];
  }

  /**
   * Waits until one of `states` is visible, and returns its key. An alert or an invalid field in the frame first
   * ends the wait with a `BankFrameError` (unless `allowAlerts`), as does the timeout.
   */
  async waitFor<Key extends string>(states: Record<Key, Locator>, stage: string, { allowAlerts = false } = {}): Promise<Key> {
    const end = Date.now() + this.timeout;
    for (;;) {
      for (const [key, locator] of Object.entries(states) as [Key, Locator][]) {
        if (await visible(locator)) {
          await this.atRest();
          return key;
        }
      }
      if (!allowAlerts) {
        const shown = await this.shown();
        if (shown.length) throw new BankFrameError(this.title, `refused (waiting for ${stage})`, shown);
      }
      if (Date.now() > end) {
        if (!(await this.iframe.count())) throw new BankFrameError(this.title, `no such frame is open (waited ${this.timeout} ms for ${stage})`);
        throw new BankFrameError(this.title, `did not show ${stage} within ${this.timeout} ms`, (await this.shown()).length ? await this.shown() : await this.snapshot());
      }
      await pause(100);
    }
  }

  /**
   * Resolves once the dialog's frame stays where it is (its box the same 100 ms apart, for at most 2 s): the dialog
   * grows to what its frame shows, and a centred dialog moves as it grows, so a click meanwhile lands where a
   * field was.
   */
  private async atRest() {
    let before = JSON.stringify(await this.iframe.boundingBox());
    for (let i = 0; i < 20; i++) {
      await pause(100);
      const now = JSON.stringify(await this.iframe.boundingBox());
      if (now === before) return;
      before = now;
    }
  }

  /**
   * Starts listening on the partner page for the element's answer (the contract's events), runs `submit`, and
   * resolves with the detail of the `success` event. A `failure` event, a `bank-cancel`, a refusal shown in the
   * frame, or the timeout rejects with a `BankFrameError`.
   */
  async submitAndWait<Detail>(submit: () => Promise<void>, success: string, failure?: string): Promise<Detail> {
    const types = [success, 'bank-cancel', ...(failure ? [failure] : [])];
    const key = `__bankTestingKit${Math.random().toString(36).slice(2)}`;
    await this.page.evaluate(
      ({ key, types }) => {
        const seen: { type: string; detail: unknown }[] = [];
        const stop = new AbortController();
        (window as unknown as Record<string, unknown>)[key] = { seen, stop };
        for (const type of types) {
          document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }), { signal: stop.signal });
        }
      },
      { key, types },
    );
    const events = () =>
      this.page
        .evaluate((key) => ((window as unknown as Record<string, { seen: { type: string; detail: Record<string, unknown> }[] } | undefined>)[key]?.seen ?? []), key)
        .catch(() => []);
    try {
      await submit();
      const end = Date.now() + this.timeout;
      for (;;) {
        const seen = await events();
        const done = seen.find((e) => e.type === success);
        if (done) return done.detail as Detail;
        const failed = seen.find((e) => e.type === failure);
        if (failed) {
          const { code, message } = failed.detail as { code?: string; message?: string };
          const shown = await this.shown();
          throw new BankFrameError(this.title, `${failure}`, shown.length ? shown : message ? [message] : [], code);
        }
        if (seen.some((e) => e.type === 'bank-cancel')) throw new BankFrameError(this.title, 'the dialog was closed (bank-cancel)');
        const shown = await this.shown();
        if (shown.length) {
          // The frame's message and the element's failure event travel separately: give the event a moment, for its code.
          for (let wait = 0; failure && wait < 30; wait++) {
            await pause(100);
            const late = (await events()).find((e) => e.type === failure);
            if (late) throw new BankFrameError(this.title, failure, shown, (late.detail as { code?: string }).code);
          }
          throw new BankFrameError(this.title, 'refused', shown);
        }
        if (Date.now() > end) {
          throw new BankFrameError(this.title, `no ${success} within ${this.timeout} ms`, (await this.iframe.count()) ? await this.snapshot() : []);
        }
        await pause(100);
      }
    } finally {
      await this.page
        .evaluate((key) => {
          const w = window as unknown as Record<string, { stop: AbortController } | undefined>;
          w[key]?.stop.abort();
          delete w[key];
        }, key)
        .catch(() => {});
    }
  }
}
