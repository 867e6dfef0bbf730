import http from 'node:http';
import fs from 'node:fs';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, sleep, startServer, token, type TestServer } from './helpers.js';

const SECRET = 'webhook-secret-for-tests';

interface Delivery { headers: http.IncomingHttpHeaders; body: string; at: number }

describe('webhooks', () => {
  let receiver: http.Server;
  let s: TestServer;
  const deliveries: Delivery[] = [];
  let failNext = 0;
  let holdMs = 0;
  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body, at: Date.now() });
        setTimeout(() => {
          if (failNext > 0) {
            failNext--;
            res.writeHead(503).end();
          } else {
            res.writeHead(204).end();
          }
        }, holdMs);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    s = await startServer('sqlite', {
      INKWELL_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      INKWELL_WEBHOOK_SECRET: SECRET,
      INKWELL_WEBHOOK_BACKOFF_MS: '100',
      INKWELL_WEBHOOK_RETRIES: '4',
      INKWELL_GUESTS: 'on',
    });
  });
  after(async () => {
    await s?.close();
    receiver?.closeAllConnections();
    receiver?.close();
  });

  const verify = (d: Delivery) => {
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(d.headers['x-inkwell-signature']));
    assert.ok(m, 'signature header present');
    const expected = createHmac('sha256', SECRET).update(`${m[1]}.${d.body}`).digest();
    assert.ok(timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')), 'signature matches');
    assert.ok(Math.abs(Date.now() / 1000 - Number(m[1])) < 60);
  };

  const waitFor = async (n: number, ms = 5000) => {
    const end = Date.now() + ms;
    while (deliveries.length < n) {
      if (Date.now() > end) throw new Error(`only ${deliveries.length} deliveries`);
      await sleep(20);
    }
  };

  it('posts a signed JSON event for a new comment without the guest\'s e-mail', async () => {
    deliveries.length = 0;
    const p = await call(s.url, 'POST', '/v1/threads/hooked/comments', { body: { body: 'hello hook', author: { name: 'Gus', email: 'gus@example.com' } } });
    assert.equal(p.status, 201);
    await waitFor(1);
    const d = deliveries[0]!;
    verify(d);
    assert.equal(d.headers['content-type'], 'application/json');
    assert.equal(d.headers['x-inkwell-event'], 'comment.created');
    const payload = JSON.parse(d.body);
    assert.equal(payload.type, 'comment.created');
    assert.equal(payload.data.comment.id, p.json.id);
    assert.equal(payload.data.comment.body, 'hello hook');
    assert.ok(!d.body.includes('gus@example.com'));
    // A tampered body does not verify.
    assert.throws(() => verify({ ...d, body: d.body.replace('hello', 'HELLO') }));
  });

  it('posts new typo reports but not merged duplicates', async () => {
    deliveries.length = 0;
    const report = { url: 'https://n.example/a', selection: 'teh', prefix: 'is ', suffix: ' end', fragment: 'https://n.example/a#:~:text=teh' };
    assert.equal((await call(s.url, 'POST', '/v1/typo-reports', { body: report })).status, 201);
    assert.equal((await call(s.url, 'POST', '/v1/typo-reports', { body: report })).status, 200);
    await waitFor(1);
    await sleep(300);
    assert.equal(deliveries.length, 1);
    verify(deliveries[0]!);
    const payload = JSON.parse(deliveries[0]!.body);
    assert.equal(payload.type, 'typo-report.created');
    assert.equal(payload.data.report.selection, 'teh');
  });

  it('retries with growing delays after failures', async () => {
    deliveries.length = 0;
    failNext = 2;
    const t = await token({ sub: 'r' });
    await call(s.url, 'POST', '/v1/threads/hooked/comments', { token: t, body: { body: 'retry me' } });
    await waitFor(3);
    await sleep(400);
    assert.equal(deliveries.length, 3, 'two failures then one success, no more');
    assert.deepEqual(deliveries.map((d) => d.headers['x-inkwell-attempt']), ['1', '2', '3']);
    assert.equal(new Set(deliveries.map((d) => JSON.parse(d.body).id)).size, 1, 'the same event id on every attempt');
    const gap1 = deliveries[1]!.at - deliveries[0]!.at;
    const gap2 = deliveries[2]!.at - deliveries[1]!.at;
    assert.ok(gap1 >= 90 && gap2 >= 190, `backoff gaps ${gap1} ms, ${gap2} ms`);
  });

  it('never delays the reader\'s request', async () => {
    deliveries.length = 0;
    holdMs = 2000;
    try {
      const t = await token({ sub: 'fast' });
      const started = Date.now();
      const r = await call(s.url, 'POST', '/v1/threads/hooked/comments', { token: t, body: { body: 'do not wait for the hook' } });
      const took = Date.now() - started;
      assert.equal(r.status, 201);
      assert.ok(took < 500, `post took ${took} ms`);
      await waitFor(1);
    } finally {
      holdMs = 0;
    }
  });
});

describe('webhooks off', () => {
  it('stores no webhook events when only mail is on (no process would ever send them, and the mail queue would scan them)', async () => {
    // Development mode without INKWELL_SMTP_URL: mails go to the mail log, so the outbox runs, for mails only.
    const s = await startServer('sqlite', { INKWELL_NOTIFY_BATCH: '0' });
    try {
      assert.equal(s.config.webhookUrl, null);
      assert.ok(s.config.mailLog);
      const t = await token({ sub: 'quiet', email: 'quiet@example.com' });
      const top = await call(s.url, 'POST', '/v1/threads/unhooked/comments', { token: t, body: { body: 'no hook here', notifyReplies: true } });
      assert.equal(top.status, 201);
      const report = { url: 'https://n.example/b', selection: 'teh', prefix: 'is ', suffix: ' end', fragment: 'https://n.example/b#:~:text=teh' };
      assert.equal((await call(s.url, 'POST', '/v1/typo-reports', { body: report })).status, 201);
      const reply = await call(s.url, 'POST', '/v1/threads/unhooked/comments', { token: await token({ sub: 'other' }), body: { body: 'a reply', parentId: top.json.id } });
      assert.equal(reply.status, 201);
      const end = Date.now() + 5000;
      while (!fs.existsSync(s.config.mailLog!) && Date.now() < end) await sleep(20);
      assert.ok(fs.existsSync(s.config.mailLog!), 'the reply mail still went to the mail log');
      const types = await s.app.inkwell.db.selectFrom('outbox').select('type').where('type', '!=', 'mail').execute();
      assert.deepEqual(types, []);
    } finally {
      await s.close();
    }
  });
});
