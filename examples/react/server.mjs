// The partner backend for this example: serves the built app (`npx vite build examples/react`) and the API it
// calls. `node examples/react/server.mjs` → http://localhost:3002 (see README.md).
import { startSpaPartner } from '../spa-partner-server.mjs';

await startSpaPartner({ name: 'react', dist: new URL('./dist/', import.meta.url), defaultPort: 3002 });
