/**
 * The `Merchant verification` frame: the business name and unified social credit code, the legal
 * representative's name and ID number, and the settlement account — identity and account data that go only to
 * the bank. The page learns the resulting state (verified, pending or rejected), nothing typed here.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { isValidCreditCode } from '../../domain/credit-code.ts';
import { isLuhnValid } from '../../domain/card.ts';
import { isValidResidentId } from '../../domain/resident-id.ts';
import { format } from '../../i18n/locale.ts';
import type { MerchantState } from '../../protocol/post-message.ts';
import { SecureForm } from '../common/secure-form.ts';
import { merchantFrameMessages, type MerchantFrameMessage } from './messages.ts';
import { identityMessages, type FrameMessage } from '../common/messages.ts';

type Field = 'businessName' | 'creditCode' | 'representative' | 'representativeId' | 'settlementAccount';
type Message = FrameMessage | MerchantFrameMessage;

export class BankMerchantForm extends SecureForm {
  static properties: PropertyDeclarations = { merchant: { state: true }, invalid: { state: true } };
  // The frame's own catalogue is looked up first (see `t`), so its title key lives there.
  protected readonly titleKey = 'merchantTitle' as FrameMessage;
  protected readonly formMessages = [identityMessages];
  private readonly merchantId = new URLSearchParams(location.search).get('merchant') ?? '';
  private merchant?: MerchantState;
  private invalid: Partial<Record<Field, Message>> = {};

  protected t(key: Message, params?: Record<string, string | number>) {
    const own = merchantFrameMessages['code' in this.page ? 'zh-CN' : this.page.locale];
    return key in own ? format(own[key as MerchantFrameMessage], params) : super.t(key as FrameMessage, params);
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.load();
  }

  private async load() {
    const merchant = await this.call<MerchantState>('getMerchant', { merchantId: this.merchantId });
    if (merchant) this.merchant = merchant;
    await this.updateComplete;
    this.focusFirst();
  }

  protected errorKey(error: { code: string }): FrameMessage {
    const key = `error.${error.code}`;
    return (key in merchantFrameMessages.en ? key : super.errorKey(error as never)) as FrameMessage;
  }

  protected renderBody() {
    const merchant = this.merchant;
    if (!merchant) return this.error ? this.renderError() : html`<p role="status">${this.t('loading')}</p>`;
    if (merchant.status === 'verified' || merchant.status === 'pending') {
      return html`<p role="status">${this.t(merchant.status === 'verified' ? 'alreadyVerified' : 'alreadyPending')}</p>
        <div class="actions"><button type="button" @click=${this.cancel}>${this.t('close')}</button></div>`;
    }
    const business = merchant.type === 'business';
    return html`<form @submit=${this.submit} novalidate>
      ${business
        ? html`${this.field('businessName', 'businessName', 'organization', 100)}
            ${this.field('creditCode', 'creditCode', 'off', 18, 'creditCodeHint')}
            ${this.field('representative', 'representative', 'name', 60, 'representativeHint')}
            ${this.field('representativeId', 'representativeId', 'off', 18)}`
        : html`${this.field('representative', 'fullName', 'name', 60, 'representativeHint')}
            ${this.field('representativeId', 'idNumber', 'off', 18)}`}
      ${this.field('settlementAccount', 'settlementAccount', 'off', 19, 'settlementHint')}
      ${this.renderError()}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('submit')}</button>
        <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  private field(id: Field, label: Message, autocomplete: string, max: number, hint?: MerchantFrameMessage) {
    const problem = this.invalid[id];
    const described = [problem ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    const numeric = id === 'settlementAccount';
    return html`<label for=${id}>${this.t(label)}
        <input id=${id} type="text" autocomplete=${autocomplete} inputmode=${numeric ? 'numeric' : 'text'} maxlength=${max}
          spellcheck="false" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing} />
      </label>
      ${hint ? html`<p class="hint" id="${id}-hint">${this.t(hint)}</p>` : nothing}
      ${problem ? html`<p class="field-error" id="${id}-error">${this.t(problem)}</p>` : nothing}`;
  }

  private value(id: Field) {
    const input = this.renderRoot.querySelector(`#${id}`) as HTMLInputElement | null;
    return input ? input.value.trim() : '';
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy || !this.merchant) return;
    const business = this.merchant.type === 'business';
    const representative = this.value('representative');
    const name = business ? this.value('businessName') : representative;
    const creditCode = this.value('creditCode').toUpperCase();
    const representativeId = this.value('representativeId').toUpperCase();
    const settlementAccount = this.value('settlementAccount').replace(/\s/g, '');
    this.invalid = {
      businessName: !business || [...name].length >= 2 ? undefined : 'invalid.businessName',
      creditCode: !business || isValidCreditCode(creditCode) ? undefined : 'invalid.creditCode',
      representative: [...representative].length >= 2 ? undefined : business ? 'invalid.representative' : 'invalid.fullName',
      representativeId: isValidResidentId(representativeId) ? undefined : 'invalid.idNumber',
      settlementAccount: isLuhnValid(settlementAccount) ? undefined : 'invalid.settlementAccount',
    };
    if (Object.values(this.invalid).some(Boolean)) {
      await this.updateComplete;
      (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    const result = await this.call<MerchantState>('verifyMerchant', {
      merchantId: this.merchantId, name, representative, representativeId, settlementAccount,
      ...(business ? { creditCode } : {}),
    });
    // Only the state goes to the page: never a name, ID number or account number.
    if (result) this.done({ status: result.status, ...(result.reason ? { reason: result.reason } : {}) });
  }
}
customElements.define('bank-merchant-form', BankMerchantForm);
