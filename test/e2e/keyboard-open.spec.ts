import { test } from './helpers.ts';
import { journeys, walk, type Locale } from './journeys.ts';

/**
 * The dialogs of the newer elements (account opening then Add money, data sharing, buying and redeeming a wealth
 * product, merchant verification) with the on-screen keyboard open on the smallest phone (320×300), in both
 * locales (English strings are longer and wrap differently): every field and button is reached the way a finger
 * reaches it (scrolling the sheet, never sideways) and the flow completes (test/e2e/journeys.ts). Login, payment
 * and the loan application are in phone.spec.ts; other sizes and the dark theme in phone-flows.spec.ts.
 */
test.use({ viewport: { width: 320, height: 300 }, isMobile: true, hasTouch: true });

for (const locale of ['zh-CN', 'en'] as Locale[]) {
  test.describe(`320×300 ${locale}`, () => {
    for (const journey of journeys) {
      test(`${journey.name}, by touch`, async ({ page }) => {
        test.slow();
        await walk(page, { locale, width: 320, height: 300 }, journey);
      });
    }
  });
}
