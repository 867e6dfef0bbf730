import { newKey } from '../core/http.js';

/** A reader's unsent text, kept locally so that a reload or a crash loses nothing. */
export interface Draft {
  text: string;
  /** The Idempotency-Key for sending this draft: created when it is first saved, kept until cleared. */
  key: string;
  /** When it was last saved, in milliseconds since the epoch. */
  savedAt: number;
}

// One localStorage entry per draft: `inkwell:draft:<encoded thread>:<reply id>`, with nothing after
// the last ':' for the top-level form. The thread is encoded, so it holds no ':' and the reply id
// after it can be anything. Storage that is missing, disabled, full or corrupt never throws into the
// page: a draft that cannot be stored lives in `memory` for the page's life, and memory wins.
const memory = new Map<string, string>();
// Only ever called inside try: where the reader blocks site data, reading `localStorage` throws.
const storage = () => localStorage;

const entry = (thread: string, replyTo = '') => `inkwell:draft:${encodeURIComponent(thread)}:${replyTo}`;

/** Stores a draft's JSON, or removes the draft when there is none. */
const write = (name: string, json?: string) => {
  memory.delete(name);
  try {
    storage()[json ? 'setItem' : 'removeItem'](name, json!);
  } catch {
    if (json) memory.set(name, json);
  }
};

/** A stored draft, even one without text (it still holds the key); undefined once it is 30 days old. */
const read = (name: string): Draft | undefined => {
  try {
    const draft = JSON.parse(memory.get(name) ?? storage().getItem(name)!);
    // Only strings have trim(), so a key of any other type throws and is dropped with the rest.
    if (draft.savedAt > Date.now() - 2592e6 && typeof draft.text == 'string' && draft.key.trim()) return draft;
  } catch {
    // none, corrupt, or no storage
  }
  // Too old, or not a draft: it is not coming back.
  write(name);
};

/** The draft for a thread's top-level form, or for the reply to `replyTo`, if it holds text. */
export const loadDraft = (thread: string, replyTo?: string): Draft | undefined => {
  const draft = read(entry(thread, replyTo));
  return draft?.text.trim() ? draft : undefined;
};

/**
 * Saves the text as the reader types. Whitespace-only text removes the draft, but not its key: the
 * key stays the one the draft was first saved with until `clearDraft`, so every send of the same
 * comment, even one emptied and pasted back, is the same request to the server.
 */
export const saveDraft = (thread: string, replyTo: string | undefined, text: string): Draft => {
  const name = entry(thread, replyTo);
  const draft = { text, key: read(name)?.key ?? newKey(), savedAt: Date.now() };
  write(name, JSON.stringify(draft));
  return draft;
};

/** Removes the draft after a successful post; the next save starts with a new key. */
export const clearDraft = (thread: string, replyTo?: string): void => write(entry(thread, replyTo));

/** Every draft of a thread that holds text, so the element can reopen those reply forms. */
export const listDrafts = (thread: string): { replyTo?: string; draft: Draft }[] => {
  const prefix = entry(thread);
  const names = [...memory.keys()];
  try {
    names.push(...Object.keys(storage()));
  } catch {
    // no storage: memory only
  }
  return [...new Set(names)].flatMap((name) => {
    const replyTo = name.slice(prefix.length) || undefined;
    const draft = name.startsWith(prefix) && loadDraft(thread, replyTo);
    return draft ? [{ replyTo, draft }] : [];
  });
};
