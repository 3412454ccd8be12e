/** A small HTTP client for the gateway under test: JSON in, parsed JSON (or text) out. */
export interface ApiResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  raw?: string;
  headers?: Record<string, string>;
}

export type Api = (method: string, route: string, options?: CallOptions) => Promise<ApiResponse>;

export function apiClient(gatewayUrl: string): Api {
  return async (method, route, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${gatewayUrl}${route.startsWith('/api') ? '' : '/api'}${route}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
}

/** Signs in; returns the whole token response. */
export async function signIn(api: Api, email: string, password: string): Promise<{ accessToken: string; refreshToken: string; user: any }> {
  const res = await api('POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
  return res.body;
}
