import { pageFiles, total, kb, elementsDir, gz, frameNames, frameFiles, framesDir } from './sizes.ts';
import { join } from 'node:path';
const tags=['bank-login','bank-pay','bank-loan-apply','bank-account-open','bank-account','bank-invest','bank-data-consent','bank-merchant-onboard'];
for (const t of tags) console.log(t, kb(total(pageFiles(t))));
console.log('core', kb(gz(join(elementsDir,'core.js'))));
for (const f of frameNames()) console.log('frame', f, kb(total(frameFiles(join(framesDir, f + '.html')))));
