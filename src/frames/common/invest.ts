/** What the wealth frames share: the bank's answers' shapes, their texts and a few display helpers. */
import { css } from 'lit';
import { formatRate } from '../../domain/invest.ts';
import { formatMoney, minorUnits } from '../../domain/money.ts';
import { format, type Catalogue, type Locale } from '../../i18n/locale.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { frameMessages, type FrameMessage } from './messages.ts';
import { investMessages, type InvestMessage } from './invest-messages.ts';
import type { InvestPanelMessage } from '../invest/messages.ts';
import type { InvestBuyMessage } from '../invest-buy/messages.ts';
import type { InvestRedeemMessage } from '../invest-redeem/messages.ts';

export type Yield =
  | { basis: 'seven-day-annualised'; rate: number }
  | { basis: 'benchmark'; low: number; high: number }
  | { basis: 'past-year-nav'; rate: number };

export interface ProductView {
  id: string;
  name: string;
  risk: 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
  kind: 'cash' | 'closed' | 'open' | 'private';
  minimum: string;
  nav: number;
  navDate: string;
  yield: Yield;
  termMonths: number | null;
  documents: { id: string; version: string; title: string; paragraphs: string[] }[];
}

export interface Holding {
  productId: string;
  name: string;
  shares: number;
  value: string;
  redeemableValue: string;
  redeemable: boolean;
  maturesAt: string | null;
  pending: { amount: string; confirmsAt: string }[];
  coolingOff: { id: string; amount: string; endsAt: string }[];
  arriving: { amount: string; arrivesAt: string }[];
}

export interface Assessment {
  level: 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
  assessedAt: string;
  expiresAt: string;
  valid: boolean;
}

export interface Account {
  id: string;
  accountClass: 'I' | 'II' | 'III' | null;
  number: string;
  balance: string;
  status: 'active' | 'frozen';
}

export interface Overview {
  assessment: Assessment | null;
  holdings: Holding[];
  fastRedemption: { limit: string; left: string };
  accounts: Account[];
}

export type InvestKey = InvestMessage | FrameMessage | InvestPanelMessage | InvestBuyMessage | InvestRedeemMessage;

/** The frame's own text (each invest frame's catalogue holds what only it says), else an invest text, else a shared one. */
export function investText(locale: Locale, key: InvestKey, params?: Record<string, string | number>, own?: Catalogue<string>) {
  const text = own?.[locale][key] ?? (investMessages[locale] as Record<string, string>)[key];
  return format(text ?? (frameMessages[locale] as Record<string, string>)[key]!, params);
}

/** The invest catalogue's error texts first (below_minimum, suitability_mismatch…), then the shared ones. */
export function investErrorKey(error: SdkError, fallback: (error: SdkError) => FrameMessage): InvestKey {
  const key = `error.${error.code}`;
  return key in investMessages.en ? (key as InvestMessage) : fallback(error);
}

export const money = (amount: string) => formatMoney(minorUnits(amount));

export const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

export const dateTime = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

/** The yield with its basis, e.g. "7-day annualised yield 1.85%": never a bare number that reads like a promise. */
export function yieldText(locale: Locale, y: Yield) {
  if (y.basis === 'benchmark') {
    return investText(locale, 'yield.benchmark', { low: trimRate(y.low), high: trimRate(y.high) });
  }
  return investText(locale, `yield.${y.basis}`, { rate: formatRate(y.rate) });
}

/** 260 → "2.6", 310 → "3.1", 185 → "1.85". */
const trimRate = (bp: number) => formatRate(bp).replace(/\.?0+$/, '');

export const riskOrder = (code: string) => Number(code.slice(1));

export const investStyles = css`
  .warning {
    border-left: 4px solid var(--bank-color-primary, #b0001e);
    padding: 0.5rem 0.75rem;
    margin: 0 0 1rem;
    font-weight: 600;
    background: #fdf2f3;
    color: #1f2933;
  }
  h2 {
    font-size: 1.1rem;
    margin: 1.25rem 0 0.6rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  .note {
    font-size: 0.85rem;
    color: var(--bank-color-muted);
    margin: 0 0 0.5rem;
  }
  label.check {
    align-items: flex-start;
  }
  label.check input {
    flex: none;
    margin-top: 0.15rem;
  }
  article.document {
    border: 1px solid #c5ccd3;
    border-radius: var(--bank-radius, 6px);
    padding: 0.6rem 0.9rem;
    font-size: 0.9rem;
  }
  article.document p {
    margin: 0.35rem 0;
  }
`;
