import { html } from 'lit';
import type { BankAccountElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { InlineFrame } from '../core/inline-frame.ts';
import { inlineFrameStyles } from '../core/inline-frame.styles.ts';
import { accountMessages, type AccountMessage } from './messages.ts';
import { bankAccountStyles } from './bank-account.styles.ts';

/**
 * The customer's accounts, balances, limits, transactions and statements, in the bank's inline `Accounts` frame.
 * The page shows a `Log in` button until the customer is logged in, and learns nothing of the accounts.
 *
 * @csspart button - the Log in button. @csspart panel - the inline bank frame. @csspart skeleton - its placeholder.
 *
 * @tagname bank-account
 */
export class BankAccount extends BankElement<AccountMessage> implements BankAccountElement {
  static messages = accountMessages;
  static styles = [
    BankElement.styles,
    inlineFrameStyles,
    bankAccountStyles,
  ];

  /** The bank's inline frame. */
  // Not #private: an element built on this one (test/e2e/inline-frame.spec.ts) renders its own frame with it.
  private readonly panel = new InlineFrame(this);

  protected retry() {
    this.panel.reset();
    super.retry();
  }

  connectedCallback() {
    super.connectedCallback();
    // An account opened elsewhere on the page shows here at once.
    document.addEventListener('bank-account-opened', this.#onOpened);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('bank-account-opened', this.#onOpened);
  }

  #onOpened = () => {
    if (this.panel.ready) this.panel.refresh(); // a frame still loading shows the new account anyway
  };

  protected get showsRealData() {
    return !this.session?.customer || this.panel.ready;
  }

  protected renderReady() {
    if (!this.session?.customer) {
      return html`<button part="button" @click=${this.#logIn}>${this.t('logIn')}</button>`;
    }
    return this.panel.render('accounts', this.t('accountsFrame'));
  }

  async #logIn() {
    this.bank.act(this);
    await this.openSecureFrame('login', 'loginDialog');
  }
}
