import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { toMarkdown, type Flavour } from '../src/porting/markup.js';
import { parseRules, threadFor, UnmappedPage } from '../src/porting/mapping.js';
import { startServer } from './helpers.js';
import { allRows, importInto, scratch } from './porting-helpers.js';
import { XSS } from '../../test/comment-box/xss-corpus.js';

/**
 * Nothing in a stored body can act as markup: outside code, every `<` is escaped and every link points
 * at http(s). (Code is shown verbatim, as text, by the renderer.)
 */
function assertInert(body: string, payload: string): void {
  const outside = body.replace(/^```[^\n]*\n[^]*?(?:\n```$|(?![^]))/gm, '').replace(/(`+)[^]*?\1/g, '');
  assert.doesNotMatch(outside, /(?<!\\)</, `a raw < from ${JSON.stringify(payload)}: ${JSON.stringify(body)}`);
  for (const m of outside.matchAll(/(?<!\\)\]\(([^)\s]*)/g)) {
    assert.match(m[1]!, /^https?:\/\/[^\s"<>`]+$/, `a link to ${m[1]} from ${JSON.stringify(payload)}`);
  }
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function disqusFile(payloads: string[]): string {
  const posts = payloads.map((p, i) => `<post dsq:id="${i + 1}"><message>${cdata(p)}</message><createdAt>2024-01-01T00:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>X</name></author><thread dsq:id="1"/></post>`);
  return `<?xml version="1.0" encoding="utf-8"?><disqus xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="1"><id>xss</id><link>https://xss.example/</link></thread>${posts.join('\n')}</disqus>`;
}

function wordpressFile(payloads: string[]): string {
  const comments = payloads.map((p, i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>X</wp:comment_author>
    <wp:comment_date_gmt>2024-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(p)}</wp:comment_content>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
  <link>https://xss.example</link><item><link>https://xss.example/p/</link><wp:post_id>1</wp:post_id>${comments.join('\n')}</item></channel></rss>`;
}

function walineFile(payloads: string[]): string {
  const data = { Comment: payloads.map((p, i) => ({ objectId: String(i + 1), comment: p, insertedAt: '2024-01-01T00:00:00Z', nick: 'X', status: 'approved', url: '/p/' })) };
  return JSON.stringify({ __version: '1.32.3', type: 'waline', data });
}

describe('the XSS corpus through the importers', () => {
  it('leaves nothing executable in any body, from Disqus, WordPress and Waline alike', async () => {
    const corpus = XSS.map(([payload]) => payload);
    const s = await startServer('sqlite');
    const dir = scratch();
    try {
      const files: Array<[string, string, string[]]> = [
        ['disqus', disqusFile(corpus), []],
        ['wordpress', wordpressFile(corpus), []],
        ['waline', walineFile(corpus), ['--map-url', 'base=https://xss.example']],
      ];
      for (const [from, text, more] of files) {
        const file = path.join(dir, `${from}.export`);
        fs.writeFileSync(file, text);
        const run = await importInto(s, from, file, ...more);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /, 0 already there, \d+ skipped$/m);
        // Entries with nothing readable left are skipped, and say so.
        for (const m of run.stdout.matchAll(/^ {2}\d+ × (.*?):/gm)) assert.equal(m[1], 'no text left once the markup is converted');
      }
      const { comments } = await allRows(s);
      assert.ok(comments.length > corpus.length, 'most of each corpus imported');
      for (const row of comments) {
        const n = Number(row.source_key!.split(':').at(-1)) - 1;
        assertInert(row.body, corpus[n]!);
      }
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTML to the markdown subset', () => {
  const cases: Array<[string, Flavour, string]> = [
    ['<p>One &amp; <b>two</b></p><p>three<br/>four</p>', 'html', 'One & **two**\n\nthree\nfour'],
    ['<p><em> spaced </em>end</p>', 'html', '*spaced* end'],
    ['<p>a*b_c `d` [e] <x> 1 > 0</p>', 'html', 'a\\*b\\_c \\`d\\` \\[e\\] 1 \\> 0'],
    ['<a href="https://a.example/x_(y)">label</a> <a href="https://b.example/">https://b.example/</a>', 'html', '[label](https://a.example/x_%28y%29) https://b.example/'],
    ['<a href="/relative">kept as text</a> <a href="mailto:a@b.example">mail</a>', 'html', 'kept as text mail'],
    ['<img src="https://i.example/a.png" alt="a cat"><img src="data:image/png;base64,AAAA">', 'html', '[a cat](https://i.example/a.png)'],
    ['<blockquote><p>quoted</p></blockquote><p>after</p>', 'html', '> quoted\n\nafter'],
    ['<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>', 'html', '```\nif (a < b) {\n  go();\n}\n```'],
    ['<code>a`b</code>', 'html', '``a`b``'],
    ['<ul><li>one</li><li>two</li></ul>', 'html', '- one\n- two'],
    ['line one\nline two\n\nnext <i>paragraph</i>', 'text', 'line one\nline two\n\nnext *paragraph*'],
    ['**kept** _as_ `markdown <b>` <b>and</b> <script>x</script>\n\n> quote', 'markdown', '**kept** _as_ `markdown <b>` **and**\n\n> quote'],
    ['<script>only code</script><style>x</style>', 'html', ''],
  ];
  for (const [html, flavour, markdown] of cases) {
    it(`${flavour}: ${JSON.stringify(html).slice(0, 60)}`, () => assert.equal(toMarkdown(html, flavour), markdown));
  }
});

describe('--map-url', () => {
  it('by default gives the thread <comment-box> derives from the page: its URL as a browser writes it, without the fragment', () => {
    const rules = parseRules(undefined);
    for (const url of ['https://Blog.Example:443/a/b/?x=1#c', 'http://blog.example:8080/ü ber', 'https://blog.example', 'https://blog.example/a/../b/']) {
      // What the element does: (link[rel=canonical].href || location.href).split('#')[0]; both are WHATWG URLs.
      assert.equal(threadFor(rules, { url }), new URL(url).href.split('#')[0]);
    }
  });

  it('rewrites, resolves against a base, keys by path or identifier, drops queries', () => {
    const rules = parseRules('http://old.example/blog/ => https://new.example/, base=https://new.example, query=drop');
    assert.equal(threadFor(rules, { url: 'http://OLD.example/blog/post/?utm=x' }), 'https://new.example/post/');
    assert.equal(threadFor(rules, { url: '/about/' }), 'https://new.example/about/');
    assert.equal(threadFor(parseRules('key=path'), { url: 'https://a.example/p/q?x=1' }), '/p/q?x=1');
    assert.equal(threadFor(parseRules('key=path'), { url: '/p/q' }), '/p/q');
    assert.equal(threadFor(parseRules('key=identifier'), { url: 'https://a.example/p', identifier: ' post-7 ' }), 'post-7');
    assert.equal(threadFor(parseRules('key=identifier'), { url: 'https://a.example/p', identifier: '' }), 'https://a.example/p', 'falls back to the URL');
  });

  it('refuses pages it cannot place, with the reason', () => {
    const rules = parseRules(undefined);
    assert.throws(() => threadFor(rules, { url: '/relative/' }), (e) => e instanceof UnmappedPage && /relative; give the site/.test(e.message));
    assert.throws(() => threadFor(rules, { url: 'javascript:alert(1)' }), /not http\(s\)/);
    assert.throws(() => threadFor(rules, {}), /no address/);
    assert.throws(() => threadFor(rules, { url: `https://a.example/${'x'.repeat(300)}` }), /longer than 256/);
  });
});
