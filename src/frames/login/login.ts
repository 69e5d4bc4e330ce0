/** The `Bank login` frame: phone and password, then the SMS code. What is typed here goes only to the bank. */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { CustomerDisplay, SdkError } from '../../protocol/post-message.ts';
import { SecureForm } from '../common/secure-form.ts';
import { signInMessages, type FrameMessage } from '../common/messages.ts';
import { loginFrameMessages, type LoginMessage } from './messages.ts';

const resendSeconds = 60;

export class BankLoginForm extends SecureForm<LoginMessage> {
  static properties: PropertyDeclarations = { challenge: { state: true }, invalid: { state: true }, resendWait: { state: true }, resent: { state: true } };
  protected readonly titleKey = 'loginTitle';
  protected readonly formMessages = [signInMessages];
  protected readonly ownMessages = loginFrameMessages;
  private challenge?: { challengeId: string; phone: string };
  private invalid: Partial<Record<'phone' | 'password' | 'code', FrameMessage>> = {};
  /** Seconds until `Resend code` is allowed again (0: allowed). */
  private resendWait = 0;
  /** Said once after a resend, in a status region (the countdown itself is never announced). */
  private resent = false;
  private resendTimer?: ReturnType<typeof setInterval>;

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.resendTimer);
  }

  /** One SMS a minute: the button shows the seconds left in its own text and is disabled until then. */
  private startResendCountdown() {
    clearInterval(this.resendTimer);
    const until = Date.now() + resendSeconds * 1000;
    this.resendWait = resendSeconds;
    this.resendTimer = setInterval(() => {
      this.resendWait = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (!this.resendWait) clearInterval(this.resendTimer);
    }, 1000);
  }

  protected renderBody() {
    return this.challenge ? this.renderCodeStep(this.challenge.phone) : this.renderPasswordStep();
  }

  private renderPasswordStep() {
    return html`<form @submit=${this.submitPassword} novalidate>
      ${this.field('phone', 'phone', html`<input id="phone" name="phone" type="tel" inputmode="numeric"
        autocomplete="tel-national" maxlength="13" required aria-invalid=${this.invalid.phone ? 'true' : 'false'}
        aria-describedby=${this.invalid.phone ? 'phone-error' : nothing} />`)}
      ${this.field('password', 'password', html`<input id="password" name="password" type="password"
        autocomplete="current-password" maxlength="100" required
        aria-invalid=${this.invalid.password ? 'true' : 'false'}
        aria-describedby=${this.invalid.password ? 'password-error' : nothing} />`)}
      ${this.renderError()}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('logIn')}</button>
        <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderCodeStep(phone: string) {
    return html`<form @submit=${this.submitCode} novalidate>
      <p class="hint" id="code-hint">${this.t('codeSent', { phone })}</p>
      <p class="hint" role="status">${this.resent ? this.t('codeResent', { phone }) : nothing}</p>
      ${this.field('code', 'smsCode', html`<input id="code" name="code" type="text" inputmode="numeric"
        autocomplete="one-time-code" maxlength="6" required aria-invalid=${this.invalid.code ? 'true' : 'false'}
        aria-describedby=${this.invalid.code ? 'code-error code-hint' : 'code-hint'} />`)}
      ${this.renderError()}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('verify')}</button>
        <button type="button" class="secondary" id="resend" ?disabled=${this.busy || this.resendWait > 0} @click=${this.resend}>${
          this.resendWait > 0 ? this.t('resendIn', { s: this.resendWait }) : this.t('resendCode')}</button>
        <button type="button" class="secondary" @click=${this.back}>${this.t('back')}</button>
      </div>
    </form>`;
  }

  protected errorKey(error: SdkError): FrameMessage | LoginMessage {
    if (error.code === 'rate_limited') return 'error.rate_limited';
    return this.challenge && error.code === 'invalid_credentials' ? 'error.invalid_code' : super.errorKey(error);
  }

  private field(id: 'phone' | 'password' | 'code', label: FrameMessage, input: unknown) {
    const problem = this.invalid[id];
    return html`<label for=${id}>${this.t(label)} ${input}</label>
      ${problem ? html`<p class="field-error" id="${id}-error">${this.t(problem)}</p>` : nothing}`;
  }

  private value(id: string) {
    return (this.renderRoot.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  }

  private async submitPassword(event: Event) {
    event.preventDefault();
    const phone = this.value('phone').replace(/[\s-]/g, ''); // "138 0000 0001" and "138-0000-0001" are numbers too
    const password = (this.renderRoot.querySelector('#password') as HTMLInputElement).value;
    this.invalid = {
      phone: /^1\d{10}$/.test(phone) ? undefined : 'invalid.phone',
      password: password ? undefined : 'invalid.password',
    };
    if (this.invalid.phone || this.invalid.password) return this.focusInvalid();
    const challenge = await this.call<{ challengeId: string; phone: string }>('login', { phone, password });
    if (challenge) {
      this.challenge = challenge;
      this.resent = false;
      this.startResendCountdown();
      await this.updateComplete;
      this.focusFirst();
    }
  }

  private async submitCode(event: Event) {
    event.preventDefault();
    const code = this.value('code');
    this.invalid = { code: /^\d{6}$/.test(code) ? undefined : 'invalid.code' };
    if (this.invalid.code) return this.focusInvalid();
    const result = await this.call<{ customer: CustomerDisplay }>('verify', { challengeId: this.challenge!.challengeId, code });
    if (result) this.done({ customer: result.customer });
    else if (this.error?.code === 'session_expired' || this.error?.code === 'locked') this.challenge = undefined;
  }

  private resend = async () => {
    if (!this.challenge || this.resendWait > 0) return;
    const challenge = await this.call<{ challengeId: string; phone: string }>('resendCode', { challengeId: this.challenge.challengeId });
    if (challenge) {
      this.challenge = challenge;
      this.resent = true;
      this.startResendCountdown();
      (this.renderRoot.querySelector('#code') as HTMLInputElement | null)?.focus();
    } else if (this.error?.code === 'session_expired') {
      this.challenge = undefined;
    }
  };

  private back = async () => {
    clearInterval(this.resendTimer);
    this.challenge = undefined;
    this.error = null;
    await this.updateComplete;
    this.focusFirst();
  };

  private async focusInvalid() {
    await this.updateComplete;
    (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }
}
customElements.define('bank-login-form', BankLoginForm);
