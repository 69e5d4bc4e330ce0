/**
 * The `Investments` inline frame: the bank's shelf of wealth products (risk level, yield with its basis, minimum,
 * redemption rules, the standard warning) and the customer's holdings. Buying and redeeming happen in the `Buy`
 * and `Redeem` dialog frames, which this panel asks its element to open; the element refreshes it afterwards.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { formatNav, formatShares } from '../../domain/invest.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { InlinePanel } from '../common/inline-panel.ts';
import {
  day, investErrorKey, investStyles, investText, money, yieldText, type Holding, type InvestKey, type Overview, type ProductView,
} from '../common/invest.ts';
import type { FrameMessage } from '../common/messages.ts';
import { investPanelMessages } from './messages.ts';

export class BankInvestPanel extends InlinePanel {
  static properties: PropertyDeclarations = { products: { state: true }, overview: { state: true }, loadError: { state: true } };
  // The product and holding cards are this panel's own (the dialogs share the rest: investStyles).
  static styles = css`
    ${InlinePanel.styles}
    ${investStyles}
    .card {
      border: 1px solid #c5ccd3;
      border-radius: var(--bank-radius, 6px);
      padding: 0.9rem 1rem;
      margin: 0 0 0.75rem;
    }
    .card.chosen {
      border-color: var(--bank-color-primary, #b0001e);
      border-width: 2px;
    }
    .card dl {
      display: grid;
      /* The label column takes at most 40% (or its longest word): the value keeps room for whole words. */
      grid-template-columns: fit-content(40%) minmax(0, 1fr);
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.75rem;
    }
    /* Narrow (a phone's card): each label on its own line above its value, which gets the card's whole width (beside
       its label, a yield's words and a minimum like ¥1,000,000.00 split mid-word). */
    @media (max-width: 22rem) {
      .card dl {
        grid-template-columns: minmax(0, 1fr);
        row-gap: 0;
      }
      .card dd + dt {
        margin-top: 0.35rem;
      }
    }
    .card dt {
      color: var(--bank-color-muted);
    }
    .card dd {
      margin: 0;
      overflow-wrap: anywhere;
      font-variant-numeric: tabular-nums;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0;
    }
  `;
  // The title lives in this frame's catalogue; `t` below looks there first.
  protected readonly titleKey = 'investTitle' as FrameMessage;
  protected readonly ownMessages = investPanelMessages;
  private readonly chosen = new URLSearchParams(location.search).get('product') ?? '';
  private products?: ProductView[];
  private overview?: Overview;
  private loadError?: SdkError;

  protected t(key: InvestKey, params?: Record<string, string | number>) {
    return investText('code' in this.page ? 'zh-CN' : this.page.locale, key, params, this.ownMessages);
  }

  protected errorKey(error: SdkError) {
    return investErrorKey(error, (e) => super.errorKey(e)) as FrameMessage;
  }

  protected async load() {
    try {
      const [products, overview] = await Promise.all([
        this.bridge!.request<{ products: ProductView[] }>('investProducts'),
        this.bridge!.request<Overview>('investOverview'),
      ]);
      this.products = products.products;
      this.overview = overview;
      this.loadError = undefined;
      this.announceReady();
    } catch (error) {
      this.loadError = error as SdkError;
      this.announceError(this.loadError);
    }
  }

  private get locale() {
    return this.framePage.locale;
  }

  protected renderBody() {
    if (this.loadError && !this.products) {
      return html`<p role="alert">${this.t(this.errorKey(this.loadError))}</p>
        <button type="button" @click=${() => this.load()}>${this.t('tryAgain')}</button>`;
    }
    if (!this.products || !this.overview) return html`<p role="status">${this.t('loading')}</p>`;
    // The product the page asked for comes first.
    const products = [...this.products].sort((a, b) => Number(b.id === this.chosen) - Number(a.id === this.chosen));
    return html`<p class="warning" role="note">${this.t('warning')}</p>
      ${this.renderAssessment()}
      <h2>${this.t('holdings')}</h2>
      ${this.overview.holdings.length
        ? html`<ul class="plain">${this.overview.holdings.map((h) => this.renderHolding(h))}</ul>`
        : html`<p>${this.t('noHoldings')}</p>`}
      <h2>${this.t('products')}</h2>
      ${products.map((p) => this.renderProduct(p))}
      <p class="note">${this.t('yieldNote')}</p>`;
  }

  private renderAssessment() {
    const a = this.overview!.assessment;
    if (!a) return html`<p>${this.t('assessmentNone')}</p>`;
    if (!a.valid) return html`<p>${this.t('assessmentExpired', { date: day(a.assessedAt, this.locale) })}</p>`;
    return html`<p>${this.t('assessmentValid', { level: this.t(`level.${a.level}`), date: day(a.expiresAt, this.locale) })}</p>`;
  }

  private renderProduct(p: ProductView) {
    const id = `product-${p.id}`;
    return html`<section class="card ${p.id === this.chosen ? 'chosen' : ''}" aria-labelledby=${id}>
      <h3 id=${id}>${p.name}</h3>
      <dl>
        <dt>${this.t('riskLevel')}</dt>
        <dd>${this.t(`risk.${p.risk}`)}</dd>
        <dt>${this.t('yield')}</dt>
        <dd>${yieldText(this.locale, p.yield)}</dd>
        ${p.kind === 'open' || p.kind === 'closed'
          ? html`<dt>${this.t('nav')}</dt><dd>${this.t('navOn', { nav: formatNav(p.nav), date: day(`${p.navDate}T12:00:00+08:00`, this.locale) })}</dd>`
          : nothing}
        <dt>${this.t('minimum')}</dt>
        <dd>${money(p.minimum)}</dd>
        <dt>${this.t('redemption')}</dt>
        <dd>${this.t(`redeem.${p.kind}`, { months: p.termMonths ?? 0 })}</dd>
      </dl>
      <button type="button" @click=${() => this.openDialog('invest-buy', { product: p.id })}>${this.t('buy')}</button>
    </section>`;
  }

  private renderHolding(h: Holding) {
    const product = this.products!.find((p) => p.id === h.productId);
    const showShares = product?.kind === 'open' || product?.kind === 'closed';
    return html`<li class="card">
      <h3>${h.name}</h3>
      <dl>
        <dt>${this.t('value')}</dt>
        <dd>${money(h.value)}</dd>
        ${showShares && h.shares ? html`<dt>${this.t('shares')}</dt><dd>${formatShares(h.shares)}</dd>` : nothing}
      </dl>
      ${h.maturesAt ? html`<p>${this.t('maturesOn', { date: day(h.maturesAt, this.locale) })}</p>` : nothing}
      ${h.pending.map((p) => html`<p>${this.t('pendingConfirm', { amount: money(p.amount), date: day(p.confirmsAt, this.locale) })}</p>`)}
      ${h.arriving.map((a) => html`<p>${this.t('arriving', { amount: money(a.amount), date: day(a.arrivesAt, this.locale) })}</p>`)}
      ${h.coolingOff.map((c) => html`<p>${this.t('coolingOff', { amount: money(c.amount), date: day(c.endsAt, this.locale) })}</p>
        <button type="button" class="secondary" @click=${() => this.openDialog('invest-redeem', { product: h.productId, cancel: c.id })}>
          ${this.t('cancelPurchase')}
        </button>`)}
      ${h.redeemable
        ? html`<button type="button" @click=${() => this.openDialog('invest-redeem', { product: h.productId })}>${this.t('redeem')}</button>`
        : nothing}
    </li>`;
  }
}
customElements.define('bank-invest-panel', BankInvestPanel);
