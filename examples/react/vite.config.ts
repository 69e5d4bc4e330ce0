import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Every <script> and <link> Vite writes into index.html gets nonce="__CSP_NONCE__"; the server replaces it with a
  // fresh nonce per response, the one in its Content-Security-Policy header.
  html: { cspNonce: '__CSP_NONCE__' },
  build: { outDir: 'dist', emptyOutDir: true },
});
