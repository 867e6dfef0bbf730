/**
 * Anonymous thread listings, kept in memory and dropped the moment anything in the thread changes.
 * Every change that alters what the public sees writes a thread event (events.ts), and the event bus
 * invalidates here: synchronously after commit on the writing node, through LISTEN/NOTIFY on the
 * others. The TTL bounds staleness if a notification is ever missed (e.g. while the LISTEN
 * connection reconnects, which also clears everything). What is cached is the anonymous view; a
 * signed-in reader without pending comments in the thread sees exactly that, plus `own` flags.
 */
export class ListingCache<T> {
  private readonly entries = new Map<string, { thread: string; value: T; at: number }>();
  private readonly byThread = new Map<string, Set<string>>();
  /** Bumped on every invalidation, so a listing read before a change is never stored after it. */
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 2000,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.remove(key);
      return undefined;
    }
    return e.value;
  }

  generation(thread: string): string {
    return `${this.globalGeneration}.${this.generations.get(thread) ?? 0}`;
  }

  /** Stores `value` unless the thread changed since `generation` was taken. */
  set(thread: string, key: string, value: T, generation: string, now = Date.now()): void {
    if (generation !== this.generation(thread)) return;
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
    this.entries.set(key, { thread, value, at: now });
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
    for (const k of keys) this.entries.delete(k);
    this.byThread.delete(thread);
  }

  clear(): void {
    this.globalGeneration++;
    this.entries.clear();
    this.byThread.clear();
  }

  private remove(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const keys = this.byThread.get(e.thread);
    keys?.delete(key);
    if (keys && keys.size === 0) this.byThread.delete(e.thread);
  }
}
