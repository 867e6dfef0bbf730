import { parseMarkdown, type MarkdownNode } from './markdown-parse.js';

/** Appends `list` to `parent` as DOM nodes; the same elements and attributes as renderMarkdown (markdown.ts) draws through templates. */
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
