import { test } from './helpers.ts';
import { journeys, walk, type Locale } from './journeys.ts';

/**
 * The dialogs of the newer elements (account opening then Add money, data sharing, buying and redeeming a wealth
 * product, merchant verification) with the on-screen keyboard open: on the smallest phone (320×300) in both locales
 * (English strings are longer and wrap differently), and on phones on their side, where the keyboard leaves under
 * 200 px (568×170 in zh-CN, 667×190 in English). Every field and button is reached the way a finger reaches it
 * (scrolling the sheet, never sideways) and the flow completes (test/e2e/journeys.ts). Login, payment and the loan
 * application are in phone.spec.ts; other sizes and the dark theme in phone-flows.spec.ts.
 */
const runs: [number, number, Locale][] = [[320, 300, 'zh-CN'], [320, 300, 'en'], [568, 170, 'zh-CN'], [667, 190, 'en']];

for (const [width, height, locale] of runs) {
  test.describe(`${width}×${height} ${locale}`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });
    for (const journey of journeys) {
      test(`${journey.name}, by touch`, async ({ page }) => {
        test.slow();
        await walk(page, { locale, width, height }, journey);
      });
    }
  });
}
