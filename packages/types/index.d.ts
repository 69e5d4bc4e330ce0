// bank-sdk 1.0.0: public types. Generated from src/types/public.ts by the build.
/**
 * The SDK's public surface as types: the contract's events and their `detail`, the elements and their
 * attributes, and `window.BankSDK`. Self-contained (no imports), so the build emits it as one declaration file:
 * served at `/sdk/v1/bank-sdk.d.ts` and published as `packages/types`. The implementation is checked against it
 * (the event classes, the elements and the error table), so the two cannot drift apart.
 *
 * @example
 * /// <reference types="@bank-sdk/types" />
 * document.addEventListener('bank-pay-success', (event) => confirmOnServer(event.detail.orderId));
 */
/** Codes of `bank-error`, `bank-pay-failure` and the frames (docs/errors.md). */
export type BankErrorCode = 'invalid_attribute' | 'config_invalid' | 'token_fetch_failed' | 'network' | 'bank_unavailable' | 'origin_not_allowed' | 'session_expired' | 'rate_limited' | 'not_found' | 'invalid_request' | 'internal' | 'invalid_credentials' | 'locked' | 'insufficient_funds' | 'limit_exceeded' | 'account_frozen' | 'already_paid' | 'order_cancelled' | 'declined' | 'duplicate_application' | 'verification_failed' | 'account_exists' | 'suitability_mismatch' | 'below_minimum' | 'purpose_not_allowed' | 'invalid_claim' | 'merchant_unverified' | 'split_exceeds_amount';
/** `detail` of each event, by event type. Amounts are decimal strings with two decimals (`"3500.00"`). */
export interface BankEventDetails {
    'bank-ready': Record<string, never>;
    'bank-error': {
        code: BankErrorCode;
        message: string;
        retryable: boolean;
    };
    'bank-cancel': Record<string, never>;
    'bank-login-success': {
        customerId: string;
        displayName: string;
        expiresAt: string;
    };
    'bank-logout': Record<string, never>;
    'bank-pay-success': {
        orderId: string;
        paymentId: string;
        status: 'paid';
    };
    'bank-pay-failure': {
        orderId: string;
        code: BankErrorCode;
        message: string;
    };
    'bank-loan-submitted': {
        applicationId: string;
        status: 'approved' | 'pending' | 'declined';
        amount: string;
        termMonths: number;
        /** Annual percentage rate in percent, two decimals: `"7.20"` is 7.20%. */
        apr: string;
    };
    'bank-account-opened': {
        accountId: string;
        accountClass: 'II' | 'III';
        last4: string;
    };
    'bank-invest-success': {
        subscriptionId: string;
        productId: string;
        amount: string;
        status: 'confirmed' | 'cooling-off';
    };
    'bank-invest-redeemed': {
        redemptionId: string;
        productId: string;
        amount: string;
        arrival: 'instant' | 'next-day';
    };
    'bank-consent-granted': {
        consentId: string;
        purpose: string;
        expiresAt: string;
    };
    'bank-consent-declined': {
        purpose: string;
    };
    'bank-merchant-verified': {
        merchantId: string;
        status: 'verified' | 'pending';
    };
}
export type BankEventType = keyof BankEventDetails;
/** Every SDK event: bubbles, composed, a `CustomEvent` with a typed `detail`. */
export interface BankSdkEvent<K extends BankEventType = BankEventType> extends CustomEvent<BankEventDetails[K]> {
    readonly type: K;
}
/** Attributes every element accepts. */
export interface BankElementAttributes {
    /** `en` or `zh-CN`; overrides the script tag's `data-locale`. */
    locale?: string;
}
export interface BankLoginElement extends HTMLElement, BankElementAttributes {
}
export interface BankPayElement extends HTMLElement, BankElementAttributes {
    /** The order to pay (`ord_…`), created by the partner's server. */
    orderId?: string;
}
export interface BankLoanApplyElement extends HTMLElement, BankElementAttributes {
    /** `rent-loan`, `renovation-loan` or `merchant-loan`. */
    product?: string;
    /** The amount to start with, in yuan (`"36000"`). */
    amount?: string;
    /** The term to start with, in months. */
    term?: string;
    /** The partner's reference (e.g. a lease id). */
    reference?: string;
    /** The merchant (`mer_…`) a `merchant-loan` is for. */
    merchantId?: string;
}
/** An inline bank frame with the customer's accounts, balances, limits, transactions and consents. */
export interface BankAccountElement extends HTMLElement, BankElementAttributes {
}
export interface BankAccountOpenElement extends HTMLElement, BankElementAttributes {
    /** `II` (the default) or `III`. */
    accountClass?: string;
}
export interface BankInvestElement extends HTMLElement, BankElementAttributes {
    /** Open the shelf on this product (e.g. `cash-plus`). */
    product?: string;
}
export interface BankDataConsentElement extends HTMLElement, BankElementAttributes {
    /** `rental-screening`, `car-rental-deposit-waiver` or `renovation-financing`. */
    purpose?: string;
    /** Space-separated claims: `identity`, `balance-at-least:<amount>`, `income-at-least:<amount>`. */
    claims?: string;
}
export interface BankMerchantOnboardElement extends HTMLElement, BankElementAttributes {
    /** The merchant (`mer_…`) created by the partner's server with `POST /v1/merchants`. */
    merchantId?: string;
}
/** `window.BankSDK`. */
export interface BankSDK {
    readonly version: string;
    /** Resolves when the elements can be used; rejects with `{code, message, retryable}`. */
    readonly ready: Promise<void>;
    /** Logs the customer out of every element on the page. */
    logout(): Promise<void>;
}
declare global {
    interface Window {
        readonly BankSDK?: BankSDK;
    }
    interface HTMLElementTagNameMap {
        'bank-login': BankLoginElement;
        'bank-pay': BankPayElement;
        'bank-loan-apply': BankLoanApplyElement;
        'bank-account': BankAccountElement;
        'bank-account-open': BankAccountOpenElement;
        'bank-invest': BankInvestElement;
        'bank-data-consent': BankDataConsentElement;
        'bank-merchant-onboard': BankMerchantOnboardElement;
    }
    interface GlobalEventHandlersEventMap {
        'bank-ready': BankSdkEvent<'bank-ready'>;
        'bank-error': BankSdkEvent<'bank-error'>;
        'bank-cancel': BankSdkEvent<'bank-cancel'>;
        'bank-login-success': BankSdkEvent<'bank-login-success'>;
        'bank-logout': BankSdkEvent<'bank-logout'>;
        'bank-pay-success': BankSdkEvent<'bank-pay-success'>;
        'bank-pay-failure': BankSdkEvent<'bank-pay-failure'>;
        'bank-loan-submitted': BankSdkEvent<'bank-loan-submitted'>;
        'bank-account-opened': BankSdkEvent<'bank-account-opened'>;
        'bank-invest-success': BankSdkEvent<'bank-invest-success'>;
        'bank-invest-redeemed': BankSdkEvent<'bank-invest-redeemed'>;
        'bank-consent-granted': BankSdkEvent<'bank-consent-granted'>;
        'bank-consent-declined': BankSdkEvent<'bank-consent-declined'>;
        'bank-merchant-verified': BankSdkEvent<'bank-merchant-verified'>;
    }
}
