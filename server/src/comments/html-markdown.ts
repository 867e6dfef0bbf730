/**
 * A comment body as HTML text, from the same parse tree the comment box renders with Lit
 * (html-markdown-parse.ts is a generated copy of src/comment-box/markdown-parse.ts): reader text is
 * escaped; the only attributes are the parser's checked href and language and a fixed rel.
 */
import { parseMarkdown, type MarkdownNode } from './html-markdown-parse.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in an element's content and in a double-quoted attribute value. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function node(n: MarkdownNode): string {
  if (typeof n === 'string') return escapeHtml(n);
  switch (n.tag) {
    case 'br':
      return '<br>';
    case 'code':
      return `<code>${escapeHtml(n.text)}</code>`;
    case 'pre':
      return `<pre><code${n.lang ? ` class="language-${escapeHtml(n.lang)}"` : ''}>${escapeHtml(n.text)}</code></pre>`;
    case 'a':
      return `<a rel="nofollow ugc noopener" href="${escapeHtml(n.href)}">${n.children.map(node).join('')}</a>`;
    default:
      return `<${n.tag}>${n.children.map(node).join('')}</${n.tag}>`;
  }
}

/** The comment markdown subset as HTML, by the comment box's rules. */
export function markdownToHtml(source: string): string {
  return parseMarkdown(source).map(node).join('');
}
