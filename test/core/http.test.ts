import { expect } from '@open-wc/testing';
import { ApiError, clientId, newKey, request } from '../../src/core/http.js';
import { apiBase, readerToken } from '../../src/core/endpoint.js';
import { captureWarnings } from '../helpers/warnings.js';

type Fetch = typeof window.fetch;
let realFetch: Fetch;
let calls: RequestInit[];

function serve(...answers: (() => Response | Promise<Response>)[]) {
  window.fetch = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const next = answers.length > 1 ? answers.shift()! : answers[0];
    return next();
  }) as Fetch;
}

/** The error a request fails with; a request that succeeds fails the test. */
const failure = (pending: Promise<unknown>): Promise<ApiError> =>
  pending.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: ApiError) => error,
  );

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('request', () => {
  beforeEach(() => {
    realFetch = window.fetch;
    calls = [];
  });
  afterEach(() => (window.fetch = realFetch));

  it('sends JSON with the token and idempotency key, and parses the answer', async () => {
    serve(json(201, { id: 'c1' }));
    const result = await request<{ id: string }>('/x', { method: 'POST', body: { a: 1 }, token: 't', idempotencyKey: 'k' });
    expect(result).to.deep.equal({ id: 'c1' });
    const headers = calls[0].headers as Record<string, string>;
    expect(headers.authorization).to.equal('Bearer t');
    expect(headers['idempotency-key']).to.equal('k');
    expect(headers['content-type']).to.equal('application/json');
    expect(calls[0].body).to.equal('{"a":1}');
  });

  it('turns an error body into a typed error naming the field', async () => {
    serve(json(422, { error: { code: 'too_long', message: 'body is too long', field: 'body' } }));
    const error = await failure(request('/x', { method: 'POST', body: {} }));
    expect(error).to.be.instanceOf(ApiError);
    expect([error.kind, error.status, error.code, error.field, error.message]).to.deep.equal(['http', 422, 'too_long', 'body', 'body is too long']);
  });

  it('survives a proxy error page that is not JSON', async () => {
    serve(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await failure(request('/x', { retries: 0 }));
    expect([error.kind, error.status, error.code]).to.deep.equal(['http', 502, 'http_502']);
  });

  it('retries reads after 5xx and network failures, with backoff', async () => {
    let n = 0;
    window.fetch = (async () => {
      calls.push({});
      if (++n === 1) throw new TypeError('offline');
      if (n === 2) return json(503, {})();
      return json(200, { ok: true })();
    }) as Fetch;
    expect(await request('/x')).to.deep.equal({ ok: true });
    expect(calls).to.have.length(3);
  });

  it('does not retry an unkeyed write, a 4xx, or a long Retry-After', async () => {
    serve(json(503, {}));
    await request('/x', { method: 'POST', body: {} }).catch(() => undefined);
    expect(calls).to.have.length(1);
    calls = [];
    serve(json(404, {}));
    await request('/x').catch(() => undefined);
    expect(calls).to.have.length(1);
    calls = [];
    serve(json(429, {}, { 'retry-after': '60' }));
    const error = await failure(request('/x'));
    expect(calls).to.have.length(1);
    expect(error.retryAfter).to.equal(60);
  });

  it('times out', async () => {
    window.fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as Fetch;
    const error = await failure(request('/x', { timeoutMs: 50, retries: 0 }));
    expect(error.kind).to.equal('timeout');
  });

  it('answers 204 with undefined', async () => {
    serve(() => new Response(null, { status: 204 }));
    expect(await request('/x', { method: 'DELETE' })).to.equal(undefined);
  });

  it('sends the browser id with keyed writes of readers without a token, the same id every time', async () => {
    localStorage.removeItem('inkwell:client');
    serve(json(201, {}));
    await request('/x', { method: 'POST', body: {}, idempotencyKey: 'k1' });
    await request('/x', { method: 'POST', body: {}, idempotencyKey: 'k2' });
    const [first, second] = calls.map((c) => (c.headers as Record<string, string>)['inkwell-client']);
    expect(first).to.match(/^[\w-]{16,64}$/);
    expect(second).to.equal(first);
    expect(localStorage.getItem('inkwell:client')).to.equal(first);
    expect(clientId()).to.equal(first);
  });

  it('does not send the browser id with reads, unkeyed writes or a token', async () => {
    serve(json(200, {}));
    await request('/x');
    await request('/x', { method: 'POST', body: {} });
    await request('/x', { method: 'POST', body: {}, idempotencyKey: 'k', token: 't' });
    for (const c of calls) expect((c.headers as Record<string, string>)['inkwell-client']).to.equal(undefined);
  });

  it('keeps one browser id for the page when storage is blocked', async () => {
    localStorage.removeItem('inkwell:client');
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Storage.prototype.setItem = Storage.prototype.getItem;
    try {
      serve(json(201, {}));
      await request('/x', { method: 'POST', body: {}, idempotencyKey: 'k1' });
      await request('/x', { method: 'POST', body: {}, idempotencyKey: 'k2' });
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
    const ids = calls.map((c) => (c.headers as Record<string, string>)['inkwell-client']);
    expect(ids[0]).to.match(/^[\w-]{16,64}$/);
    expect(ids[1]).to.equal(ids[0]);
    expect(localStorage.getItem('inkwell:client')).to.equal(null);
  });

  it('makes distinct keys', () => {
    expect(newKey()).to.not.equal(newKey());
    expect(newKey()).to.match(/^[\w-]{16,}$/);
  });
});

describe('endpoint', () => {
  afterEach(() => document.head.querySelectorAll('meta[name^="inkwell-"]').forEach((m) => m.remove()));

  it('takes the api attribute, else the page meta, without a trailing slash', () => {
    const el = document.createElement('typo-reporter');
    expect(apiBase(el, 'https://comments.example/v1/')).to.equal('https://comments.example/v1');
    expect(apiBase(el, undefined)).to.equal(undefined);
    document.head.insertAdjacentHTML('beforeend', '<meta name="inkwell-api" content="/v1"><meta name="inkwell-token" content="page-token">');
    expect(apiBase(el, '')).to.equal('/v1');
    expect(readerToken(undefined)).to.equal('page-token');
    expect(readerToken('own')).to.equal('own');
  });

  it('ends the API base in /v1 whether or not it was given, without trailing slashes', () => {
    const el = document.createElement('comment-box');
    expect(apiBase(el, 'https://comments.example')).to.equal('https://comments.example/v1');
    expect(apiBase(el, 'https://comments.example/')).to.equal('https://comments.example/v1');
    expect(apiBase(el, 'https://comments.example/v1//')).to.equal('https://comments.example/v1');
    expect(apiBase(el, 'https://example.com/inkwell')).to.equal('https://example.com/inkwell/v1');
    expect(apiBase(el, '/')).to.equal('/v1');
    expect(apiBase(el, '/v1')).to.equal('/v1');
    document.head.insertAdjacentHTML('beforeend', '<meta name="inkwell-api" content="https://comments.example">');
    expect(apiBase(el, undefined)).to.equal('https://comments.example/v1');
  });

  it('refuses an unsafe API URL with a warning', async () => {
    const el = document.createElement('comment-box');
    const warnings = await captureWarnings(() => expect(apiBase(el, 'javascript:alert(1)')).to.equal(undefined));
    expect(warnings[0]).to.include('<comment-box> api');
  });
});
