import { html } from 'lit';
import type { BankInvestElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { InlineFrame } from '../core/inline-frame.ts';
import { inlineFrameStyles } from '../core/inline-frame.styles.ts';
import { bankEvent } from '../core/events.ts';
import { investMessages, type InvestMessage } from './messages.ts';
import type { InvestAttributeMessage } from './attribute-messages.ts';
import { bankInvestStyles } from './bank-invest.styles.ts';

/** The bank's products (CONTRACT §6): the only values `product` accepts. */
const productIds = ['cash-plus', 'steady-bond-6m', 'balanced-1y', 'equity-select', 'private-growth'];

const text = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : undefined);

/**
 * The bank's wealth products and the customer's holdings, in the bank's `Investments` frame inside the page.
 * Only the bank may show products with a way to buy them, and holdings are personal: the page sees neither, only
 * the events of a purchase or a redemption. Shows `Log in` until the customer is logged in.
 *
 * @attr product - optional: the product to open on (`cash-plus`, `steady-bond-6m`, `balanced-1y`, `equity-select`,
 *   `private-growth`).
 * @event bank-invest-success - `{subscriptionId, productId, amount, status: "confirmed"|"cooling-off"}`.
 * @event bank-invest-redeemed - `{redemptionId, productId, amount, arrival: "instant"|"next-day"}`.
 * @csspart button - the Log in button. @csspart panel - the bank's inline frame. @csspart skeleton - its placeholder.
 *
 * @tagname bank-invest
 */
export class BankInvest extends BankElement<InvestMessage | InvestAttributeMessage> implements BankInvestElement {
  static properties = {
    product: { reflect: true },
  };
  static messages = investMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.invest);
  static styles = [
    BankElement.styles,
    inlineFrameStyles,
    bankInvestStyles,
  ];

  /** The bank's inline frame. */
  // Not #private: an element built on this one (test/e2e/inline-frame.spec.ts) renders its own frame with it.
  private readonly panel = new InlineFrame(this, (frame, params) => this.#onDialogRequest(frame, params));

  protected retry() {
    this.panel.reset();
    super.retry();
  }

  /** The product to open on. */
  product?: string;

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (this.product != null && !productIds.includes(this.product)) {
      problems.push({ key: 'attr.product', params: { value: this.product, list: productIds.join(', ') } });
    }
    return problems;
  }

  protected get showsRealData() {
    return !this.session?.customer || this.panel.ready;
  }

  protected renderReady() {
    if (!this.session?.customer) {
      return html`<p>${this.t('loginPrompt')}</p>
        <button part="button" @click=${this.#logIn}>${this.t('logIn')}</button>`;
    }
    return this.panel.render('invest', this.t('investFrame'), this.product ? { product: this.product } : {});
  }

  async #logIn() {
    this.bank.act(this);
    await this.openSecureFrame('login', 'loginDialog');
  }

  #onDialogRequest(frame: string, params: Record<string, string>) {
    const product = productIds.includes(params.product ?? '') ? params.product! : undefined;
    if (!product) return;
    if (frame === 'invest-buy') void this.#buy(product);
    else if (frame === 'invest-redeem') void this.#redeem(product, text(params.cancel, /^sub_[\w-]{1,40}$/));
  }

  async #buy(product: string) {
    const result = await this.openSecureFrame('invest-buy', 'buyDialog', { product });
    const subscriptionId = text(result?.subscriptionId, /^sub_[\w-]{1,40}$/);
    const amount = text(result?.amount, /^\d+\.\d{2}$/);
    const status = result?.status === 'confirmed' || result?.status === 'cooling-off' ? result.status : undefined;
    if (subscriptionId && amount && status) {
      this.emit(bankEvent('bank-invest-success', { subscriptionId, productId: product, amount, status }));
    }
    this.panel.refresh();
  }

  async #redeem(product: string, cancel?: string) {
    const result = await this.openSecureFrame(
      'invest-redeem', cancel ? 'cancelDialog' : 'redeemDialog', cancel ? { product, cancel } : { product },
    );
    const redemptionId = text(result?.redemptionId, /^red_[\w-]{1,40}$/);
    const amount = text(result?.amount, /^\d+\.\d{2}$/);
    const arrival = result?.arrival === 'instant' || result?.arrival === 'next-day' ? result.arrival : undefined;
    if (redemptionId && amount && arrival) {
      this.emit(bankEvent('bank-invest-redeemed', { redemptionId, productId: product, amount, arrival }));
    }
    this.panel.refresh();
  }
}
