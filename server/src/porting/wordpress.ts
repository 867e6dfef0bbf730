/**
 * WordPress's export (WXR, RSS with `wp:` elements): each `<item>` (post or page) has its `<link>` and
 * `wp:post_id`, then its `wp:comment`s with `comment_parent`, `comment_approved` (1, 0, spam, trash),
 * author, dates and the text. Comments are read one at a time; those that come before their post's link
 * wait for it until the item ends.
 */
import type { PageRef } from './mapping.js';
import { toMarkdown } from './markup.js';
import { cleanEmail, cleanName, parseTime, skip, type ImportStatus, type SourceItem } from './records.js';
import { childText, xmlElements, type XmlNode } from './xml.js';

const ITEM_FIELDS = new Set(['link', 'wp:post_id']);
const CHANNEL_FIELDS = new Set(['link', 'wp:base_site_url', 'wp:base_blog_url']);

const inItem = (path: string[]) => path.length === 4 && path[2] === 'item';
const collect = (path: string[]) =>
  (path.length === 3 && CHANNEL_FIELDS.has(path[2]!)) || (inItem(path) && (ITEM_FIELDS.has(path[3]!) || path[3] === 'wp:comment'));
const isItem = (path: string[]) => path.length === 3 && path[2] === 'item';

/** `trash` was deleted by a moderator but could still be restored: hidden here, text kept for moderators. */
const STATUSES: Record<string, ImportStatus> = { '1': 'published', approve: 'published', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'rejected', 'post-trashed': 'rejected' };

export async function* readWordPress(file: string): AsyncGenerator<SourceItem> {
  let site = '';
  let page: PageRef = {};
  let waiting: XmlNode[] = [];
  for await (const event of xmlElements(file, collect, isItem)) {
    if (event.type === 'error') {
      yield skip(`line ${event.line}`, `XML error: ${event.message}`);
    } else if (event.type === 'end') {
      for (const node of waiting) yield comment(node, page, site);
      waiting = [];
      page = {};
    } else if (event.path.length === 3) {
      // The blog's address names its comments' keys: comment ids are only unique within one blog.
      if (!site || event.node.name === 'wp:base_blog_url') site = event.node.text.trim().replace(/\/+$/, '');
    } else if (event.node.name === 'link') page = { ...page, url: event.node.text.trim() };
    else if (event.node.name === 'wp:post_id') page = { ...page, identifier: event.node.text.trim() };
    else if (page.url) yield comment(event.node, page, site);
    else waiting.push(event.node);
  }
}

function comment(node: XmlNode, page: PageRef, site: string): SourceItem {
  const id = childText(node, 'wp:comment_id');
  if (!id || !/^\d+$/.test(id)) return skip(`line ${node.line}`, 'a wp:comment without a numeric wp:comment_id');
  const where = `comment ${id} (line ${node.line})`;
  const type = childText(node, 'wp:comment_type') || 'comment';
  if (type !== 'comment' && type !== 'review') return skip(where, `a ${type}, not a reader's comment`);
  const approved = childText(node, 'wp:comment_approved') ?? '1';
  const status = STATUSES[approved];
  if (!status) return skip(where, `unknown wp:comment_approved "${approved}"`);
  // Drafts and held comments may carry a zero GMT date; the local date is then the best there is.
  let createdAt = parseTime(childText(node, 'wp:comment_date_gmt'));
  if (Number.isNaN(createdAt)) createdAt = parseTime(childText(node, 'wp:comment_date'));
  if (Number.isNaN(createdAt)) return skip(where, `wp:comment_date_gmt "${childText(node, 'wp:comment_date_gmt') ?? ''}" is not a date`);
  const body = toMarkdown(childText(node, 'wp:comment_content') ?? '', 'text');
  if (!body) return skip(where, 'no text left once the markup is converted');
  const parent = childText(node, 'wp:comment_parent') ?? '0';
  const scope = site || 'wordpress';
  return {
    kind: 'comment',
    key: `wordpress:${scope}:${id}`,
    parentKey: /^[1-9]\d*$/.test(parent) ? `wordpress:${scope}:${parent}` : null,
    page,
    authorName: cleanName(childText(node, 'wp:comment_author')),
    authorEmail: cleanEmail(childText(node, 'wp:comment_author_email')),
    createdAt,
    body,
    status,
  };
}
