/** The demo partner's page, rendered on its server. Everything interpolated is escaped. */
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const copy = {
  en: {
    title: 'HomeNest Rentals',
    tagline: 'Homes to rent across Beijing — pay rent and borrow with your bank, right here.',
    listing: '2-bedroom apartment, Chaoyang, Beijing',
    rent: '¥3,500 a month · 12-month lease',
    account: 'Your bank',
    payRent: 'Pay this month’s rent',
    borrow: 'Can’t pay the year up front? Spread it with a rent loan',
    rentPaid: 'Rent for December is paid — confirmed by our server with the bank.',
    rentUnpaid: 'Rent for December is not paid yet.',
    events: 'What the page heard (events are hints; our server checks with the bank)',
    other: '中文',
    landlords: 'For landlords and firms',
  },
  'zh-CN': {
    title: '安居租房',
    tagline: '北京好房源在线租——在这里直接用您的银行交租、借款。',
    listing: '北京朝阳区 两居室',
    rent: '每月 ¥3,500 · 租期 12 个月',
    account: '我的银行',
    payRent: '支付本月房租',
    borrow: '一次付不起全年房租？用租金贷分期',
    rentPaid: '12 月房租已支付——已由本站服务器向银行核实。',
    rentUnpaid: '12 月房租尚未支付。',
    events: '页面收到的事件（事件仅作提示，以服务器向银行核实为准）',
    other: 'English',
    landlords: '房东与企业',
  },
};

interface HomePage {
  nonce: string;
  lang: 'en' | 'zh-CN';
  bankOrigin: string;
  appId: string;
  orderId: string;
  rentPaid: boolean;
}

export function renderHomePage({ nonce, lang, bankOrigin, appId, orderId, rentPaid }: HomePage) {
  const t = copy[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(t.title)}</title>
  <link rel="icon" href="/favicon.ico">
  <link rel="stylesheet" href="/static/demo.css">
  <script nonce="${escape(nonce)}" src="${escape(bankOrigin)}/sdk/v1/bank-sdk.js"
          data-app-id="${escape(appId)}" data-token-url="/api/bank/client-token" data-locale="${lang}"></script>
  <script nonce="${escape(nonce)}" src="/static/demo.js" defer></script>
</head>
<body>
  <header>
    <a class="brand" href="/?lang=${lang}">${escape(t.title)}</a>
    <nav><a href="/?lang=${lang === 'en' ? 'zh-CN' : 'en'}">${escape(t.other)}</a> <a href="/landlords?lang=${lang}">${escape(t.landlords)}</a></nav>
    <bank-login></bank-login>
  </header>
  <main>
    <p class="tagline">${escape(t.tagline)}</p>
    <article class="listing">
      <h1>${escape(t.listing)}</h1>
      <p>${escape(t.rent)}</p>
      <h2>${escape(t.payRent)}</h2>
      <bank-pay order-id="${escape(orderId)}"></bank-pay>
      <h2>${escape(t.borrow)}</h2>
      <bank-loan-apply product="rent-loan" amount="36000" term="12" reference="lease-${escape(orderId)}"></bank-loan-apply>
      <p id="rent-status" role="status" data-paid="${rentPaid}" data-paid-text="${escape(t.rentPaid)}">${escape(rentPaid ? t.rentPaid : t.rentUnpaid)}</p>
    </article>
    <section aria-labelledby="events-title">
      <h2 id="events-title">${escape(t.events)}</h2>
      <ol id="event-log" aria-live="polite"></ol>
    </section>
  </main>
</body>
</html>`;
}
