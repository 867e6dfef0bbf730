import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type MarkdownNode } from './markdown-parse.js';

// The thread draws bodies without Lit (markdown-fragment.ts, the same elements and attributes); these templates are
// for sites that render comments with Lit (exported by the package), in a module of their own so that the
// comment box's chunk does not import Lit.

// Reader text reaches the DOM only through Lit child bindings (text nodes); the only attribute
// bindings are the href and language class that the parser checked.

// A lone string renders as one text node rather than a list of parts.
const nodes = (list: MarkdownNode[]): unknown => (list[1] || typeof list[0] != 'string' ? list.map(node) : list[0]);

function node(n: MarkdownNode): unknown {
  if (typeof n == 'string') return n;
  switch (n.tag) {
    case 'br':
      return html`<br>`;
    case 'code':
      return html`<code>${n.text}</code>`;
    case 'pre':
      return html`<pre><code class=${n.lang ? 'language-' + n.lang : nothing}>${n.text}</code></pre>`;
    case 'a':
      return html`<a rel="nofollow ugc noopener" href=${n.href}>${nodes(n.children)}</a>`;
    case 'em':
      return html`<em>${nodes(n.children)}</em>`;
    case 'strong':
      return html`<strong>${nodes(n.children)}</strong>`;
    case 'blockquote':
      return html`<blockquote>${nodes(n.children)}</blockquote>`;
    default:
      return html`<p>${nodes(n.children)}</p>`;
  }
}

/**
 * A comment body as Lit templates: paragraphs, line breaks, http(s) links and bare URLs, emphasis,
 * strong, inline code, fenced code, and quotes (one quote may hold another). Everything else, HTML
 * included, renders as the text the reader typed. The rules are in markdown-parse.ts.
 */
export function renderMarkdown(source: string): TemplateResult {
  const parts = parseMarkdown(source).map(node);
  // Most comments are one paragraph: that template, not a list holding it.
  return parts.length == 1 ? (parts[0] as TemplateResult) : html`${parts}`;
}
