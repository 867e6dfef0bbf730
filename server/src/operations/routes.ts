/** Probes and the API's own description. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ping } from '../db.js';
import { ApiError } from '../http/errors.js';
import { errorRef } from '../http/schemas.js';

export const VERSION = '0.1.0';
/** A database that hangs is as unready as one that refuses. */
const READY_TIMEOUT_MS = 2000;

const Health = Type.Object({ status: Type.String(), database: Type.String(), version: Type.String() });

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const operationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database } = app.inkwell;

  app.get('/health', {
    config: { anyHost: true },
    schema: { tags: ['operations'], summary: 'Liveness: the process answers (the database is not asked)', response: { 200: Health } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', database: database.dialect, version: VERSION };
  });

  app.get('/health/ready', {
    config: { anyHost: true },
    schema: { tags: ['operations'], summary: 'Readiness: the database answers', response: { 200: Health, 503: errorRef } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await withTimeout(ping(database.db), READY_TIMEOUT_MS);
    } catch {
      throw new ApiError(503, 'database_unavailable', 'The database does not answer');
    }
    return { status: 'ready', database: database.dialect, version: VERSION };
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
