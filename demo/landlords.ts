import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';

/**
 * The demo's "For landlords and firms" page: a rental company on the platform verifies itself with the bank,
 * sees its balance and a lease's supervised rent, requests payouts and applies for a working-capital loan. The
 * merchant, the lease order and the payouts are created by this server with the secret key; the page shows ids.
 */
type Bank = (path: string, init?: RequestInit) => Promise<Response>;

interface Firm {
  merchantId: string;
  leaseOrderId?: string;
  payouts: string[];
  /** The bank's answer to the last refused payout, shown once. */
  payoutRefused?: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const copy = {
  en: {
    title: 'For landlords and firms · HomeNest Rentals',
    heading: 'For landlords and firms',
    intro: 'Rent out through HomeNest: your bank verifies your business, pays you your share of each lease, holds prepaid rent as the rental-fund rules require, and lends on your sales here.',
    verify: 'Verify your business',
    balance: 'Balance and supervised rent',
    status: 'Verification',
    money: 'Balance',
    refresh: 'Refresh',
    lease: 'A tenant’s lease',
    leaseExplain: '6 months at ¥3,500 and a ¥7,000 deposit: ¥28,000. The bank releases three months’ rent and one month’s deposit at once, of which your share is ¥13,300; the rest is held in the platform’s supervised account and released month by month.',
    createLease: 'Create the lease order',
    held: 'Held under supervision',
    released: 'Released',
    date: 'Date',
    amount: 'Amount',
    state: 'State',
    releasedYes: 'released',
    releasedNo: 'held',
    payout: 'Payout to your settlement account',
    payoutAmount: 'Amount (¥)',
    requestPayout: 'Request payout',
    payoutsNone: 'No payouts yet.',
    loan: 'Working-capital loan',
    offer: 'Your bank’s offer: up to ¥{limit} at APR {apr}% (from settled sales {from} to {to}).',
    noOffer: 'No offer yet: the bank lends on at least 3 months of settled sales here.',
    sampleSales: 'Add 6 months of sample sales (sandbox)',
    verifyFirst: 'Verify your business first.',
    events: 'What the page heard',
    home: 'Homes to rent',
    other: '中文',
  },
  'zh-CN': {
    title: '房东与企业 · 安居租房',
    heading: '房东与企业',
    intro: '通过安居出租：银行为您认证商户、按租约为您分账、按住房租赁资金监管规定监管预收租金，并依据您在本平台的销售为您提供经营贷。',
    verify: '认证您的商户',
    balance: '余额与监管租金',
    status: '认证状态',
    money: '余额',
    refresh: '刷新',
    lease: '租客的租约',
    leaseExplain: '租期 6 个月，每月 ¥3,500，押金 ¥7,000，共 ¥28,000。银行立即释放三个月租金和一个月押金，其中您的分账为 ¥13,300；其余存入平台监管账户，按月释放。',
    createLease: '创建租约订单',
    held: '监管中',
    released: '已释放',
    date: '日期',
    amount: '金额',
    state: '状态',
    releasedYes: '已释放',
    releasedNo: '监管中',
    payout: '提现到结算账户',
    payoutAmount: '金额（元）',
    requestPayout: '申请提现',
    payoutsNone: '暂无提现。',
    loan: '经营贷',
    offer: '银行授信：最高 ¥{limit}，年化利率 {apr}%（依据 {from} 至 {to} 的已结算销售额）。',
    noOffer: '暂无授信：银行需要您在本平台至少 3 个月的已结算销售额。',
    sampleSales: '添加 6 个月示例销售额（沙箱）',
    verifyFirst: '请先认证您的商户。',
    events: '页面收到的事件',
    home: '租房',
    other: 'English',
  },
};

export function mountLandlords(app: Hono, bank: Bank, page: { bankOrigin: string; appId: string; csp: (nonce: string) => string }) {
  const firms = new Map<string, Firm>();
  const json = async (response: Response) => (await response.json()) as Record<string, any>;

  async function firmOf(c: Context): Promise<Firm> {
    let id = getCookie(c, 'firm');
    if (!id || !/^[\w-]{10,40}$/.test(id)) {
      id = randomBytes(12).toString('base64url');
      setCookie(c, 'firm', id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    }
    const known = firms.get(id);
    if (known) return known;
    const response = await bank('/v1/merchants', {
      method: 'POST',
      headers: { 'Idempotency-Key': `firm-${id}` },
      body: JSON.stringify({ type: 'business', name: 'Anju Renovation Ltd', reference: `firm-${id}` }),
    });
    if (!response.ok) throw new Error(`The bank refused the merchant: HTTP ${response.status}`);
    const firm: Firm = { merchantId: (await json(response)).id, payouts: [] };
    firms.set(id, firm);
    return firm;
  }

  const langOf = (c: Context) => (c.req.query('lang') === 'en' ? 'en' : 'zh-CN');
  const back = (c: Context) => c.redirect(`/landlords?lang=${langOf(c)}`, 303);

  app.get('/landlords', async (c) => {
    const firm = await firmOf(c);
    const lang = langOf(c);
    const t = copy[lang];
    const merchant = await json(await bank(`/v1/merchants/${firm.merchantId}`));
    const offer = await json(await bank(`/v1/merchants/${firm.merchantId}/credit-offer`));
    const lease = firm.leaseOrderId ? await json(await bank(`/v1/orders/${firm.leaseOrderId}`)) : undefined;
    const payouts = await Promise.all(firm.payouts.map(async (id) => json(await bank(`/v1/payouts/${id}`))));
    const verified = merchant.status === 'verified';
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', page.csp(nonce));
    const supervision = lease?.supervision as { held: string; released: string; schedule: { date: string; amount: string; released: boolean }[] } | undefined;
    const leaseSection = !verified
      ? `<p>${escape(t.verifyFirst)}</p>`
      : !lease
        ? `<p>${escape(t.leaseExplain)}</p><form method="post" action="/landlords/lease?lang=${lang}"><button type="submit">${escape(t.createLease)}</button></form>`
        : `<p>${escape(t.leaseExplain)}</p>
      <bank-pay order-id="${escape(lease.id)}"></bank-pay>
      ${supervision ? `<dl id="supervision"><dt>${escape(t.held)}</dt><dd>¥${escape(supervision.held)}</dd><dt>${escape(t.released)}</dt><dd>¥${escape(supervision.released)}</dd></dl>
      <table><thead><tr><th scope="col">${escape(t.date)}</th><th scope="col">${escape(t.amount)}</th><th scope="col">${escape(t.state)}</th></tr></thead><tbody>
      ${supervision.schedule.map((r) => `<tr><td>${escape(r.date)}</td><td>¥${escape(r.amount)}</td><td>${escape(r.released ? t.releasedYes : t.releasedNo)}</td></tr>`).join('')}
      </tbody></table>` : ''}`;
    const offerText = offer.limit && offer.limit !== '0.00'
      ? t.offer.replace('{limit}', offer.limit).replace('{apr}', offer.apr).replace('{from}', offer.basis.from).replace('{to}', offer.basis.to)
      : t.noOffer;
    return c.html(`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(t.title)}</title>
  <link rel="icon" href="/favicon.ico">
  <link rel="stylesheet" href="/static/demo.css">
  <script nonce="${escape(nonce)}" src="${escape(page.bankOrigin)}/sdk/v1/bank-sdk.js"
          data-app-id="${escape(page.appId)}" data-token-url="/api/bank/client-token" data-locale="${lang}"></script>
  <script nonce="${escape(nonce)}" src="/static/demo.js" defer></script>
</head>
<body>
  <header>
    <a class="brand" href="/?lang=${lang}">${escape(t.home)}</a>
    <nav><a href="/landlords?lang=${lang === 'en' ? 'zh-CN' : 'en'}">${escape(t.other)}</a></nav>
    <bank-login></bank-login>
  </header>
  <main>
    <h1>${escape(t.heading)}</h1>
    <p class="tagline">${escape(t.intro)}</p>
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">${escape(t.verify)}</h2>
      <bank-merchant-onboard merchant-id="${escape(firm.merchantId)}"></bank-merchant-onboard>
    </section>
    <section aria-labelledby="balance-title">
      <h2 id="balance-title">${escape(t.balance)}</h2>
      <dl id="merchant-facts">
        <dt>${escape(t.status)}</dt><dd id="merchant-status">${escape(merchant.status)}</dd>
        <dt>${escape(t.money)}</dt><dd id="merchant-balance">¥${escape(merchant.balance)}</dd>
      </dl>
      <p><a href="/landlords?lang=${lang}">${escape(t.refresh)}</a></p>
    </section>
    <section aria-labelledby="lease-title">
      <h2 id="lease-title">${escape(t.lease)}</h2>
      ${leaseSection}
    </section>
    <section aria-labelledby="payout-title">
      <h2 id="payout-title">${escape(t.payout)}</h2>
      ${verified ? `<form method="post" action="/landlords/payout?lang=${lang}">
        <input type="hidden" name="key" value="${randomBytes(12).toString('base64url')}">
        <label>${escape(t.payoutAmount)} <input name="amount" inputmode="decimal" required pattern="\\d+(\\.\\d{1,2})?"></label>
        <button type="submit">${escape(t.requestPayout)}</button>
      </form>` : `<p>${escape(t.verifyFirst)}</p>`}
      ${firm.payoutRefused ? `<p id="payout-refused" role="alert">${escape(firm.payoutRefused)}</p>` : ''}
      ${payouts.length ? `<ul id="payouts">${payouts.map((p) => `<li>¥${escape(String(p.amount ?? ''))} · ${escape(String(p.status ?? p.error?.code ?? ''))}</li>`).join('')}</ul>` : `<p>${escape(t.payoutsNone)}</p>`}
    </section>
    <section aria-labelledby="loan-title">
      <h2 id="loan-title">${escape(t.loan)}</h2>
      <p id="credit-offer">${escape(offerText)}</p>
      ${verified ? `<form method="post" action="/landlords/sample-sales?lang=${lang}"><button type="submit" class="secondary">${escape(t.sampleSales)}</button></form>
      <bank-loan-apply product="merchant-loan" merchant-id="${escape(firm.merchantId)}" term="6"${offer.limit && offer.limit !== '0.00' ? ` amount="${escape(offer.limit)}"` : ''}></bank-loan-apply>` : `<p>${escape(t.verifyFirst)}</p>`}
    </section>
    <section aria-labelledby="events-title">
      <h2 id="events-title">${escape(t.events)}</h2>
      <ol id="event-log" aria-live="polite"></ol>
    </section>
  </main>
</body>
</html>`);
  });

  /** The lease order: rent under supervision, the landlord's share split to it, the platform keeps its fee. */
  app.post('/landlords/lease', async (c) => {
    const firm = await firmOf(c);
    if (!firm.leaseOrderId) {
      const response = await bank('/v1/orders', {
        method: 'POST',
        headers: { 'Idempotency-Key': `lease-${firm.merchantId}` },
        body: JSON.stringify({
          amount: '28000.00', currency: 'CNY', description: 'Lease, 6 months · 2BR Chaoyang',
          rent: { monthlyRent: '3500.00', months: 6, deposit: '7000.00' },
          splits: [{ merchantId: firm.merchantId, amount: '13300.00' }],
        }),
      });
      if (response.ok) firm.leaseOrderId = (await json(response)).id;
    }
    return back(c);
  });

  /** A payout with the form's own Idempotency-Key: a resubmitted form never pays twice. */
  app.post('/landlords/payout', async (c) => {
    const firm = await firmOf(c);
    const form = await c.req.parseBody();
    const key = typeof form.key === 'string' ? form.key : '';
    const amount = typeof form.amount === 'string' ? form.amount.trim() : '';
    const response = await bank('/v1/payouts', {
      method: 'POST', headers: { 'Idempotency-Key': `payout-${key}` }, body: JSON.stringify({ merchantId: firm.merchantId, amount }),
    });
    const body = await json(response);
    if (response.ok && !firm.payouts.includes(body.id)) firm.payouts.push(body.id);
    firm.payoutRefused = response.ok ? undefined : `${body.error?.code}: ${body.error?.message}`;
    return back(c);
  });

  /** Sandbox only: settled sales in past months, so the credit offer has history to work from. */
  app.post('/landlords/sample-sales', async (c) => {
    const firm = await firmOf(c);
    await bank(`/v1/sandbox/merchants/${firm.merchantId}/income`, { method: 'POST', body: JSON.stringify({ months: 6, amount: '20000.00' }) });
    return back(c);
  });

  /** After `bank-merchant-verified` (a hint): the server reads the merchant's state from the bank. */
  app.get('/api/landlords/merchant', async (c) => {
    const firm = await firmOf(c);
    const merchant = await json(await bank(`/v1/merchants/${firm.merchantId}`));
    return c.json({ status: merchant.status, balance: merchant.balance });
  });
}
