import { request } from '../core/http.js';
import type { Counts } from './types.js';

const MAX_PER_REQUEST = 100;
const pending = new Map<string, Map<string, ((count: number | undefined) => void)[]>>();

/**
 * The number of comments of `thread`. All the counts a page asks for in one task are fetched
 * together, in one `GET /counts` per API (listing pages show dozens of cards). Resolves undefined
 * when the count cannot be had, so a card shows no count rather than a wrong one.
 */
export function commentCount(api: string, thread: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let threads = pending.get(api);
    if (!threads) {
      pending.set(api, (threads = new Map()));
      queueMicrotask(() => flush(api));
    }
    const waiting = threads.get(thread) ?? [];
    waiting.push(resolve);
    threads.set(thread, waiting);
  });
}

async function flush(api: string): Promise<void> {
  const threads = pending.get(api);
  pending.delete(api);
  if (!threads) return;
  const ids = [...threads.keys()];
  for (let start = 0; start < ids.length; start += MAX_PER_REQUEST) {
    const batch = ids.slice(start, start + MAX_PER_REQUEST);
    const query = batch.map((id) => `thread=${encodeURIComponent(id)}`).join('&');
    let counts: Record<string, number> = {};
    try {
      counts = (await request<Counts>(`${api}/counts?${query}`, { retries: 1 })).counts ?? {};
    } catch {
      // No count is better than a broken card.
    }
    for (const id of batch) for (const resolve of threads.get(id) ?? []) resolve(typeof counts[id] === 'number' ? counts[id] : undefined);
  }
}
