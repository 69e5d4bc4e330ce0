import { html, nothing } from 'lit';
import type { BankAccountOpenElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { bankEvent } from '../core/events.ts';
import { accountOpenMessages, type AccountOpenMessage } from './messages.ts';
import type { AccountOpenAttributeMessage } from './attribute-messages.ts';

type Opened = { accountId: string; accountClass: 'II' | 'III'; last4: string };

const isOpened = (data: Record<string, unknown> | null, accountClass: string): data is Opened =>
  !!data && typeof data.accountId === 'string' && data.accountClass === accountClass &&
  typeof data.last4 === 'string' && /^\d{4}$/.test(data.last4);

/**
 * Opens a Class II or III e-account at the bank, for customers and for people who are not customers yet. Identity,
 * card and PINs are typed only in the bank's `Open an account` frame; the page learns the new account's id, class
 * and last four digits. A person who was not logged in is logged in afterwards (`bank-login-success`).
 *
 * @attr account-class - `II` (the default) or `III`.
 * @event bank-account-opened - `{accountId, accountClass: "II"|"III", last4}`.
 * @event bank-login-success - for a person who was not logged in, once the account is open.
 * @csspart button - the Open an account button. @csspart result - the confirmation after opening.
 *
 * @tagname bank-account-open
 */
export class BankAccountOpen extends BankElement<AccountOpenMessage | AccountOpenAttributeMessage> implements BankAccountOpenElement {
  static properties = {
    accountClass: { attribute: 'account-class', reflect: true },
    opened: { state: true },
  };
  static messages = accountOpenMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.accountOpen);

  /** `II` (default) or `III`. */
  accountClass?: string;
  private opened?: Opened;

  get #chosenClass() {
    return this.accountClass ?? 'II';
  }

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (this.accountClass != null && this.accountClass !== 'II' && this.accountClass !== 'III') {
      problems.push({ key: 'attr.accountClass', params: { value: this.accountClass! } });
    }
    return problems;
  }

  protected renderReady() {
    const opened = this.opened;
    return html`${opened
        ? html`<p part="result" role="status">${this.t('opened', { class: this.t(`class.${opened.accountClass}`), last4: opened.last4 })}</p>`
        : nothing}
      <button part="button" @click=${this.#open}>${this.t('openAccount')}</button>`;
  }

  async #open() {
    this.bank.act(this);
    const accountClass = this.#chosenClass;
    const result = await this.openSecureFrame('account-open', 'openDialog', { class: accountClass });
    if (!isOpened(result, accountClass)) return;
    this.opened = { accountId: result.accountId, accountClass: result.accountClass, last4: result.last4 };
    this.emit(bankEvent('bank-account-opened', { ...this.opened }));
  }
}
