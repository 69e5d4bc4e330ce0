import { html } from 'lit';
import type { BankLoginElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { bankLoginStyles } from './bank-login.styles.ts';
import { loginMessages, type LoginMessage } from './messages.ts';

/**
 * Login and logout with the bank. The phone number, password and SMS code are typed only in the bank's
 * `Bank login` frame; the page learns who logged in (masked), never how.
 *
 * @event bank-login-success - `{customerId, displayName, expiresAt}` after a login (or a restored session) on this page.
 * @event bank-logout - `{}` after the customer logged out, from any element or `BankSDK.logout()`.
 * @csspart button - the Log in / Log out button.
 * @csspart customer - the masked name of the logged-in customer.
 *
 * @tagname bank-login
 */
export class BankLogin extends BankElement<LoginMessage> implements BankLoginElement {
  static properties = {
    busy: { state: true },
  };
  static messages = loginMessages;
  static styles = [
    BankElement.styles,
    bankLoginStyles,
  ];

  private busy = false;

  protected renderReady() {
    const customer = this.session?.customer;
    if (customer) {
      return html`<div class="row">
        <span part="customer">${this.t('loggedInAs', { name: customer.displayName })}</span>
        <button class="secondary" part="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#logOut}>${this.t('logOut')}</button>
      </div>`;
    }
    return html`<button part="button" @click=${this.#logIn}>${this.t('logIn')}</button>`;
  }

  async #logIn() {
    this.bank.act(this);
    await this.openSecureFrame('login', 'loginDialog');
  }

  async #logOut() {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.bank.logout(this);
    } catch (error) {
      this.failure = error as typeof this.failure;
    } finally {
      this.busy = false;
    }
  }
}
