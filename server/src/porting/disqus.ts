/**
 * Disqus's XML export: `<thread dsq:id>` elements (the page's `<link>` and the site's own `<id>`), then
 * `<post dsq:id>` elements pointing at their thread and parent, with HTML `<message>`s. Read twice:
 * first the threads (kept, a few fields each), then the posts, one at a time, in whatever order.
 */
import type { PageRef } from './mapping.js';
import { toMarkdown } from './markup.js';
import { cleanEmail, cleanName, parseTime, skip, type ImportStatus, type SourceItem } from './records.js';
import { child, childText, xmlElements, type XmlNode } from './xml.js';

const isThread = (path: string[]) => path.length === 2 && path[1] === 'thread';
const isPost = (path: string[]) => path.length === 2 && path[1] === 'post';
const flag = (node: XmlNode, name: string) => childText(node, name) === 'true';

export async function* readDisqus(file: string): AsyncGenerator<SourceItem> {
  const threads = new Map<string, PageRef>();
  for await (const event of xmlElements(file, isThread)) {
    if (event.type === 'error') yield skip(`line ${event.line}`, `XML error: ${event.message}`);
    if (event.type !== 'element') continue;
    const id = event.node.attrs['dsq:id'];
    if (!id) yield skip(`line ${event.node.line}`, 'a <thread> without dsq:id');
    else threads.set(id, { url: childText(event.node, 'link'), identifier: childText(event.node, 'id') });
  }
  for await (const event of xmlElements(file, isPost)) {
    if (event.type === 'element') yield post(event.node, threads);
  }
}

function post(node: XmlNode, threads: Map<string, PageRef>): SourceItem {
  const id = node.attrs['dsq:id'];
  if (!id) return skip(`line ${node.line}`, 'a <post> without dsq:id');
  const where = `post ${id} (line ${node.line})`;
  const threadId = child(node, 'thread')?.attrs['dsq:id'];
  const page = threadId ? threads.get(threadId) : undefined;
  if (!page) return skip(where, threadId ? `its thread ${threadId} is not in the export` : 'no <thread dsq:id> given');
  const createdAt = parseTime(childText(node, 'createdAt'));
  if (Number.isNaN(createdAt)) return skip(where, `createdAt "${childText(node, 'createdAt') ?? ''}" is not a date`);
  const status: ImportStatus = flag(node, 'isDeleted') ? 'deleted' : flag(node, 'isSpam') ? 'spam'
    : childText(node, 'isApproved') === 'false' ? 'pending' : 'published';
  const body = status === 'deleted' ? '' : toMarkdown(childText(node, 'message') ?? '', 'html');
  if (!body && status !== 'deleted') return skip(where, 'no text left once the markup is converted');
  const author = child(node, 'author');
  const parentId = child(node, 'parent')?.attrs['dsq:id'];
  return {
    kind: 'comment',
    key: `disqus:${id}`,
    parentKey: parentId ? `disqus:${parentId}` : null,
    page,
    authorName: cleanName(childText(author, 'name') || childText(author, 'username')),
    authorEmail: status === 'deleted' ? null : cleanEmail(childText(author, 'email')),
    createdAt,
    body,
    status,
  };
}
