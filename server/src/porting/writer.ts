/**
 * Writes what a source reader yields into the comments table, in batches of one transaction each, so a
 * server using the same database keeps working meanwhile. Ids derive from the source's keys, so
 * replies find their parents without a lookup table, and a second run finds every row already there.
 * Replies that arrive before their parent get their root once the parent is in (see `finish`).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CommentTable, DB } from '../db.js';
import { bodyHash } from '../comments/rules.js';
import { threadFor, UnmappedPage, type Rules } from './mapping.js';
import type { SourceComment, SourceItem } from './records.js';
import type { Summary } from './summary.js';

const BATCH = 500;

/** The id a source key gets here: stable across runs, shaped like the server's own (`c_` + 16 characters). */
export function idFor(prefix: string, key: string): string {
  return prefix + createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

interface Placed {
  root: string;
  thread: string;
}

/** Where rows go: the database, or (dry run) nowhere, remembering what would have been written. */
interface Target {
  known(ids: string[]): Promise<Map<string, Placed>>;
  insert(rows: CommentTable[]): Promise<void>;
  setRoot(oldRoot: string, root: string): Promise<void>;
  makeTopLevel(id: string): Promise<void>;
}

function databaseTarget(db: Kysely<DB>): Target {
  return {
    async known(ids) {
      const found = new Map<string, Placed>();
      for (let i = 0; i < ids.length; i += BATCH) {
        const rows = await db.selectFrom('comments').select(['id', 'root_id', 'thread']).where('id', 'in', ids.slice(i, i + BATCH)).execute();
        for (const r of rows) found.set(r.id, { root: r.root_id, thread: r.thread });
      }
      return found;
    },
    async insert(rows) {
      if (rows.length === 0) return;
      // A row with the same id or source key is the same comment from an earlier run.
      await db.transaction().execute((trx) => trx.insertInto('comments').values(rows).onConflict((oc) => oc.doNothing()).execute());
    },
    async setRoot(oldRoot, root) {
      await db.updateTable('comments').set({ root_id: root }).where('root_id', '=', oldRoot).execute();
    },
    async makeTopLevel(id) {
      await db.updateTable('comments').set({ parent_id: null }).where('id', '=', id).execute();
    },
  };
}

/** A dry run reads the database and keeps what it would have written in memory. */
function dryTarget(db: Kysely<DB>): Target {
  const real = databaseTarget(db);
  const written = new Map<string, Placed>();
  return {
    async known(ids) {
      const found = await real.known(ids.filter((id) => !written.has(id)));
      for (const id of ids) if (written.has(id)) found.set(id, written.get(id)!);
      return found;
    },
    async insert(rows) {
      for (const r of rows) written.set(r.id, { root: r.root_id, thread: r.thread });
    },
    async setRoot(oldRoot, root) {
      for (const placed of written.values()) if (placed.root === oldRoot) placed.root = root;
    },
    async makeTopLevel() {},
  };
}

function rowFor(c: SourceComment, thread: string): CommentTable {
  const id = idFor('c_', c.key);
  return {
    id,
    thread,
    parent_id: c.parentKey ? idFor('c_', c.parentKey) : null,
    root_id: id,
    author_id: idFor('g_', c.key),
    author_name: c.authorName,
    author_picture: null,
    author_email: c.status === 'deleted' ? null : c.authorEmail,
    guest: 1,
    body: c.status === 'deleted' ? '' : c.body,
    body_hash: bodyHash(c.status === 'deleted' ? '' : c.body),
    status: c.status,
    created_at: c.createdAt,
    edited_at: null,
    pending_body: null,
    pending_edited_at: null,
    source_key: c.key,
  };
}

export class CommentImporter {
  private readonly target: Target;
  private batch: Array<{ row: CommentTable; where: string }> = [];
  /** Replies written before their parent was: [reply, parent]. Few unless the file lists replies first. */
  private readonly orphans: Array<{ id: string; parent: string; thread: string; key: string }> = [];
  private readonly threads = new Map<string, string>();

  constructor(db: Kysely<DB>, private readonly rules: Rules, private readonly summary: Summary, dryRun: boolean) {
    this.target = dryRun ? dryTarget(db) : databaseTarget(db);
  }

  async run(items: AsyncIterable<SourceItem>): Promise<void> {
    for await (const item of items) {
      if (item.kind === 'skip') this.summary.skipped(item.where, item.reason);
      else await this.add(item);
      if (this.batch.length >= BATCH) await this.flush();
    }
    await this.flush();
    await this.finish();
  }

  private threadOf(c: SourceComment): string {
    const cacheKey = `${c.page.identifier ?? ''}\u0000${c.page.url ?? ''}`;
    let thread = this.threads.get(cacheKey);
    if (thread === undefined) {
      thread = threadFor(this.rules, c.page);
      // Pages are few next to comments; remembering each one's thread spares parsing its URL again.
      this.threads.set(cacheKey, thread);
    }
    return thread;
  }

  private async add(c: SourceComment): Promise<void> {
    let thread: string;
    try {
      thread = this.threadOf(c);
    } catch (err) {
      if (err instanceof UnmappedPage) return this.summary.skipped(`${c.key} (${c.page.url ?? c.page.identifier ?? 'no address'})`, err.message);
      throw err;
    }
    this.batch.push({ row: rowFor(c, thread), where: c.key });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const inBatch = new Map<string, Placed>();
    const parents = batch.map((b) => b.row.parent_id).filter((p): p is string => p !== null);
    const known = await this.target.known([...new Set([...batch.map((b) => b.row.id), ...parents])]);
    const fresh: CommentTable[] = [];
    for (const { row, where } of batch) {
      const existing = known.get(row.id);
      if (existing || inBatch.has(row.id)) {
        // Already imported (an earlier run, or twice in the file): left as it is.
        if (!existing) this.summary.skipped(where, 'listed twice in the file; the first one is kept');
        else this.summary.counted(row.thread, row.status, false);
        continue;
      }
      if (row.parent_id !== null) {
        const parent = inBatch.get(row.parent_id) ?? known.get(row.parent_id);
        if (!parent) this.orphans.push({ id: row.id, parent: row.parent_id, thread: row.thread, key: where });
        else if (parent.thread !== row.thread) {
          this.summary.noted(where, 'its parent is on another page; imported as a top-level comment');
          row.parent_id = null;
        } else row.root_id = parent.root;
      }
      inBatch.set(row.id, { root: row.root_id, thread: row.thread });
      fresh.push(row);
      this.summary.counted(row.thread, row.status, true);
    }
    await this.target.insert(fresh);
  }

  /**
   * Replies whose parent came later in the file were written as roots of their own subtree: now each
   * subtree joins its parent's conversation, or, when the parent never came, stays at the top level.
   */
  private async finish(): Promise<void> {
    for (const orphan of this.orphans) {
      const parent = (await this.target.known([orphan.parent])).get(orphan.parent);
      if (parent && parent.thread === orphan.thread) {
        await this.target.setRoot(orphan.id, parent.root);
        continue;
      }
      await this.target.makeTopLevel(orphan.id);
      this.summary.noted(orphan.key, parent
        ? 'its parent is on another page; imported as a top-level comment'
        : 'it answers a comment that is not in the file; imported as a top-level comment');
    }
  }
}
