import { isLocale, type Locale } from '../../i18n/locale.ts';
import type { BankEventMessage, ChannelReply, ChannelRequest, SdkError } from '../../protocol/post-message.ts';
import { sdkError } from '../../protocol/post-message.ts';

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

/** Requests to the page's bridge frame over the BroadcastChannel only bank-origin frames of this page can join. */
export class BridgeChannel {
  private readonly channel: BroadcastChannel;
  private readonly pending = new Map<string, (reply: ChannelReply) => void>();

  constructor(name: string, private readonly locale?: string) {
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
      this.channel.postMessage({ id, method, params, locale: this.locale } satisfies ChannelRequest);
    });
  }
}
