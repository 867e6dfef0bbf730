/** Elements whose content a reader does not read as part of the page's text. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'input', 'select', 'option', 'dialog', 'head', 'iframe',
]);

/**
 * Inkwell's own elements (a byline, a card, the comments) are not the article's text: none of it belongs
 * in a report. Each stands as a block boundary, so no context or text-fragment term runs across it.
 */
const INKWELL = new Set(['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box']);

/** A tag list rather than getComputedStyle: fast, and the same in every test. */
const BLOCKS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'th', 'br', 'section',
  'article', 'figure', 'figcaption', 'dt', 'dd', 'tr', 'hr', 'ul', 'ol', 'dl', 'table', 'caption', 'header',
  'footer', 'main', 'nav', 'aside', 'address', 'details', 'summary', 'fieldset', 'legend', 'body',
]);

const SPACE = /\s/;

function isSkipped(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return (
    SKIPPED.has(element.localName) ||
    element.hasAttribute('hidden') ||
    element.hasAttribute('data-inkwell-ignore') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (editable !== null && editable !== 'false')
  );
}

/**
 * The text a reader sees inside a scope, walked in the flat tree (open shadow roots instead of their
 * hosts' children, slots replaced by what is assigned to them), with a map back to DOM positions.
 * Text nodes keep their raw whitespace so that DOM offsets map one to one.
 */
export class TextIndex {
  /** Text nodes concatenated, with a '\n' between blocks where no whitespace separates them. */
  readonly text: string;
  /** The open shadow roots met on the way, for `Selection.getComposedRanges`. */
  readonly shadowRoots: ShadowRoot[] = [];
  private readonly spans = new Map<Node, [start: number, end: number]>();
  private readonly blockBoundaries = new Set<number>();

  constructor(root: Node) {
    let text = '';
    // Blocks are separated lazily, when more text follows, so the text never starts or ends with one.
    let blockEnded = false;
    const append = (data: string): void => {
      if (blockEnded && data && text) {
        if (SPACE.test(text[text.length - 1])) this.blockBoundaries.add(text.length - 1);
        else if (SPACE.test(data[0])) this.blockBoundaries.add(text.length);
        else this.blockBoundaries.add((text += '\n').length - 1);
      }
      if (data) blockEnded = false;
      text += data;
    };
    const visit = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const { data } = node as Text;
        append(data);
        this.spans.set(node, [text.length - data.length, text.length]);
        return;
      }
      let children: ArrayLike<Node> = node.childNodes;
      let block = false;
      if (node instanceof Element) {
        if (INKWELL.has(node.localName)) {
          blockEnded = true;
          return;
        }
        if (isSkipped(node)) return;
        block = BLOCKS.has(node.localName);
        if (node.shadowRoot) {
          this.shadowRoots.push(node.shadowRoot);
          children = [node.shadowRoot];
        } else if (node instanceof HTMLSlotElement) {
          const assigned = node.assignedNodes();
          if (assigned.length) children = assigned;
        }
      } else if (node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
        return; // comments, processing instructions
      }
      blockEnded ||= block;
      const start = text.length;
      for (let i = 0; i < children.length; i++) visit(children[i]);
      this.spans.set(node, [start, text.length]);
      blockEnded ||= block;
    };
    visit(root);
    this.text = text;
  }

  /**
   * The offset in `text` of a DOM boundary point (a text node and a character offset, or a container
   * and a child index), or undefined when the point is outside the scope or inside skipped content.
   */
  offsetOf(node: Node, offset: number): number | undefined {
    const span = this.spans.get(node);
    if (!span) return undefined;
    if (node.nodeType === Node.TEXT_NODE) return span[0] + Math.max(0, Math.min(offset, span[1] - span[0]));
    const children = node.childNodes;
    for (let i = Math.max(0, offset); i < children.length; i++) {
      const child = this.spans.get(children[i]);
      if (child) return child[0];
    }
    return span[1];
  }

  /**
   * True at the whitespace character that separates two blocks: the '\n' inserted there, or the
   * whitespace the text already ended with.
   */
  isBlockBoundary(offset: number): boolean {
    return this.blockBoundaries.has(offset);
  }
}
