/** Why a request failed, in terms an element can turn into a message for the reader. */
export type FailureKind = 'network' | 'timeout' | 'http';

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status = 0,
    readonly code: string = kind,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  /** Makes a POST safe to retry: the server keeps one result per key. */
  idempotencyKey?: string;
  timeoutMs?: number;
  /** Sends this browser's `Inkwell-Client` id when there is no token (a guest's reactions are theirs by it). */
  client?: boolean;
  /** Retries after network failures, timeouts, 429 and 5xx; only for reads and keyed writes. */
  retries?: number;
  signal?: AbortSignal;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorFrom(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  let error: { code?: string; message?: string; field?: string } = {};
  try {
    error = ((await response.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  return new ApiError('http', error.message ?? response.statusText, response.status, error.code ?? `http_${response.status}`, error.field, retryAfter);
}

async function attempt<T>(url: string, options: RequestOptions): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  options.signal?.addEventListener('abort', () => controller.abort());
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if ((options.idempotencyKey || options.client) && !options.token) headers['inkwell-client'] = clientId();
  try {
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
    if (!response.ok) throw await errorFrom(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (options.signal?.aborted) throw error;
    if (controller.signal.aborted) throw new ApiError('timeout', 'timed out');
    // Only a failed request needs the diagnosis of a refused cross-origin API: its code comes then (chunks/cors.js).
    // Unreachable, it says nothing, as when the API is down: the reader's message does not wait for it.
    void import('./cors.js').then(({ diagnoseNetworkFailure }) => diagnoseNetworkFailure(url), () => undefined);
    throw new ApiError('network', String(error));
  } finally {
    clearTimeout(timer);
  }
}

const MAX_RETRY_WAIT_S = 5;

function retryable(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  // A long Retry-After is the reader's to wait out, with a message, not ours behind a spinner.
  if ((error.retryAfter ?? 0) > MAX_RETRY_WAIT_S) return false;
  return error.kind !== 'http' || error.status === 429 || error.status >= 500;
}

/** JSON over HTTP with a timeout, typed errors and, where it is safe, retries with backoff. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const safe = (options.method ?? 'GET') === 'GET' || options.idempotencyKey !== undefined;
  const retries = safe ? (options.retries ?? 2) : 0;
  for (let tried = 0; ; tried++) {
    try {
      return await attempt<T>(url, options);
    } catch (error) {
      if (tried >= retries || !retryable(error) || options.signal?.aborted) throw error;
      const backoff = error.retryAfter ? error.retryAfter * 1000 : 400 * 2 ** tried * (0.75 + Math.random() / 2);
      await wait(backoff);
    }
  }
}

/** A random key for `Idempotency-Key`. */
export function newKey(): string {
  return crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const CLIENT_ID_KEY = 'inkwell:client';
let pageClientId: string | undefined;

/**
 * A random id this browser keeps, sent as `Inkwell-Client` with the keyed writes of readers without a
 * token: the server keeps their Idempotency-Keys per browser instead of per network address, so two
 * guests behind one address never get each other's answers. Made on first use; where storage is
 * blocked, one id for the page's lifetime.
 */
export function clientId(): string {
  try {
    const stored = localStorage.getItem(CLIENT_ID_KEY);
    if (stored && /^[\w-]{16,64}$/.test(stored)) return stored;
    pageClientId ??= newKey();
    localStorage.setItem(CLIENT_ID_KEY, pageClientId);
  } catch {
    // Reading or writing site data throws where the reader blocks it.
  }
  return (pageClientId ??= newKey());
}
