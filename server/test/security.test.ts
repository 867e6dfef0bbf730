import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { call, freePort, kinds, startServer, token, type TestServer } from './helpers.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

for (const { kind, skip } of await kinds()) {
  describe(`bad input on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    let bob: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_MAX_COMMENT_LENGTH: '2000', INKWELL_BODY_LIMIT: '8192' });
      alice = await token({ sub: 'alice', name: 'Alice' });
      bob = await token({ sub: 'bob', name: 'Bob' });
    });
    after(() => s?.close());
    const post = (body: unknown, opts: { token?: string; headers?: Record<string, string> } = {}) =>
      call(s.url, 'POST', '/v1/threads/bad/comments', { body, token: opts.token ?? alice, headers: opts.headers });

    it('rejects malformed JSON, wrong media types and oversized bodies', async () => {
      const m = await call(s.url, 'POST', '/v1/threads/bad/comments', { raw: '{"body": "x"', token: alice, headers: { 'content-type': 'application/json' } });
      assert.equal(m.status, 400);
      assert.equal(m.json.error.code, 'malformed_json');
      const empty = await call(s.url, 'POST', '/v1/threads/bad/comments', { raw: '', token: alice, headers: { 'content-type': 'application/json' } });
      assert.equal(empty.status, 400);
      assert.ok(empty.json.error.code);
      const t = await call(s.url, 'POST', '/v1/threads/bad/comments', { raw: 'body=x', token: alice, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(t.status, 415);
      assert.equal(t.json.error.code, 'unsupported_media_type');
      const big = await post({ body: 'x'.repeat(10_000) });
      assert.equal(big.status, 413);
      assert.deepEqual(big.json.error.code, 'payload_too_large');
      const arr = await post([1, 2]);
      assert.equal(arr.status, 422);
    });

    it('names the field for missing, empty and too-long fields', async () => {
      const cases: Array<[unknown, string]> = [
        [{}, 'body'],
        [{ body: '' }, 'body'],
        [{ body: '   \n ' }, 'body'],
        [{ body: 'y'.repeat(2001) }, 'body'],
        [{ body: ['a', 'b'] }, 'body'],
        [{ body: 'ok', parentId: '' }, 'parentId'],
        [{ body: 'ok', formStartedAt: 'soon' }, 'formStartedAt'],
      ];
      for (const [body, field] of cases) {
        const r = await post(body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.equal(r.json.error.code, 'invalid_input');
        assert.equal(r.json.error.field, field, JSON.stringify(r.json));
        assert.equal(typeof r.json.error.message, 'string');
      }
      const longThread = await call(s.url, 'GET', `/v1/threads/${'t'.repeat(300)}/comments`);
      assert.equal(longThread.status, 400);
      assert.equal(longThread.json.error.field, 'thread');
      const badKey = await post({ body: 'with a bad key' }, { headers: { 'idempotency-key': 'k'.repeat(200) } });
      assert.equal(badKey.status, 400);
      assert.equal(badKey.json.error.field, 'idempotency-key');
      const patchEmpty = await call(s.url, 'PATCH', '/v1/comments/whatever', { token: alice, body: {} });
      assert.equal(patchEmpty.status, 422);
    });

    it('stores SQL metacharacters and markup verbatim', async () => {
      const nasty = `Robert'); DROP TABLE comments; -- "quoted" \\ back\\slash %_ <script>alert(1)</script> 😀`;
      const thread = `o'brien"; drop table comments;--`;
      const who = await token({ sub: `x'); delete from comments; --`, name: `Bobby "Tables" O'Neil` });
      const p = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent(thread)}/comments`, { token: who, body: { body: nasty } });
      assert.equal(p.status, 201);
      assert.equal(p.json.body, nasty);
      assert.equal(p.json.thread, thread);
      assert.equal(p.json.author.name, `Bobby "Tables" O'Neil`);
      const l = await call(s.url, 'GET', `/v1/threads/${encodeURIComponent(thread)}/comments`);
      assert.equal(l.json.comments[0].body, nasty);
      const c = await call(s.url, 'GET', `/v1/counts?thread=${encodeURIComponent(thread)}&thread=%25`);
      assert.deepEqual(c.json.counts, { [thread]: 1, '%': 0 });
      const search = await call(s.url, 'GET', `/v1/threads/${encodeURIComponent("' OR '1'='1")}/comments`);
      assert.equal(search.json.total, 0);
    });

    it('rejects forged, unsigned, expired and wrong-audience tokens with 401', async () => {
      const forged = await token({ sub: 'alice' }, 'another-secret-another-secret-another-secret');
      const none = new UnsecuredJWT({ name: 'Eve', role: 'admin' }).setSubject('eve').setAudience('inkwell').setExpirationTime('10m').encode();
      const expired = await token({ exp: Math.floor(Date.now() / 1000) - 3600 });
      const wrongAud = await token({ aud: 'another-app' });
      const noName = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setAudience('inkwell').setExpirationTime('5m')
        .sign(new TextEncoder().encode('inkwell-development-secret-never-use-in-production'));
      const [h, p] = alice.split('.');
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url')}.${alice.split('.')[2]}`;
      const cases: Array<[string, string]> = [
        [forged, 'token_invalid'], [none, 'token_invalid'], [expired, 'token_expired'], [wrongAud, 'token_wrong_audience'],
        [noName, 'token_invalid'], [tampered, 'token_invalid'], ['not.a.jwt', 'token_invalid'],
      ];
      for (const [t, code] of cases) {
        for (const [method, path, body] of [['POST', '/v1/threads/bad/comments', { body: 'x' }], ['GET', '/v1/threads/bad/comments', undefined]] as const) {
          const r = await call(s.url, method, path, { token: t, body });
          assert.equal(r.status, 401, `${code} ${method}`);
          assert.equal(r.json.error.code, code);
        }
      }
      const scheme = await call(s.url, 'GET', '/v1/threads/bad/comments', { headers: { authorization: 'Basic YWxpY2U6cHc=' } });
      assert.equal(scheme.status, 401);
      assert.match((await call(s.url, 'GET', '/v1/threads/bad/comments', { token: expired })).json.error.message, /expired/);
    });

    it('does not let a reader edit or delete another reader\'s comment', async () => {
      const p = await post({ body: 'mine, not yours' });
      const e = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: bob, body: { body: 'hijacked' } });
      assert.equal(e.status, 403);
      assert.equal(e.json.error.code, 'not_your_comment');
      const d = await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`, { token: bob });
      assert.equal(d.status, 403);
      const anon = await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`);
      assert.equal(anon.status, 401);
      assert.equal(anon.json.error.code, 'auth_required');
      const still = await call(s.url, 'GET', `/v1/comments/${p.json.id}`);
      assert.equal(still.json.body, 'mine, not yours');
      const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
      const m = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { body: 'trimmed by a moderator' } });
      assert.equal(m.status, 200);
      const missing = await call(s.url, 'PATCH', '/v1/comments/c_nope', { token: alice, body: { body: 'x' } });
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error.code, 'not_found');
    });

    it('refuses a reply to a comment of another thread', async () => {
      const p = await call(s.url, 'POST', '/v1/threads/elsewhere/comments', { token: alice, body: { body: 'over here' } });
      const r = await post({ body: 'reply', parentId: p.json.id });
      assert.equal(r.status, 422);
      assert.equal(r.json.error.code, 'parent_not_found');
      assert.equal(r.json.error.field, 'parentId');
    });

    it('catches the honeypot, a too-fast submit, too many links and duplicates', async () => {
      const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
      const hp = await call(s.url, 'POST', '/v1/threads/spam/comments', { token: alice, body: { body: 'cheap watches', website: 'http://spam.example' } });
      assert.equal(hp.status, 201);
      assert.equal(hp.json.status, 'spam');
      assert.equal((await call(s.url, 'GET', '/v1/threads/spam/comments')).json.total, 0);
      const box = await call(s.url, 'GET', '/v1/comments?status=spam&thread=spam', { token: mod });
      assert.deepEqual(box.json.comments.map((c: { id: string }) => c.id), [hp.json.id]);

      const fast = await post({ body: 'typed in no time', formStartedAt: Date.now() - 500 });
      assert.equal(fast.status, 422);
      assert.equal(fast.json.error.code, 'too_fast');
      assert.equal(fast.json.error.field, 'formStartedAt');
      const slow = await post({ body: 'typed with care', formStartedAt: Date.now() - 10_000 });
      assert.equal(slow.status, 201);

      const links = await post({ body: 'see https://a.example http://b.example www.c.example and https://d.example' });
      assert.equal(links.status, 422);
      assert.equal(links.json.error.code, 'too_many_links');
      assert.equal(links.json.error.field, 'body');
      assert.equal((await post({ body: 'see https://a.example and https://b.example' })).status, 201);

      const first = await post({ body: 'Say it once' });
      assert.equal(first.status, 201);
      const dup = await post({ body: '  say   it ONCE ' });
      assert.equal(dup.status, 409);
      assert.equal(dup.json.error.code, 'duplicate');
      assert.equal((await post({ body: 'Say it once' }, { token: bob })).status, 201);
    });

    it('replays an Idempotency-Key instead of posting twice, also under concurrency', async () => {
      const headers = { 'idempotency-key': 'retry-1' };
      const a = await call(s.url, 'POST', '/v1/threads/idem/comments', { token: alice, body: { body: 'only once' }, headers });
      const b = await call(s.url, 'POST', '/v1/threads/idem/comments', { token: alice, body: { body: 'only once' }, headers });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(b.json.id, a.json.id);
      assert.equal(b.headers.get('idempotency-replayed'), 'true');
      const other = await call(s.url, 'POST', '/v1/threads/idem/comments', { token: alice, body: { body: 'something else' }, headers });
      assert.equal(other.status, 422);
      assert.equal(other.json.error.code, 'idempotency_key_reused');
      // The same key from another reader is another request.
      const bobs = await call(s.url, 'POST', '/v1/threads/idem/comments', { token: bob, body: { body: 'only once' }, headers });
      assert.equal(bobs.status, 201);
      assert.notEqual(bobs.json.id, a.json.id);

      const burst = await Promise.all(Array.from({ length: 8 }, () =>
        call(s.url, 'POST', '/v1/threads/idem-burst/comments', { token: alice, body: { body: 'racing' }, headers: { 'idempotency-key': 'burst' } })));
      assert.deepEqual([...new Set(burst.map((r) => r.status))], [201]);
      assert.equal(new Set(burst.map((r) => r.json.id)).size, 1);
      assert.equal((await call(s.url, 'GET', '/v1/threads/idem-burst/comments')).json.total, 1);
      assert.equal((await call(s.url, 'GET', '/v1/threads/idem/comments')).json.total, 2);
    });
  });
}

for (const { kind, skip } of await kinds()) {
  describe(`what counts against the post limit on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => {
      // A day's window: windows are fixed (aligned to their length), so a minute's could roll over between two posts of a slow run.
      s = await startServer(kind, { INKWELL_POST_LIMIT_USER: '2', INKWELL_POST_LIMIT_WINDOW: '86400' });
    });
    after(() => s?.close());
    const post = (t: string, body: string, headers: Record<string, string> = {}) => call(s.url, 'POST', '/v1/threads/counted/comments', { token: t, body: { body }, headers });

    it('counts new posts, not replays of a stored answer', async () => {
      const rae = await token({ sub: 'rae', name: 'Rae' });
      const headers = { 'idempotency-key': 'counted-1' };
      assert.equal((await post(rae, 'first', headers)).status, 201);
      for (let i = 0; i < 3; i++) assert.equal((await post(rae, 'first', headers)).headers.get('idempotency-replayed'), 'true');
      assert.equal((await post(rae, 'second')).status, 201);
      const third = await post(rae, 'third');
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) >= 1);
    });

    it('does not count the posts a ban refuses', async () => {
      const sol = await token({ sub: 'sol', name: 'Sol' });
      const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
      const first = await post(sol, 'before the ban');
      assert.equal(first.status, 201);
      assert.equal((await call(s.url, 'PUT', `/v1/bans/${first.json.author.id}`, { token: mod, body: {} })).status, 200);
      for (let i = 0; i < 3; i++) assert.equal((await post(sol, `banned ${i}`)).json.error.code, 'banned');
      assert.equal((await call(s.url, 'DELETE', `/v1/bans/${first.json.author.id}`, { token: mod })).status, 204);
      assert.equal((await post(sol, 'after the ban')).status, 201);
      assert.equal((await post(sol, 'one too many')).status, 429);
    });
  });
}

describe('edit window', () => {
  let s: TestServer;
  before(async () => { s = await startServer('sqlite', { INKWELL_EDIT_WINDOW: '1' }); });
  after(() => s?.close());
  it('refuses an author\'s edit after the window but lets moderators edit and the author delete', async () => {
    const alice = await token({ sub: 'alice' });
    const p = await call(s.url, 'POST', '/v1/threads/w/comments', { token: alice, body: { body: 'first draft' } });
    assert.equal((await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { body: 'quick fix' } })).status, 200);
    await new Promise((r) => setTimeout(r, 1100));
    const late = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { body: 'too late' } });
    assert.equal(late.status, 403);
    assert.equal(late.json.error.code, 'edit_window_closed');
    const mod = await token({ sub: 'm', name: 'M', role: 'admin' });
    assert.equal((await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { body: 'mod fix' } })).status, 200);
    assert.equal((await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`, { token: alice })).status, 204);
  });
});

describe('guests', () => {
  let off: TestServer;
  let on: TestServer;
  before(async () => {
    off = await startServer('sqlite');
    on = await startServer('sqlite', { INKWELL_GUESTS: 'on' });
  });
  after(async () => { await off?.close(); await on?.close(); });

  it('needs a token when guests are off', async () => {
    const r = await call(off.url, 'POST', '/v1/threads/g/comments', { body: { body: 'hi', author: { name: 'Gus' } } });
    assert.equal(r.status, 401);
    assert.equal(r.json.error.code, 'auth_required');
  });

  it('takes a guest name, never returns the e-mail or a hash of it', async () => {
    const email = 'Gus.Guest@Example.com';
    const noName = await call(on.url, 'POST', '/v1/threads/g/comments', { body: { body: 'hi' } });
    assert.equal(noName.status, 422);
    assert.equal(noName.json.error.field, 'author.name');
    const longName = await call(on.url, 'POST', '/v1/threads/g/comments', { body: { body: 'hi', author: { name: 'n'.repeat(81) } } });
    assert.equal(longName.json.error.field, 'author.name');
    const badMail = await call(on.url, 'POST', '/v1/threads/g/comments', { body: { body: 'hi', author: { name: 'Gus', email: 'not-an-address' } } });
    assert.equal(badMail.status, 422);
    assert.equal(badMail.json.error.field, 'author.email');
    const p = await call(on.url, 'POST', '/v1/threads/g/comments', { body: { body: 'hello as a guest', author: { name: 'Gus', email } } });
    assert.equal(p.status, 201);
    assert.equal(p.json.author.guest, true);
    assert.equal(p.json.author.name, 'Gus');
    const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    const texts = [
      p.text,
      (await call(on.url, 'GET', '/v1/threads/g/comments')).text,
      (await call(on.url, 'GET', '/v1/threads/g/comments', { token: mod })).text,
      (await call(on.url, 'GET', '/v1/comments?status=published', { token: mod })).text,
      (await call(on.url, 'GET', `/v1/comments/${p.json.id}`)).text,
    ];
    for (const t of texts) {
      for (const needle of [email, email.toLowerCase(), md5(email.toLowerCase()), sha256(email.toLowerCase()), md5(email), sha256(email), '@']) {
        assert.ok(!t.includes(needle), `response contains ${needle}: ${t}`);
      }
    }
    const row = await on.app.inkwell.db.selectFrom('comments').select('author_email').where('id', '=', p.json.id).executeTakeFirstOrThrow();
    assert.equal(row.author_email, email);
    const edit = await call(on.url, 'PATCH', `/v1/comments/${p.json.id}`, { body: { body: 'guest edit' } });
    assert.equal(edit.status, 401);
  });
});

describe('rate limits and client addresses', () => {
  it('limits posts per user and per client address, with Retry-After', async () => {
    const s = await startServer('sqlite', { INKWELL_POST_LIMIT_USER: '2', INKWELL_POST_LIMIT_ADDRESS: '3' });
    try {
      const a = await token({ sub: 'a' });
      const b = await token({ sub: 'b' });
      const p = (t: string, body: string) => call(s.url, 'POST', '/v1/threads/rl/comments', { token: t, body: { body } });
      assert.equal((await p(a, 'one')).status, 201);
      assert.equal((await p(a, 'two')).status, 201);
      const third = await p(a, 'three');
      assert.equal(third.status, 429);
      assert.equal(third.json.error.code, 'rate_limited');
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      assert.equal((await p(b, 'four')).status, 429); // the address has used up 3 (the 4th hit)
    } finally {
      await s.close();
    }
  });

  it('limits all requests per client address', async () => {
    const s = await startServer('sqlite', { INKWELL_RATE_LIMIT: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(s.url, 'GET', '/v1/counts?thread=x')).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      const r = await call(s.url, 'GET', '/v1/counts?thread=x');
      assert.equal(r.json.error.code, 'rate_limited');
    } finally {
      await s.close();
    }
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const env = { INKWELL_POST_LIMIT_ADDRESS: '1' };
    const direct = await startServer('sqlite', env);
    const proxied = await startServer('sqlite', { ...env, INKWELL_TRUSTED_PROXIES: '127.0.0.1' });
    try {
      for (const [s, expected] of [[direct, [201, 429]], [proxied, [201, 201]]] as const) {
        const got = [];
        for (const [i, ip] of ['203.0.113.1', '203.0.113.2'].entries()) {
          const t = await token({ sub: `user${i}` });
          got.push((await call(s.url, 'POST', '/v1/threads/xff/comments', { token: t, body: { body: `from ${ip}` }, headers: { 'x-forwarded-for': ip } })).status);
        }
        assert.deepEqual(got, expected);
      }
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe('CORS', () => {
  let s: TestServer;
  before(async () => { s = await startServer('sqlite', { INKWELL_CORS_ORIGINS: 'https://news.example,https://blog.example' }); });
  after(() => s?.close());

  it('allows configured origins only', async () => {
    const ok = await call(s.url, 'GET', '/v1/counts?thread=a', { headers: { origin: 'https://news.example' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://news.example');
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /etag/i);
    const evil = await call(s.url, 'GET', '/v1/counts?thread=a', { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const pre = await call(s.url, 'OPTIONS', '/v1/threads/a/comments', {
      headers: { origin: 'https://blog.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://blog.example');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
    const evilPre = await call(s.url, 'OPTIONS', '/v1/threads/a/comments', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(evilPre.headers.get('access-control-allow-origin'), null);
    const alice = await token();
    const evilPost = await call(s.url, 'POST', '/v1/threads/a/comments', { token: alice, body: { body: 'x' }, headers: { origin: 'https://evil.example' } });
    assert.equal(evilPost.status, 403);
    assert.equal(evilPost.json.error.code, 'origin_not_allowed');
    assert.equal((await call(s.url, 'GET', '/v1/threads/a/comments')).json.total, 0);
    const good = await call(s.url, 'POST', '/v1/threads/a/comments', { token: alice, body: { body: 'x' }, headers: { origin: 'https://news.example' } });
    assert.equal(good.status, 201);
    const same = await call(s.url, 'POST', '/v1/threads/a/comments', { token: alice, body: { body: 'y' }, headers: { origin: s.url } });
    assert.equal(same.status, 201);
  });
});

describe('JWKS (RS256 / ES256)', () => {
  let jwksServer: http.Server;
  let s: TestServer;
  let rsa: CryptoKeyPair;
  let ec: CryptoKeyPair;
  before(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    const keys = [{ ...(await exportJWK(rsa.publicKey)), kid: 'r1', alg: 'RS256', use: 'sig' }, { ...(await exportJWK(ec.publicKey)), kid: 'e1', alg: 'ES256', use: 'sig' }];
    jwksServer = http.createServer((_q, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ keys })); });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const port = (jwksServer.address() as { port: number }).port;
    const apiPort = await freePort();
    s = await startServer('sqlite', {
      INKWELL_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, INKWELL_JWT_ISSUER: 'https://news.example', INKWELL_MODE: 'production',
      INKWELL_PUBLIC_URL: `http://127.0.0.1:${apiPort}`, INKWELL_DEMO: 'on',
    }, apiPort);
  });
  after(async () => { await s?.close(); jwksServer?.close(); });

  const sign = (key: CryptoKey, alg: string, kid: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ name: 'Jo', ...claims }).setProtectedHeader({ alg, kid }).setSubject('jo').setAudience('inkwell')
      .setIssuer((claims.iss as string) ?? 'https://news.example').setExpirationTime('5m').sign(key);

  it('accepts RS256 and ES256 tokens from the key set and refuses others', async () => {
    for (const t of [await sign(rsa.privateKey, 'RS256', 'r1'), await sign(ec.privateKey, 'ES256', 'e1')]) {
      const r = await call(s.url, 'GET', '/v1/threads/j/comments', { token: t });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('cache-control'), 'private, no-cache');
    }
    const stranger = await generateKeyPair('ES256');
    const bad = await call(s.url, 'GET', '/v1/threads/j/comments', { token: await sign(stranger.privateKey, 'ES256', 'e1') });
    assert.equal(bad.status, 401);
    const iss = await call(s.url, 'GET', '/v1/threads/j/comments', { token: await sign(rsa.privateKey, 'RS256', 'r1', { iss: 'https://evil.example' }) });
    assert.equal(iss.json.error.code, 'token_wrong_issuer');
    // The development secret means nothing here.
    const hs = await call(s.url, 'GET', '/v1/threads/j/comments', { token: await token() });
    assert.equal(hs.status, 401);
  });

  it('refuses to mint demo tokens in production mode', async () => {
    const r = await call(s.url, 'POST', '/demo/token', { body: { name: 'Mallory', role: 'moderator' } });
    assert.equal(r.status, 403);
    assert.equal(r.json.error.code, 'demo_disabled');
  });
});

describe('server-side failures', () => {
  it('answers unknown routes with 404 and internal failures with 500, both in the error format, and readiness with 503', async () => {
    const s = await startServer('sqlite');
    try {
      const nf = await call(s.url, 'GET', '/v1/nothing-here');
      assert.equal(nf.status, 404);
      assert.equal(nf.json.error.code, 'not_found');
      const wrongMethod = await call(s.url, 'PUT', '/v1/counts?thread=a');
      assert.equal(wrongMethod.status, 404);
      // Pull the database away under the running server.
      s.app.inkwell.database.sqlite!.close();
      const r = await call(s.url, 'GET', '/v1/threads/after-failure/comments');
      assert.equal(r.status, 500);
      assert.deepEqual(r.json, { error: { code: 'internal', message: 'Internal server error' } });
      const h = await call(s.url, 'GET', '/v1/health/ready');
      assert.equal(h.status, 503);
      assert.equal(h.json.error.code, 'database_unavailable');
      // Liveness: the process itself is fine, so a supervisor must not restart it for the database's sake.
      assert.equal((await call(s.url, 'GET', '/v1/health')).status, 200);
    } finally {
      await s.close().catch(() => {});
    }
  });
});
