/**
 * The reactions table: one row per reader, target and kind. The target is a comment's id, or '' for
 * the thread's own reactions (the article-level bar). Readers are the comments' author ids (u_…) or
 * guests' hashed browser ids (guest:…).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db.js';
import { REACTION_KINDS, type ReactionCounts, type ReactionKind, type Reactions } from './schemas.js';

/** The target of a thread's own reactions. */
export const THREAD_TARGET = '';

export interface ReactionKey {
  thread: string;
  target: string;
  kind: ReactionKind;
  reactor: string;
}

/** Adds the reaction; false when it was there already. */
export async function addReaction(trx: Transaction<DB>, key: ReactionKey, now: number): Promise<boolean> {
  const rows = await trx.insertInto('reactions').values({ ...key, created_at: now })
    .onConflict((oc) => oc.columns(['thread', 'target', 'kind', 'reactor']).doNothing())
    .returning('kind').execute();
  return rows.length > 0;
}

/** Takes the reaction back; false when there was none. */
export async function removeReaction(trx: Transaction<DB>, key: ReactionKey): Promise<boolean> {
  const rows = await trx.deleteFrom('reactions')
    .where('thread', '=', key.thread).where('target', '=', key.target).where('kind', '=', key.kind).where('reactor', '=', key.reactor)
    .returning('kind').execute();
  return rows.length > 0;
}

/** Every reaction to one target goes (its comment was deleted). */
export async function dropReactions(trx: Transaction<DB>, thread: string, target: string): Promise<void> {
  await trx.deleteFrom('reactions').where('thread', '=', thread).where('target', '=', target).execute();
}

/**
 * The reactions to `targets` of a thread (comment ids, THREAD_TARGET for the thread), with `mine`
 * for `reactor` when given; targets nobody reacted to are left out. One grouped query.
 */
export async function reactionsFor(db: Kysely<DB> | Transaction<DB>, thread: string, targets: string[], reactor: string | null): Promise<Map<string, Reactions>> {
  const found = new Map<string, Reactions>();
  if (!targets.length) return found;
  const rows = await db.selectFrom('reactions')
    .select((eb) => [
      'target', 'kind', eb.fn.countAll<number>().as('n'),
      eb.fn.max(eb.case().when('reactor', '=', reactor ?? '').then(1).else(0).end()).as('mine'),
    ])
    .where('thread', '=', thread).where('target', 'in', targets)
    .groupBy(['target', 'kind']).execute();
  for (const row of rows) {
    let reactions = found.get(row.target);
    if (!reactions) found.set(row.target, (reactions = { counts: {} }));
    const kind = row.kind as ReactionKind;
    reactions.counts[kind] = Number(row.n);
    if (reactor !== null && Number(row.mine) === 1) (reactions.mine ??= []).push(kind);
  }
  for (const reactions of found.values()) sortKinds(reactions);
  return found;
}

/** Kinds in the schema's order. */
export const byKind = (a: ReactionKind, b: ReactionKind) => REACTION_KINDS.indexOf(a) - REACTION_KINDS.indexOf(b);

/** Counts and mine in the schema's order of kinds, so equal reactions serialise equally. */
function sortKinds(reactions: Reactions): void {
  const counts: ReactionCounts = {};
  for (const kind of REACTION_KINDS) if (reactions.counts[kind]) counts[kind] = reactions.counts[kind];
  reactions.counts = counts;
  reactions.mine?.sort(byKind);
}
