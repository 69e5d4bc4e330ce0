/**
 * The `Accounts` inline frame: the customer's accounts, balances, Class II/III limits, transactions (newest first,
 * 20 a page), Add money from the bound card and monthly statements. It is bank origin inside the partner's
 * layout: none of this ever reaches the partner page.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { chinaMonth } from '../../domain/account-class.ts';
import { formatMoney, minorUnits } from '../../domain/money.ts';
import { format } from '../../i18n/locale.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { accountMessages, type AccountMessage } from './messages.ts';
import { InlinePanel } from '../common/inline-panel.ts';
import { SecureForm } from '../common/secure-form.ts';
import './data-sharing.ts';
import type { BankDataSharing } from './data-sharing.ts';
import type { AddMoneyHost } from './add-money.ts';
import type { AddMoneyMessage } from './add-money-messages.ts';

interface Limits {
  daily: { limit: string; used: string; left: string };
  yearly: { limit: string; used: string; left: string };
  balanceCap: string | null;
}

interface Account {
  id: string;
  accountClass: 'I' | 'II' | 'III';
  number: string;
  balance: string;
  status: 'active' | 'frozen';
  limits: Limits | null;
  boundCard: string | null;
}

interface Transaction {
  id: string;
  date: string;
  description: string;
  counterparty: string;
  amount: string;
  balance: string;
}

interface TransactionsPage {
  transactions: Transaction[];
  nextCursor: string | null;
}

class BankAccountsPanel extends InlinePanel {
  static properties: PropertyDeclarations = { accounts: { state: true }, pages: { state: true }, loadFailed: { state: true }, adding: { state: true }, addProblem: { state: true }, addStatus: { state: true } };
  static styles = css`
    ${SecureForm.styles}
    main {
      padding: 1rem;
    }
    .account {
      border: 1px solid var(--bank-color-input-border);
      border-radius: var(--bank-radius, 6px);
      padding: 0.9rem;
      margin-bottom: 1rem;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0 0 0.4rem;
    }
    .balance {
      font-size: 1.4rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      margin: 0 0 0.5rem;
    }
    dl.limits {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0 0 0.75rem;
      font-size: 0.9rem;
    }
    dl.limits dt {
      color: var(--bank-color-muted);
    }
    dl.limits dd {
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
      margin-bottom: 0.5rem;
    }
    caption {
      text-align: start;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.35rem 0.3rem;
      border-bottom: 1px solid var(--bank-color-input-border);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    th:last-child,
    td:last-child {
      text-align: end;
      white-space: nowrap;
    }
    /* Narrow (a phone's card): three columns squeeze the date and the description to a letter a line. Each
       transaction's cells then stack instead (date, description, amount), each on the card's whole width. The column
       headings stay for screen readers. */
    @media (max-width: 30rem) {
      thead {
        position: absolute;
        clip-path: inset(50%);
      }
      tr {
        display: block;
        border-bottom: 1px solid var(--bank-color-input-border);
      }
      td {
        display: block;
        border: 0;
      }
    }
    .sub {
      display: block;
      color: var(--bank-color-muted);
      font-size: 0.8rem;
    }
    .in {
      font-weight: 600;
    }
    .tools {
      display: grid;
      gap: 0.75rem;
      margin-top: 0.75rem;
    }
    .statement {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .skeleton span {
      display: block;
      height: 1rem;
      margin: 0.5rem 0;
      border-radius: 4px;
      background: var(--bank-color-muted);
      opacity: 0.2;
    }
  `;

  protected readonly titleKey = 'accountsTitle';
  private accounts?: Account[];
  private pages = new Map<string, TransactionsPage>();
  private loadFailed?: SdkError;
  private adding?: string;
  protected addProblem: Partial<Record<'amount' | 'pin', AddMoneyMessage>> = {};
  private addStatus?: { accountId: string; text: string; alert: boolean };
  protected attemptKey?: string;
  /** The Add money form's code (./add-money.ts), loaded when the customer first taps `Add money`. */
  private addMoneyForm?: typeof import('./add-money.ts');

  private m(key: AccountMessage, params?: Record<string, string | number>) {
    return format(accountMessages[this.framePage.locale][key], params);
  }

  private money(amount: string) {
    return formatMoney(minorUnits(amount));
  }

  private date(iso: string) {
    return new Intl.DateTimeFormat(this.framePage.locale, {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).format(new Date(iso));
  }

  protected async load() {
    this.loadFailed = undefined;
    try {
      const { accounts } = await this.bridge!.request<{ accounts: Account[] }>('accounts', {});
      const pages = await Promise.all(
        accounts.map((a) => this.bridge!.request<TransactionsPage>('transactions', { accountId: a.id })),
      );
      this.pages = new Map(accounts.map((a, i) => [a.id, pages[i]!]));
      this.accounts = accounts;
      await this.updateComplete;
      await this.renderRoot.querySelector<BankDataSharing>('bank-data-sharing')?.load();
      this.announceReady();
    } catch (error) {
      this.loadFailed = error as SdkError;
      this.announceError(this.loadFailed);
    }
  }

  protected renderBody() {
    if (this.loadFailed) {
      return html`<div role="alert"><p>${this.m('loadFailed')}</p>${this.renderOwnError(this.loadFailed)}</div>
        <button type="button" @click=${() => this.retry()}>${this.m('retry')}</button>`;
    }
    if (!this.accounts) {
      return html`<div class="skeleton" role="status" aria-label=${this.t('loading')}><span></span><span></span><span></span></div>`;
    }
    if (!this.accounts.length) return html`<p>${this.m('noAccounts')}</p>${this.renderDataSharing()}`;
    return html`${this.accounts.map((a) => this.renderAccount(a))}
      ${this.error ? html`<div role="alert">${this.renderOwnError(this.error)}</div>` : nothing}
      ${this.renderDataSharing()}`;
  }

  private retry() {
    this.accounts = undefined;
    void this.load();
  }

  private renderOwnError(error: SdkError) {
    const own = `error.${error.code}` as AccountMessage;
    return html`<p>${own in accountMessages.en ? this.m(own) : this.t(this.errorKey(error))}</p>`;
  }

  /** The `Data sharing` section: every active consent, each with `Revoke` (src/frames/data-sharing.ts). */
  private renderDataSharing() {
    return html`<bank-data-sharing .bridge=${this.bridge} locale=${this.framePage.locale}></bank-data-sharing>`;
  }

  private accountName(a: Account) {
    return `${this.m(`class.${a.accountClass}`)} ${a.number.replace(/^\*+/, '····')}`;
  }

  private renderAccount(a: Account) {
    const titleId = `account-${a.id}`;
    const page = this.pages.get(a.id);
    const eAccount = a.accountClass !== 'I';
    return html`<section class="account" role="region" aria-labelledby=${titleId}>
      <h2 id=${titleId}>${this.accountName(a)}</h2>
      <p class="balance"><span class="sub">${this.m('balance')}</span>${this.money(a.balance)}</p>
      ${a.limits ? this.renderLimits(a.limits, a.boundCard) : nothing}
      ${page && page.transactions.length
        ? html`<table>
            <caption>${this.m('transactions')}</caption>
            <thead><tr><th scope="col">${this.m('date')}</th><th scope="col">${this.m('description')}</th><th scope="col">${this.m('amountCol')}</th></tr></thead>
            <tbody>${page.transactions.map((t) => html`<tr>
              <td>${this.date(t.date)}</td>
              <td>${t.description}<span class="sub">${t.counterparty}</span></td>
              <td><span class=${t.amount.startsWith('-') ? '' : 'in'}>${t.amount.startsWith('-') ? '' : '+'}${this.money(t.amount)}</span>
                <span class="sub">${this.m('balanceAfter', { balance: this.money(t.balance) })}</span></td>
            </tr>`)}</tbody>
          </table>
          ${page.nextCursor ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.more(a.id)}>${this.m('loadMore')}</button>` : nothing}`
        : html`<p>${this.m('noTransactions')}</p>`}
      <div class="tools">
        ${eAccount && a.boundCard ? this.renderAddMoney(a) : nothing}
        <form class="statement" @submit=${(e: Event) => this.download(e, a.id)} novalidate>
          <label for="month-${a.id}">${this.m('statementMonth')}
            <input id="month-${a.id}" type="month" required .value=${chinaMonth(Date.now())} max=${chinaMonth(Date.now())} />
          </label>
          <button type="submit" class="secondary" ?disabled=${this.busy}>${this.m('downloadStatement')}</button>
        </form>
      </div>
    </section>`;
  }

  private renderLimits(limits: Limits, card: string | null) {
    return html`<dl class="limits">
      <dt>${this.m('today')}</dt>
      <dd>${this.m('usedLeft', { used: this.money(limits.daily.used), left: this.money(limits.daily.left) })}</dd>
      <dt>${this.m('thisYear')}</dt>
      <dd>${this.m('usedLeft', { used: this.money(limits.yearly.used), left: this.money(limits.yearly.left) })}</dd>
      ${limits.balanceCap ? html`<dt>${this.m('balance')}</dt><dd>${this.m('balanceCap', { cap: this.money(limits.balanceCap) })}</dd>` : nothing}
      ${card ? html`<dt>${this.m('boundCard', { card: '' }).trim()}</dt><dd>${card}</dd>` : nothing}
    </dl>`;
  }

  private renderAddMoney(a: Account) {
    const status = this.addStatus?.accountId === a.id ? this.addStatus : undefined;
    const statusLine = status
      ? html`<p role=${status.alert ? 'alert' : 'status'}>${status.text}</p>`
      : nothing;
    if (this.adding !== a.id) {
      return html`<div>${statusLine}<button type="button" @click=${() => this.openAdd(a.id)}>${this.m('addMoney')}</button></div>`;
    }
    // The panel is the form's host: what the form reads and sets is the panel's state (see AddMoneyHost).
    return this.addMoneyForm!.renderAddMoneyForm(this as unknown as AddMoneyHost, a, statusLine, this.m('addMoney'));
  }

  private async openAdd(accountId: string) {
    try {
      this.addMoneyForm ??= await import('./add-money.ts');
    } catch {
      // The form's chunk did not arrive (offline): said where the form would open.
      this.addStatus = { accountId, text: this.t('error.network'), alert: true };
      return;
    }
    this.adding = accountId;
    this.addProblem = {};
    this.addStatus = undefined;
    this.attemptKey = undefined;
    await this.updateComplete;
    (this.renderRoot.querySelector('#amount') as HTMLInputElement | null)?.focus();
  }

  protected closeAdd = () => {
    this.adding = undefined;
    this.addStatus = undefined;
  };

  private async more(accountId: string) {
    const page = this.pages.get(accountId)!;
    const next = await this.call<TransactionsPage>('transactions', { accountId, cursor: page.nextCursor });
    if (!next) return;
    this.pages = new Map(this.pages).set(accountId, {
      transactions: [...page.transactions, ...next.transactions], nextCursor: next.nextCursor,
    });
  }

  private async download(event: Event, accountId: string) {
    event.preventDefault();
    const month = (this.renderRoot.querySelector(`#month-${CSS.escape(accountId)}`) as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    const link = await this.call<{ url: string }>('statementLink', { accountId, month });
    if (!link) return;
    // A same-origin link with `download`: the bank answers with Content-Disposition: attachment.
    const anchor = document.createElement('a');
    anchor.href = link.url;
    anchor.download = '';
    anchor.click();
  }
}
customElements.define('bank-accounts-panel', BankAccountsPanel);
