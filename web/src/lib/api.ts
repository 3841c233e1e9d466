/**
 * Fetch wrapper for the Kasane API (same origin, under /api/v1).
 * - Sends and receives JSON with the session cookie (credentials: 'same-origin').
 * - Keeps the CSRF token from the latest /me or sign-in response in memory and sends it as
 *   X-CSRF-Token on every non-GET request. Any JSON response carrying a top-level string
 *   `csrfToken` replaces it (login, totp, enrolment, /me, password change).
 * - Errors arrive as { error: { code, message, requestId, details? } } and are thrown as ApiError.
 * - A 401 `unauthenticated` from any call runs the handler registered by the app (go to sign-in).
 */
import { ja } from '../i18n/ja';

export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages keyed by path ("loginName", "roles.0" → also "roles"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.details?.fields ?? []) {
      out[f.path] ??= f.message;
      const head = f.path.split(/[.[]/)[0];
      if (head) out[head] ??= f.message;
    }
    return out;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for a request made with fetch directly (file downloads that POST). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function parseError(status: number, body: unknown): ApiError {
  const err = (body as { error?: Partial<Record<string, unknown>> } | null)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    const requestId = typeof err.requestId === 'string' ? err.requestId : null;
    return new ApiError(status, err.code, err.message, requestId, err.details as ErrorDetails | undefined);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'unknown', ja.app.unexpectedError, null);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', ja.app.networkError, null);
  }

  const text = response.status === 204 ? '' : await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }

  if (!response.ok) {
    const error = parseError(response.status, body);
    if (error.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
    throw error;
  }

  const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
