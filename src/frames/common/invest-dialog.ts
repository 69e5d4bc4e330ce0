import { css, html, nothing } from 'lit';
import type { Catalogue } from '../../i18n/locale.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { SecureForm } from './secure-form.ts';
import { dialogStyles } from './dialog-styles.ts';
import { investErrorKey, investStyles, investText, type InvestKey } from './invest.ts';
import type { FrameMessage } from './messages.ts';

/**
 * What the `Buy` and `Redeem` dialog frames share: the investment texts and error messages, their styles, loading
 * on connect, and one idempotency key per attempt (kept for a retry after a lost answer, so it happens once).
 */
export abstract class InvestDialog extends SecureForm {
  static styles = css`${SecureForm.styles}${dialogStyles}${investStyles}`;
  protected attemptKey?: string;
  /** What is wrong with the typed payment PIN, if anything (subclasses list it in their `static properties`). */
  protected pinProblem?: InvestKey;

  /** Loads what the dialog shows, once the frame is connected to the page's bridge. */
  protected abstract load(): Promise<void>;

  protected t(key: InvestKey, params?: Record<string, string | number>) {
    return investText('code' in this.page ? 'zh-CN' : this.page.locale, key, params, this.ownMessages as Catalogue<string> | undefined);
  }

  protected errorKey(error: SdkError) {
    if (error.code === 'invalid_credentials') return 'error.invalid_pin';
    return investErrorKey(error, (e) => super.errorKey(e)) as FrameMessage;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.load();
  }

  /** The payment PIN field, its hint and its error: the same in Buy and Redeem. */
  protected renderPinField() {
    return html`<label for="pin">${this.t('pin')}
        <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6" pattern="[0-9]*"
          aria-invalid=${this.pinProblem ? 'true' : 'false'} aria-describedby=${this.pinProblem ? 'pin-error pin-hint' : 'pin-hint'} />
      </label>
      <p class="hint" id="pin-hint">${this.t('pinHint')}</p>
      ${this.pinProblem ? html`<p class="field-error" id="pin-error">${this.t(this.pinProblem)}</p>` : nothing}`;
  }

  protected get locale() {
    return this.framePage.locale;
  }
}
