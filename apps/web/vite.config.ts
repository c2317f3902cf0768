import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// 127.0.0.1: what the API listens on by default outside production (HOST).
const apiTarget = process.env.TRELLIS_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The web only ever needs the domain package's types and pure rules: read its sources directly
      // so the web never waits for the package to be built.
      '@trellis/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Long-lived vendor chunks: they change far less often than the app code.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@remix-run|cookie-es)[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|graphql-tag|@graphql-typed-document-node)[\\/]/, priority: 20 },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](?:core|hooks)|@floating-ui|react-remove-scroll|react-number-format|clsx|use-sidecar|use-callback-ref|react-style-singleton|get-nonce|aria-hidden|detect-node-es)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
