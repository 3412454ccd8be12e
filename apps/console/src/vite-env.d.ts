/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the gateway API; relative by default so the dev/preview proxy or a reverse proxy serves it. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
