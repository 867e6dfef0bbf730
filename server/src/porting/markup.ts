/**
 * Comment bodies from other systems, turned into the markdown subset Inkwell renders (paragraphs, line
 * breaks, http(s) links, emphasis, strong, code, quotes). HTML is parsed as a browser parses it (parse5),
 * and only text and those few constructs are kept: scripts, styles, embedded documents, forms, event
 * handlers and every link that is not http(s) are dropped. Text is escaped so that what was text stays
 * text, and `<` always carries a backslash, so no stored body holds anything a careless renderer could
 * take for a tag.
 */
import { parseFragment } from 'parse5';

/**
 * How the source writes text between tags. `html`: whitespace collapses (Disqus). `text`: line breaks
 * are meant (WordPress runs comments through wpautop). `markdown`: the text already is markdown with
 * some HTML mixed in (Waline), so it is kept as written.
 */
export type Flavour = 'html' | 'text' | 'markdown';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** Whose content is never shown: code, styles, embedded documents and media, form controls, foreign markup. */
const DROPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'head', 'title', 'meta', 'link', 'base', 'textarea', 'select', 'option', 'button', 'input', 'audio', 'video', 'canvas', 'map',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dd', 'dt', 'table', 'thead', 'tbody', 'tr', 'hr', 'address', 'details', 'summary',
]);

/** The href as stored, if it is an absolute http(s) URL; parentheses encoded so `[text](href)` closes where it should. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url || !/^\s*https?:/i.test(url)) return undefined;
  try {
    const { href, protocol } = new URL(url.trim());
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/[\s"<>`]/g, encodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Text that renders as itself: markdown's markers and `<` escaped. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Markdown that stays markdown, minus what could be read as a tag or a link to anything but http(s). */
function tameMarkdown(text: string): string {
  return text
    .replace(/(?<!\\)</g, '\\<')
    .replace(/(?<!\\)\[([^\]\n]*)\]\(([^)\s]*)\)/g, (_, label: string, url: string) => {
      const href = safeHref(url);
      return href ? `[${label}](${href})` : `\\[${label}\\](${url})`;
    })
    // What is left of a link that does not close on the same line is text too.
    .replace(/(?<!\\)\]\((?![^)\s]*\))/g, '\\](');
}

class Writer {
  private blocks: string[] = [];
  private line = '';

  constructor(private readonly flavour: Flavour) {}

  text(value: string): void {
    if (this.flavour === 'markdown') return this.raw(value);
    if (this.flavour === 'html') return this.raw(escapeText(value.replace(/\s+/g, ' ')));
    const parts = value.replace(/\r\n?/g, '\n').split(/\n{2,}/);
    parts.forEach((part, i) => {
      if (i > 0) this.block();
      this.raw(escapeText(part).replace(/[ \t]*\n[ \t]*/g, '\n'));
    });
  }

  raw(value: string): void {
    this.line += value;
  }

  /** A line break inside the paragraph. */
  br(): void {
    this.line = this.line.replace(/[ \t]+$/, '') + '\n';
  }

  /** Starts a new line unless at the start of one. */
  newline(): void {
    if (this.line && !this.line.endsWith('\n')) this.br();
  }

  /** A block written as is (code, a quote already formatted). */
  verbatim(text: string): void {
    this.block();
    if (text) this.blocks.push(text);
  }

  /** Ends the paragraph. */
  block(): void {
    // Markdown keeps its indentation (code in fences); elsewhere it is only layout of the source.
    const lines = this.line.split('\n').map((l) => (this.flavour === 'markdown' ? l.trimEnd() : l.trim()));
    let text = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (this.flavour === 'html') text = text.replace(/ {2,}/g, ' ');
    if (text) this.blocks.push(text);
    this.line = '';
  }

  done(): string {
    this.block();
    return this.blocks.join('\n\n');
  }
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The inline markdown of a node's children, as its own small document (for links, emphasis, quotes). */
function inner(node: Node, flavour: Flavour): string {
  const w = new Writer(flavour);
  walkChildren(node, w, flavour);
  return w.done();
}

/** Wraps an element's markdown in a marker, with its outer spaces outside it (the renderer ignores `* x *`). */
function wrap(node: Node, flavour: Flavour, marker: string): string {
  const text = textOf(node);
  const content = inner(node, flavour).replace(/\n{2,}/g, '\n');
  const before = /^\s/.test(text) ? ' ' : '';
  const after = /\s$/.test(text) ? ' ' : '';
  return content ? `${before}${marker}${content}${marker}${after}` : before || after;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return fence + padded.replace(/\s+/g, ' ') + fence;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (DROPPED.has(node.nodeName)) return '';
  if (node.nodeName === 'br') return '\n';
  return (node.childNodes ?? []).map(textOf).join('');
}

function walkChildren(node: Node, w: Writer, flavour: Flavour): void {
  for (const child of node.childNodes ?? []) walk(child, w, flavour);
}

function walk(node: Node, w: Writer, flavour: Flavour): void {
  const name = node.nodeName;
  if (name === '#text') return w.text(node.value ?? '');
  if (name.startsWith('#') || DROPPED.has(name)) return; // comments, doctypes
  switch (name) {
    case 'br':
      return w.br();
    case 'strong': case 'b':
      return w.raw(wrap(node, flavour, '**'));
    case 'em': case 'i': case 'cite':
      return w.raw(wrap(node, flavour, '*'));
    case 'code': case 'kbd': case 'samp': case 'tt':
      return w.raw(codeSpan(textOf(node)));
    case 'a': {
      const href = safeHref(attr(node, 'href'));
      const label = inner(node, flavour).replace(/\n+/g, ' ').trim();
      if (!href) return w.raw(label);
      // A link whose text is its address reads best as the bare address.
      return w.raw(!label || label === escapeText(href) || label === escapeText(attr(node, 'href')!.trim()) ? ` ${href} ` : `[${label}](${href})`);
    }
    case 'img': {
      const src = safeHref(attr(node, 'src'));
      if (src) w.raw(`[${escapeText((attr(node, 'alt') ?? '').trim()) || 'image'}](${src})`);
      return;
    }
    case 'pre': {
      const code = textOf(node).replace(/\r\n?/g, '\n').replace(/^\n|\n$/g, '');
      // A line of only three backticks would end the fence early.
      return w.verbatim('```\n' + code.replace(/^\s*```\s*$/gm, '` ` `') + '\n```');
    }
    case 'blockquote': {
      const quoted = inner(node, flavour);
      return w.verbatim(quoted && quoted.split('\n').map((l) => (l ? '> ' + l : '>')).join('\n'));
    }
    case 'li': {
      w.newline();
      w.raw('- ');
      walkChildren(node, w, flavour);
      return w.br();
    }
    default:
      if (BLOCKS.has(name)) {
        w.block();
        walkChildren(node, w, flavour);
        return w.block();
      }
      return walkChildren(node, w, flavour);
  }
}

// Fenced blocks and code spans of markdown sources are verbatim: `<div>` in them is what the author showed.
const MARKDOWN_CODE = /^```[^\n]*\n[^]*?(?:\n```[ \t]*$|(?![^]))|(`+)(?!`)[^]*?[^`]\1(?!`)/gm;
const SLOT = /\uE000(\d+)\uE001/g;

/** The body in Inkwell's markdown; empty when nothing readable is left. */
export function toMarkdown(source: string, flavour: Flavour): string {
  const code: string[] = [];
  let text = source.replace(/[\uE000\uE001]/g, '');
  if (flavour === 'markdown') text = text.replace(MARKDOWN_CODE, (m) => `\uE000${code.push(m) - 1}\uE001`);
  const fragment = parseFragment(text) as unknown as Node;
  const w = new Writer(flavour);
  walkChildren(fragment, w, flavour);
  let markdown = w.done().replace(/\n{3,}/g, '\n\n').trim();
  // Tamed once whole: text on both sides of a dropped element may together look like a link.
  if (flavour === 'markdown') markdown = tameMarkdown(markdown);
  return markdown.replace(SLOT, (_, i: string) => code[Number(i)]!);
}
