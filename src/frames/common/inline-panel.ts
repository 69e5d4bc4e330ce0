import type { SdkError } from '../../protocol/post-message.ts';
import { postToPartner } from './frame-page.ts';
import { SecureForm } from './secure-form.ts';

/**
 * The shell of an inline bank frame (`Accounts`, `Investments`): bank data inside the partner's layout. Like a
 * dialog frame it speaks the partner's locale and theme and reports its height; unlike one it does not take
 * focus on load or close on Escape. It tells its element when it shows real data (`ready`) or failed to load
 * (`error`), asks it to open dialog frames, and loads again when the element says something changed.
 */
export abstract class InlinePanel extends SecureForm {
  protected readonly closesOnEscape = false;
  private announcedReady = false;

  /** Loads (or reloads) what the panel shows. */
  protected abstract load(): Promise<void>;

  connectedCallback() {
    super.connectedCallback();
    addEventListener('message', this.onPageMessage);
    if (!('code' in this.page)) void this.load();
  }

  protected focusFirst() {
    // An inline panel is part of the page: it never moves the customer's focus.
  }

  /** Call once the panel shows real data. */
  protected announceReady() {
    if (this.announcedReady) return;
    this.announcedReady = true;
    postToPartner(this.framePage, { event: 'ready', data: {} });
  }

  /** Call when loading failed (the panel shows the error itself, with a way to try again). */
  protected announceError(error: SdkError) {
    postToPartner(this.framePage, { event: 'error', data: { ...error } });
  }

  /** Asks the element to open one of its dialog frames (e.g. `buy` with a product). */
  protected openDialog(frame: string, params: Record<string, string> = {}) {
    postToPartner(this.framePage, { event: 'open-dialog', data: { frame, params } });
  }

  private onPageMessage = (event: MessageEvent) => {
    if ('code' in this.page || event.source !== window.parent || event.origin !== this.page.partnerOrigin) return;
    const data = event.data as { bank?: unknown; event?: unknown } | null;
    if (data?.bank === 1 && data.event === 'refresh') void this.load();
  };
}
