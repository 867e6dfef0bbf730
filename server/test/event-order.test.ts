import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db.js';
import { EventBus } from '../src/events/bus.js';
import { PG_URL, dropSchema, kinds, randomSchema } from './helpers.js';

// A live stream drops an event whose id is not above the last one it sent, so the bus must hand a thread's events
// over in id order even when one transaction records several (PostgreSQL notifies each id separately).
for (const { kind, skip } of await kinds()) {
  if (kind !== 'postgres') continue;
  describe(`live events of one transaction on ${kind}`, { skip }, () => {
    const schema = randomSchema();
    after(() => dropSchema(schema));

    it('are delivered in the order they were recorded', async () => {
      const database = await openDatabase(loadConfig({ INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema }, []));
      const bus = new EventBus(database, pino({ level: 'silent' }) as unknown as FastifyBaseLogger);
      await bus.start();
      const seen: number[] = [];
      const recorded: number[] = [];
      bus.subscribe('t', (event) => seen.push(event.id));
      try {
        for (let round = 0; round < 40; round++) {
          const ids = await database.db.transaction().execute(async (trx) => [
            await bus.record(trx, 't', 'comment-deleted', { round, n: 1 }),
            await bus.record(trx, 't', 'comment-deleted', { round, n: 2 }),
            await bus.record(trx, 't', 'comment-deleted', { round, n: 3 }),
          ]);
          recorded.push(...ids);
          bus.afterCommit(ids, 't');
        }
        for (let waited = 0; seen.length < recorded.length && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.deepEqual(seen, recorded);
      } finally {
        await bus.close();
        await database.db.destroy();
      }
    });
  });
}
