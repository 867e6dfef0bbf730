/**
 * Which Inkwell thread an imported page's comments go to (`--map-url RULES`). Rules, separated by
 * commas (or one per line in a file given as `@rules.txt`, where `#` starts a comment):
 *
 * - `OLD => NEW`: an address starting with OLD starts with NEW instead (moved host or folder). Addresses
 *   are compared as a browser writes them (lowercase host, no default port, non-ASCII percent-encoded).
 *   The first rule that matches applies; several may be given.
 * - `base=https://site.example`: the site that relative addresses belong to (Waline stores paths).
 * - `key=url` (the default): the thread is the page's absolute URL without its `#fragment`, written as
 *   a browser writes it, which is what `<comment-box>` uses when the page gives no `thread` attribute.
 *   `key=path`: only the path and query (`/2024/01/hello/`). `key=identifier`: the source's own id of
 *   the page (Disqus `<id>`, WordPress `wp:post_id`); pages without one fall back to `url`.
 * - `query=drop`: leaves the `?query` out of the thread (tracking parameters in old links).
 */
import fs from 'node:fs';
import { UsageError } from '../cli/args.js';

/** What a source says about the page a comment was written on. */
export interface PageRef {
  url?: string;
  identifier?: string;
}

export interface Rules {
  rewrites: Array<{ from: string; to: string }>;
  base?: string;
  key: 'url' | 'path' | 'identifier';
  dropQuery: boolean;
}

/** A page that cannot be given a thread: its comments are skipped with this reason. */
export class UnmappedPage extends Error {}

export const MAX_THREAD_LENGTH = 256;

export function parseRules(spec: string | undefined): Rules {
  const rules: Rules = { rewrites: [], key: 'url', dropQuery: false };
  if (!spec) return rules;
  const text = spec.startsWith('@') ? readRulesFile(spec.slice(1)) : spec.replace(/,/g, '\n');
  for (const raw of text.split('\n')) {
    const rule = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!rule) continue;
    const arrow = rule.indexOf('=>');
    if (arrow !== -1) {
      const from = rule.slice(0, arrow).trim();
      const to = rule.slice(arrow + 2).trim();
      if (!from) throw new UsageError(`--map-url rule "${rule}" needs an address before =>`);
      rules.rewrites.push({ from, to });
    } else if (rule.startsWith('base=')) {
      const base = rule.slice(5);
      if (!/^https?:\/\/[^/]/i.test(base)) throw new UsageError(`--map-url base= needs an http(s) address, got "${base}"`);
      rules.base = base;
    } else if (/^key=(url|path|identifier)$/.test(rule)) {
      rules.key = rule.slice(4) as Rules['key'];
    } else if (rule === 'query=drop' || rule === 'query=keep') {
      rules.dropQuery = rule === 'query=drop';
    } else {
      throw new UsageError(`unknown --map-url rule "${rule}"; rules: OLD=>NEW, base=URL, key=url|path|identifier, query=drop`);
    }
  }
  return rules;
}

function readRulesFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the --map-url rules file ${file}: ${(err as Error).message}`);
  }
}

/** The page's address, absolute and normalised as a browser writes it, after the rewrites, without its fragment. */
function pageUrl(rules: Rules, url: string): URL {
  const address = url.trim();
  let parsed = parse(address, rules.base);
  const rewrite = rules.rewrites.find((r) => parsed.href.startsWith(r.from));
  if (rewrite) parsed = parse(rewrite.to + parsed.href.slice(rewrite.from.length), undefined);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UnmappedPage('the page address is not http(s)');
  parsed.hash = '';
  if (rules.dropQuery) parsed.search = '';
  return parsed;
}

function parse(address: string, base: string | undefined): URL {
  try {
    return new URL(address, base);
  } catch {
    throw new UnmappedPage(/^[a-z][\w+.-]*:/i.test(address) || base
      ? 'the page address is not a URL'
      : 'the page address is relative; give the site with --map-url base=https://your.site (or key=path)');
  }
}

/** The thread id for a page, or UnmappedPage with the reason. */
export function threadFor(rules: Rules, page: PageRef): string {
  let thread: string;
  const identifier = page.identifier?.trim();
  if (rules.key === 'identifier' && identifier) thread = identifier;
  else if (page.url?.trim()) {
    // key=path needs no site: a relative address is read against a placeholder origin.
    const url = rules.key === 'path' && !rules.base && page.url.trim().startsWith('/')
      ? pageUrl({ ...rules, base: 'http://path.invalid' }, page.url)
      : pageUrl(rules, page.url);
    thread = rules.key === 'path' ? url.pathname + url.search : url.href;
  } else throw new UnmappedPage('the page has no address' + (rules.key === 'identifier' ? ' and no identifier' : ''));
  if (thread.length > MAX_THREAD_LENGTH) throw new UnmappedPage(`the thread id would be longer than ${MAX_THREAD_LENGTH} characters`);
  return thread;
}
