/**
 * The `Open an account` frame: a Class II or III e-account in up to three steps — the phone proven by SMS (only
 * for someone not logged in), identity, bound card and the terms, then the payment PIN (and a login password for
 * a new customer). Entries survive going back; everything typed here goes only to the bank, and `done` reports
 * display data only: the account id, its class and the last four digits.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { isValidCardNumber, normalizeCardNumber } from '../../domain/card.ts';
import { format } from '../../i18n/locale.ts';
import { pinProblem } from '../../domain/pin.ts';
import { isValidResidentId } from '../../domain/resident-id.ts';
import { accountOpenMessages as accountMessages, type AccountOpenMessage as AccountMessage } from './messages.ts';
import { SecureForm } from '../common/secure-form.ts';
import { dialogStyles } from '../common/dialog-styles.ts';
import { signInMessages, identityMessages } from '../common/messages.ts';

type Step = 'phone' | 'identity' | 'security';
type Field = 'phone' | 'code' | 'fullName' | 'idNumber' | 'cardNumber' | 'agree' | 'pin' | 'pin2' | 'password';

export class BankAccountOpenForm extends SecureForm {
  static properties: PropertyDeclarations = { step: { state: true }, steps: { state: true }, terms: { state: true }, challenge: { state: true }, verified: { state: true }, newCustomer: { state: true }, resendIn: { state: true }, invalid: { state: true } };
  static styles = css`
      ${SecureForm.styles}${dialogStyles}
      .progress {
        margin: 0 0 0.4rem;
        font-weight: 600;
      }
      .bar {
        display: flex;
        gap: 0.3rem;
        margin-bottom: 1rem;
      }
      .bar span {
        flex: 1;
        height: 0.3rem;
        border-radius: 0.15rem;
        background: #cbd2d9;
      }
      .bar span.done {
        background: var(--bank-color-primary, #b0001e);
      }
      .terms {
        max-height: 11rem;
        overflow-y: auto;
        border: 1px solid #7b8794;
        border-radius: var(--bank-radius, 6px);
        padding: 0.5rem 0.75rem;
        font-size: 0.85rem;
      }
      .terms:focus-visible {
        outline: 3px solid var(--bank-color-focus, #1a5fd0);
      }
      .terms h2 {
        font-size: 0.95rem;
        margin: 0.25rem 0;
      }
      .terms p {
        margin: 0.4rem 0;
      }
    `;

  protected readonly titleKey = 'accountOpenTitle';
  protected readonly formMessages = [signInMessages, identityMessages];
  private readonly accountClass = new URLSearchParams(location.search).get('class') === 'III' ? 'III' : 'II';
  private step?: Step;
  private steps: Step[] = [];
  private terms?: { version: string; paragraphs: string[] };
  private challenge?: { challengeId: string; phone: string };
  private verified = false;
  private newCustomer = false;
  private resendIn = 0;
  private invalid: Partial<Record<Field, AccountMessage>> = {};
  /** What the customer typed, kept across steps so Back loses nothing. */
  private values: Record<Field, string> = {
    phone: '', code: '', fullName: '', idNumber: '', cardNumber: '', agree: '', pin: '', pin2: '', password: '',
  };
  private countdown?: ReturnType<typeof setInterval>;

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.countdown);
  }

  private async start() {
    const opening = await this.call<{ loggedIn: boolean; terms: { version: string; paragraphs: string[] } }>('accountOpening', {});
    if (!opening) return;
    this.terms = opening.terms;
    this.steps = opening.loggedIn ? ['identity', 'security'] : ['phone', 'identity', 'security'];
    await this.go(this.steps[0]!);
  }

  private m(key: AccountMessage, params?: Record<string, string | number>) {
    return format(accountMessages[this.framePage.locale][key], params);
  }

  protected renderError() {
    if (!this.error) return nothing;
    const own = `error.${this.error.code}` as AccountMessage;
    const text = own in accountMessages.en ? this.m(own) : this.t(this.errorKey(this.error));
    return html`<p role="alert" id="form-error">${text}</p>`;
  }

  protected renderBody() {
    if (!this.step) return this.error ? this.renderError() : html`<p role="status">${this.t('loading')}</p>`;
    const n = this.steps.indexOf(this.step) + 1;
    return html`<p class="progress" id="progress">${this.m('progress', {
        n, total: this.steps.length, name: this.m(`stepName.${this.step}`),
      })}</p>
      <div class="bar" aria-hidden="true">${this.steps.map((_, i) => html`<span class=${i < n ? 'done' : ''}></span>`)}</div>
      ${this.step === 'phone' ? this.renderPhone() : this.step === 'identity' ? this.renderIdentity() : this.renderSecurity()}`;
  }

  private field(id: Field, label: string, attrs: { type?: string; inputmode?: string; autocomplete?: string; maxlength?: number; hint?: string }) {
    const problem = this.invalid[id];
    const described = [problem ? `${id}-error` : '', attrs.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return html`<label for=${id}>${label}
        <input id=${id} name=${id} type=${attrs.type ?? 'text'} inputmode=${attrs.inputmode ?? nothing}
          autocomplete=${attrs.autocomplete ?? 'off'} maxlength=${attrs.maxlength ?? nothing} .value=${this.values[id]}
          @input=${(e: Event) => (this.values[id] = (e.target as HTMLInputElement).value)}
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing} />
      </label>
      ${attrs.hint ? html`<p class="hint" id="${id}-hint">${attrs.hint}</p>` : nothing}
      ${problem ? html`<p class="field-error" id="${id}-error">${this.m(problem)}</p>` : nothing}`;
  }

  private actions(primary: string, back: boolean) {
    return html`<div class="actions">
      <button type="submit" ?disabled=${this.busy}>${primary}</button>
      ${back
        ? html`<button type="button" class="secondary" @click=${this.back}>${this.t('back')}</button>`
        : html`<button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>`}
    </div>`;
  }

  private renderPhone() {
    return html`<p class="hint">${this.m(this.accountClass === 'III' ? 'classIIIIntro' : 'classIIIntro')}</p>
      <form @submit=${this.submitPhone} novalidate>
        ${this.field('phone', this.t('phone'), { type: 'tel', inputmode: 'numeric', autocomplete: 'tel-national', maxlength: 11 })}
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${this.busy || this.resendIn > 0} @click=${this.sendCode}>
            ${this.resendIn > 0 ? this.m('resendIn', { s: this.resendIn }) : this.m('sendCode')}
          </button>
          ${this.challenge ? nothing : html`<button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>`}
        </div>
        ${this.challenge ? html`<p class="hint" role="status">${this.m('codeSent', { phone: this.challenge.phone })}</p>
          ${this.field('code', this.t('smsCode'), { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 })}` : nothing}
        ${this.renderError()}
        ${this.challenge ? this.actions(this.t('verify'), false) : nothing}
      </form>`;
  }

  private renderIdentity() {
    const terms = this.terms!;
    return html`<form @submit=${this.submitIdentity} novalidate>
      ${this.field('fullName', this.t('fullName'), { autocomplete: 'name', maxlength: 60, hint: this.m('nameHint') })}
      ${this.field('idNumber', this.t('idNumber'), { maxlength: 18, hint: this.t('idHint') })}
      ${this.field('cardNumber', this.m('cardNumber'), { inputmode: 'numeric', autocomplete: 'cc-number', maxlength: 23, hint: this.m('cardHint') })}
      <section class="terms" tabindex="0" aria-labelledby="terms-title">
        <h2 id="terms-title">${this.m('termsTitle', { version: terms.version })}</h2>
        ${terms.paragraphs.map((p) => html`<p>${p}</p>`)}
      </section>
      <label class="check" for="agree">
        <input id="agree" name="agree" type="checkbox" .checked=${this.values.agree === 'yes'}
          @change=${(e: Event) => (this.values.agree = (e.target as HTMLInputElement).checked ? 'yes' : '')}
          aria-invalid=${this.invalid.agree ? 'true' : 'false'} aria-describedby=${this.invalid.agree ? 'agree-error' : nothing} />
        ${this.m('agree')}
      </label>
      ${this.invalid.agree ? html`<p class="field-error" id="agree-error">${this.m(this.invalid.agree)}</p>` : nothing}
      ${this.renderError()}
      ${this.actions(this.m('continue'), this.steps.indexOf('identity') > 0)}
    </form>`;
  }

  private renderSecurity() {
    const fresh = this.newCustomer;
    return html`<form @submit=${this.submitSecurity} novalidate>
      ${this.field('pin', this.m('newPin'), {
        type: 'password', inputmode: 'numeric', maxlength: 6, autocomplete: fresh ? 'new-password' : 'off',
        hint: this.m(fresh ? 'newPinHint' : 'existingPinHint'),
      })}
      ${this.field('pin2', this.m('repeatPin'), { type: 'password', inputmode: 'numeric', maxlength: 6 })}
      ${fresh ? this.field('password', this.m('loginPassword'), {
        type: 'password', autocomplete: 'new-password', maxlength: 100, hint: this.m('passwordHint'),
      }) : nothing}
      ${this.renderError()}
      ${this.actions(this.m('openAccount'), true)}
    </form>`;
  }

  private async go(step: Step) {
    this.step = step;
    this.invalid = {};
    await this.updateComplete;
    this.focusFirst();
  }

  private back = () => {
    this.error = null;
    void this.go(this.steps[this.steps.indexOf(this.step!) - 1]!);
  };

  private async focusInvalid() {
    await this.updateComplete;
    (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }

  private sendCode = async () => {
    const phone = this.values.phone.trim();
    this.invalid = { phone: /^1\d{10}$/.test(phone) ? undefined : 'invalid.phone' };
    if (this.invalid.phone) return this.focusInvalid();
    const sent = await this.call<{ challengeId: string; phone: string; resendAfterSeconds: number }>('openingSms', { phone });
    if (!sent) return;
    this.challenge = sent;
    this.verified = false;
    this.resendIn = sent.resendAfterSeconds;
    clearInterval(this.countdown);
    this.countdown = setInterval(() => {
      this.resendIn = Math.max(0, this.resendIn - 1);
      if (!this.resendIn) clearInterval(this.countdown);
    }, 1000);
    await this.updateComplete;
    (this.renderRoot.querySelector('#code') as HTMLInputElement | null)?.focus();
  };

  private async submitPhone(event: Event) {
    event.preventDefault();
    if (!this.challenge) return this.sendCode();
    const code = this.values.code.trim();
    this.invalid = { code: /^\d{6}$/.test(code) ? undefined : 'invalid.code' };
    if (this.invalid.code) return this.focusInvalid();
    const verified = await this.call<{ newCustomer: boolean }>('openingVerify', { challengeId: this.challenge.challengeId, code });
    if (!verified) {
      if (this.error?.code === 'session_expired') this.challenge = undefined;
      return;
    }
    this.verified = true;
    this.newCustomer = verified.newCustomer;
    await this.go('identity');
  }

  private details() {
    return {
      challengeId: this.verified ? this.challenge?.challengeId : undefined,
      accountClass: this.accountClass,
      fullName: this.values.fullName.trim(),
      idNumber: this.values.idNumber.trim().toUpperCase(),
      cardNumber: normalizeCardNumber(this.values.cardNumber),
      termsVersion: this.terms!.version,
    };
  }

  private async submitIdentity(event: Event) {
    event.preventDefault();
    const d = this.details();
    this.invalid = {
      fullName: d.fullName.length >= 2 ? undefined : 'invalid.fullName',
      idNumber: isValidResidentId(d.idNumber) ? undefined : 'invalid.idNumber',
      cardNumber: isValidCardNumber(d.cardNumber) ? undefined : 'invalid.cardNumber',
      agree: this.values.agree === 'yes' ? undefined : 'invalid.agree',
    };
    if (Object.values(this.invalid).some(Boolean)) return this.focusInvalid();
    if (await this.call('openingCheck', d)) await this.go('security');
  }

  private async submitSecurity(event: Event) {
    event.preventDefault();
    const { pin, pin2, password } = this.values;
    const problem = this.newCustomer ? pinProblem(pin) : /^\d{6}$/.test(pin) ? null : 'format';
    this.invalid = {
      pin: problem === 'format' ? 'invalid.pin' : problem === 'repeated' ? 'invalid.pinRepeated' : problem ? 'invalid.pinSequence' : undefined,
      pin2: !problem && pin2 !== pin ? 'invalid.pinMismatch' : undefined,
      password: this.newCustomer && password.length < 8 ? 'invalid.password' : undefined,
    };
    if (Object.values(this.invalid).some(Boolean)) return this.focusInvalid();
    const opened = await this.call<{ account: { accountId: string; accountClass: string; last4: string } }>('openAccount', {
      ...this.details(), pin, password: this.newCustomer ? password : undefined,
    });
    if (opened) {
      this.values = { ...this.values, pin: '', pin2: '', password: '' };
      this.done({ accountId: opened.account.accountId, accountClass: opened.account.accountClass, last4: opened.account.last4 });
    } else if (this.error?.code === 'invalid_credentials') {
      this.values = { ...this.values, pin: '', pin2: '' };
      this.requestUpdate();
    }
  }
}
customElements.define('bank-account-open-form', BankAccountOpenForm);
