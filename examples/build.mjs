// Builds the framework examples (run by `npm test` after `npm run build`): the tag types from the SDK's
// custom-elements.json, then `vite build` of examples/react and examples/vue into their dist/ folders.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

await import('./generate-types.mjs');
for (const name of ['react', 'vue']) {
  const root = fileURLToPath(new URL(`./${name}/`, import.meta.url));
  await build({ root, logLevel: 'warn' });
  console.log(`Built examples/${name}/dist`);
}
