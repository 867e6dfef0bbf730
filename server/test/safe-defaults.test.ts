// Issue 9, "Safe defaults": the demo token mint, production's start-up checks, the Host check
// (DNS rebinding) and token lifetimes.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../src/config.js';
import { call, freePort, REPO_ROOT, sleep, spawnServer, startServer, token, type TestServer } from './helpers.js';

const REAL_SECRET = 'a-real-secret-of-the-host-site-0123456789';
const mint = (s: TestServer, headers: Record<string, string> = {}) =>
  call(s.url, 'POST', '/demo/token', { body: { name: 'Mallory', role: 'moderator' }, headers });

/** GET with a Host header of our choosing (fetch always sends the URL's own). */
function getWithHost(url: string, p: string, host: string): Promise<{ status: number; json: { error?: { code: string } } | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + p, { headers: { host } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode!, json });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo token mint', () => {
  it('is off unless asked for, with a message that says how to turn it on', async () => {
    const s = await startServer('sqlite');
    try {
      const r = await mint(s);
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, 'demo_disabled');
      assert.match(r.json.error.message, /--demo|INKWELL_DEMO/);
    } finally {
      await s.close();
    }
  });

  it('`npm start` asks for it explicitly', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.scripts.start, /server\/src\/main\.ts --demo\b/);
  });

  it('stays closed whenever a real key is configured, since it would sign with it', async () => {
    const envs: Array<Record<string, string>> = [
      { INKWELL_JWT_SECRET: REAL_SECRET },
      { INKWELL_JWKS_URL: 'http://127.0.0.1:9/jwks.json' },
      // The development secret next to a real key set: a minted token would still pass for a real one.
      { INKWELL_JWT_SECRET: DEV_JWT_SECRET, INKWELL_JWKS_URL: 'http://127.0.0.1:9/jwks.json' },
    ];
    for (const env of envs) {
      const s = await startServer('sqlite', { INKWELL_DEMO: 'on', ...env });
      try {
        const r = await mint(s);
        assert.equal(r.status, 403, JSON.stringify(env));
        assert.equal(r.json.error.code, 'demo_disabled');
      } finally {
        await s.close();
      }
    }
  });

  describe('when on, in development', () => {
    let s: TestServer;
    before(async () => {
      s = await startServer('sqlite', { INKWELL_DEMO: 'on', INKWELL_TRUSTED_PROXIES: '127.0.0.1' });
    });
    after(() => s?.close());

    it('answers loopback clients (IPv4, IPv6 and IPv4-mapped)', async () => {
      assert.equal((await mint(s)).status, 200);
      for (const remoteAddress of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
        const r = await s.app.inject({ method: 'POST', url: '/demo/token', remoteAddress, payload: { name: 'Ada' } });
        assert.equal(r.statusCode, 200, remoteAddress);
      }
    });

    it('refuses every other client address, and anything relayed by a proxy', async () => {
      for (const remoteAddress of ['203.0.113.7', '10.0.0.2', '::ffff:192.168.1.2', '2001:db8::1', '128.0.0.1']) {
        const r = await s.app.inject({ method: 'POST', url: '/demo/token', remoteAddress, payload: { name: 'Ada' } });
        assert.equal(r.statusCode, 403, remoteAddress);
        assert.equal(r.json().error.code, 'demo_disabled');
      }
      // The socket is loopback (a local proxy or tunnel), but the reader is not.
      const relayed: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=203.0.113.7' }];
      for (const headers of relayed) {
        const r = await mint(s, headers);
        assert.equal(r.status, 403, JSON.stringify(headers));
      }
    });
  });

  it('says so loudly at start-up, and only when it is on', async () => {
    const on = await spawnServer({ INKWELL_DEMO: 'on' });
    try {
      // stderr may arrive after the start-up line on stdout.
      for (let i = 0; i < 40 && !/IS ON/.test(on.output()); i++) await sleep(50);
      assert.match(on.output(), /INKWELL DEMO SIGN-IN IS ON/);
      assert.match(on.output(), /"level":40[^\n]*demo sign-in is ON/);
    } finally {
      on.child.kill();
    }
    const off = await spawnServer({});
    try {
      await sleep(300);
      assert.doesNotMatch(off.output(), /demo sign-in is on/i);
    } finally {
      off.child.kill();
    }
    const closed = await spawnServer({ INKWELL_DEMO: 'on', INKWELL_JWT_SECRET: REAL_SECRET });
    try {
      await sleep(300);
      assert.doesNotMatch(closed.output(), /DEMO SIGN-IN IS ON/);
      assert.match(closed.output(), /INKWELL_DEMO is on but the mint stays closed/);
    } finally {
      closed.child.kill();
    }
  });
});

describe('production start-up checks', () => {
  const prod = { INKWELL_MODE: 'production', INKWELL_JWT_SECRET: REAL_SECRET, INKWELL_PUBLIC_URL: 'https://comments.example' };

  it('refuses the built-in development secret, short secrets and a missing or bad public URL', () => {
    assert.equal(loadConfig(prod, []).publicOrigin, 'https://comments.example');
    assert.throws(() => loadConfig({ ...prod, INKWELL_JWT_SECRET: DEV_JWT_SECRET }, []), /development secret/);
    assert.throws(() => loadConfig({ ...prod, INKWELL_JWT_SECRET: 'x'.repeat(31) }, []), /32 bytes/);
    assert.throws(() => loadConfig({ ...prod, INKWELL_PUBLIC_URL: '' }, []), /INKWELL_PUBLIC_URL/);
    for (const bad of ['comments.example', 'ftp://comments.example', 'javascript:alert(1)']) {
      assert.throws(() => loadConfig({ ...prod, INKWELL_PUBLIC_URL: bad }, []), ConfigError, bad);
    }
    assert.equal(loadConfig({ ...prod, INKWELL_PUBLIC_URL: 'https://Comments.Example:443/api/' }, []).publicOrigin, 'https://comments.example');
  });

  it('the CLI exits with a message when the public URL is missing', async () => {
    const started = spawnServer({ ...prod, INKWELL_PUBLIC_URL: '' }).then((server) => {
      server.child.kill();
      return server;
    });
    await assert.rejects(started, /production mode needs INKWELL_PUBLIC_URL/);
  });
});

describe('the Host check (DNS rebinding)', () => {
  it('development answers loopback names and the public URL\'s host, nothing else', async () => {
    const s = await startServer('sqlite', { INKWELL_PUBLIC_URL: 'https://comments.example' });
    try {
      const port = new URL(s.url).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `app.localhost:${port}`, `127.1.2.3:${port}`, `[::1]:${port}`, 'comments.example', 'comments.example:443']) {
        const r = await getWithHost(s.url, '/v1/counts?thread=a', host);
        assert.equal(r.status, 200, host);
      }
      for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '127.0.0.1.nip.io', 'comments.example:8443', `192.168.1.5:${port}`, `[::2]:${port}`]) {
        const r = await getWithHost(s.url, '/v1/counts?thread=a', host);
        assert.equal(r.status, 421, host);
        assert.equal(r.json?.error?.code, 'host_not_allowed');
      }
      // The demo pages and the bundle are behind the same check.
      assert.equal((await getWithHost(s.url, '/', 'evil.example')).status, 421);
    } finally {
      await s.close();
    }
  });

  it('production answers only the public URL\'s host; probes may use any', async () => {
    const port = await freePort();
    const s = await startServer('sqlite', { INKWELL_MODE: 'production', INKWELL_JWT_SECRET: REAL_SECRET, INKWELL_PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
    try {
      assert.equal((await getWithHost(s.url, '/v1/counts?thread=a', `127.0.0.1:${port}`)).status, 200);
      for (const host of [`localhost:${port}`, '127.0.0.1', 'evil.example']) {
        const r = await getWithHost(s.url, '/v1/counts?thread=a', host);
        assert.equal(r.status, 421, host);
        assert.equal(r.json?.error?.code, 'host_not_allowed');
      }
      assert.equal((await getWithHost(s.url, '/v1/health', '10.1.2.3:8080')).status, 200);
      assert.equal((await getWithHost(s.url, '/v1/health/ready', '10.1.2.3:8080')).status, 200);
    } finally {
      await s.close();
    }
  });

  it('behind a trusted proxy, takes X-Forwarded-Host and compares write origins with the public URL', async () => {
    const s = await startServer('sqlite', {
      INKWELL_MODE: 'production', INKWELL_JWT_SECRET: REAL_SECRET, INKWELL_PUBLIC_URL: 'https://comments.example', INKWELL_TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      const alice = await token({}, REAL_SECRET);
      assert.equal((await call(s.url, 'GET', '/v1/counts?thread=a')).status, 421);
      const proxied = { 'x-forwarded-host': 'comments.example' };
      assert.equal((await call(s.url, 'GET', '/v1/counts?thread=a', { headers: proxied })).status, 200);
      // The proxy terminates TLS and says nothing of it: the origin is still the public one.
      const same = await call(s.url, 'POST', '/v1/threads/a/comments', { token: alice, body: { body: 'hi' }, headers: { ...proxied, origin: 'https://comments.example' } });
      assert.equal(same.status, 201);
      const foreign = await call(s.url, 'POST', '/v1/threads/a/comments', { token: alice, body: { body: 'ho' }, headers: { ...proxied, origin: 'http://comments.example' } });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.json.error.code, 'origin_not_allowed');
    } finally {
      await s.close();
    }
  });
});

describe('token lifetimes', () => {
  let s: TestServer;
  let short: TestServer;
  before(async () => {
    s = await startServer('sqlite');
    short = await startServer('sqlite', { INKWELL_JWT_MAX_AGE: '3600' });
  });
  after(async () => {
    await s?.close();
    await short?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const signed = (payload: Record<string, unknown>, iat?: number) => {
    const jwt = new SignJWT({ name: 'Jo', aud: 'inkwell', ...payload }).setProtectedHeader({ alg: 'HS256' });
    if (iat !== undefined) jwt.setIssuedAt(iat);
    return jwt.sign(new TextEncoder().encode(DEV_JWT_SECRET));
  };
  const list = (server: TestServer, t: string) => call(server.url, 'GET', '/v1/threads/t/comments', { token: t });

  it('answers a non-string "sub" with 401', async () => {
    for (const sub of [123, 0, true, ['alice'], { id: 'alice' }]) {
      const r = await list(s, await signed({ sub, exp: now() + 600 }, now()));
      assert.equal(r.status, 401, JSON.stringify(sub));
      assert.equal(r.json.error.code, 'token_invalid');
    }
  });

  it('refuses tokens valid for longer than INKWELL_JWT_MAX_AGE (7 days by default)', async () => {
    const day = 86_400;
    assert.equal((await list(s, await signed({ sub: 'jo', exp: now() + 6 * day }, now()))).status, 200);
    assert.equal((await list(s, await signed({ sub: 'jo', exp: now() + 6 * day }))).status, 200);
    const long = await list(s, await signed({ sub: 'jo', exp: now() + 8 * day }, now()));
    assert.equal(long.status, 401);
    assert.equal(long.json.error.code, 'token_invalid');
    assert.match(long.json.error.message, /INKWELL_JWT_MAX_AGE/);
    // Without iat, counted from now.
    assert.equal((await list(s, await signed({ sub: 'jo', exp: now() + 8 * day }))).status, 401);
    // Issued ten days ago for eleven: three days left, but valid for too long all the same.
    assert.equal((await list(s, await signed({ sub: 'jo', exp: now() + day }, now() - 10 * day))).status, 401);
    // An iat in the future cannot shorten the count.
    assert.equal((await list(s, await signed({ sub: 'jo', exp: now() + 400 * day }, now() + 399 * day))).status, 401);
    // A configured maximum.
    assert.equal((await list(short, await signed({ sub: 'jo', exp: now() + 1800 }, now()))).status, 200);
    assert.equal((await list(short, await signed({ sub: 'jo', exp: now() + 7200 }, now()))).status, 401);
    assert.throws(() => loadConfig({ INKWELL_JWT_MAX_AGE: '1d' }, []), /INKWELL_JWT_MAX_AGE/);
  });
});
