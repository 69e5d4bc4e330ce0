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
    grow: 'Grow your deposit savings',
    growNote: 'Wealth products from your bank, shown and sold by the bank itself: we never see them or your holdings.',
    other: '中文',
    openAccount: 'No bank account yet? Open one here to pay your rent',
    openAccountNote: 'A Class II e-account from the bank, bound to a debit card you already have. Takes two minutes.',
    yourAccounts: 'Your bank accounts',
    deposit: 'Skip the ¥3,500 deposit',
    depositHow: 'Let your bank answer three yes/no questions — are you real-name verified, is your income at least ¥10,500 a month, do you hold at least ¥3,500 — and we waive the deposit. We never see your income or balance.',
    depositWaived: 'Deposit waived — our server verified the bank’s signed answers.',
    depositNotEligible: 'Thank you for sharing. The bank’s answers don’t let us waive the deposit this time, so the usual deposit applies — you are still very welcome to rent this home.',
    depositWithdrawn: 'You withdrew your consent, so the deposit waiver no longer applies.',
    depositOpen: 'The usual deposit applies unless you choose to share.',
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
    grow: '让押金储蓄增值',
    growNote: '以下理财产品由您的银行展示和销售，本站看不到产品信息和您的持仓。',
    other: 'English',
    openAccount: '还没有银行账户？在这里开户交租',
    openAccountNote: '银行的 II 类电子账户，绑定您已有的借记卡，两分钟即可开通。',
    yourAccounts: '我的银行账户',
    deposit: '免交 ¥3,500 押金',
    depositHow: '由您的银行回答三个“是/否”问题——是否实名认证、月收入是否不低于 ¥10,500、存款是否不低于 ¥3,500——即可免押金。我们看不到您的收入和余额。',
    depositWaived: '押金已免除——本站服务器已核验银行签名的答案。',
    depositNotEligible: '感谢您的共享。根据银行的答案，这次暂不能免除押金，仍按常规收取——欢迎您继续租住这套房源。',
    depositWithdrawn: '您已撤回授权，免押金不再适用。',
    depositOpen: '如不共享，按常规收取押金。',
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
  deposit?: 'waived' | 'not-eligible' | 'withdrawn';
}

export function renderHomePage({ nonce, lang, bankOrigin, appId, orderId, rentPaid, deposit }: HomePage) {
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
      <h2>${escape(t.deposit)}</h2>
      <p>${escape(t.depositHow)}</p>
      <bank-data-consent purpose="rental-screening" claims="identity income-at-least:10500 balance-at-least:3500"></bank-data-consent>
      <p id="deposit-status" role="status" data-deposit="${deposit ?? ''}" data-waived-text="${escape(t.depositWaived)}"
         data-not-eligible-text="${escape(t.depositNotEligible)}" data-withdrawn-text="${escape(t.depositWithdrawn)}">${escape(
           deposit === 'waived' ? t.depositWaived : deposit === 'not-eligible' ? t.depositNotEligible
             : deposit === 'withdrawn' ? t.depositWithdrawn : t.depositOpen)}</p>
    </article>
    <section class="listing" aria-labelledby="open-account-title">
      <h2 id="open-account-title">${escape(t.openAccount)}</h2>
      <p>${escape(t.openAccountNote)}</p>
      <bank-account-open account-class="II"></bank-account-open>
      <h2>${escape(t.yourAccounts)}</h2>
      <bank-account></bank-account>
    </section>
    <section class="grow" aria-labelledby="grow-title">
      <h2 id="grow-title">${escape(t.grow)}</h2>
      <p>${escape(t.growNote)}</p>
      <bank-invest></bank-invest>
    </section>
    <section aria-labelledby="events-title">
      <h2 id="events-title">${escape(t.events)}</h2>
      <ol id="event-log" aria-live="polite"></ol>
    </section>
  </main>
</body>
</html>`;
}
