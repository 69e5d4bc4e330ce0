// tsc does not read the templates in .vue files (vue-tsc does, and is not installed here). This checks, with tsc,
// that what App.vue binds fits the tag types generated from custom-elements.json: the attributes, and each
// handler against its event's typed `detail`.
import type { CustomElements } from './bank-elements';
import type { useRentPage } from './rent-page.ts';

type Props<Tag extends keyof CustomElements> = InstanceType<CustomElements[Tag]>['$props'];
declare const page: ReturnType<typeof useRentPage>;

export const appBindings = {
  login: { 'onbank-login-success': page.onLogin, 'onbank-logout': page.onLogout } satisfies Props<'bank-login'>,
  pay: {
    'order-id': 'ord_example',
    'onbank-pay-success': page.onPaid,
    'onbank-pay-failure': page.onPayFailure,
  } satisfies Props<'bank-pay'>,
  loan: { product: 'rent-loan', amount: '36000', term: '12', 'onbank-loan-submitted': page.onLoanSubmitted } satisfies Props<'bank-loan-apply'>,
};
