// Server throughput and latency, against a base revision in the same run: autocannon on loopback,
// 50 connections, listing a 100-comment thread (anonymous from the listing cache, anonymous with
// INKWELL_LISTING_CACHE_MS=0, signed in, as a moderator) and posting comments, on SQLite and (when
// reachable) PostgreSQL. The servers under test and those of the base revision (its server/ taken
// with `git archive` into a temporary directory) run as child processes, so they have a core of
// their own on a 2-core machine. Each scenario runs in short slices that alternate between the two
// (current, base, base, current, …), and each ratio is the median of the ratios of neighbouring
// slices, so a change in the machine's load falls on both sides. Besides requests per second, the
// server's own CPU time per request is read from /proc (Linux): on a machine that other work keeps
// busy it varies far less than throughput does. Prints medians and the ratios to the base (above 1:
// the current code is faster), and flags a scenario more than 10% slower by CPU time per request
// (by throughput where /proc is missing); it is not a pass/fail test.
//
// `post a comment, one at a time` is the latency of one durable post with nothing queued (mean ms).
//
//   npm run bench:server [-- --base REV]   (default: the merge-base with main, or HEAD~1 on main itself)
//   INKWELL_BENCH_SECONDS=1 (per slice) INKWELL_BENCH_PAIRS=6 INKWELL_TEST_DATABASE_URL=…
//   INKWELL_BENCH_ONLY=post (only the scenarios whose name contains it)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { SignJWT } from 'jose';
import { baseRevision, git } from './base-revision.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.INKWELL_BENCH_SECONDS ?? 1);
const PAIRS = Number(process.env.INKWELL_BENCH_PAIRS ?? 6);
const CONNECTIONS = 50;
const PG_URL = process.env.INKWELL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const REGRESSION = 0.9;

/** The base revision's server/ in a temporary directory that resolves packages from this checkout. */
function extractBase(rev) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-base-'));
  // tsconfig.json too: tsx compiles by it, and other settings would make other code.
  const paths = git('ls-tree', '--name-only', rev, '--', 'server', 'package.json', 'tsconfig.json').split('\n');
  const archive = execFileSync('git', ['archive', '--format=tar', rev, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

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

function startServer(cwd, env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--port', '0'], {
    cwd,
    env: {
      ...process.env,
      INKWELL_ROOT_DIR: ROOT,
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

const sign = (sub, claims) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('inkwell').setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));

async function admin(query) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

/**
 * One server: its own data directory, or its own PostgreSQL database (not a schema: a migrator that
 * sees another schema's migration tables may take them for its own), seeded with the 100-comment thread.
 */
async function server(kind, cwd, env, token) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-'));
  const database = 'inkwell_bench_' + randomBytes(4).toString('hex');
  Object.assign(env, { INKWELL_DATA_DIR: dataDir });
  if (kind === 'postgres') {
    await admin(`create database "${database}"`);
    const url = new URL(PG_URL);
    url.pathname = '/' + database;
    Object.assign(env, { INKWELL_DATABASE_URL: url.href });
  }
  const cleanup = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') await admin(`drop database if exists "${database}" with (force)`);
  };
  let started;
  try {
    started = await startServer(cwd, env);
  } catch (err) {
    await cleanup();
    throw err;
  }
  const { url, child } = started;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    await cleanup();
  };
  try {
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${url}/v1/threads/bench-list/comments`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Seed comment ${i}: a few sentences of ordinary text, *some emphasis* and a [link](https://example.com/${i}).` }),
      });
      if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    }
    const list = await fetch(`${url}/v1/threads/bench-list/comments?limit=100`).then((r) => r.json());
    if (list.comments.length !== 100) throw new Error('expected 100 comments in the listing');
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid, stop };
}

/** CPU seconds the process has used, or NaN without /proc. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

/** One slice of load on `target`, with the CPU time the server spent per request in it. */
async function slice(target, options) {
  const before = cpuSeconds(target.pid);
  const result = await run(options);
  result.cpuPerRequest = (cpuSeconds(target.pid) - before) / Math.max(1, result.requests.total);
  return result;
}

/** The median of the finite values (a slice in which nothing completed gives none), or NaN. */
const median = (xs) => {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[Math.floor((finite.length - 1) / 2)] : NaN;
};

function summary(results) {
  const rps = median(results.map((r) => r.requests.average));
  const p99 = median(results.map((r) => r.latency.p99));
  const mean = median(results.map((r) => r.latency.mean));
  const cpu = median(results.map((r) => r.cpuPerRequest)) * 1e6;
  const failed = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return { rps, p99, mean, cpu, failed };
}

const figures = (r) => `${r.rps.toFixed(0).padStart(6)} req/s p99 ${String(r.p99).padStart(4)} ms mean ${r.mean.toFixed(2).padStart(6)} ms ${Number.isNaN(r.cpu) ? '' : `${r.cpu.toFixed(0).padStart(5)} µs CPU/req`}`;

function line(label, current, base, ratios, note = '') {
  const decisive = Number.isNaN(ratios.cpu) ? ratios.rps : ratios.cpu;
  const flag = decisive < REGRESSION && !note ? '  REGRESSION (> 10% slower)' : '';
  return `${label.padEnd(40)} ${figures(current)} | base ${figures(base)} | ratio ${ratios.rps.toFixed(2)} req/s` +
    (Number.isNaN(ratios.cpu) ? '' : `, ${ratios.cpu.toFixed(2)} CPU`) +
    (current.failed + base.failed ? `  (${current.failed + base.failed} failed)` : '') + flag + note;
}

async function bench(kind, baseDir) {
  const token = await sign('bench', { name: 'Bench' });
  const modToken = await sign('mod', { name: 'Mod', role: 'moderator' });
  const servers = [];
  try {
    for (const [name, cwd] of [['current', ROOT], ['base', baseDir]]) {
      servers.push({ name, cached: await server(kind, cwd, {}, token), uncached: await server(kind, cwd, { INKWELL_LISTING_CACHE_MS: '0' }, token) });
    }
    let n = 0;
    const scenarios = [
      ['list 100, anonymous, cached', (s) => [s.cached, { url: `${s.cached.url}/v1/threads/bench-list/comments?limit=100` }]],
      ['list 100, anonymous, uncached', (s) => [s.uncached, { url: `${s.uncached.url}/v1/threads/bench-list/comments?limit=100` }],
        '  (INKWELL_LISTING_CACHE_MS=0)'],
      // A signed-in reader (here the author of all 100, so every comment gets `own: true`) is served from
      // the public cache plus own flags; a moderator sees pending comments too, so always from the database.
      ['list 100, signed in', (s) => [s.cached, { url: `${s.cached.url}/v1/threads/bench-list/comments?limit=100`, headers: { authorization: `Bearer ${token}` } }]],
      ['list 100, moderator', (s) => [s.cached, { url: `${s.cached.url}/v1/threads/bench-list/comments?limit=100`, headers: { authorization: `Bearer ${modToken}` } }]],
      ['post a comment', (s) => [s.cached, {
        url: `${s.cached.url}/v1/threads/bench-post/comments`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ body: `Benchmark comment number ${n++}` }) }) }],
      }]],
      // One writer at a time: the latency of a durable post (201 after COMMIT), which the figures above hide in queueing.
      ['post a comment, one at a time', (s) => [s.cached, {
        url: `${s.cached.url}/v1/threads/bench-post-one/comments`,
        method: 'POST',
        connections: 1,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ body: `Sequential comment number ${n++}` }) }) }],
      }]],
    ];
    for (const s of servers) for (const url of [s.cached.url, s.uncached.url]) await run({ url: `${url}/v1/threads/bench-list/comments?limit=100`, duration: 1 });
    const out = {};
    const only = process.env.INKWELL_BENCH_ONLY;
    for (const [label, options, note] of scenarios.filter(([label]) => !only || label.includes(only))) {
      const results = { current: [], base: [] };
      for (let pair = 0; pair < PAIRS; pair++) {
        for (const s of pair % 2 ? [...servers].reverse() : servers) results[s.name].push(await slice(...options(s)));
      }
      const pairs = results.current.map((r, i) => [r, results.base[i]]);
      const ratios = {
        rps: median(pairs.map(([c, b]) => c.requests.average / b.requests.average)),
        cpu: median(pairs.map(([c, b]) => b.cpuPerRequest / c.cpuPerRequest)),
      };
      out[label] = summary(results.current);
      console.log(line(`${kind}: ${label}`, out[label], summary(results.base), ratios, note));
    }
    return out;
  } finally {
    for (const s of servers) await Promise.all([s.cached.stop(), s.uncached.stop()]);
  }
}

const rev = baseRevision();
const baseDir = extractBase(rev);
try {
  console.log(`Inkwell server benchmark: ${CONNECTIONS} connections, ${PAIRS} × ${SECONDS} s per scenario and side, ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`current: the working tree at ${git('rev-parse', '--short', 'HEAD')}; base: ${git('log', '-1', '--format=%h %s', rev).slice(0, 90)}`);
  const sqlite = await bench('sqlite', baseDir);
  const cached = sqlite['list 100, anonymous, cached'];
  if (cached) console.log(`SQLite listing target (>= 2000 req/s, p99 < 50 ms): ${cached.rps >= 2000 && cached.p99 < 50 ? 'met' : 'NOT met'}`);
  if (await pgReachable()) await bench('postgres', baseDir);
  else console.log(`PostgreSQL not reachable at ${PG_URL}; PostgreSQL benchmark skipped`);
} finally {
  fs.rmSync(baseDir, { recursive: true, force: true });
}
