// A site embedding Inkwell from an origin the server was not told about: the browser shows only CORS
// errors, so the server's log must name the origin and the setting, once per origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { call, sleep, spawnServer, token } from './helpers.js';

interface Line {
  level: number;
  msg: string;
  origin?: string;
}

const WARN = 40;

function warnings(output: string): Line[] {
  return output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line).filter((l) => l.level === WARN && /refused/.test(l.msg));
}

async function serverWith(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-origins-'));
  const server = await spawnServer({ INKWELL_DATA_DIR: dataDir, INKWELL_LOG_REQUESTS: 'off', ...env });
  return {
    ...server,
    async stop() {
      await stop(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** What a browser on `origin` sends: a read, a preflight, and a write. */
async function visit(url: string, origin: string, jwt: string) {
  const read = await call(url, 'GET', '/v1/threads/t/comments', { headers: { origin } });
  const preflight = await call(url, 'OPTIONS', '/v1/threads/t/comments', {
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  const write = await call(url, 'POST', '/v1/threads/t/comments', { token: jwt, body: { body: 'Hello' }, headers: { origin } });
  return { read, preflight, write };
}

describe('refused origins in the log', () => {
  describe('without INKWELL_CORS_ORIGINS', () => {
    let server: Awaited<ReturnType<typeof serverWith>>;
    before(async () => {
      server = await serverWith({ INKWELL_MIN_SUBMIT_SECONDS: '0' });
    });
    after(() => server.stop());

    it('logs each refused origin once, with the setting that lets it in, however many requests it makes', async () => {
      const jwt = await token();
      for (let i = 0; i < 3; i++) {
        const { read, preflight, write } = await visit(server.url, 'https://www.example.com', jwt);
        assert.equal(read.status, 200);
        assert.equal(read.headers.get('access-control-allow-origin'), null);
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
        assert.equal(write.status, 403);
        assert.equal(write.json.error.code, 'origin_not_allowed');
      }
      // An origin whose first request is a write is logged too.
      const write = await call(server.url, 'POST', '/v1/typo-reports', { body: {}, headers: { origin: 'https://blog.example.org' } });
      assert.equal(write.status, 403);
      await call(server.url, 'GET', '/v1/counts?thread=t', { headers: { origin: 'https://blog.example.org' } });
      await sleep(200);

      const lines = warnings(server.output());
      assert.deepEqual(lines.map((l) => l.origin), ['https://www.example.com', 'https://blog.example.org']);
      assert.match(lines[0]!.msg, /start the server with INKWELL_CORS_ORIGINS=https:\/\/www\.example\.com$/);
      assert.match(lines[1]!.msg, /INKWELL_CORS_ORIGINS=https:\/\/blog\.example\.org$/);
    });

    it('says nothing about same-origin requests or requests without an Origin', async () => {
      const before = warnings(server.output()).length;
      const jwt = await token({ sub: 'same-origin' });
      const write = await call(server.url, 'POST', '/v1/threads/t/comments', { token: jwt, body: { body: 'From the demo' }, headers: { origin: server.url } });
      assert.equal(write.status, 201);
      assert.equal((await call(server.url, 'GET', '/v1/threads/t/comments')).status, 200);
      await sleep(200);
      assert.equal(warnings(server.output()).length, before);
    });
  });

  describe('with INKWELL_CORS_ORIGINS', () => {
    let server: Awaited<ReturnType<typeof serverWith>>;
    before(async () => {
      server = await serverWith({ INKWELL_MIN_SUBMIT_SECONDS: '0', INKWELL_CORS_ORIGINS: 'https://news.example' });
    });
    after(() => server.stop());

    it('is silent about allowed origins and names the whole list to set for a refused one', async () => {
      const jwt = await token();
      const allowed = await visit(server.url, 'https://news.example', jwt);
      assert.equal(allowed.read.headers.get('access-control-allow-origin'), 'https://news.example');
      assert.equal(allowed.write.status, 201);
      await visit(server.url, 'https://www.example.com', jwt);
      await visit(server.url, 'https://www.example.com', jwt);
      await sleep(200);

      const lines = warnings(server.output());
      assert.equal(lines.length, 1);
      assert.equal(lines[0]!.origin, 'https://www.example.com');
      assert.match(lines[0]!.msg, /INKWELL_CORS_ORIGINS=https:\/\/news\.example,https:\/\/www\.example\.com$/);
    });
  });
});
