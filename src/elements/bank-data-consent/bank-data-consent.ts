import { html, type PropertyValues } from 'lit';
import { ClaimError, isPurpose, parseClaims, purposes } from '../../domain/claims.ts';
import { sdkError, type SdkError } from '../../protocol/post-message.ts';
import type { BankDataConsentElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { bankEvent } from '../core/events.ts';
import { consentMessages, type ConsentMessage } from './messages.ts';
import type { ConsentAttributeMessage } from './attribute-messages.ts';
import { bankDataConsentStyles } from './bank-data-consent.styles.ts';

/**
 * Asks the customer to let the bank answer a few yes/no questions about them for this platform, e.g. to waive
 * a deposit. The customer sees and decides in the bank's `Share data` frame; the page learns only the consent's
 * id, and the partner's server reads the signed answers with `GET /v1/consents/{id}`.
 *
 * Attributes are checked before the customer is asked anything: a bad claim is `invalid_claim`, a missing or
 * unknown purpose `invalid_attribute`, a purpose this app is not registered for `purpose_not_allowed`.
 *
 * @attr purpose - `rental-screening`, `car-rental-deposit-waiver` or `renovation-financing` (required).
 * @attr claims - space-separated: `identity`, `balance-at-least:<amount>`, `income-at-least:<amount>` (required).
 * @event bank-consent-granted - `{consentId, purpose, expiresAt}`. A hint: read the consent on your server.
 * @event bank-consent-declined - `{purpose}` when the customer chose not to share, or closed the dialog.
 * @csspart button - the Share button. @csspart hint - the line under it. @csspart status - "Shared on … · valid until …".
 *
 * @tagname bank-data-consent
 */
export class BankDataConsent extends BankElement<ConsentMessage | ConsentAttributeMessage> implements BankDataConsentElement {
  static properties = {
    purpose: { reflect: true },
    claims: { reflect: true },
    allowed: { state: true },
    granted: { state: true },
    busy: { state: true },
  };
  static messages = consentMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.consent);
  static styles = [
    BankElement.styles,
    bankDataConsentStyles,
  ];

  purpose?: string;
  claims?: string;

  /** The bank's answer to "may this app ask for this?", for the request it was asked about. */
  private allowed?: { request: string; allowed: boolean };
  private granted?: { createdAt: string; expiresAt: string };
  private busy = false;

  get #request() {
    return `${this.purpose}\n${this.claims}`;
  }

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (!this.purpose) problems.push({ key: 'attr.purposeRequired' });
    else if (!isPurpose(this.purpose)) problems.push({ key: 'attr.purposeUnknown', params: { value: this.purpose, list: purposes.join(', ') } });
    if (!this.claims?.trim()) problems.push({ key: 'attr.claimsRequired' });
    return problems;
  }

  #claimProblem(): string | null {
    try {
      parseClaims(this.claims ?? '');
      return null;
    } catch (error) {
      return error instanceof ClaimError ? `claims: ${error.message}` : String(error);
    }
  }

  protected get hasData() {
    return this.allowed?.request === this.#request && this.allowed.allowed;
  }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('purpose') || changed.has('claims')) {
      this.granted = undefined;
      if (this.failure && ['invalid_claim', 'purpose_not_allowed'].includes(this.failure.code)) this.failure = null;
    }
    super.willUpdate(changed);
    if (this.failure?.code === 'invalid_attribute') return;
    const claimProblem = this.claims?.trim() ? this.#claimProblem() : null;
    if (claimProblem) {
      if (this.failure?.message !== claimProblem) this.failure = sdkError('invalid_claim', claimProblem);
      return;
    }
    if (!this.failure && this.session?.status === 'ready' && this.allowed?.request !== this.#request) void this.#check(this.#request);
  }

  /** Asks the bank whether this app is registered for the purpose: a yes or a no, nothing about the customer. */
  async #check(request: string) {
    this.allowed = { request, allowed: false };
    try {
      const { allowed } = await this.bank.call<{ allowed: boolean }>('checkConsentRequest', {
        purpose: this.purpose!, claims: this.claims!,
      });
      if (this.#request !== request) return;
      this.allowed = { request, allowed };
      if (!allowed) {
        this.failure = sdkError('purpose_not_allowed', `This app is not registered for the purpose "${this.purpose}".`);
      }
    } catch (error) {
      if (this.#request !== request) return;
      this.allowed = undefined;
      this.failure = error as SdkError;
    }
  }

  #date(iso: string) {
    return new Intl.DateTimeFormat(this.activeLocale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  protected renderReady() {
    if (this.granted) {
      const dates = { created: this.#date(this.granted.createdAt), expires: this.#date(this.granted.expiresAt) };
      return html`<p part="status" role="status" tabindex="-1" data-focus-after-dialog>${this.t('shared', dates)}</p>`;
    }
    return html`<button part="button" ?disabled=${this.busy} @click=${this.#share}>${this.t('share')}</button>
      <p part="hint">${this.t('hint')}</p>`;
  }

  async #share() {
    if (this.busy || !this.purpose || !this.claims) return;
    const purpose = this.purpose;
    this.busy = true;
    try {
      if (!this.session?.customer) {
        this.bank.act(this);
        if (!(await this.openSecureFrame('login', 'loginDialog'))) {
          this.emit(bankEvent('bank-consent-declined', { purpose }));
          return;
        }
      }
      const result = await this.openSecureFrame('consent', 'consentDialog', { purpose, claims: this.claims });
      if (result?.outcome === 'granted' && typeof result.consentId === 'string' && typeof result.expiresAt === 'string') {
        this.granted = { createdAt: String(result.createdAt), expiresAt: result.expiresAt };
        this.emit(bankEvent('bank-consent-granted', { consentId: result.consentId, purpose, expiresAt: result.expiresAt }));
      } else {
        this.emit(bankEvent('bank-consent-declined', { purpose }));
      }
    } finally {
      this.busy = false;
    }
  }

  protected retry() {
    if (this.failure && !['invalid_claim', 'purpose_not_allowed'].includes(this.failure.code)) this.allowed = undefined;
    super.retry();
  }
}
