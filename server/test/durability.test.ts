import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { call, type Res, spawnServer, token } from './helpers.js';

describe('durability on SQLite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-durability-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every comment acknowledged with 201 across kill -9', async () => {
    const first = await spawnServer({ INKWELL_DATA_DIR: dataDir });
    const t = await token({ sub: 'durable', name: 'Dura' });
    const acked: string[] = [];
    let stop = false;
    let n = 0;
    // Eight writers post until the process dies under them; the kill lands while posts are in flight.
    const writer = async () => {
      while (!stop) {
        const i = n++;
        try {
          const r = await call(first.url, 'POST', '/v1/threads/durable/comments', { token: t, body: { body: `comment number ${i}` } });
          if (r.status === 201) acked.push(r.json.id);
          else if (!stop) throw new Error(`unexpected ${r.status} ${r.text}`);
        } catch (err) {
          if (!stop) throw err;
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acked.length < 300) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await new Promise((r) => first.child.once('exit', r));
    await Promise.all(writers);
    const ackedAtKill = [...acked];
    assert.ok(ackedAtKill.length >= 300);

    const db = new Database(path.join(dataDir, 'inkwell.db'));
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }

    const second = await spawnServer({ INKWELL_DATA_DIR: dataDir });
    try {
      const found = new Set<string>();
      let cursor: string | null = null;
      let total = 0;
      do {
        const r: Res = await call(second.url, 'GET', `/v1/threads/durable/comments?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.status, 200);
        total = r.json.total;
        for (const c of r.json.comments) found.add(c.id);
        cursor = r.json.nextCursor;
      } while (cursor);
      const missing = ackedAtKill.filter((id) => !found.has(id));
      assert.deepEqual(missing, [], `${missing.length} of ${ackedAtKill.length} acknowledged comments lost`);
      assert.ok(total >= ackedAtKill.length);
      // The restarted server still takes writes.
      const after = await call(second.url, 'POST', '/v1/threads/durable/comments', { token: t, body: { body: 'after the crash' } });
      assert.equal(after.status, 201);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  });
});
