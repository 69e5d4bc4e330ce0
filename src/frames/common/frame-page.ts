import { isLocale, type Locale } from '../../i18n/locale.ts';
import type { BankEventMessage, ChannelReply, ChannelRequest, SdkError } from '../../protocol/messages.ts';
import { sdkError } from '../../protocol/messages.ts';
import { formatRgb, parseOpaqueRgb, safePalette, type Palette, type PaletteKey } from '../../domain/contrast.ts';
import { bankPalettes, paletteProperties } from '../../domain/palette.ts';

/**
 * What a bank frame knows about the page around it, from its URL — checked, because the partner page wrote
 * that URL. The embedding origin is confirmed with `location.ancestorOrigins` where the browser has it, and the
 * bank's CSP `frame-ancestors` has already refused any origin the app did not register.
 */
export interface FramePage {
  appId: string;
  partnerOrigin: string;
  locale: Locale;
  channel: string;
}

export function readFramePage(): FramePage | SdkError {
  const params = new URLSearchParams(location.search);
  const appId = params.get('app') ?? '';
  const partnerOrigin = params.get('origin') ?? '';
  const locale = params.get('locale') ?? 'zh-CN';
  const channel = params.get('channel') ?? '';
  let origin = '';
  try {
    origin = new URL(partnerOrigin).origin;
  } catch {
    // reported below
  }
  const ancestors = location.ancestorOrigins;
  if (!/^app_\w{1,64}$/.test(appId) || !origin || origin !== partnerOrigin || window.parent === window ||
      (ancestors && ancestors.length > 0 && ancestors[0] !== origin)) {
    return sdkError('origin_not_allowed', 'This bank frame was opened by a page it does not belong to.');
  }
  return { appId, partnerOrigin, locale: isLocale(locale) ? locale : 'zh-CN', channel };
}

/** Posts to the partner page, to its exact origin only. */
export function postToPartner(page: FramePage, message: Omit<BankEventMessage, 'bank'> | Record<string, unknown>) {
  window.parent.postMessage({ bank: 1, ...message }, page.partnerOrigin);
}

/** Keeps the partner's dialog exactly as tall as the frame's content: no scrollbars, no jumps. */
export function reportHeight(page: FramePage, content: Element) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      postToPartner(page, { event: 'resize', data: { height } });
    }
  };
  new ResizeObserver(report).observe(content);
  report();
}

const themeValue: Record<string, RegExp> = {
  '--bank-radius': /^\d{1,3}(\.\d+)?(px|rem|em)$/,
  '--bank-font-family': /^[\w\s,"'-]{1,120}$/,
};

/**
 * Applies the partner's theme. Colours are taken only as opaque `rgb()` (the element resolved whatever the
 * partner wrote), merged over the bank's light or dark palette, and any pair the theme would make unreadable
 * falls back to the bank's colours (src/domain/contrast.ts): a partner can restyle a frame, never hide what the
 * customer confirms. Other properties only as plain values (never `url()` or expressions). Written as a
 * constructed stylesheet: no `style` attribute.
 */
export function applyTheme() {
  let theme: unknown;
  try {
    theme = JSON.parse(new URLSearchParams(location.search).get('theme') ?? '{}');
  } catch {
    theme = {};
  }
  const given = (typeof theme === 'object' && theme ? theme : {}) as Record<string, unknown>;
  const scheme = given.scheme === 'dark' ? 'dark' : 'light';
  const wanted: Partial<Palette> = {};
  for (const [key, property] of Object.entries(paletteProperties) as [PaletteKey, string][]) {
    const colour = typeof given[property] === 'string' ? parseOpaqueRgb(given[property]) : null;
    if (colour) wanted[key] = colour;
  }
  const palette = safePalette(bankPalettes[scheme], wanted);
  const rules = [`color-scheme: ${scheme};`];
  for (const [key, property] of Object.entries(paletteProperties) as [PaletteKey, string][]) {
    rules.push(`${property}: ${formatRgb(palette[key])};`);
  }
  for (const [name, pattern] of Object.entries(themeValue)) {
    const value = given[name];
    if (typeof value === 'string' && pattern.test(value)) rules.push(`${name}: ${value};`);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:root { ${rules.join(' ')} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Requests to the page's bridge frame over the BroadcastChannel only bank-origin frames of this page can join. */
export class BridgeChannel {
  private readonly channel: BroadcastChannel;
  private readonly pending = new Map<string, (reply: ChannelReply) => void>();

  constructor(name: string) {
    this.channel = new BroadcastChannel(`bank-sdk/${name}`);
    this.channel.onmessage = (event: MessageEvent<ChannelReply>) => {
      const reply = event.data;
      if (reply && typeof reply.id === 'string' && !('method' in reply)) this.pending.get(reply.id)?.(reply);
    };
  }

  request<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = crypto.randomUUID();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(sdkError('network', 'The bank did not answer in time.', true));
      }, 20000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if ('error' in reply) reject(reply.error);
        else resolve(reply.result as T);
      });
      this.channel.postMessage({ id, method, params } satisfies ChannelRequest);
    });
  }
}
