import type { ApiError } from '@sandcloud/api-schemas';
import { localizeErrorMessage } from './i18n/error-messages.ts';
import { currentLanguage } from './i18n/language.ts';

/**
 * An API failure with the server's code, message and, for bad input, the field to show it beside.
 * `message` reads in the language selected when it is shown (from the error catalogue, by the
 * body's `messageCode` and `params`); `serverMessage` is the server's English text.
 */
export class ApiRequestError extends Error {
  readonly serverMessage: string;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** From Retry-After (429 of too many sign-ins): when a new attempt is accepted. */
    readonly retryAfterSeconds?: number,
    readonly messageCode?: string,
    readonly params?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.serverMessage = message;
    Object.defineProperty(this, 'message', {
      get: () => localizeErrorMessage(currentLanguage(), this.messageCode, this.params, this.serverMessage),
      configurable: true,
    });
  }
}

const requestError = (response: Response, error: ApiError['error'] | undefined, retryAfterSeconds?: number) =>
  new ApiRequestError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? response.statusText, error?.field, retryAfterSeconds, error?.messageCode, error?.params);

const retryAfterOf = (response: Response): number | undefined => {
  const seconds = Number(response.headers.get('Retry-After') ?? NaN);
  return Number.isFinite(seconds) ? seconds : undefined;
};

let csrfToken: string | null = null;

/** The session's CSRF token, echoed in a header on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A file (a state upload) goes as it is; anything else as JSON.
  const file = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : file ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload as ApiError | null)?.error;
    throw requestError(response, error, retryAfterOf(response));
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Uploads a file as the request body (not JSON-encoded). */
  postFile: <T>(path: string, file: Blob) => request<T>('POST', path, file),
  /** For downloads (a key pair's .pem): the raw response, errors still parsed. */
  async postForFile(path: string, body: unknown): Promise<{ blob: Blob; filename: string; headers: Headers }> {
    const response = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const error = ((await response.json().catch(() => null)) as ApiError | null)?.error;
      throw requestError(response, error);
    }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
    return { blob: await response.blob(), filename, headers: response.headers };
  },
};

/** The message to show for any error a query or mutation threw. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The server's message for one form field, to render beside it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiRequestError && error.field === field ? error.message : undefined;
}
