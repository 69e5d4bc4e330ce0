/**
 * The bridge: one hidden bank-origin frame per partner page. It holds the session token in memory, is the only
 * caller of the bank API with it, and answers the page's narrow RPC (`start`, `logout` and the reads the elements
 * show: orders, loan products and quotes) and the secure frames' requests over this page's BroadcastChannel.
 */
import {
  isBridgeRequest, isCustomerDisplay, sdkError, type BridgeRequest, type ChannelRequest, type CustomerDisplay,
} from '../../protocol/post-message.ts';
import { BankApi } from '../common/bank-api.ts';
import { postToPartner, readFramePage, type FramePage } from '../common/frame-page.ts';
import { isLocale } from '../../i18n/locale.ts';
import { investMethods } from './invest.ts';

const api = new BankApi();
let customer: CustomerDisplay | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
/** The bank's name and hotline: the same for every frame, asked once. */
let bankInfo: Promise<unknown> | undefined;
/** How long an early answer (see `keepEarly`) may stand for the page's identical reads. */
const freshFor = 10_000;

/** Records who is logged in (and when that ends); tells the page unless the change is the reply to its own call. */
function setCustomer(page: FramePage, next: CustomerDisplay | null, announce = true) {
  customer = next;
  readsInFlight.clear();
  earlyAnswers.clear();
  clearTimeout(expiryTimer);
  if (next) {
    // The page hears of the login's end when it happens, not on the customer's next click.
    expiryTimer = setTimeout(() => setCustomer(page, null), Math.max(0, Date.parse(next.expiresAt) - Date.now()));
  }
  if (announce) postToPartner(page, { event: 'session', data: { customer } });
}

type Handler = (page: FramePage, params: Record<string, unknown>) => Promise<unknown>;

const str = (value: unknown, name: string, max = 200): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw sdkError('invalid_request', `${name} is missing or too long.`);
  }
  return value;
};

/** The partner page's RPC. */
const pageMethods: Record<BridgeRequest['method'], Handler> = {
  async start(page, params) {
    api.token = null;
    readsInFlight.clear();
    const first = firstReadsOf(params.elements);
    const started = await api.post<{ sessionToken: string; customer: unknown; orders?: unknown; reads?: unknown }>('sessions', {
      clientToken: str(params.clientToken, 'clientToken'),
      appId: page.appId,
      origin: page.partnerOrigin,
      locale: params.locale === 'en' ? 'en' : 'zh-CN',
      // The page's orders come back with the session: one round trip fewer before `<bank-pay>` shows its order.
      orderIds: first.orderIds,
      // So are its other first reads (its merchants, purpose checks, loan products): none is asked after it.
      reads: first.reads,
    });
    api.token = started.sessionToken;
    setCustomer(page, isCustomerDisplay(started.customer) ? started.customer : null, false);
    // The page gets them too, with this reply: its elements render with their data in one pass (bridge-client.ts).
    return { customer, early: keepEarly(first.reads, started.orders, started.reads) };
  },
  async logout(page) {
    await api.post('logout');
    setCustomer(page, null);
    return { customer: null };
  },
  getOrder: (_page, params) => api.get(`orders/${encodeURIComponent(str(params.orderId, 'orderId', 100))}`),
  loanProducts: () => api.get('loan-products'),
  loanQuote: (_page, params) => api.post('loan-quotes', loanTermsOf(params)),
  /** May this app ask for this data? Only yes or no goes to the page: never an answer about the customer. */
  checkConsentRequest: async (_page, params) => consentAnswerOf(await api.post('consent-checks', consentRequestOf(params))),
  getMerchant: async (_page, params) => merchantStateOf(await api.get(`merchants/${encodeURIComponent(str(params.merchantId, 'merchantId', 100))}`)),
};

/** Only yes or no crosses to the page, whatever else an answer might carry. */
const consentAnswerOf = (answer: unknown) => ({ allowed: (answer as { allowed?: unknown }).allowed === true });

/** Only the state crosses to the page, whatever else an answer might carry. */
function merchantStateOf(answer: unknown) {
  const { merchantId, status, type, reason } = answer as Record<string, unknown>;
  return { merchantId, status, type, ...(typeof reason === 'string' ? { reason } : {}) };
}

function consentRequestOf(params: Record<string, unknown>) {
  return { purpose: str(params.purpose, 'purpose', 60), claims: str(params.claims, 'claims', 400) };
}

function loanTermsOf(params: Record<string, unknown>) {
  return {
    product: str(params.product, 'product', 40),
    amount: str(params.amount, 'amount', 20),
    termMonths: Number(str(params.termMonths, 'termMonths', 3)),
    repaymentMethod: str(params.repaymentMethod, 'repaymentMethod', 40),
  };
}

/** The secure frames' requests (bank origin only: BroadcastChannel never crosses origins). */
const frameMethods: Record<string, Handler> = {
  login: (_page, params) =>
    api.post('login', { phone: str(params.phone, 'phone', 20), password: str(params.password, 'password', 100) }),
  async verify(page, params) {
    const result = await api.post<{ customer: CustomerDisplay }>('login/verify', {
      challengeId: str(params.challengeId, 'challengeId'),
      code: str(params.code, 'code', 10),
    });
    setCustomer(page, result.customer);
    return { customer: result.customer };
  },
  getOrder: (page, params) => pageMethods.getOrder(page, params),
  accounts: () => api.get('accounts'),
  loanQuote: (page, params) => pageMethods.loanQuote(page, params),
  applyLoan: (_page, params) =>
    api.post('loan-applications', {
      ...loanTermsOf(params),
      reference: typeof params.reference === 'string' && params.reference ? params.reference.slice(0, 100) : undefined,
      fullName: str(params.fullName, 'fullName', 60),
      idNumber: str(params.idNumber, 'idNumber', 18),
      monthlyIncome: str(params.monthlyIncome, 'monthlyIncome', 20),
      employer: str(params.employer, 'employer', 100),
      consent: params.consent === true,
      merchantId: typeof params.merchantId === 'string' && params.merchantId ? params.merchantId.slice(0, 100) : undefined,
    }),
  consentPreview: (_page, params) => api.post('consent-previews', consentRequestOf(params)),
  grantConsent: (_page, params) =>
    api.post('consents', {
      ...consentRequestOf(params),
      textVersion: str(params.textVersion, 'textVersion', 60),
      agreed: params.agreed === true,
    }),
  consents: () => api.get('consents'),
  revokeConsent: (_page, params) => api.post(`consents/${encodeURIComponent(str(params.id, 'id', 100))}/revoke`),
  resendCode: (_page, params) => api.post('login/resend', { challengeId: str(params.challengeId, 'challengeId') }),
  bankInfo: () => (bankInfo ??= api.get('bank-info').catch((error) => ((bankInfo = undefined), Promise.reject(error)))),
  /** Whether an application for this reference is open: `{open, status?}` only, for the loan frame. */
  openApplication: (_page, params) =>
    api.get(`loan-applications?reference=${encodeURIComponent(str(params.reference, 'reference', 100))}`),
  getMerchant: (page, params) => pageMethods.getMerchant(page, params),
  merchantCreditOffer: (_page, params) => api.get(`merchants/${encodeURIComponent(str(params.merchantId, 'merchantId', 100))}/credit-offer`),
  verifyMerchant: async (_page, params) =>
    merchantStateOf(await api.post(`merchants/${encodeURIComponent(str(params.merchantId, 'merchantId', 100))}/verification`, {
      name: str(params.name, 'name', 100),
      creditCode: typeof params.creditCode === 'string' && params.creditCode ? params.creditCode.slice(0, 18) : undefined,
      representative: str(params.representative, 'representative', 60),
      representativeId: str(params.representativeId, 'representativeId', 18),
      settlementAccount: str(params.settlementAccount, 'settlementAccount', 19),
    })),
  /** Sent once per attempt key; a lost answer is never re-sent blindly: the frame asks the order's status. */
  pay: (_page, params) =>
    api.post(
      'payments',
      {
        orderId: str(params.orderId, 'orderId', 100),
        accountId: str(params.accountId, 'accountId', 100),
        pin: str(params.pin, 'pin', 12),
        expectedAmount: str(params.expectedAmount, 'expectedAmount', 20),
      },
      { 'Idempotency-Key': str(params.idempotencyKey, 'idempotencyKey', 100) },
    ),
  ...investMethods(api, str),
  ...accountMethods(),
};

/** Opening and using Class II/III accounts (`Open an account` and `Accounts` frames); nothing here is a page method. */
function accountMethods(): Record<string, Handler> {
  const id = (params: Record<string, unknown>) => encodeURIComponent(str(params.accountId, 'accountId', 100));
  const details = (params: Record<string, unknown>) => ({
    challengeId: typeof params.challengeId === 'string' && params.challengeId ? params.challengeId.slice(0, 100) : undefined,
    accountClass: str(params.accountClass, 'accountClass', 3),
    fullName: str(params.fullName, 'fullName', 60),
    idNumber: str(params.idNumber, 'idNumber', 18),
    cardNumber: str(params.cardNumber, 'cardNumber', 30),
    termsVersion: str(params.termsVersion, 'termsVersion', 20),
  });
  return {
    accountOpening: () => api.get('account-opening'),
    openingSms: (_page, params) => api.post('account-opening/sms', { phone: str(params.phone, 'phone', 20) }),
    openingVerify: (_page, params) =>
      api.post('account-opening/verify', { challengeId: str(params.challengeId, 'challengeId'), code: str(params.code, 'code', 10) }),
    openingCheck: (_page, params) => api.post('account-opening/check', details(params)),
    async openAccount(page, params) {
      const result = await api.post<{ account: unknown; customer: CustomerDisplay | null }>('account-openings', {
        ...details(params),
        pin: str(params.pin, 'pin', 12),
        password: typeof params.password === 'string' && params.password ? params.password.slice(0, 100) : undefined,
      });
      // A person who was not logged in is now (the login the opening implies): every element hears of it.
      if (isCustomerDisplay(result.customer) && result.customer.customerId !== customer?.customerId) setCustomer(page, result.customer);
      return { account: result.account };
    },
    transactions: (_page, params) =>
      api.get(`accounts/${id(params)}/transactions${typeof params.cursor === 'string' && /^\d{1,15}$/.test(params.cursor) ? `?cursor=${params.cursor}` : ''}`),
    topUp: (_page, params) =>
      api.post(
        `accounts/${id(params)}/top-ups`,
        { amount: str(params.amount, 'amount', 20), pin: str(params.pin, 'pin', 12) },
        { 'Idempotency-Key': str(params.idempotencyKey, 'idempotencyKey', 100) },
      ),
    statementLink: (_page, params) => api.post(`accounts/${id(params)}/statement-links`, { month: str(params.month, 'month', 7) }),
  };
}

/**
 * The page's reads that many elements ask at once with the same parameters (six `<bank-merchant-onboard>` for one
 * merchant, six `<bank-data-consent>` for one purpose): one request to the bank while it is in flight, its answer
 * to each (issue #14). A read asked after a start, a login or a logout is never joined to one asked before it.
 */
const sharedReads = new Set<string>(['getOrder', 'loanProducts', 'loanQuote', 'checkConsentRequest', 'getMerchant']);
const readsInFlight = new Map<string, Promise<unknown>>();
const readKey = (method: string, params: Record<string, unknown>) =>
  JSON.stringify([method, Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))]);

/**
 * Early answers: what the bank answered with the session to the reads the page said, with its `start`, that its
 * elements will make (src/elements/core/early-reads.ts): their orders, merchants, purpose checks, loan products. Each is
 * given to the page's identical reads (many elements may ask the same) for at most `freshFor`; a login, a logout, a
 * new start and any request of a bank frame (where the customer acts: the payment frame reads the order itself) drop
 * them all, so nothing a customer did is hidden behind an early answer.
 */
let earlyAnswers = new Map<string, { read: Promise<unknown>; at: number }>();

/**
 * The page's elements as its `start` lists them (src/elements/core/early-reads.ts: `[tag, order-id, merchant-id,
 * purpose, claims]` each), as the first reads they will make, all answered with the session: the orders, and the
 * other reads as `[method, params]`. Anything malformed is left out: the element's own read then goes as usual.
 */
function firstReadsOf(elements: unknown) {
  const orderIds = new Set<string>();
  const reads = new Map<string, [BridgeRequest['method'], Record<string, string>]>();
  let list: unknown;
  try {
    list = JSON.parse(String(elements).slice(0, 50_000));
  } catch {
    // nothing early
  }
  for (const item of Array.isArray(list) ? list.slice(0, 2 * mostEarly) : []) {
    const [tag, orderId, merchantId, purpose, claims] = Array.isArray(item) && item.every((v) => v === null || typeof v === 'string') ? item : [];
    const read = (method: BridgeRequest['method'], params: Record<string, string>) => reads.set(readKey(method, params), [method, params]);
    if (tag === 'bank-pay' && /^ord_[\w-]{6,64}$/.test(orderId)) orderIds.add(orderId);
    else if (tag === 'bank-loan-apply') read('loanProducts', {});
    else if (tag === 'bank-merchant-onboard' && merchantId) read('getMerchant', { merchantId });
    else if (tag === 'bank-data-consent' && purpose && claims) read('checkConsentRequest', { purpose, claims });
  }
  return { orderIds: [...orderIds].slice(0, mostEarly), reads: [...reads.values()].slice(0, mostEarly) };
}

/**
 * How many orders, and how many other distinct reads, the bank answers with the session (as many as the sandbox's
 * `/v1/frame/sessions` answers): a page of 50 `<bank-pay>` (a tenant's bills) renders in one pass too.
 */
const mostEarly = 100;

/** What crosses to the page of each first read the bank answered with the session: as the page's own read gives. */
const earlyViews: Partial<Record<BridgeRequest['method'], (answer: Record<string, unknown>) => unknown>> = {
  loanProducts: (answer) => answer,
  getMerchant: merchantStateOf,
  checkConsentRequest: consentAnswerOf,
};

/**
 * Keeps the bank's answers to the first reads; a read it did not answer (`null`) goes to the bank when asked.
 * Returns them for the page, exactly as its elements' own reads would be answered, by method and parameters as the
 * elements write them (`getOrder{"orderId":…}`: bridge-client.ts).
 */
function keepEarly(reads: [BridgeRequest['method'], Record<string, string>][], orders: unknown, answers: unknown) {
  const at = Date.now();
  const views: [BridgeRequest['method'], Record<string, string>, unknown][] = [];
  for (const order of Array.isArray(orders) ? orders : []) {
    if (typeof order?.id === 'string') views.push(['getOrder', { orderId: order.id }, order]);
  }
  reads.forEach(([method, params], i) => {
    const answer: unknown = Array.isArray(answers) ? answers[i] : null;
    const view = earlyViews[method];
    if (view && answer && typeof answer === 'object') views.push([method, params, view(answer as Record<string, unknown>)]);
  });
  earlyAnswers = new Map(views.map(([method, params, view]) => [readKey(method, params), { read: Promise.resolve(view), at }]));
  return Object.fromEntries(views.map(([method, params, view]) => [method + JSON.stringify(params), view]));
}

function pageCall(page: FramePage, method: BridgeRequest['method'], params: Record<string, unknown>) {
  if (!sharedReads.has(method)) return run(page, pageMethods[method], params);
  const key = readKey(method, params);
  const early = earlyAnswers.get(key);
  if (early && Date.now() - early.at < freshFor) return early.read;
  let answer = readsInFlight.get(key);
  if (!answer) {
    answer = run(page, pageMethods[method], params).finally(() => readsInFlight.delete(key));
    readsInFlight.set(key, answer);
  }
  return answer;
}

async function run(page: FramePage, handler: Handler | undefined, params: Record<string, unknown>) {
  if (!handler) throw sdkError('invalid_request', 'Unknown method.');
  try {
    return await handler(page, params);
  } catch (error) {
    // Only plain SdkError objects cross to the page and the frames.
    throw typeof error === 'object' && error !== null && 'code' in error ? error : sdkError('internal', String(error));
  }
}

function main() {
  const page = readFramePage();
  if ('code' in page) return; // not embedded by a page of this app: stay silent
  api.onError = (bankCode) => {
    if (bankCode === 'session_expired' && api.token) {
      // The frame session ended. A fresh client token starts a new one, and its answer says whether the customer
      // is still logged in (the resume cookie), so the page sees a logout only if there really was one.
      api.token = null;
      postToPartner(page, { event: 'token-needed', data: {} });
    } else if (bankCode === 'login_required' && customer) {
      setCustomer(page, null); // logged out elsewhere (another tab, a lock, the login's expiry)
    }
  };
  const channelName = crypto.randomUUID();
  const channel = new BroadcastChannel(`bank-sdk/${channelName}`);

  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || event.origin !== page.partnerOrigin || !isBridgeRequest(event.data)) return;
    const { id, method, params = {} } = event.data;
    try {
      api.locale = undefined; // the page's own reads: in the session's language
      const result = await pageCall(page, method, params);
      postToPartner(page, { id, result });
    } catch (error) {
      postToPartner(page, { id, error });
    }
  });

  channel.onmessage = async (event: MessageEvent<ChannelRequest>) => {
    const request = event.data;
    if (!request || typeof request.id !== 'string' || typeof request.method !== 'string' ||
        typeof request.params !== 'object' || request.params === null) return;
    earlyAnswers.clear();
    try {
      // A frame's request is answered in that frame's language (an element's `locale` may differ from the page's).
      api.locale = isLocale(request.locale) ? request.locale : undefined;
      const result = await run(page, Object.hasOwn(frameMethods, request.method) ? frameMethods[request.method] : undefined, request.params);
      channel.postMessage({ id: request.id, result });
    } catch (error) {
      channel.postMessage({ id: request.id, error });
    }
  };

  postToPartner(page, { event: 'bridge-ready', data: { channel: channelName } });
}

main();
