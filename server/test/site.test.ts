import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, REPO_ROOT, startServer, type TestServer } from './helpers.js';
// @ts-expect-error plain JS module of the demo
import { safeReturn } from '../../demo/sign-in.js';

describe('the site: bundle, demo pages and demo sign-in', () => {
  let s: TestServer;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-root-'));
  before(async () => {
    fs.mkdirSync(path.join(root, 'dist'));
    fs.mkdirSync(path.join(root, 'demo'));
    fs.writeFileSync(path.join(root, 'dist', 'inkwell.js'), 'export const built = true;\n');
    fs.writeFileSync(path.join(root, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
    fs.writeFileSync(path.join(root, 'demo', 'listing.html'), '<!doctype html><title>listing</title>');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
    s = await startServer('sqlite', { INKWELL_ROOT_DIR: root, INKWELL_DEMO: 'on' });
  });
  after(async () => {
    await s?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves /dist/ and the demo pages with a CSP that forbids inline scripts', async () => {
    const js = await call(s.url, 'GET', '/dist/inkwell.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /javascript/);
    assert.equal(js.text, 'export const built = true;\n');
    for (const [p, title] of [['/', 'demo'], ['/index.html', 'demo'], ['/listing.html', 'listing']]) {
      const r = await call(s.url, 'GET', p!);
      assert.equal(r.status, 200, p);
      assert.match(r.text, new RegExp(`<title>${title}</title>`));
      const csp = r.headers.get('content-security-policy')!;
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    }
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/dist/../secret.txt', '/nope.html']) {
      const r = await call(s.url, 'GET', p);
      assert.equal(r.status, 404, p);
      assert.ok(!r.text.includes('outside'));
    }
  });

  it('mints a working demo token in development mode', async () => {
    const r = await call(s.url, 'POST', '/demo/token', { body: { name: 'Ada', role: 'moderator' } });
    assert.equal(r.status, 200);
    assert.equal(typeof r.json.token, 'string');
    const inbox = await call(s.url, 'GET', '/v1/comments', { token: r.json.token });
    assert.equal(inbox.status, 200);
    const reader = await call(s.url, 'POST', '/demo/token', { body: { name: 'Ada' } });
    const p = await call(s.url, 'POST', '/v1/threads/demo/comments', { token: reader.json.token, body: { body: 'from the demo' } });
    assert.equal(p.status, 201);
    assert.equal(p.json.author.name, 'Ada');
    assert.equal((await call(s.url, 'POST', '/demo/token', { body: { name: '' } })).status, 422);
    assert.equal((await call(s.url, 'POST', '/demo/token', { body: { name: 'x', role: 'admin' } })).status, 422);
  });
});

describe('the demo pages in the repository', () => {
  it('load their scripts from files only and never use innerHTML', () => {
    for (const page of ['sign-in.html', 'moderation.html']) {
      const html = fs.readFileSync(path.join(REPO_ROOT, 'demo', page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs!, /\bsrc="\/[\w./-]+\.js"/);
        assert.equal(body!.trim(), '');
      }
      assert.ok(!/\son\w+=/.test(html), `${page} has an inline event handler`);
      assert.ok(!/style="/.test(html), `${page} has an inline style`);
    }
    for (const script of ['sign-in.js', 'reader.js']) {
      const code = fs.readFileSync(path.join(REPO_ROOT, 'demo', script), 'utf8').replace(/\/\/.*$/gm, '');
      assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(code), script);
    }
  });

  it('returns only to same-origin paths after sign-in', () => {
    const o = 'http://127.0.0.1:8080';
    assert.equal(safeReturn('?return=/articles/x.html%3Fa%3D1%23comments', o), '/articles/x.html?a=1#comments');
    assert.equal(safeReturn('', o), '/');
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil', '/%0d%0a//evil']) {
      const got = safeReturn('?return=' + encodeURIComponent(bad), o);
      assert.ok(got.startsWith('/') && !got.startsWith('//'), `${bad} -> ${got}`);
      assert.equal(new URL(got, o).origin, o);
    }
  });
});
