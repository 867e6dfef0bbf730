// The comment markdown subset, parsed into a small tree that two renderers share: the comment box's
// Lit view (markdown.ts) and the reference server's HTML serializer (server/src/comments/html-markdown.ts,
// which imports a verbatim copy of this file: see scripts/shared-code.js). No DOM and no imports, so it
// runs in both; rules live here only, so what readers see with and without JavaScript cannot differ.
//
// Reader text is only ever a text node or a checked attribute: an href that parsed as http(s) and a
// language checked against a short pattern.
//
// Cost stays linear: an emphasis opener looks for its closer with indexOf, and no other opener of
// the same kind lies between them, so those scans never overlap; inline code finds its closer in a
// list of backtick runs (codeCloser); '[' remembers the nearest '](' and its URL, so a run of '['
// before one '](' matches it once; punctuation after a bare URL is trimmed without a regex.

/** Text, or an element of the subset. */
export type MarkdownNode = string | MarkdownElement;

export type MarkdownElement =
  | { tag: 'br' }
  | { tag: 'p' | 'em' | 'strong' | 'blockquote'; children: MarkdownNode[] }
  /** `href`: an absolute http(s) URL, normalised, with no space, quote, '<', '>' or '`'. */
  | { tag: 'a'; href: string; children: MarkdownNode[] }
  | { tag: 'code'; text: string }
  /** `lang`: letters, digits, '_', '+' and '-', at most 20. */
  | { tag: 'pre'; lang?: string; text: string };

const LINK_URL = /\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/y;
// Parentheses only in pairs, so '(see https://x.example)' ends before ')' and Wikipedia's Foo_(bar) does not.
const BARE_URL = /(?<![\p{L}\p{N}])https?:\/\/(?:[^\s()<>]|\([^\s()<>]*\))+/iuy;
const MARK = /`+|\*\*?|__?/y;
const TRAILING = '?!.,:;*_\'"]';
const QUOTE = /^\s*> ?/;
// Text that cannot start anything above (an escape, a break, a mark, a link, a bare URL): copied as one run.
const PLAIN = /[^\\\n`*_[hH]+/y;

/** The normalised href of an http(s) URL; undefined for anything else (other schemes, relative, malformed). */
const httpHref = (url: string) => {
  // The first test spares most non-URLs the cost of an exception; the second is the one that counts.
  if (/^https?:/i.test(url))
    try {
      const { href } = new URL(url);
      // A host may keep characters that a path or query would have percent-encoded, such as '`'.
      if (/^https?:/.test(href) && !/[\s"<>`]/.test(href)) return href;
    } catch {
      // not a URL
    }
};

/**
 * Where inline code opened at `from` by `n` backticks closes: the start of the next run of at least
 * `n` backticks (where indexOf would find `n` of them), or -1. `from` only grows between calls.
 * indexOf would rescan the rest for each opener without a closer, and a row of ever shorter runs
 * makes that quadratic; here the longest run still ahead answers those at once, and a search that
 * succeeds passes only over runs inside the code it closes.
 */
function codeCloser(s: string) {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (const m of s.matchAll(/`+/g)) {
    starts.push(m.index);
    lengths.push(m[0].length);
  }
  const longest = [...lengths];
  for (let k = longest.length - 2; k >= 0; k--) longest[k] = Math.max(longest[k], longest[k + 1]);
  let k = 0;
  return (from: number, n: number) => {
    while (starts[k] < from) k++;
    if (!(longest[k] >= n)) return -1;
    let j = k;
    while (lengths[j] < n) j++;
    return starts[j];
  };
}

function inline(s: string, inLink?: boolean): MarkdownNode[] {
  const out: MarkdownNode[] = [];
  let text = '';
  let linkAt = -1;
  let url: RegExpExecArray | null = null;
  let closeCode: ReturnType<typeof codeCloser> | undefined;
  let children: MarkdownNode[];
  const push = (node: MarkdownElement) => {
    if (text) out.push(text);
    out.push(node);
    text = '';
  };
  for (let i = 0, c, end, n, run, bare; i < s.length; ) {
    c = s[i];
    if (((PLAIN.lastIndex = i), (run = PLAIN.exec(s)?.[0]))) {
      text += run;
      i += run.length;
    } else if (c == '\\' && /[!-/:-@[-`{-~]/.test(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else if (c == '\n') {
      push({ tag: 'br' });
      i++;
    } else if (((MARK.lastIndex = i), (run = MARK.exec(s)?.[0]))) {
      n = run.length;
      end = c == '`' ? (closeCode ??= codeCloser(s))(i + n, n) : s.indexOf(run, i + n);
      // `***x***`: the closing pair is the end of the run, leaving `*x*` inside.
      if (s[i + n] == c && s[end + n] == c) end++;
      bare = end > i ? s.slice(i + n, end) : '';
      // Code is verbatim. Emphasis is not empty or only markers, has no space inside the markers and
      // no escaped closer, and '_' does not work inside words.
      if (
        c == '`'
          ? end > i
          : !/^\s|[\s\\]$|^[*_]*$/.test(bare) && !(c == '_' && /[\p{L}\p{N}]/u.test(s.charAt(i - 1) + s.charAt(end + n)))
      ) {
        push(
          c == '`'
            ? { tag: 'code', text: bare }
            : ((children = inline(bare, inLink)), { tag: n > 1 ? 'strong' : 'em', children }),
        );
        i = end + n;
      } else {
        text += run;
        i += n;
      }
    } else if (c == '[' && !inLink) {
      if (linkAt < i) {
        // No '](' at all parks linkAt past any index, so it is not searched for again.
        LINK_URL.lastIndex = (linkAt = s.indexOf('](', i) >>> 0) + 1;
        url = LINK_URL.exec(s);
      }
      end = url && linkAt > i + 1 ? linkAt + 1 + url[0].length : i + 1;
      // A URL that is not http(s) leaves the whole construct as text, and so does an image, ![alt](url).
      bare = end > i + 1 && s[i - 1] != '!' && httpHref(url![1]);
      if (bare) push({ tag: 'a', href: bare, children: inline(s.slice(i + 1, linkAt), true) });
      else text += s.slice(i, end);
      i = end;
    } else if (!inLink && ((BARE_URL.lastIndex = i), (run = BARE_URL.exec(s)?.[0]))) {
      // Trailing punctuation belongs to the sentence. Trimmed by hand: a regex anchored at the end
      // would try again from each character of a long run of punctuation, which is quadratic.
      for (end = run.length; TRAILING.includes(run[end - 1]); ) end--;
      bare = run.slice(0, end);
      end = httpHref(bare);
      // An invalid URL is passed over whole, so the scan does not start again inside it.
      if (end) push({ tag: 'a', href: end, children: [(run = bare)] });
      else text += run;
      i += run.length;
    } else {
      text += c;
      i++;
    }
  }
  if (text) out.push(text);
  return out;
}

function blocks(lines: string[], depth: number): MarkdownElement[] {
  const out: MarkdownElement[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ tag: 'p', children: inline(para.join('\n')) });
    para = [];
  };
  for (let i = 0, line, fence, inner: string[]; i < lines.length; i++) {
    line = lines[i];
    inner = [];
    if ((fence = /^\s*```([^`]*)$/.exec(line))) {
      flush();
      // An unclosed fence runs to the end of the comment.
      while (++i < lines.length && lines[i].trim() != '```') inner.push(lines[i]);
      fence = fence[1].trim();
      out.push({ tag: 'pre', text: inner.join('\n'), ...(/^[\w+-]{1,20}$/.test(fence) ? { lang: fence } : {}) });
    } else if (depth < 2 && QUOTE.test(line)) {
      flush();
      for (; QUOTE.test(lines[i]); i++) inner.push(lines[i].replace(QUOTE, ''));
      i--;
      out.push({ tag: 'blockquote', children: blocks(inner, depth + 1) });
    } else if (line.trim()) para.push(line);
    else flush();
  }
  flush();
  return out;
}

/**
 * A comment body as a tree of blocks: paragraphs, line breaks, http(s) links and bare URLs, emphasis,
 * strong, inline code, fenced code, and quotes (one quote may hold another). Everything else, HTML
 * included, is the text the reader typed.
 */
export function parseMarkdown(source: string): MarkdownElement[] {
  return blocks(source.split(/\r\n?|\n/), 0);
}
