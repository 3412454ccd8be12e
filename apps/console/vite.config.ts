import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console talks to the gateway through a relative `/api`, so the same build works behind
// any reverse proxy; in dev and preview Vite plays that proxy.
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const host = process.env.CONSOLE_HOST ?? '127.0.0.1';
const port = Number(process.env.CONSOLE_PORT ?? 5173);
if (!Number.isInteger(port) || port <= 0) {
  throw new Error(`CONSOLE_PORT must be a positive integer, got "${process.env.CONSOLE_PORT}"`);
}

const proxy = {
  '/api': { target: gatewayUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The console uses values of the contracts' main entry (the problem catalogue): bundled from
    // its TypeScript source as ES modules, since the CommonJS dist of a workspace package is not
    // converted by Vite. Its Temporal definitions (@genq/contracts/temporal) never reach the browser.
    alias: [
      { find: /^@genq\/contracts$/, replacement: fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url)) },
      // The domain's values (phases), pure TypeScript like the contracts' main entry.
      { find: /^@genq\/domain$/, replacement: fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)) },
    ],
  },
  // An operator console loaded once per working day: one ~1 MB react-admin/MUI bundle is fine.
  build: { chunkSizeWarningLimit: 1500 },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
});
