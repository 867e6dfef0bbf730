import { expect } from '@open-wc/testing';
import { render } from 'lit';
import fc from 'fast-check';
import { renderMarkdown } from '../../src/comment-box/markdown.js';
import { markdownToHtml } from '../../server/src/comments/html-markdown.js';
import { fragmentHtml, threadHtml } from '../../server/src/comments/html.js';
import type { Comment } from '../../src/comment-box/types.js';
import { XSS } from './xss-corpus.js';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

// The server's HTML for comment bodies (server/src/comments/html-markdown.ts) and the comment box's Lit
// rendering come from one parser: here they are compared as the browser parses them, and the server's
// whole fragment is put in a live document with the XSS corpus in it.

const REL = 'nofollow ugc noopener';

/** Markup as the browser reads it back: the server's text parsed, or Lit's rendering, serialised the same way. */
function fromServer(source: string): string {
  const template = document.createElement('template');
  template.innerHTML = markdownToHtml(source);
  return template.innerHTML;
}
function fromLit(source: string): string {
  const container = document.createElement('div');
  render(renderMarkdown(source), container);
  return container.innerHTML.replace(/<!--[^]*?-->/g, '');
}

const SAMPLES = [
  '',
  'one\n\ntwo\nthree',
  '*em* _em_ **strong** __strong__ ***both*** snake_case_name',
  'use `a *b* [c](https://x.example)` here ``a ` b``',
  '[Example](https://example.com/a?b=1&c=2#d) [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) [x](/relative)',
  'go to https://example.com/path?q=1. (see http://example.com) <https://example.com>',
  '> quote with `code` and **bold**\n> > and [a link](https://x.example)\n>>> deep',
  '```js onload=x\nconst a = "<i>";\n```\n```c++\nx\n```\n```\nnever closed',
  '\\*not em\\* \\[x\\](https://x.example) a \\\\ b',
  'a\r\nb\r\rc & "quotes" \'single\' <tags>',
];

describe('server HTML and the comment box render comment bodies alike', () => {
  for (const source of [...SAMPLES, ...XSS.map(([payload]) => payload)]) {
    it(`renders ${JSON.stringify(source.slice(0, 60))} as the comment box does`, () => {
      expect(fromServer(source)).to.equal(fromLit(source));
    });
  }

  it('for any input', () => {
    const pieces = fc.constantFrom('*', '**', '_', '`', '```', '[', ']', '(', ')', '](', 'https://a.example/x', 'http://', '\\', '>', '> ', '\n', '\n\n', ' ', 'a', 'é', '<b>', '&amp;', '"', "'", '!');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => fromServer(parts.join('')) === fromLit(parts.join(''))), { numRuns: 500 });
  });
});

describe('the server\'s fragment with the XSS corpus, in a live document', () => {
  const comments: Comment[] = XSS.map(([payload], i) => ({
    id: `x${i}`,
    thread: 't',
    parentId: i % 4 === 3 ? `x${i - 1}` : null,
    author: { id: `a${i}`, name: i % 2 ? payload : `Author ${i}`, guest: false, ...(i % 5 === 0 ? { picture: payload } : {}) },
    body: payload,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    status: 'published',
  }));
  const page = { comments, total: comments.length, nextCursor: '"><script>window.__xss=true</script>' };

  it('runs nothing, and holds only the frame\'s and the comment box\'s elements and attributes', async () => {
    window.__xss = false;
    const container = document.createElement('div');
    document.body.append(container);
    container.innerHTML = fragmentHtml(threadHtml(page, 'en'), page, { thread: '"><img src=x onerror="window.__xss=true">', sort: 'oldest', lastEventId: 0 }, new Date());
    const allowed = new Set(['DIV', 'H2', 'OL', 'LI', 'ARTICLE', 'HEADER', 'SPAN', 'LINK', 'TIME', 'META', 'P', 'BR', 'A', 'EM', 'STRONG', 'CODE', 'PRE', 'BLOCKQUOTE']);
    for (const el of container.querySelectorAll('*')) {
      expect(allowed.has(el.tagName), `unexpected <${el.tagName.toLowerCase()}>`).to.equal(true);
      for (const { name, value } of el.attributes) {
        expect(name).not.to.match(/^on/i);
        if (name === 'href') expect(['http:', 'https:']).to.include(new URL(value).protocol);
        if (name === 'rel') expect(value).to.equal(REL);
      }
    }
    for (const link of container.querySelectorAll('a')) expect(link.href).to.match(/^https?:\/\/(ok\.example|www\.w3\.org)\//);
    // Every payload is the text of its comment, as typed.
    const texts = [...container.querySelectorAll('[itemprop=text]')].map((t) => t.textContent);
    XSS.forEach(([payload, visible = payload], i) => expect(texts[i], payload).to.include(visible));
    for (const link of container.querySelectorAll('a')) link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.__xss).to.equal(false);
    container.remove();
  });
});
