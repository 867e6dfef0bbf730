/**
 * Waline's JSON export (`{"type": "waline", "version" or "__version", "data": {"Comment": […],
 * "Counter": […], "Users": […]}}`, possibly inside the API's `{"errno": 0, "data": …}`), read as a stream: each comment object is handled and dropped. Only
 * comments are read; `Users` holds password hashes, `Counter` page views, and neither is imported.
 * A comment's `comment` is the markdown its author wrote (some HTML allowed), `url` the page's path,
 * `pid` the comment it answers, `status` approved, waiting or spam.
 */
import fs from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { toMarkdown } from './markup.js';
import { cleanEmail, cleanName, parseTime, skip, type ImportStatus, type SourceItem } from './records.js';

const STATUSES: Record<string, ImportStatus> = { approved: 'published', waiting: 'pending', spam: 'spam' };

type Json = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** LeanCloud writes dates as `{"__type": "Date", "iso": "…"}`; the SQL stores as strings. */
function time(v: unknown): number {
  if (v && typeof v === 'object' && typeof (v as Json).iso === 'string') return parseTime((v as Json).iso as string);
  if (typeof v === 'number') return v;
  return parseTime(text(v));
}

/** A value and where it is: the keys from the top (`['data', 'Comment', 3]`). */
export interface JsonValue {
  value: unknown;
  path: Array<string | number | undefined>;
}

/** Values of a JSON file at the given paths, one at a time, as the file streams in. */
export async function* jsonValues(file: string, paths: string[]): AsyncGenerator<JsonValue> {
  const parser = new JSONParser({ paths, keepStack: false });
  let queue: JsonValue[] = [];
  parser.onValue = ({ key, value, stack }) => queue.push({ value, path: [...stack.slice(1).map((s) => s.key), key] });
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    parser.write(chunk as Buffer);
    yield* queue;
    queue = [];
  }
  if (!parser.isEnded) parser.end();
  yield* queue;
}

export async function* readWaline(file: string): AsyncGenerator<SourceItem> {
  let index = 0;
  let type: unknown;
  // The export as the admin saves it, or as the API answers it (wrapped in {"errno", "data"}).
  for await (const { path, value } of jsonValues(file, ['$.type', '$.data.Comment.*', '$.data.type', '$.data.data.Comment.*'])) {
    if (path.at(-1) === 'type') {
      type = value;
      if (value !== 'waline') throw new Error(`${file} is not a Waline export: its "type" is ${JSON.stringify(value)}`);
      continue;
    }
    yield comment(value, index++);
  }
  if (type === undefined && index === 0) throw new Error(`${file} is not a Waline export: no "type": "waline" and no data.Comment`);
}

function comment(value: unknown, index: number): SourceItem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return skip(`Comment[${index}]`, 'not an object');
  const c = value as Json;
  const id = text(c.objectId);
  if (!id) return skip(`Comment[${index}]`, 'no objectId');
  const where = `comment ${id}`;
  const status = STATUSES[text(c.status) ?? 'approved'];
  if (!status) return skip(where, `unknown status "${text(c.status)}"`);
  const url = text(c.url);
  if (!url) return skip(where, 'no url');
  const createdAt = time(c.insertedAt ?? c.createdAt);
  if (Number.isNaN(createdAt)) return skip(where, 'insertedAt is not a date');
  const body = toMarkdown(text(c.comment) ?? '', 'markdown');
  if (!body) return skip(where, 'no text left once the markup is converted');
  const parent = text(c.pid);
  return {
    kind: 'comment',
    key: `waline:${id}`,
    parentKey: parent ? `waline:${parent}` : null,
    page: { url },
    authorName: cleanName(text(c.nick)),
    authorEmail: cleanEmail(text(c.mail)),
    createdAt,
    body,
    status,
  };
}
