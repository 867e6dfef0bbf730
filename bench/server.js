// Server throughput and latency: autocannon on loopback, 50 connections, ~10 s per scenario,
// listing a 100-comment thread and posting comments, on SQLite and (when reachable) PostgreSQL.
// The server runs as a child process (`node --import tsx server/src/main.ts`) so it has a core of
// its own on a 2-core machine. Prints figures; it is not a pass/fail test.
//
//   node --import tsx bench/server.js            (INKWELL_BENCH_SECONDS=10, INKWELL_TEST_DATABASE_URL=…)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { SignJWT } from 'jose';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.INKWELL_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PG_URL = process.env.INKWELL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function startServer(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      INKWELL_LOG_LEVEL: 'info',
      INKWELL_LOG_REQUESTS: 'off',
      INKWELL_LOG_FORMAT: 'json',
      INKWELL_JWT_SECRET: SECRET,
      INKWELL_RATE_LIMIT: '100000000',
      INKWELL_POST_LIMIT_USER: '100000000',
      INKWELL_POST_LIMIT_ADDRESS: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*inkwell listening/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url: m[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function line(label, r) {
  label = label.padEnd(40);
  const ok = r['2xx'];
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${label} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${ok} ok, ${bad} failed`;
}

async function bench(kind) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-'));
  const schema = 'inkwell_bench_' + randomBytes(4).toString('hex');
  const env = { INKWELL_DATA_DIR: dataDir };
  if (kind === 'postgres') Object.assign(env, { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema });
  const { url, child } = await startServer(env);
  try {
    const token = await new SignJWT({ name: 'Bench' }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench')
      .setAudience('inkwell').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    const modToken = await new SignJWT({ name: 'Mod', role: 'moderator' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mod')
      .setAudience('inkwell').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${url}/v1/threads/bench-list/comments`, {
        method: 'POST', headers: auth,
        body: JSON.stringify({ body: `Seed comment ${i}: a few sentences of ordinary text, *some emphasis* and a [link](https://example.com/${i}).` }),
      });
      if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    }
    const list = await fetch(`${url}/v1/threads/bench-list/comments?limit=100`).then((r) => r.json());
    if (list.comments.length !== 100) throw new Error('expected 100 comments in the listing');

    await run({ url: `${url}/v1/threads/bench-list/comments?limit=100`, duration: 2 }); // warm-up
    const listing = await run({ url: `${url}/v1/threads/bench-list/comments?limit=100` });
    // A signed-in reader (here the author of all 100, so every comment gets `own: true`) is served from
    // the public cache plus own flags; a moderator sees pending comments too, so always from the database.
    const personal = await run({ url: `${url}/v1/threads/bench-list/comments?limit=100`, headers: { authorization: auth.authorization } });
    const uncached = await run({ url: `${url}/v1/threads/bench-list/comments?limit=100`, headers: { authorization: `Bearer ${modToken}` } });
    let n = 0;
    const posting = await run({
      url: `${url}/v1/threads/bench-post/comments`,
      method: 'POST',
      headers: auth,
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ body: `Benchmark comment number ${n++}` }) }) }],
    });
    console.log(line(`${kind}: list 100 comments, anonymous`, listing));
    console.log(line(`${kind}: list 100 comments, signed in`, personal));
    console.log(line(`${kind}: list 100 comments, moderator`, uncached));
    console.log(line(`${kind}: post a comment`, posting));
    return { listing, posting };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    }
  }
}

console.log(`Inkwell server benchmark: ${CONNECTIONS} connections, ${SECONDS} s per scenario, ${os.cpus().length} cores, Node ${process.version}`);
const sqlite = await bench('sqlite');
const target = sqlite.listing.requests.average >= 2000 && sqlite.listing.latency.p99 < 50;
console.log(`SQLite listing target (>= 2000 req/s, p99 < 50 ms): ${target ? 'met' : 'NOT met'}`);
if (await pgReachable()) await bench('postgres');
else console.log(`PostgreSQL not reachable at ${PG_URL}; PostgreSQL benchmark skipped`);
