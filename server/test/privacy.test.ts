import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call, kinds, sleep, spawnServer, startServer, token, type TestServer } from './helpers.js';

// A documentation address (RFC 5737) that appears nowhere else, sent through a trusted proxy.
const ADDRESS = '203.0.113.77';
const viaProxy = { 'x-forwarded-for': ADDRESS };
const report = { url: 'https://p.example/a', selection: 'teh', prefix: 'is ', suffix: ' end', fragment: 'https://p.example/a#:~:text=teh' };

/** Every row of every table of the server's database, as text. */
async function dumpDatabase(s: TestServer): Promise<string> {
  const { db, dialect } = s.app.inkwell.database;
  const tables = dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name);
  assert.ok(tables.includes('idempotency_keys') && tables.includes('comments'), `tables: ${tables}`);
  let text = '';
  for (const t of tables) text += JSON.stringify((await sql`select * from ${sql.table(t)}`.execute(db)).rows);
  return text;
}

for (const { kind, skip } of await kinds()) {
  describe(`client addresses on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(kind, { INKWELL_GUESTS: 'on', INKWELL_TRUSTED_PROXIES: '127.0.0.1', INKWELL_WEBHOOK_URL: 'http://127.0.0.1:9/hook' });
    });
    after(() => s?.close());

    it('never stores a client address in clear: idempotency records and limits use its keyed hash', async () => {
      const guest = await call(s.url, 'POST', '/v1/threads/priv/comments', {
        body: { body: 'a guest writes', author: { name: 'Gus' } }, headers: { ...viaProxy, 'idempotency-key': 'guest-key-1' },
      });
      assert.equal(guest.status, 201);
      const reader = await call(s.url, 'POST', '/v1/threads/priv/comments', {
        token: await token({ sub: 'priv' }), body: { body: 'a reader writes' }, headers: { ...viaProxy, 'idempotency-key': 'reader-key-1' },
      });
      assert.equal(reader.status, 201);
      const typo = await call(s.url, 'POST', '/v1/typo-reports', { body: report, headers: { ...viaProxy, 'idempotency-key': 'typo-key-1' } });
      assert.equal(typo.status, 201);
      // Without a client id the guest's retry still finds its record, under the hashed address.
      const retry = await call(s.url, 'POST', '/v1/threads/priv/comments', {
        body: { body: 'a guest writes', author: { name: 'Gus' } }, headers: { ...viaProxy, 'idempotency-key': 'guest-key-1' },
      });
      assert.equal(retry.headers.get('idempotency-replayed'), 'true');
      assert.equal(retry.json.id, guest.json.id);

      const dump = await dumpDatabase(s);
      assert.ok(!dump.includes(ADDRESS), 'the database holds the client address in clear');
      assert.ok(!dump.includes('203.0.113'), 'the database holds part of the client address');
      const principals = (await s.app.inkwell.db.selectFrom('idempotency_keys').select('principal').execute()).map((r) => r.principal).sort();
      assert.equal(principals.length, 3);
      assert.ok(principals.some((p) => /^addr:a_[\w-]{22}$/.test(p)), principals.join());
      assert.ok(principals.some((p) => /^typo:addr:a_[\w-]{22}$/.test(p)), principals.join());
      const keys = (await s.app.inkwell.db.selectFrom('post_limits').select('key').execute()).map((r) => r.key);
      assert.ok(keys.length >= 3 && keys.every((k) => /^[uat]:[\w-]+$/.test(k)), keys.join());
      // The outbox carries what webhooks carry, which never had the address.
      assert.ok((await s.app.inkwell.db.selectFrom('outbox').select('id').execute()).length >= 3);
    });

    it('keeps the idempotency records of guests behind one address apart by their browser id', async () => {
      const post = (client: string, name: string, body: string) => call(s.url, 'POST', '/v1/threads/nat/comments', {
        body: { body, author: { name } }, headers: { ...viaProxy, 'idempotency-key': 'same-key', 'inkwell-client': client },
      });
      const ann = await post('client-ann-0123456789', 'Ann', 'Ann here');
      assert.equal(ann.status, 201);
      // Another browser behind the same address happens to send the same key: its own comment, not Ann's answer.
      const bob = await post('client-bob-0123456789', 'Bob', 'Bob here');
      assert.equal(bob.status, 201, bob.text);
      assert.equal(bob.headers.get('idempotency-replayed'), null);
      assert.notEqual(bob.json.id, ann.json.id);
      assert.equal(bob.json.author.name, 'Bob');
      // Ann's retry is answered from her record.
      const again = await post('client-ann-0123456789', 'Ann', 'Ann here');
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.equal(again.json.id, ann.json.id);
      const principals = (await s.app.inkwell.db.selectFrom('idempotency_keys').select('principal').where('key', '=', 'same-key').execute()).map((r) => r.principal);
      assert.equal(principals.length, 2);
      for (const p of principals) {
        assert.match(p, /^guest:[\w-]{22}$/);
        assert.ok(!p.includes('client-'), 'the browser id is stored hashed');
      }
    });

    it('counts typo reports of two browsers behind one address with the same key separately', async () => {
      const r = { ...report, selection: 'recieve' };
      const send = (client: string) => call(s.url, 'POST', '/v1/typo-reports', { body: r, headers: { ...viaProxy, 'idempotency-key': 'typo-same', 'inkwell-client': client } });
      assert.equal((await send('typo-client-a-000000')).status, 201);
      const second = await send('typo-client-b-000000');
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('idempotency-replayed'), null);
      assert.deepEqual([second.json.merged, second.json.count], [true, 2]);
    });

    it('refuses a malformed Inkwell-Client header', async () => {
      for (const bad of ['short', 'has spaces in it here', 'x'.repeat(65), 'semi;colon;0123456789']) {
        const r = await call(s.url, 'POST', '/v1/threads/nat/comments', {
          body: { body: 'bad client id', author: { name: 'Eve' } }, headers: { 'idempotency-key': 'k-bad', 'inkwell-client': bad },
        });
        assert.equal(r.status, 400, bad);
        assert.equal(r.json.error.code, 'invalid_input');
        assert.equal(r.json.error.field, 'inkwell-client');
      }
    });
  });
}

describe('CORS and the browser id', () => {
  it('lets configured origins send Inkwell-Client', async () => {
    const s = await startServer('sqlite', { INKWELL_CORS_ORIGINS: 'https://news.example' });
    try {
      const pre = await call(s.url, 'OPTIONS', '/v1/typo-reports', {
        headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key,inkwell-client' },
      });
      assert.equal(pre.status, 204);
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', /inkwell-client/);
    } finally {
      await s.close();
    }
  });
});

describe('logs', () => {
  it('carry a hashed client address, never the address or port', async () => {
    const server = await spawnServer({ INKWELL_TRUSTED_PROXIES: '127.0.0.1', INKWELL_GUESTS: 'on' });
    try {
      await call(server.url, 'GET', '/v1/counts?thread=x', { headers: viaProxy });
      await call(server.url, 'GET', '/nothing-here', { headers: viaProxy });
      await call(server.url, 'POST', '/v1/threads/log/comments', { body: { body: 'logged', author: { name: 'Lou' } }, headers: viaProxy });
      await call(server.url, 'POST', '/v1/typo-reports', { raw: '{not json', headers: { ...viaProxy, 'content-type': 'application/json' } });
      await sleep(200);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    const out = server.output();
    const lines = out.split('\n').filter((l) => l.includes('"reqId"'));
    assert.ok(lines.length >= 8, out);
    assert.ok(!out.includes(ADDRESS), 'a log line carries the client address');
    assert.ok(!/remoteAddress|remotePort/.test(out), 'a log line carries the socket address');
    const incoming = lines.filter((l) => l.includes('incoming request')).map((l) => JSON.parse(l));
    assert.equal(incoming.length, 4);
    const addresses = new Set(incoming.map((l) => l.req.address));
    assert.equal(addresses.size, 1, 'one client, one hash');
    assert.match([...addresses][0], /^a_[\w-]{22}$/);
    assert.deepEqual(Object.keys(incoming[0].req).sort(), ['address', 'method', 'url']);
  });
});
