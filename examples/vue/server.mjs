// The partner backend for this example: serves the built app (`npx vite build examples/vue`) and the API it
// calls. `node examples/vue/server.mjs` → http://localhost:3003 (see README.md).
import { startSpaPartner } from '../spa-partner-server.mjs';

await startSpaPartner({ name: 'vue', dist: new URL('./dist/', import.meta.url), defaultPort: 3003, trustedTypes: ['vue'] });
