import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, dropSchema, kinds, PG_URL, randomSchema, sleep, spawnServer, token } from './helpers.js';
import { MailCatcher } from './mail-catcher.js';

const MAILS = 12;
/** The mail server accepts this many, then holds the rest unanswered: the kill lands mid-delivery. */
const ACCEPTED = 3;
/**
 * The outbox lease, shorter than the 30 s default so the restart does not wait that out, yet longer than the first
 * server lives after its first claim (a few seconds under load): it must not take its own held rows again.
 */
const LEASE_MS = 10_000;

const stop = (c: ChildProcess) => {
  if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  return new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
};

for (const { kind, skip } of await kinds()) {
  describe(`reply notifications across kill -9 on ${kind}`, { skip }, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-mail-crash-'));
    const schema = randomSchema();
    const database: Record<string, string> = kind === 'sqlite' ? { INKWELL_DATA_DIR: dataDir } : { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema };
    after(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropSchema(schema);
    });

    it('sends every mail exactly once when the server is killed mid-delivery and restarted', { timeout: 120_000 }, async () => {
      const catcher = await MailCatcher.start();
      // Closed however the test ends: a server that did not start must not leave it keeping the run alive.
      try {
        catcher.hold = (n) => n >= ACCEPTED;
        const env = { ...database, INKWELL_SMTP_URL: catcher.url, INKWELL_MAIL_FROM: 'news@news.example', INKWELL_NOTIFY_BATCH: '0', INKWELL_OUTBOX_LEASE_MS: String(LEASE_MS) };
        const first = await spawnServer(env);
        const expected: string[] = [];
        try {
          for (let i = 0; i < MAILS; i++) {
            const thread = `crash-${i}`;
            const sub = `reader${i}`;
            const top = await call(first.url, 'POST', `/v1/threads/${thread}/comments`, {
              token: await token({ sub, name: `Reader ${i}`, email: `${sub}@example.com` }), body: { body: 'Tell me', notifyReplies: true, pageUrl: 'https://news.example/' + thread },
            });
            assert.equal(top.status, 201, top.text);
            expected.push(`${sub}@example.com`);
          }
          // All replies at once: their mails are written in one go and sent in parallel, answered one by one.
          const replier = await token({ sub: 'replier', name: 'Replier' });
          for (let i = 0; i < MAILS; i++) {
            const parent = (await call(first.url, 'GET', `/v1/threads/crash-${i}/comments`)).json.comments[0].id;
            const r = await call(first.url, 'POST', `/v1/threads/crash-${i}/comments`, { token: replier, body: { body: `Reply ${i}`, parentId: parent } });
            assert.equal(r.status, 201, r.text);
          }
          await catcher.waitFor(ACCEPTED, 20_000);
          const end = Date.now() + 20_000;
          while (catcher.holding < MAILS - ACCEPTED && Date.now() < end) await sleep(20);
          assert.equal(catcher.holding, MAILS - ACCEPTED, 'the other mails are on the wire');
          // Time for the accepted mails' rows to be removed; the held ones stay unanswered.
          await sleep(500);
        } finally {
          first.child.kill('SIGKILL');
          await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
        }
        const beforeRestart = catcher.messages.length;
        assert.equal(beforeRestart, ACCEPTED);

        catcher.hold = () => false;
        const second = await spawnServer(env);
        try {
          // The rows the killed process held wait for their lease to run out.
          await catcher.waitFor(MAILS, 60_000);
          await sleep(1500);
        } finally {
          await stop(second.child);
        }
        const recipients = catcher.messages.map((m) => m.to[0]).sort();
        assert.deepEqual(recipients, expected.sort(), 'each subscriber got one mail, none twice');
        const ids = catcher.messages.map((m) => m.header('message-id'));
        assert.equal(new Set(ids).size, MAILS, 'no Message-ID twice');
      } finally {
        await catcher.close();
      }
    });
  });
}
