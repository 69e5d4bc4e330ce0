import { html, type PropertyValues } from 'lit';
import type { MerchantState, SdkError } from '../../protocol/post-message.ts';
import type { BankMerchantOnboardElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { bankEvent } from '../core/events.ts';
import { merchantOnboardMessages, type MerchantOnboardMessage } from './messages.ts';
import type { MerchantOnboardAttributeMessage } from './attribute-messages.ts';
import { bankMerchantOnboardStyles } from './bank-merchant-onboard.styles.ts';

/**
 * Verification of one of the platform's merchants (a rental company, a renovation firm, an individual landlord)
 * by the bank. The merchant's legal representative logs in as a bank customer and types the business and
 * identity details and the settlement account in the bank's `Merchant verification` frame; the page learns only
 * the resulting state.
 *
 * @attr merchant-id - the merchant's id (`mer_…`), created by the partner's server with `POST /v1/merchants`; required.
 * @event bank-merchant-verified - `{merchantId, status: "verified" | "pending"}`. A hint: confirm with
 *   `GET /v1/merchants/{id}` or the signed `merchant.verified` webhook.
 * @csspart status - the merchant's verification state. @csspart button - the Verify business button.
 *
 * @tagname bank-merchant-onboard
 */
export class BankMerchantOnboard extends BankElement<MerchantOnboardMessage | MerchantOnboardAttributeMessage> implements BankMerchantOnboardElement {
  static properties = {
    merchantId: { attribute: 'merchant-id', reflect: true },
    merchant: { state: true },
    busy: { state: true },
  };
  static messages = merchantOnboardMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.merchantOnboard);
  static styles = [
    BankElement.styles,
    bankMerchantOnboardStyles,
  ];

  /** The merchant to verify, as created by the partner's server. */
  merchantId?: string;

  private merchant?: MerchantState;
  private busy = false;
  #loadedFor?: string;

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (!this.merchantId) problems.push({ key: 'attr.merchantIdRequired' });
    else if (!/^mer_[\w-]{6,64}$/.test(this.merchantId)) problems.push({ key: 'attr.merchantIdInvalid', params: { value: this.merchantId } });
    return problems;
  }

  protected get hasData() {
    return this.merchant !== undefined;
  }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('merchantId') && this.failure?.code !== 'invalid_attribute') this.failure = null;
    super.willUpdate(changed);
    if (!this.failure && this.merchantId && this.session?.status === 'ready' && this.#loadedFor !== this.merchantId) {
      void this.#load(this.merchantId);
    }
  }

  async #load(merchantId: string) {
    this.#loadedFor = merchantId;
    this.merchant = undefined;
    try {
      const merchant = await this.bank.call<MerchantState>('getMerchant', { merchantId });
      if (this.#loadedFor === merchantId) this.merchant = merchant;
    } catch (error) {
      if (this.#loadedFor === merchantId) {
        this.#loadedFor = undefined;
        this.failure = error as SdkError;
      }
    }
  }

  protected renderReady() {
    const { status, type, reason } = this.merchant!;
    const reasonKey = `reason.${reason}` as MerchantOnboardMessage;
    const canVerify = status === 'unverified' || status === 'rejected';
    return html`<p part="status" role="status" tabindex="-1" data-focus-after-dialog data-status=${status}>
        <span>${this.t(`type.${type}`)}:</span> ${this.t(`status.${status}`)}
        ${status === 'rejected' && reason && reasonKey in merchantOnboardMessages.en ? this.t(reasonKey) : ''}
      </p>
      ${canVerify
        ? html`<div class="row"><button part="button" ?disabled=${this.busy} @click=${this.#verify}>${this.t('verifyBusiness')}</button></div>`
        : ''}`;
  }

  async #verify() {
    const merchant = this.merchant;
    if (!merchant || this.busy) return;
    this.busy = true;
    try {
      // The bank checks that the legal representative is the customer logged in: log in first.
      if (!this.session?.customer) {
        this.bank.act(this);
        if (!(await this.openSecureFrame('login', 'loginDialog'))) return;
      }
      const result = await this.openSecureFrame('merchant', 'merchantDialog', { merchant: merchant.merchantId });
      if (!result) return;
      const status = result.status as MerchantState['status'];
      this.merchant = { ...merchant, status, ...(typeof result.reason === 'string' ? { reason: result.reason } : {}) };
      if (status === 'verified' || status === 'pending') {
        this.emit(bankEvent('bank-merchant-verified', { merchantId: merchant.merchantId, status }));
      }
    } finally {
      this.busy = false;
    }
  }
}
