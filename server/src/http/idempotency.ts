import type { Kysely, Transaction } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DB, IdempotencyTable } from '../db.js';
import { ApiError } from './errors.js';
import { sendJsonText } from './cacheable.js';

/** Who sent a write, under which `Idempotency-Key`, and a hash of what it asked for. */
export interface IdempotentWrite {
  principal: string;
  key: string | undefined;
  requestHash: string;
}

/** What is kept of a keyed write's answer. */
export type StoredResponse = Pick<IdempotencyTable, 'request_hash' | 'status_code' | 'response'>;

/** The write `request` makes as `principal`, under the key it sent (if any). */
export function idempotentWrite(request: FastifyRequest, principal: string, requestHash: string): IdempotentWrite {
  const key = request.headers['idempotency-key'];
  return { principal, key: typeof key === 'string' ? key : undefined, requestHash };
}

/**
 * Answers a retried write with the response stored for its key. Resolves true when it did; a key
 * reused for a different request is refused with 422.
 */
export async function replayStored(db: Kysely<DB>, reply: FastifyReply, write: IdempotentWrite): Promise<boolean> {
  if (!write.key) return false;
  const prior = await db.selectFrom('idempotency_keys').selectAll()
    .where('principal', '=', write.principal).where('key', '=', write.key).executeTakeFirst();
  return answerStored(reply, write, prior);
}

/** `replayStored` with the stored response already read (undefined: none); resolves true when it answered. */
export function answerStored(reply: FastifyReply, write: IdempotentWrite, prior: StoredResponse | undefined): boolean {
  if (!write.key || !prior) return false;
  if (prior.request_hash !== write.requestHash) {
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
  }
  sendJsonText(reply.header('idempotency-replayed', 'true'), prior.status_code, prior.response);
  return true;
}

/** Stores the response of a keyed write in the write's own transaction, so a retry gets the same answer. */
export async function storeResponse(trx: Transaction<DB>, write: IdempotentWrite, statusCode: number, response: string, now: number): Promise<void> {
  if (!write.key) return;
  await trx.insertInto('idempotency_keys').values({
    principal: write.principal, key: write.key, request_hash: write.requestHash, status_code: statusCode, response, created_at: now,
  }).execute();
}

/** True for a unique-key violation in PostgreSQL or SQLite: here, a concurrent write with the same key committed first. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

/**
 * Runs a keyed write's transaction (which stores its response with `storeResponse`). When a
 * concurrent request with the same key committed first, answers that one's stored response instead
 * and resolves null.
 */
export async function commitOnce<T>(db: Kysely<DB>, reply: FastifyReply, write: IdempotentWrite, work: (trx: Transaction<DB>) => Promise<T>): Promise<T | null> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    if (write.key && isUniqueViolation(err) && (await replayStored(db, reply, write))) return null;
    throw err;
  }
}
