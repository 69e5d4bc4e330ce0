import { expect } from '@playwright/test';
import { elementTags } from '../../src/elements/tags.ts';
import { frameFiles, frameNames, framesDir, frameWholeFiles, gz, isBuilt, KB, kb, loaderFile, pageFiles, total } from '../sizes.ts';
import { apiTest as test } from './helpers.ts';

/**
 * Size ceilings, gzip -9, on the built SDK. They are a ratchet, not the goal: they hold today's sizes (plus a
 * little), so that a change that makes a partner page or a bank frame heavier fails CI; a change that makes it
 * lighter should lower its ceiling. A partner page is what it downloads until `bank-ready` (loader, core, one
 * locale's texts, the element's chunk: `pageFiles` in test/sizes.ts); the bank dialog's code that follows is in
 * `npm run bench`. The goals of issue #14 that are met are hard limits here: the loader's 1 KB (`budgets`) and 15 KB
 * for every bank frame except those listed in `framesOverGoal` (none now; docs/architecture.md says why a frame
 * would be), which are held to their ceiling until they meet it. A frame is what it downloads to show itself
 * (`frameFiles`); the lazy chunks a frame's build loads on an action or in a rarer state (Accounts' Add money form,
 * Buy's purchase checks and risk assessment) have ceilings of their own, as the frame with all of them
 * (`frameWholeFiles`, `framesWhole`). All elements on one page are held to issue #14's 30 KB (met since the
 * 28 Nov sessions). The goal not met yet (every page ≤ 12 KB) is reported by `npm run bench`.
 */
const budgets = { loader: 1, allElements: 30 };
const frameGoal = 15;
const framesOverGoal: string[] = [];
const ceilings = {
  loader: 0.85,
  allElements: 30,
  pages: {
    'bank-login': 14.9, 'bank-pay': 16.3, 'bank-loan-apply': 19.15, 'bank-account-open': 15.1, 'bank-account': 16.25,
    'bank-invest': 17.1, 'bank-data-consent': 16.75, 'bank-merchant-onboard': 15.9,
  } as Record<string, number>,
  frames: {
    bridge: 9.15, login: 12, pay: 13.7, loan: 13.65, consent: 12.6, merchant: 13, 'account-open': 14.95, accounts: 15,
    invest: 14, 'invest-buy': 14.9, 'invest-redeem': 13.9,
  } as Record<string, number>,
  /** Frames with lazy chunks, with all of them (the others: as `frames`). */
  framesWhole: { accounts: 16.35, 'invest-buy': 18 } as Record<string, number>,
};

test('the loader, every partner page and every bank frame stay under their size ceilings', () => {
  expect(isBuilt(), 'npm test builds dist/ first').toBe(true);
  const over: string[] = [];
  const check = (what: string, bytes: number, ceiling: number | undefined) => {
    if (ceiling === undefined) over.push(`${what}: ${kb(bytes)} has no ceiling yet: add one`);
    else if (bytes > ceiling * KB) over.push(`${what}: ${kb(bytes)} > ${ceiling} KB`);
  };
  check('loader', gz(loaderFile), ceilings.loader);
  check('loader (issue #14 budget)', gz(loaderFile), budgets.loader);
  const everything = new Set<string>();
  for (const tag of elementTags) {
    const page = pageFiles(tag);
    check(`<${tag}> page`, total(page), ceilings.pages[tag]);
    for (const file of page) everything.add(file);
  }
  check('all elements on one page', total(new Set([loaderFile, ...everything])), ceilings.allElements);
  check('all elements on one page (issue #14 budget)', total(new Set([loaderFile, ...everything])), budgets.allElements);
  for (const name of frameNames()) {
    const ceiling = ceilings.frames[name];
    const limit = framesOverGoal.includes(name) || ceiling === undefined ? ceiling : Math.min(ceiling, frameGoal);
    const html = `${framesDir}/${name}.html`;
    check(`${name} frame`, total(frameFiles(html)), limit);
    check(`${name} frame with its lazy chunks`, total(frameWholeFiles(html)), ceilings.framesWhole[name] ?? ceiling);
  }
  expect(over).toEqual([]);
});
