import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { SETTINGS, variablesReadByConfig } from '../src/cli/settings.js';
import { call, dropSchema, kinds, PG_URL, randomSchema, REPO_ROOT, serverArgs, startServer } from './helpers.js';

const SECRET = 'the-host-sites-own-secret-0123456789abcdef';

/** Runs `inkwell-server ARGS` from the sources with only the given environment (plus PATH). */
async function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, serverArgs(...args), {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', INKWELL_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { stdout, stderr, code };
}

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-cli-'));
}

describe('inkwell-server --help', () => {
  it('lists every option with its variable and default', async () => {
    const { stdout, code } = await cli(['--help']);
    assert.equal(code, 0);
    for (const command of ['migrate', 'token --sub ID --name NAME', 'backup FILE', 'import --from disqus|wordpress|waline|inkwell FILE', 'export FILE']) assert.ok(stdout.includes(`inkwell-server ${command}`), command);
    assert.match(stdout, /--port <value> +INKWELL_PORT; default: 8080/);
    assert.match(stdout, /--guests\[=on\|off\] +INKWELL_GUESTS; default: off/);
    for (const variable of variablesReadByConfig()) assert.ok(stdout.includes(`${variable};`), variable);
  });

  it('describes every variable loadConfig reads, and server/README.md documents the same ones', () => {
    const described = SETTINGS.map((s) => s.variable);
    assert.deepEqual(variablesReadByConfig().filter((v) => !described.includes(v)), []);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'server/README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(INKWELL_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...documented].sort(), [...described].sort());
  });

  it('shows the defaults loadConfig really uses', () => {
    const plain = loadConfig({}, []);
    const literal = SETTINGS.filter((s) => /^[\w./]+$/.test(s.default) && s.variable !== 'INKWELL_ROOT_DIR');
    assert.ok(literal.length > 30);
    for (const s of literal) assert.deepEqual(loadConfig({ [s.variable]: s.default }, []), plain, s.variable);
    // Set to something else, each of them changes the configuration (INKWELL_SQLITE_SYNC is read by db.ts).
    const inert = literal.filter((s) => s.variable !== 'INKWELL_SQLITE_SYNC').filter((s) => {
      const other = /^\d+$/.test(s.default) ? String(Number(s.default) + 1)
        : s.switch ? (s.default === 'on' ? 'off' : 'on')
          : ({ INKWELL_MODE: 'production', INKWELL_MODERATION: 'pre', INKWELL_DATA_DIR: './elsewhere', INKWELL_LOG_LEVEL: 'debug' } as Record<string, string>)[s.variable] ?? 'other';
      try {
        return JSON.stringify(loadConfig({ [s.variable]: other }, [])) === JSON.stringify(plain);
      } catch {
        return false; // refused: it is read and checked
      }
    });
    assert.deepEqual(inert.map((s) => s.variable), []);
  });
});

describe('inkwell-server migrate', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`creates the schema on an empty database and exits 0 (${kind})`, { skip }, async () => {
      if (kind === 'sqlite') {
        const dir = scratch();
        try {
          const { code, stdout } = await cli(['migrate', '--data-dir', dir]);
          assert.equal(code, 0);
          assert.match(stdout, /schema is up to date \(SQLite/);
          const db = new Database(path.join(dir, 'inkwell.db'), { readonly: true });
          const tables = db.prepare("select name from sqlite_master where type = 'table'").pluck().all();
          db.close();
          for (const t of ['comments', 'typo_reports', 'events', 'outbox', 'kysely_migration']) assert.ok(tables.includes(t), t);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
        return;
      }
      const schema = randomSchema();
      try {
        const { code } = await cli(['migrate'], { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema });
        assert.equal(code, 0);
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        const { rows } = await c.query('select table_name from information_schema.tables where table_schema = $1', [schema]);
        await c.end();
        const tables = rows.map((r) => r.table_name);
        for (const t of ['comments', 'typo_reports', 'events', 'outbox']) assert.ok(tables.includes(t), t);
      } finally {
        await dropSchema(schema);
      }
    });
  }
});

describe('inkwell-server token', () => {
  it('prints a token that the server configured the same way accepts', async () => {
    const env = { INKWELL_JWT_SECRET: SECRET, INKWELL_JWT_AUDIENCE: 'news', INKWELL_JWT_ISSUER: 'https://news.example' };
    const { stdout, stderr, code } = await cli(['token', '--sub', 'reader-7', '--name', 'Ada', '--role', 'moderator', '--ttl', '10m'], env);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const token = stdout.trim();
    const s = await startServer('sqlite', env);
    try {
      const posted = await call(s.url, 'POST', '/v1/threads/cli/comments', { token, body: { body: 'Signed on the command line' } });
      assert.equal(posted.status, 201, posted.text);
      assert.equal(posted.json.author.name, 'Ada');
      const inbox = await call(s.url, 'GET', '/v1/typo-reports', { token });
      assert.equal(inbox.status, 200, 'a moderator token');
      const other = await startServer('sqlite', { ...env, INKWELL_JWT_AUDIENCE: 'elsewhere' });
      try {
        assert.equal((await call(other.url, 'POST', '/v1/threads/cli/comments', { token, body: { body: 'x' } })).status, 401);
      } finally {
        await other.close();
      }
    } finally {
      await s.close();
    }
  });

  it('warns on stderr when it signs with the built-in development secret', async () => {
    const { stdout, stderr, code } = await cli(['token', '--sub', 'a', '--name', 'A']);
    assert.equal(code, 0);
    assert.match(stdout.trim(), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(stderr, /built-in development secret/);
  });
});

describe('inkwell-server backup', () => {
  it('copies the SQLite database while the server writes to it', async () => {
    const s = await startServer('sqlite', { INKWELL_JWT_SECRET: SECRET });
    const dir = scratch();
    try {
      const token = (await cli(['token', '--sub', 'b', '--name', 'Bea'], { INKWELL_JWT_SECRET: SECRET })).stdout.trim();
      const posted = await call(s.url, 'POST', '/v1/threads/backup/comments', { token, body: { body: 'Kept in the backup' } });
      assert.equal(posted.status, 201);
      const file = path.join(dir, 'inkwell-backup.db');
      const { code, stdout, stderr } = await cli(['backup', file, '--data-dir', s.config.dataDir]);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /copied .* to .*inkwell-backup\.db/);
      const copy = new Database(file, { readonly: true });
      const row = copy.prepare('select body, thread from comments where id = ?').get(posted.json.id);
      copy.close();
      assert.deepEqual(row, { body: 'Kept in the backup', thread: 'backup' });

      const again = await cli(['backup', file, '--data-dir', s.config.dataDir]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /exists; choose a new name, or add --force/);
      assert.equal((await cli(['backup', file, '--force', '--data-dir', s.config.dataDir])).code, 0);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad arguments', () => {
  const cases: Array<[string[], RegExp, Record<string, string>?]> = [
    [['--nope'], /^inkwell: unknown option --nope for "serve"; see inkwell-server --help\n$/],
    [['frob'], /^inkwell: unknown command "frob"; commands: serve, migrate, token, backup, import, export, help\n$/],
    [['--port'], /^inkwell: --port needs a value\n$/],
    [['--port', 'x'], /^inkwell: --port \(INKWELL_PORT\) must be an integer >= 0, got "x"\n$/],
    [['migrate', 'extra'], /^inkwell: unexpected argument "extra" for "migrate"/],
    [['token', '--name', 'A'], /^inkwell: token needs --sub ID/],
    [['token', '--sub', 'a'], /^inkwell: token needs --name NAME/],
    [['token', '--sub', 'a', '--name', 'A', '--role', 'owner'], /^inkwell: --role must be one of reader, moderator, admin, got "owner"\n$/],
    [['token', '--sub', 'a', '--name', 'A', '--ttl', 'soon'], /^inkwell: --ttl must be a duration such as 3600, 30m, 2h or 7d, got "soon"\n$/],
    [['token', '--sub', 'a', '--name', 'A', '--ttl', '30d'], /^inkwell: --ttl 30d is longer than the server accepts \(INKWELL_JWT_MAX_AGE=604800 s\)\n$/],
    [['token', '--sub', 'a', '--name', 'A'], /^inkwell: token signs with INKWELL_JWT_SECRET, which is unset/, { INKWELL_JWKS_URL: 'https://id.example/jwks.json' }],
    [['backup'], /^inkwell: backup needs one FILE to write/],
    [['backup', 'copy.db', '--data-dir', '/nonexistent/inkwell'], /^inkwell: no database at \/nonexistent\/inkwell\/inkwell.db; point --data-dir \(INKWELL_DATA_DIR\) at the server's data directory\n$/],
    [['backup', 'copy.db'], /^inkwell: backup copies the SQLite database; for PostgreSQL use pg_dump/, { INKWELL_DATABASE_URL: 'postgres://u@127.0.0.1:1/x' }],
    [['--mode', 'production'], /^inkwell: production mode needs INKWELL_JWT_SECRET or INKWELL_JWKS_URL/],
  ];
  for (const [args, message, env] of cases) {
    it(`${args.join(' ') || '(none)'}: one line on stderr, exit 2`, async () => {
      const { stdout, stderr, code } = await cli(args, env);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.equal(stdout, '');
    });
  }
});
