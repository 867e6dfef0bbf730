/**
 * Anonymous thread listings, kept in memory and dropped the moment anything in the thread changes.
 * Every change that alters what the public sees writes a thread event (events/bus.ts), and the event bus
 * invalidates here: synchronously after commit on the writing node, through LISTEN/NOTIFY on the
 * others. The TTL bounds staleness if a notification is ever missed (e.g. while the LISTEN
 * connection reconnects, which also clears everything). What is cached is the anonymous view; a
 * signed-in reader without pending comments in the thread sees exactly that, plus `own` flags.
 *
 * Memory is bounded by a byte ceiling: each entry counts its size (as `sizeOf` measures it, plus its
 * key and a fixed overhead for the bookkeeping), and the least recently used entries go first.
 * A TTL of 0 turns the cache off: nothing is read from it and nothing stored.
 */
export class ListingCache<T> {
  /** In least-recently-used order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, { thread: string; value: T; at: number; bytes: number }>();
  private readonly byThread = new Map<string, Set<string>>();
  /** Bumped on every invalidation, so a listing read before a change is never stored after it. */
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;
  private bytes = 0;

  /** Roughly what an entry's Map slots, record and thread index take besides its key and value. */
  static readonly ENTRY_OVERHEAD = 200;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  /** Entries held and the bytes they are counted as. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string, now = Date.now()): T | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  generation(thread: string): string {
    return `${this.globalGeneration}.${this.generations.get(thread) ?? 0}`;
  }

  /** Stores `value` unless the thread changed since `generation` was taken, or it alone exceeds the ceiling. */
  set(thread: string, key: string, value: T, generation: string, now = Date.now()): void {
    if (!this.enabled || generation !== this.generation(thread)) return;
    const bytes = this.sizeOf(value) + key.length + ListingCache.ENTRY_OVERHEAD;
    if (bytes > this.maxBytes) return;
    this.remove(key);
    while (this.bytes + bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    this.entries.set(key, { thread, value, at: now, bytes });
    this.bytes += bytes;
    let keys = this.byThread.get(thread);
    if (!keys) this.byThread.set(thread, (keys = new Set()));
    keys.add(key);
  }

  invalidate(thread: string): void {
    this.generations.set(thread, (this.generations.get(thread) ?? 0) + 1);
    if (this.generations.size > 100_000) {
      this.generations.clear();
      this.globalGeneration++;
    }
    const keys = this.byThread.get(thread);
    if (!keys) return;
    for (const k of keys) this.remove(k);
  }

  clear(): void {
    this.globalGeneration++;
    this.entries.clear();
    this.byThread.clear();
    this.bytes = 0;
  }

  private remove(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
    const keys = this.byThread.get(e.thread);
    keys?.delete(key);
    if (keys && keys.size === 0) this.byThread.delete(e.thread);
  }
}
