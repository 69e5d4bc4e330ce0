import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // The bank's tags are custom elements (defined by the SDK's script), not Vue components: Vue renders them as
      // elements, binds `:order-id` as an attribute and `@bank-pay-success` as a DOM event listener.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('bank-') } },
    }),
  ],
  // Every <script> and <link> Vite writes into index.html gets nonce="__CSP_NONCE__"; the server replaces it with a
  // fresh nonce per response, the one in its Content-Security-Policy header.
  html: { cspNonce: '__CSP_NONCE__' },
  build: { outDir: 'dist', emptyOutDir: true },
});
