import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type MarkdownNode } from './markdown-parse.js';

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

/** Appends `list` to `parent` as DOM nodes; the same elements and attributes as `node` draws through templates. */
function appendNodes(parent: Node, list: MarkdownNode[]): Node {
  for (const n of list) {
    if (typeof n == 'string') {
      parent.appendChild(document.createTextNode(n));
      continue;
    }
    const element = parent.appendChild(document.createElement(n.tag));
    if (n.tag == 'pre') {
      const code = element.appendChild(document.createElement('code'));
      if (n.lang) code.className = 'language-' + n.lang;
      code.textContent = n.text;
    } else if (n.tag == 'code') element.textContent = n.text;
    else if (n.tag != 'br') {
      if (n.tag == 'a') {
        element.setAttribute('rel', 'nofollow ugc noopener');
        element.setAttribute('href', n.href);
      }
      appendNodes(element, n.children);
    }
  }
  return parent;
}

/**
 * A comment body as DOM nodes made directly, for the thread: a hundred comments drawn through a template per
 * block cost Lit an instance each. Reader text becomes text nodes; the only attributes are the checked ones.
 */
export function markdownFragment(source: string): DocumentFragment {
  return appendNodes(document.createDocumentFragment(), parseMarkdown(source)) as DocumentFragment;
}
