/**
 * The `Accounts` frame's Add money form (amount and payment PIN, from the bound card): a lazy chunk of the frame's
 * build, loaded from the bank's origin when the customer first taps `Add money`, so the frame's first view does not
 * carry it (test/sizes.ts counts it in the frame's whole size).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { parseAmount } from '../../domain/money.ts';
import { format } from '../../i18n/locale.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import type { FramePage } from '../common/frame-page.ts';
import type { FrameMessage } from '../common/messages.ts';
import { addMoneyMessages, type AddMoneyMessage } from './add-money-messages.ts';

/** What the form needs of the `Accounts` panel (its state and the frame shell's bank call, texts and errors). */
export interface AddMoneyHost {
  readonly framePage: FramePage;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  busy: boolean;
  error: SdkError | null;
  adding?: string;
  addProblem: Partial<Record<'amount' | 'pin', AddMoneyMessage>>;
  addStatus?: { accountId: string; text: string; alert: boolean };
  attemptKey?: string;
  closeAdd: () => void;
  t(key: FrameMessage, params?: Record<string, string | number>): string;
  errorKey(error: SdkError): FrameMessage;
  call<T>(method: string, params: Record<string, unknown>): Promise<T | undefined>;
  money(amount: string): string;
  load(): Promise<void>;
}

interface Account {
  id: string;
  boundCard: string | null;
}

const m = (host: AddMoneyHost, key: AddMoneyMessage, params?: Record<string, string | number>) =>
  format(addMoneyMessages[host.framePage.locale][key], params);

export function renderAddMoneyForm(host: AddMoneyHost, a: Account, statusLine: unknown, submitLabel: string): TemplateResult {
  const problem = host.addProblem;
  return html`<form @submit=${(e: Event) => addMoney(host, e, a)} novalidate>
      <p class="hint">${m(host, 'addMoneyHint', { card: a.boundCard ?? '' })}</p>
      <label for="amount">${m(host, 'amount')}
        <input id="amount" name="amount" inputmode="decimal" autocomplete="off" maxlength="12"
          aria-invalid=${problem.amount ? 'true' : 'false'} aria-describedby=${problem.amount ? 'amount-error' : nothing} />
      </label>
      ${problem.amount ? html`<p class="field-error" id="amount-error">${m(host, problem.amount)}</p>` : nothing}
      <label for="pin">${host.t('pin')}
        <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6"
          aria-invalid=${problem.pin ? 'true' : 'false'} aria-describedby=${problem.pin ? 'pin-error' : nothing} />
      </label>
      ${problem.pin ? html`<p class="field-error" id="pin-error">${m(host, problem.pin)}</p>` : nothing}
      ${statusLine}
      <div class="actions">
        <button type="submit" ?disabled=${host.busy}>${submitLabel}</button>
        <button type="button" class="secondary" @click=${host.closeAdd}>${host.t('cancel')}</button>
      </div>
    </form>`;
}

async function addMoney(host: AddMoneyHost, event: Event, a: Account) {
  event.preventDefault();
  if (host.busy) return;
  const amountInput = host.renderRoot.querySelector('#amount') as HTMLInputElement;
  const pinInput = host.renderRoot.querySelector('#pin') as HTMLInputElement;
  let amount = '';
  try {
    amount = (parseAmount(amountInput.value.trim()) / 100).toFixed(2);
  } catch {
    // reported below
  }
  host.addProblem = {
    amount: amount ? undefined : 'invalid.amount',
    pin: /^\d{6}$/.test(pinInput.value) ? undefined : 'invalid.pin',
  };
  if (host.addProblem.amount || host.addProblem.pin) {
    await host.updateComplete;
    (host.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
    return;
  }
  host.attemptKey ??= crypto.randomUUID();
  const result = await host.call<{ balance: string }>('topUp', {
    accountId: a.id, amount, pin: pinInput.value, idempotencyKey: host.attemptKey,
  });
  const error = host.error;
  host.error = null;
  if (result) {
    host.attemptKey = undefined;
    host.adding = undefined;
    host.addStatus = { accountId: a.id, text: m(host, 'added', { amount: host.money(amount) }), alert: false };
    await host.load();
    return;
  }
  if (error!.retryable) {
    // The answer was lost: the same key is kept, so trying again cannot add the money twice.
    host.addStatus = { accountId: a.id, text: m(host, 'notConfirmed'), alert: true };
    return;
  }
  host.attemptKey = undefined;
  pinInput.value = '';
  const own = `error.${error!.code}` as AddMoneyMessage;
  const text = error!.code === 'invalid_credentials'
    ? host.t('error.invalid_pin')
    : own in addMoneyMessages.en ? m(host, own) : host.t(host.errorKey(error!));
  host.addStatus = { accountId: a.id, text, alert: true };
}
