import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { call, dropSchema, PG_SKIP, PG_URL, pgReachable, randomSchema, spawnServer, spawnServers, token } from './helpers.js';

// Day-long windows (aligned to midnight UTC), so a test never straddles two.
const reachable = await pgReachable();
if (!reachable) console.log(`# ${PG_SKIP}`);

const stop = (c: ChildProcess) => {
  if (c.exitCode === null) c.kill('SIGTERM');
  return new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
};

const report = (i: number) => ({ url: `https://l.example/${i}`, selection: 'teh', prefix: 'is ', suffix: ' end', fragment: `https://l.example/${i}#:~:text=teh` });

describe('post limits across two server processes on one PostgreSQL', { skip: reachable ? false : PG_SKIP }, () => {
  const schema = randomSchema();
  const children: ChildProcess[] = [];
  let a: string;
  let b: string;
  before(async () => {
    const env = {
      INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema,
      INKWELL_POST_LIMIT_USER: '3', INKWELL_POST_LIMIT_ADDRESS: '4', INKWELL_POST_LIMIT_WINDOW: '86400',
    };
    const [na, nb] = await spawnServers(2, env);
    children.push(na.child, nb.child);
    a = na.url;
    b = nb.url;
  });
  after(async () => {
    await Promise.all(children.map(stop));
    await dropSchema(schema);
  });

  it('lets a reader post the limit once in all, not once per process, also when the posts race', async () => {
    const t = await token({ sub: 'limited', name: 'Lim' });
    const posts = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      call(i % 2 ? a : b, 'POST', '/v1/threads/limits/comments', { token: t, body: { body: `post number ${i}` } })));
    const statuses = posts.map((p) => p.status);
    assert.equal(statuses.filter((s) => s === 201).length, 3, `statuses ${statuses}`);
    assert.equal(statuses.filter((s) => s === 429).length, 5, `statuses ${statuses}`);
    const refused = posts.find((p) => p.status === 429)!;
    assert.equal(refused.json.error.code, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });

  it('holds the per-address limit of typo reports across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(i % 2 ? a : b, 'POST', '/v1/typo-reports', { body: report(i) })).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
  });

  it('holds the per-address limit of comments across both processes', async () => {
    // The reader above used 3 of the address's 4 comments (8 hits: the address counts refused posts too).
    const other = await token({ sub: 'someone-else' });
    const p = await call(a, 'POST', '/v1/threads/limits/comments', { token: other, body: { body: 'from the same address' } });
    assert.equal(p.status, 429);
  });
});

describe('post limits on SQLite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-limits-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('survive a restart of the server process', async () => {
    const env = { INKWELL_DATA_DIR: dataDir, INKWELL_POST_LIMIT_USER: '2', INKWELL_POST_LIMIT_WINDOW: '86400' };
    const t = await token({ sub: 'restarts' });
    const post = (url: string, i: number) => call(url, 'POST', '/v1/threads/restart/comments', { token: t, body: { body: `restart ${i}` } });
    const first = await spawnServer(env);
    try {
      assert.equal((await post(first.url, 1)).status, 201);
      assert.equal((await post(first.url, 2)).status, 201);
    } finally {
      await stop(first.child);
    }
    const second = await spawnServer(env);
    try {
      assert.equal((await post(second.url, 3)).status, 429);
    } finally {
      await stop(second.child);
    }
  });
});
