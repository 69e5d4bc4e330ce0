import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { publicErrorCodes } from '../../src/protocol/errors.ts';
import { partnerMessages } from '../../src/i18n/partner.ts';
import { accountOpenMessages } from '../../src/elements/bank-account-open/messages.ts';
import { consentMessages } from '../../src/elements/bank-data-consent/messages.ts';
import { investMessages as buyFrameMessages } from '../../src/frames/common/invest-messages.ts';
import { loanMessages } from '../../src/elements/bank-loan-apply/messages.ts';
import { merchantOnboardMessages } from '../../src/elements/bank-merchant-onboard/messages.ts';
import { payFailureMessages } from '../../src/elements/bank-pay/failure-messages.ts';
import { payMessages } from '../../src/elements/bank-pay/messages.ts';
import { elementTags } from '../../src/elements/tags.ts';
import { apiTest as test, bankOrigin } from './helpers.ts';

/** The contract's attributes and events per tag (CONTRACT §3), besides what every element has. */
const contract: Record<string, { attributes: string[]; events: string[] }> = {
  'bank-login': { attributes: [], events: ['bank-login-success', 'bank-logout'] },
  'bank-pay': { attributes: ['order-id'], events: ['bank-pay-success', 'bank-pay-failure'] },
  'bank-loan-apply': { attributes: ['product', 'amount', 'term', 'reference'], events: ['bank-loan-submitted'] },
  'bank-account': { attributes: [], events: [] },
  'bank-account-open': { attributes: ['account-class'], events: ['bank-account-opened'] },
  'bank-invest': { attributes: ['product'], events: ['bank-invest-success', 'bank-invest-redeemed'] },
  'bank-data-consent': { attributes: ['purpose', 'claims'], events: ['bank-consent-granted', 'bank-consent-declined'] },
  'bank-merchant-onboard': { attributes: ['merchant-id'], events: ['bank-merchant-verified'] },
};

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string; description?: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

test('custom-elements.json, served by the bank, describes every element the build ships', async () => {
  const response = await fetch(`${bankOrigin}/sdk/v1/custom-elements.json`);
  expect(response.headers.get('content-type')).toContain('application/json');
  const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
  const elements = new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]),
  );
  expect([...elements.keys()].sort()).toEqual([...elementTags].sort());
  for (const tag of elementTags) {
    const element = elements.get(tag)!;
    const attributes = element.attributes?.map((a) => a.name) ?? [];
    const events = element.events?.map((e) => e.name) ?? [];
    expect(attributes, tag).toEqual(expect.arrayContaining(['locale', ...contract[tag].attributes]));
    expect(events, tag).toEqual(expect.arrayContaining(['bank-ready', 'bank-error', 'bank-cancel', ...contract[tag].events]));
    // Every event in the manifest is a real one (JSDoc once produced an event named "type").
    for (const event of events) expect(event, tag).toMatch(/^bank-[a-z-]+$/);
    expect(element.cssParts?.map((p) => p.name), tag).toEqual(expect.arrayContaining(['error', 'dialog', 'frame']));
    expect(element.cssProperties?.map((p) => p.name), tag).toEqual(
      expect.arrayContaining(['--bank-color-primary', '--bank-color-text', '--bank-color-background', '--bank-radius']),
    );
  }
});

test('the public types are served and are the published package', async () => {
  const response = await fetch(`${bankOrigin}/sdk/v1/bank-sdk.d.ts`);
  expect(response.status).toBe(200);
  const served = await response.text();
  expect(served).toBe(readFileSync('packages/types/index.d.ts', 'utf8'));
  for (const tag of elementTags) expect(served).toContain(`'${tag}':`);
  const pkg = JSON.parse(readFileSync('packages/types/package.json', 'utf8'));
  expect(pkg.exports['.'].types).toBe('./index.d.ts');
});

test('every public error code is documented in docs/errors.md and has a customer text in both locales', () => {
  const doc = readFileSync('docs/errors.md', 'utf8');
  // The shared texts (every page), or the messages of the one element whose flow gives the code (its chunk only), or,
  // for a code only a bank frame shows (suitability_mismatch and below_minimum: the Buy frame; the page is told
  // nothing of a customer's suitability), that frame's.
  const catalogues = [partnerMessages, payMessages, payFailureMessages, consentMessages, buyFrameMessages, accountOpenMessages, merchantOnboardMessages, loanMessages];
  const texts = (locale: 'en' | 'zh-CN') => Object.assign({}, ...catalogues.map((c) => c[locale])) as Record<string, string>;
  for (const code of publicErrorCodes) {
    expect(doc, code).toContain(`| \`${code}\` |`);
    expect(texts('en')[`error.${code}`], code).toBeTruthy();
    expect(texts('zh-CN')[`error.${code}`], code).toMatch(/\p{Script=Han}/u);
  }
});
