/**
 * The `Buy` frame's risk assessment: the questionnaire and its result. A lazy chunk of the frame's build, loaded
 * from the bank's origin only when the customer has no valid assessment (none yet, or one older than 12 months:
 * at most once a year) or asks to be assessed again, so the frame's usual first view, the purchase, does not carry
 * it (test/sizes.ts counts it in the frame's whole size).
 */
import { css, html, type TemplateResult } from 'lit';
import { questionnaire } from '../../domain/invest.ts';
import { format, type Locale } from '../../i18n/locale.ts';
import { riskOrder, type Assessment, type InvestKey, type ProductView } from '../common/invest.ts';
import { assessmentMessages, type AssessmentMessage } from './assessment-messages.ts';
import { questionTexts } from './questions.ts';

/** What the assessment needs of the `Buy` frame (its state and the frame shell's bank call, texts and errors). */
export interface AssessmentHost {
  readonly locale: Locale;
  readonly busy: boolean;
  readonly product?: ProductView;
  readonly updateComplete: Promise<boolean>;
  assessment: Assessment | null;
  step: string;
  unanswered: number;
  cancel: () => void;
  t(key: InvestKey, params?: Record<string, string | number>): string;
  call<T>(method: string, params: Record<string, unknown>): Promise<T | undefined>;
  renderError(): unknown;
  renderMismatch(): unknown;
  renderPurchase(): unknown;
  shownAt: string;
  focusFirst(): void;
}

/** The questionnaire's look, added to the frame's styles when this chunk arrives. */
export const assessmentStyles = css`
  fieldset {
    border: 1px solid #c5ccd3;
    border-radius: var(--bank-radius, 6px);
    margin: 0;
    padding: 0.6rem 0.9rem 0.8rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.3rem;
  }
  label.option {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
    padding: 0.25rem 0;
    /* A finger's minimum: 44 CSS px per answer. */
    min-height: 2.75rem;
    box-sizing: border-box;
  }
  label.option input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    flex: none;
  }
`;

const a = (host: AssessmentHost, key: AssessmentMessage, params?: Record<string, string | number>) =>
  format(assessmentMessages[host.locale][key], params);

export function renderQuestionnaire(host: AssessmentHost): TemplateResult {
  const texts = questionTexts[host.locale];
  return html`<h2 id="assess-title">${a(host, 'assessTitle')}</h2>
    <p>${a(host, host.assessment ? 'assessExpiredIntro' : 'assessIntro')}</p>
    <form @submit=${(event: Event) => assess(host, event)} novalidate aria-labelledby="assess-title">
      ${questionnaire.map((q, i) => {
        const [question, ...options] = texts[q.id]!;
        return html`<fieldset role="radiogroup" aria-labelledby="legend-${q.id}">
          <legend id="legend-${q.id}">${i + 1}. ${question}</legend>
          ${options.map((option, j) => html`<label class="option"><input type="radio" name=${q.id} value=${j} />${option}</label>`)}
        </fieldset>`;
      })}
      ${host.unanswered ? html`<p role="alert">${a(host, 'answerAll', { n: host.unanswered })}</p>` : host.renderError()}
      <div class="actions">
        <button type="submit" ?disabled=${host.busy}>${a(host, 'seeResult')}</button>
        <button type="button" class="secondary" @click=${host.cancel}>${host.t('cancel')}</button>
      </div>
    </form>`;
}

async function assess(host: AssessmentHost, event: Event) {
  event.preventDefault();
  if (host.busy) return;
  const form = event.target as HTMLFormElement;
  const answers: Record<string, number> = {};
  const missing: HTMLElement[] = [];
  for (const q of questionnaire) {
    const checked = form.querySelector<HTMLInputElement>(`input[name="${q.id}"]:checked`);
    if (checked) answers[q.id] = Number(checked.value);
    else missing.push(form.querySelector<HTMLInputElement>(`input[name="${q.id}"]`)!);
  }
  host.unanswered = missing.length;
  if (missing.length) {
    missing[0]!.focus();
    return;
  }
  const result = await host.call<{ assessment: Assessment }>('investAssess', { answers });
  if (!result) return;
  host.assessment = result.assessment;
  host.step = 'result';
  // A result that allows the product shows the purchase form with it (the contract's `See my result`, then `Amount`…).
  if (riskOrder(host.product!.risk) <= riskOrder(result.assessment.level)) host.shownAt ||= new Date().toISOString();
  await host.updateComplete;
  host.focusFirst();
}

/** The level the answers gave, and what it allows: the purchase form right below it, or (above it) why not. */
export function renderResult(host: AssessmentHost): TemplateResult {
  const level = host.assessment!.level;
  const allowed = riskOrder(host.product!.risk) <= riskOrder(level);
  return html`<div role="status">
      <h2>${a(host, 'resultTitle', { level: host.t(`level.${level}`) })}</h2>
      <p>${a(host, 'resultAllows', { risk: `R${level.slice(1)}` })}</p>
    </div>
    ${allowed ? host.renderPurchase() : host.renderMismatch()}`;
}
