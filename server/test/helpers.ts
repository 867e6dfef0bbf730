import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { SignJWT } from 'jose';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/app.js';
import { DEV_JWT_SECRET, loadConfig, type Config } from '../src/config.js';

export type Kind = 'sqlite' | 'postgres';
export const PG_URL = process.env.INKWELL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

let pgState: boolean | undefined;
export async function pgReachable(): Promise<boolean> {
  if (pgState !== undefined) return pgState;
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    pgState = true;
  } catch {
    pgState = false;
  } finally {
    await c.end().catch(() => {});
  }
  return pgState;
}
export const PG_SKIP = `PostgreSQL not reachable at ${PG_URL.replace(/\/\/[^@]*@/, '//')} (set INKWELL_TEST_DATABASE_URL); PostgreSQL tests skipped`;

/** `describe` options: skip the PostgreSQL variant with a plain message when none answers. */
export async function kinds(): Promise<Array<{ kind: Kind; skip: string | false }>> {
  const reachable = await pgReachable();
  if (!reachable) console.log(`# ${PG_SKIP}`);
  return [
    { kind: 'sqlite', skip: false },
    { kind: 'postgres', skip: reachable ? false : PG_SKIP },
  ];
}

export function randomSchema(): string {
  return 'inkwell_test_' + randomBytes(6).toString('hex');
}

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await c.end();
  }
}

/** Settings for tests: quiet, permissive limits (tests about limits lower them). */
export const TEST_ENV: Record<string, string> = {
  INKWELL_LOG_LEVEL: 'silent',
  // spawnServer reads the start-up line as JSON.
  INKWELL_LOG_FORMAT: 'json',
  INKWELL_POST_LIMIT_USER: '1000',
  INKWELL_POST_LIMIT_ADDRESS: '1000',
  INKWELL_RATE_LIMIT: '100000',
  INKWELL_MIN_SUBMIT_SECONDS: '3',
};

export interface TestServer {
  url: string;
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/** A port that was free a moment ago, for servers whose INKWELL_PUBLIC_URL must name their port. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startServer(kind: Kind, env: Record<string, string> = {}, port = 0): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-test-'));
  const schema = kind === 'postgres' ? randomSchema() : null;
  const config = loadConfig({
    ...TEST_ENV,
    INKWELL_DATA_DIR: dataDir,
    ...(schema ? { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema } : {}),
    ...env,
  }, ['--port', '0']);
  let app: FastifyInstance;
  try {
    app = await buildServer(config);
  } catch (err) {
    if (schema) await dropSchema(schema).catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const url = await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    config,
    async close() {
      await app.close();
      if (schema) await dropSchema(schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Claims {
  sub?: string;
  name?: string;
  role?: string;
  picture?: string;
  aud?: string;
  exp?: number | string;
  authorOf?: string[];
  email?: string;
}

export async function token(claims: Claims = {}, secret = DEV_JWT_SECRET, alg = 'HS256'): Promise<string> {
  const jwt = new SignJWT({ name: claims.name ?? 'Alice', ...(claims.role ? { role: claims.role } : {}), ...(claims.picture ? { picture: claims.picture } : {}), ...(claims.authorOf ? { authorOf: claims.authorOf } : {}), ...(claims.email ? { email: claims.email } : {}) })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setSubject(claims.sub ?? 'alice')
    .setAudience(claims.aud ?? 'inkwell')
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '10m');
  return jwt.sign(new TextEncoder().encode(secret));
}

export interface Res {
  status: number;
  headers: Headers;
  // Response bodies are checked field by field with assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

export async function call(base: string, method: string, p: string, opts: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + p, { method, headers, body });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, json, text };
}

/**
 * Node's arguments that run `inkwell-server ARGS` (from REPO_ROOT): the sources through tsx, or the same sources
 * transpiled once for the whole run when `npm test` gives their main.js in INKWELL_SERVER_BUILD (tsx spends about
 * 2 s of CPU starting each process; the suite starts over a hundred).
 */
export function serverArgs(...args: string[]): string[] {
  const built = process.env.INKWELL_SERVER_BUILD;
  return built ? [built, ...args] : ['--import', 'tsx', 'server/src/main.ts', ...args];
}

/** Spawns `node --import tsx server/src/main.ts --port 0` (see serverArgs) and resolves with its URL. */
export async function spawnServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, serverArgs('--port', '0'), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...TEST_ENV, INKWELL_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a server left running would keep the test run from ending
      reject(new Error('server did not start in 20 s:\n' + out));
    }, 20_000);
    const check = () => {
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*inkwell listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { url, child, output: () => out };
}

/** Several servers started together; if one fails, the others are killed (left running, they keep the run from ending). */
export async function spawnServers(count: number, env: Record<string, string>): Promise<Array<Awaited<ReturnType<typeof spawnServer>>>> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => spawnServer(env)));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    for (const r of started) if (r.status === 'fulfilled') r.value.child.kill('SIGKILL');
    throw failed.reason;
  }
  return started.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof spawnServer>>>).value);
}

export function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A minimal server-sent events reader over fetch. */
export class SseClient {
  readonly events: Array<{ id?: string; event: string; data: string }> = [];
  comments = 0;
  private controller = new AbortController();
  private waiters: Array<() => void> = [];
  status = 0;
  headers: Headers | null = null;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const c = new SseClient();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: c.controller.signal });
    c.status = res.status;
    c.headers = res.headers;
    void c.read(res);
    return c;
  }

  private async read(res: Response) {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: { id?: string; event: string; data: string } = { event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments++;
            else if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('event: ')) { ev.event = line.slice(7); isEvent = true; }
            else if (line.startsWith('data: ')) { ev.data += line.slice(6); isEvent = true; }
          }
          if (isEvent) this.events.push(ev);
          for (const w of this.waiters.splice(0)) w();
        }
      }
    } catch {
      /* aborted */
    }
  }

  async waitFor(pred: (e: { id?: string; event: string; data: string }) => boolean, ms = 5000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for an event; got ' + JSON.stringify(this.events));
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }

  close() {
    this.controller.abort();
  }
}
