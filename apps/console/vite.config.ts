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
  // @genq/contracts is a linked CommonJS workspace package (its dist): Vite converts only what
  // sits under node_modules unless told, so its lists and problem catalogue are named here for
  // both the dev server's pre-bundling and the production build.
  optimizeDeps: { include: ['@genq/contracts'] },
  // An operator console loaded once per working day: one ~1 MB react-admin/MUI bundle is fine.
  build: { chunkSizeWarningLimit: 1500, commonjsOptions: { include: [/packages\/contracts\/dist\//, /node_modules/] } },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
});
