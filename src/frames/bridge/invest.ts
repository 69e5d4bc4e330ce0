/**
 * The bridge's methods for the wealth frames (`Investments`, `Buy`, `Redeem`): bank-origin frames only, over the
 * page's BroadcastChannel. The partner page's RPC has none of them: product data, holdings and answers never
 * reach it.
 */
import type { BankApi } from '../common/bank-api.ts';

type Handler = (page: unknown, params: Record<string, unknown>) => Promise<unknown>;
type Str = (value: unknown, name: string, max?: number) => string;

export function investMethods(api: BankApi, str: Str): Record<string, Handler> {
  const product = (params: Record<string, unknown>) => str(params.productId, 'productId', 40);
  return {
    investProducts: () => api.get('invest/products'),
    investOverview: () => api.get('invest/overview'),
    investAssess: (_page, params) => api.post('invest/assessments', { answers: params.answers }),
    investCheck: (_page, params) =>
      api.post('invest/purchase-checks', {
        productId: product(params), amount: str(params.amount, 'amount', 20), accountId: str(params.accountId, 'accountId', 100),
      }),
    investBuy: (_page, params) =>
      api.post(
        'invest/subscriptions',
        {
          productId: product(params),
          amount: str(params.amount, 'amount', 20),
          accountId: str(params.accountId, 'accountId', 100),
          pin: str(params.pin, 'pin', 12),
          documents: params.documents,
          termsAcknowledged: params.termsAcknowledged === true,
          qualifiedInvestor: params.qualifiedInvestor === true,
          shownAt: str(params.shownAt, 'shownAt', 40),
        },
        { 'Idempotency-Key': str(params.idempotencyKey, 'idempotencyKey', 100) },
      ),
    investCancel: (_page, params) =>
      api.post(`invest/subscriptions/${encodeURIComponent(str(params.subscriptionId, 'subscriptionId', 100))}/cancel`),
    investRedeemCheck: (_page, params) =>
      api.post('invest/redemption-checks', { productId: product(params), amount: str(params.amount, 'amount', 20) }),
    investRedeem: (_page, params) =>
      api.post(
        'invest/redemptions',
        { productId: product(params), amount: str(params.amount, 'amount', 20), pin: str(params.pin, 'pin', 12) },
        { 'Idempotency-Key': str(params.idempotencyKey, 'idempotencyKey', 100) },
      ),
  };
}
