import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, startServer, token, type TestServer } from './helpers.js';

const report = (over: Record<string, unknown> = {}) => ({
  url: 'https://news.example/2024/story',
  title: 'A story',
  lang: 'en',
  selection: 'teh',
  prefix: 'This is ',
  suffix: ' story of',
  fragment: 'https://news.example/2024/story#:~:text=This%20is-,teh,-story',
  suggestion: 'the',
  comment: 'small typo',
  modifiedAt: '2024-05-01T10:00:00Z',
  ...over,
});

for (const { kind, skip } of await kinds()) {
  describe(`typo reports on ${kind}`, { skip }, () => {
    let s: TestServer;
    let mod: string;
    before(async () => {
      s = await startServer(kind);
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    it('creates a report and merges identical ones with a count', async () => {
      const a = await call(s.url, 'POST', '/v1/typo-reports', { body: report() });
      assert.equal(a.status, 201);
      assert.deepEqual(a.json, { id: a.json.id, status: 'open', count: 1, merged: false });
      const b = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ url: 'https://news.example/2024/story#comments', comment: 'me too' }) });
      assert.equal(b.status, 200);
      assert.deepEqual(b.json, { id: a.json.id, status: 'open', count: 2, merged: true });
      const c = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ suggestion: 'thee' }) });
      assert.equal(c.status, 201);
      assert.notEqual(c.json.id, a.json.id);
      const other = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ url: 'https://news.example/other' }) });
      assert.equal(other.status, 201);

      const list = await call(s.url, 'GET', '/v1/typo-reports', { token: mod });
      assert.equal(list.status, 200);
      assert.equal(list.json.total, 3);
      const merged = list.json.reports.find((r: { id: string }) => r.id === a.json.id);
      assert.equal(merged.count, 2);
      assert.equal(merged.url, 'https://news.example/2024/story');
      assert.equal(merged.selection, 'teh');
      assert.equal(merged.suggestion, 'the');
      assert.equal(merged.fragment, report().fragment);
      assert.equal(merged.modifiedAt, '2024-05-01T10:00:00Z');
      const byUrl = await call(s.url, 'GET', `/v1/typo-reports?url=${encodeURIComponent('https://news.example/other')}`, { token: mod });
      assert.equal(byUrl.json.total, 1);
      const page = await call(s.url, 'GET', '/v1/typo-reports?limit=2', { token: mod });
      assert.equal(page.json.reports.length, 2);
      const page2 = await call(s.url, 'GET', `/v1/typo-reports?limit=2&cursor=${page.json.nextCursor}`, { token: mod });
      assert.equal(page2.json.reports.length, 1);
      assert.equal(page2.json.nextCursor, null);
    });

    it('lets moderators change the status; nobody else sees or changes reports', async () => {
      const a = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ selection: 'recieve', suggestion: 'receive' }) });
      const reader = await token({ sub: 'r' });
      assert.equal((await call(s.url, 'GET', '/v1/typo-reports')).status, 401);
      assert.equal((await call(s.url, 'GET', '/v1/typo-reports', { token: reader })).status, 403);
      assert.equal((await call(s.url, 'PATCH', `/v1/typo-reports/${a.json.id}`, { token: reader, body: { status: 'fixed' } })).status, 403);
      const fixed = await call(s.url, 'PATCH', `/v1/typo-reports/${a.json.id}`, { token: mod, body: { status: 'fixed' } });
      assert.equal(fixed.status, 200);
      assert.equal(fixed.json.status, 'fixed');
      const fixedList = await call(s.url, 'GET', '/v1/typo-reports?status=fixed', { token: mod });
      assert.deepEqual(fixedList.json.reports.map((r: { id: string }) => r.id), [a.json.id]);
      const bad = await call(s.url, 'PATCH', `/v1/typo-reports/${a.json.id}`, { token: mod, body: { status: 'burnt' } });
      assert.equal(bad.status, 422);
      assert.equal(bad.json.error.field, 'status');
      const missing = await call(s.url, 'PATCH', '/v1/typo-reports/t_nope', { token: mod, body: { status: 'fixed' } });
      assert.equal(missing.status, 404);
    });

    it('answers a retried report (same Idempotency-Key) without counting it twice', async () => {
      const body = report({ selection: 'acommodate', suggestion: 'accommodate' });
      const headers = { 'idempotency-key': 'typo-retry-1' };
      const a = await call(s.url, 'POST', '/v1/typo-reports', { body, headers });
      const b = await call(s.url, 'POST', '/v1/typo-reports', { body, headers });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.deepEqual(b.json, a.json);
      assert.equal(b.headers.get('idempotency-replayed'), 'true');
      const other = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ selection: 'other' }), headers });
      assert.equal(other.status, 422);
      assert.equal(other.json.error.code, 'idempotency_key_reused');
      // Without a key, the same report again is another reader's: merged and counted.
      const c = await call(s.url, 'POST', '/v1/typo-reports', { body });
      assert.equal(c.status, 200);
      assert.equal(c.json.count, 2);
    });

    it('validates reports and names the field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [report({ url: 'javascript:alert(1)' }), 'url'],
        [report({ selection: '' }), 'selection'],
        [report({ selection: 'x'.repeat(501) }), 'selection'],
        [report({ comment: 'x'.repeat(1001) }), 'comment'],
        [report({ fragment: 'not a url' }), 'fragment'],
        [{ ...report(), prefix: undefined }, 'prefix'],
      ];
      for (const [body, field] of cases) {
        const r = await call(s.url, 'POST', '/v1/typo-reports', { body });
        assert.equal(r.status, 422, field);
        assert.equal(r.json.error.field, field);
      }
      const hp = await call(s.url, 'POST', '/v1/typo-reports', { body: report({ website: 'x' }) });
      assert.equal(hp.status, 422);
      assert.equal(hp.json.error.code, 'spam_detected');
    });
  });
}
