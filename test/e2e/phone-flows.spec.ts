import { test } from './helpers.ts';
import { journeys, walk, type Run } from './journeys.ts';

/**
 * The newer elements' journeys (test/e2e/journeys.ts) on the phones of the developers' guide with the keyboard
 * closed, each gap covered once:
 * - 375×667 under the partner's dark theme (`--bank-*` properties and `color-scheme: dark` on the page) in zh-CN
 *   and in English (longer words, other wraps), where every text in each bank frame must also stay readable
 *   (4.5:1, as frame-themes.spec.ts checks);
 * - 320×568, the smallest phone, in English and in zh-CN;
 * - 667×375, a phone on its side (English): short and wider than the bottom sheet's 640 px, so the dialog is the
 *   centred box; it must still fit the screen, and every button and Close be reached by scrolling it;
 * - 568×320, the smallest phone on its side (zh-CN): a bottom sheet only 320 px tall.
 * Nothing overflows sideways in the page or the frames, nothing is cut off sideways; every button is reached by
 * scrolling. The keyboard-open size (320×300) is keyboard-open.spec.ts; login, payment and the loan application
 * (also on their side) are phone.spec.ts.
 */
const runs: Run[] = [
  { locale: 'zh-CN', width: 375, height: 667, dark: true },
  { locale: 'en', width: 375, height: 667, dark: true },
  { locale: 'en', width: 320, height: 568 },
  { locale: 'zh-CN', width: 320, height: 568 },
  { locale: 'en', width: 667, height: 375 },
  { locale: 'zh-CN', width: 568, height: 320 },
];

for (const run of runs) {
  test.describe(`${run.width}×${run.height} ${run.locale}${run.dark ? ' dark' : ''}`, () => {
    test.use({ viewport: { width: run.width, height: run.height }, isMobile: true, hasTouch: true });
    for (const journey of journeys) {
      test(`${journey.name}, by touch`, async ({ page }) => {
        test.slow();
        await walk(page, run, journey);
      });
    }
  });
}
