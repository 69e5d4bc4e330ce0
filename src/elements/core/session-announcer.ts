import type { CustomerDisplay } from '../../protocol/post-message.ts';
import { bankEvent } from './events.ts';

/**
 * Announces the page's session changes once each: `bank-login-success` when a customer arrives, `bank-logout` when
 * they leave. From the element whose action caused it (the one that opened the login dialog or logged out), else
 * from the page's first `<bank-login>`, else from `document` (a resumed session, a renewal, a logout elsewhere).
 * The SDK core and the element tests' fake bank share it, so the tests check the rule the page gets.
 */
export function sessionAnnouncer() {
  let acting: EventTarget | undefined;
  return {
    act(element: EventTarget) {
      acting = element;
    },
    release(element: EventTarget) {
      if (acting === element) acting = undefined;
    },
    changed(before: CustomerDisplay | null, after: CustomerDisplay | null) {
      if (!before === !after) return;
      const target = acting ?? document.querySelector('bank-login') ?? document;
      acting = undefined;
      target.dispatchEvent(after ? bankEvent('bank-login-success', { ...after }) : bankEvent('bank-logout', {}));
    },
  };
}
