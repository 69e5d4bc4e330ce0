import { test } from './helpers.ts';
import { journeys, walk, type Run } from './journeys.ts';

/**
 * The newer elements' journeys (test/e2e/journeys.ts) on the phones of the developers' guide with the keyboard
 * closed: 375×667 in zh-CN under the partner's dark theme (`--bank-*` properties and `color-scheme: dark` on the
 * page), where every text in each bank frame must also stay readable (4.5:1, as frame-themes.spec.ts checks), and
 * 320×568 in English. Nothing overflows sideways in the page or the frames; every button is reached by scrolling.
 * The keyboard-open size (320×300) is keyboard-open.spec.ts.
 */
const runs: Run[] = [
  { locale: 'zh-CN', width: 375, height: 667, dark: true },
  { locale: 'en', width: 320, height: 568 },
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
