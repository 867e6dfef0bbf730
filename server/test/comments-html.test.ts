import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XSS } from '../../test/comment-box/xss-corpus.js';
import { call, freePort, kinds, REPO_ROOT, SseClient, startServer, token, type TestServer } from './helpers.js';

// GET /v1/threads/{thread}/comments.html: the fragment sites include inside <comment-box>.

const REL = 'nofollow ugc noopener';
/** The tags the fragment's frame uses, and those a comment body may hold (the comment box's). */
const FRAME_TAGS = new Set(['div', 'h2', 'ol', 'li', 'article', 'header', 'span', 'link', 'time', 'meta', 'p']);
const BODY_TAGS = new Set(['p', 'br', 'a', 'em', 'strong', 'code', 'pre', 'blockquote']);
const ATTRIBUTES = new Set(['id', 'itemscope', 'itemtype', 'itemprop', 'href', 'rel', 'class', 'datetime', 'content', 'lang', 'data-body', 'data-status', 'data-created-at', 'data-label',
  'data-inkwell-comments', 'slot', 'data-thread', 'data-sort', 'data-total', 'data-next-cursor', 'data-rendered-at', 'data-last-event-id']);

interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
}

/**
 * Every tag of the fragment. Exact for this server's output, where '<' in text and '"' in attribute values
 * are always escaped: were they not, a payload would show up here as a tag or an attribute of its own.
 */
function tags(html: string): Tag[] {
  return [...html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)].map(([, closing, name, rest]) => {
    const attributes = new Map<string, string>();
    const left = rest!.replace(/\s([^\s="]+)(?:="([^"]*)")?/g, (_, attribute: string, value = '') => {
      attributes.set(attribute.toLowerCase(), value);
      return '';
    });
    assert.equal(left.trim(), '', `<${name}${rest}> has text that is not an attribute`);
    return { name: name!.toLowerCase(), closing: closing === '/', attributes };
  });
}

const decode = (text: string) =>
  text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

/** Asserts the fragment holds only the frame's and the comment box's tags, known attributes, http(s) links with the ugc rel. */
function expectSafe(html: string) {
  assert.doesNotMatch(html, /<script|<style|<iframe|<img|<svg/i);
  for (const tag of tags(html)) {
    assert.ok(FRAME_TAGS.has(tag.name) || BODY_TAGS.has(tag.name), `unexpected <${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      assert.ok(ATTRIBUTES.has(name), `unexpected attribute ${name} on <${tag.name}>`);
      // data-body is the markdown source: text, never a URL.
      if (name !== 'data-body') assert.doesNotMatch(value, /^\s*(javascript|data|vbscript):/i);
      if (name === 'href') assert.match(value, /^https?:\/\/[^\s"<>`]+$/);
      if (name === 'rel') assert.equal(value, REL);
      if (name === 'class') assert.match(value, /^language-[\w+-]{1,20}$/);
    }
  }
}

/** The text of each comment body in the fragment, decoded. */
const bodies = (html: string) => [...html.matchAll(/<div itemprop="text">([^]*?)<\/div>/g)].map((m) => decode(m[1]!));

for (const { kind, skip } of await kinds()) {
  describe(`comments.html on ${kind}`, { skip }, () => {
    let s: TestServer;
    let ann: string, hal: string, mod: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_LISTING_CACHE_MS: '0' });
      ann = await token({ sub: 'ann', name: 'Ann <b>&"Co"</b>', picture: 'https://pics.example/ann.png' });
      hal = await token({ sub: 'hal', name: 'Hal' });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    const post = async (t: string, thread: string, body: string, parentId?: string) => {
      const r = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent(thread)}/comments`, { token: t, body: { body, ...(parentId ? { parentId } : {}) } });
      assert.equal(r.status, 201, r.text);
      return r.json as { id: string; createdAt: string };
    };
    const moderate = async (id: string, status: string) => {
      const r = await call(s.url, 'PATCH', `/v1/comments/${id}`, { token: mod, body: { status } });
      assert.equal(r.status, 200, r.text);
    };
    const fragment = async (thread: string, query = '', headers: Record<string, string> = {}) => {
      const r = await call(s.url, 'GET', `/v1/threads/${encodeURIComponent(thread)}/comments.html${query}`, { headers });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
      return r;
    };

    it('renders every XSS payload as the text that was typed, with nothing active', async () => {
      const thread = `xss-${kind}`;
      // One author each: some payloads are the same text to the duplicate check (case and spacing aside).
      for (const [i, [payload]] of XSS.entries()) await post(await token({ sub: `x${i}`, name: `X${i}` }), thread, payload);
      const { text } = await fragment(thread, '?limit=100');
      expectSafe(text);
      const shown = bodies(text);
      assert.equal(shown.length, XSS.length);
      // Bodies are trimmed and their line endings made \n when posted; the rest is as typed.
      XSS.forEach(([payload, visible = payload], i) => assert.ok(shown[i]!.includes(visible.trim()), `${JSON.stringify(payload)} shows as ${JSON.stringify(shown[i])}`));
      assert.match(text, /<a rel="nofollow ugc noopener" href="https:\/\/ok\.example\/">/);
    });

    it('renders bodies by the comment box\'s markdown rules, and escapes names and the markdown source', async () => {
      const thread = `md-${kind}`;
      await post(ann, thread, '**bold** and [a link](https://x.example/a?b=1&c=2)\n> quoted `<code>`\n\n```js\nlet a = "<i>";\n```');
      const { text } = await fragment(thread);
      assert.ok(text.includes(
        '<div itemprop="text"><p><strong>bold</strong> and <a rel="nofollow ugc noopener" href="https://x.example/a?b=1&amp;c=2">a link</a></p>' +
          '<blockquote><p>quoted <code>&lt;code&gt;</code></p></blockquote><pre><code class="language-js">let a = &quot;&lt;i&gt;&quot;;</code></pre></div>',
      ), text);
      assert.ok(text.includes('<span itemprop="name">Ann &lt;b&gt;&amp;&quot;Co&quot;&lt;/b&gt;</span>'));
      assert.ok(text.includes('data-body="**bold** and [a link](https://x.example/a?b=1&amp;c=2)\n&gt; quoted `&lt;code&gt;`\n\n```js\nlet a = &quot;&lt;i&gt;&quot;;\n```"'));
      expectSafe(text);
    });

    it('carries schema.org/Comment microdata: author as Person, dateCreated, text, replies nested as comment', async () => {
      const thread = `micro-${kind}`;
      const top = await post(ann, thread, 'first');
      const reply = await post(hal, thread, 'a reply', top.id);
      const { text } = await fragment(thread);
      const open = (id: string) => text.match(new RegExp(`<article id="comment-${id}"[^>]*>`))?.[0] ?? '';
      assert.equal(open(top.id), `<article id="comment-${top.id}" itemscope itemtype="https://schema.org/Comment" data-body="first">`);
      assert.equal(open(reply.id), `<article id="comment-${reply.id}" itemprop="comment" itemscope itemtype="https://schema.org/Comment" data-body="a reply">`);
      assert.ok(text.includes('<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Hal</span></span>'));
      assert.ok(text.includes('<link itemprop="image" href="https://pics.example/ann.png">'));
      assert.ok(text.includes(`<time itemprop="dateCreated" datetime="${top.createdAt}">`));
      // The reply sits inside its parent's item, so it is that item's `comment`.
      const parentStart = text.indexOf(open(top.id));
      const replyStart = text.indexOf(open(reply.id));
      const parentEnd = text.indexOf('</article>', replyStart);
      assert.ok(parentStart < replyStart && text.slice(replyStart, parentEnd).includes('a reply'));
      assert.ok(text.includes('<h2>Comments (2)</h2>'));
      assert.match(text, new RegExp(`^<div data-inkwell-comments slot="included" data-thread="micro-${kind}" data-sort="oldest" data-total="2" data-rendered-at="[^"]+Z" data-last-event-id="\\d+"><h2>`));
    });

    it('leaves out held and spam comments with every reply below them; a deleted one stays as a placeholder', async () => {
      const thread = `hidden-${kind}`;
      const held = await post(ann, thread, 'held text');
      const heldReply = await post(hal, thread, 'reply to held', held.id);
      await post(ann, thread, 'reply below the reply to held', heldReply.id);
      const spam = await post(ann, thread, 'spam text');
      await post(hal, thread, 'reply to spam', spam.id);
      const gone = await post(hal, thread, 'deleted text');
      await post(ann, thread, 'reply to deleted', gone.id);
      await post(hal, thread, 'visible');
      await moderate(held.id, 'pending');
      await moderate(spam.id, 'spam');
      assert.equal((await call(s.url, 'DELETE', `/v1/comments/${gone.id}`, { token: hal })).status, 204);
      // The JSON listing keeps placeholders for them; the fragment has none of it.
      const json = (await call(s.url, 'GET', `/v1/threads/${thread}/comments`)).json as { comments: { status: string }[] };
      assert.deepEqual(json.comments.map((c) => c.status).sort(), ['deleted', 'held', 'published', 'published', 'published', 'published', 'published', 'removed']);
      const { text } = await fragment(thread);
      for (const hidden of ['held text', 'reply to held', 'reply below the reply to held', 'spam text', 'reply to spam', held.id, spam.id, heldReply.id]) {
        assert.ok(!text.includes(hidden), `${hidden} is in the fragment`);
      }
      assert.deepEqual(bodies(text), ['reply to deleted', 'visible']);
      assert.ok(text.includes(`<article id="comment-${gone.id}" data-status="deleted" data-created-at="${gone.createdAt}"><p>This comment was deleted.</p><ol><li><article id="comment-`));
      assert.ok(!text.includes('deleted text'));
      // Under a placeholder, a reply is an item of its own (no itemprop without an item around it).
      assert.match(text, /data-status="deleted" data-created-at="[^"]+"><p>[^<]*<\/p><ol><li><article id="comment-[^"]+" itemscope /);
    });

    it('lists the pinned comment first, marked "Pinned", and labels the article\'s authors, in the language asked for', async () => {
      const thread = `pins-${kind}`;
      const writer = await token({ sub: 'writer', name: 'Wendy', authorOf: [thread] });
      const first = await post(ann, thread, 'first');
      const byWriter = await post(writer, thread, 'from the writer');
      const last = await post(hal, thread, 'last');
      const reply = await post(writer, thread, 'the writer replies', last.id);
      assert.equal((await call(s.url, 'PUT', `/v1/comments/${first.id}/pin`, { token: mod })).status, 200);
      const json = (await call(s.url, 'GET', `/v1/threads/${thread}/comments?sort=newest`)).json as { comments: { id: string; parentId: string | null }[] };
      const { text } = await fragment(thread, '?sort=newest');
      expectSafe(text);
      // The JSON listing's order (the pin first, whatever the sort), and the same placement as the listing's.
      const order = [...text.matchAll(/<article id="comment-([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(order, [first.id, last.id, reply.id, byWriter.id]);
      assert.deepEqual(order.filter((id) => id !== reply.id), json.comments.filter((c) => !c.parentId).map((c) => c.id));
      const header = (id: string) => new RegExp(`<article id="comment-${id}"[^>]*><header>(.*?)</header>`).exec(text)![1]!;
      assert.match(header(first.id), /^<span itemprop="author" [^]*?<\/span>(<link [^>]*>)?<\/span> <span data-label="pinned">Pinned<\/span> <time itemprop="dateCreated"/);
      assert.match(header(byWriter.id), /<\/span><\/span> <span data-label="author">Author<\/span> <time /);
      assert.match(header(reply.id), /<span data-label="author">Author<\/span> <time /);
      assert.doesNotMatch(header(last.id), /data-label/);
      assert.equal([...text.matchAll(/data-label="pinned"/g)].length, 1);
      // Labels stay outside the item's properties: the author's name is the name alone.
      assert.ok(text.includes('<span itemprop="name">Wendy</span></span> <span data-label="author">'));
      const german = await fragment(thread, '?sort=newest&lang=de');
      assert.ok(german.text.includes('<span data-label="pinned">Angeheftet</span>') && german.text.includes('<span data-label="author">Autor</span>'), german.text);
      // Unpinned: no mark, and back in its place.
      assert.equal((await call(s.url, 'DELETE', `/v1/comments/${first.id}/pin`, { token: mod })).status, 200);
      const after = (await fragment(thread, '?sort=newest')).text;
      assert.ok(!after.includes('data-label="pinned"'));
      assert.deepEqual([...after.matchAll(/<article id="comment-([^"]+)"/g)].map((m) => m[1]), [last.id, reply.id, byWriter.id, first.id]);
    });

    it('pages and sorts as the JSON listing does, in the language asked for', async () => {
      const thread = `paged-${kind}`;
      for (let i = 0; i < 3; i++) await post(ann, thread, `comment ${i}`);
      const first = await fragment(thread, '?limit=2&sort=newest&lang=de-AT');
      assert.deepEqual(bodies(first.text), ['comment 2', 'comment 1']);
      assert.ok(first.text.includes('<h2>Kommentare (3)</h2>'));
      assert.ok(first.text.includes('data-sort="newest"') && first.text.includes('lang="de-AT"'));
      const cursor = /data-next-cursor="([^"]+)"/.exec(first.text)?.[1];
      const json = (await call(s.url, 'GET', `/v1/threads/${thread}/comments?limit=2&sort=newest`)).json as { nextCursor: string };
      assert.equal(cursor, json.nextCursor);
      const second = await fragment(thread, `?limit=2&sort=newest&cursor=${encodeURIComponent(cursor!)}`);
      assert.deepEqual(bodies(second.text), ['comment 0']);
      assert.ok(!second.text.includes('data-next-cursor'));
      // German dates, and English for a language Inkwell has no words for.
      assert.match(first.text, /datetime="[^"]+">\d+\. [A-Z][a-zä]+ \d{4}<\/time>/);
      assert.ok((await fragment(thread, '?lang=sw')).text.includes('<h2>Comments (3)</h2>'));
      const empty = await fragment(`empty-${kind}`, '?lang=fr');
      assert.ok(empty.text.includes('<h2>Commentaires (0)</h2><p>Aucun commentaire pour l’instant</p>') || empty.text.includes('(0)</h2><p>'), empty.text);
    });

    it('names the last live event before the page, so a stream from there replays what came after', async () => {
      const thread = `events-${kind}`;
      await post(ann, thread, 'before the page');
      const { text } = await fragment(thread);
      const since = /data-last-event-id="(\d+)"/.exec(text)![1];
      assert.ok(Number(since) > 0);
      const after = await post(hal, thread, 'after the page');
      const stream = await SseClient.open(`${s.url}/v1/threads/${thread}/events?lastEventId=${since}`);
      try {
        const replayed = await stream.waitFor((e) => e.event === 'comment-created');
        assert.equal(JSON.parse(replayed.data).id, after.id);
        assert.equal(stream.events.filter((e) => e.event === 'comment-created').length, 1);
      } finally {
        stream.close();
      }
    });

    it('is public and cacheable: ETag, Cache-Control, 304, the same for signed-in readers', async () => {
      const thread = `cache-${kind}`;
      await post(ann, thread, 'cached');
      const first = await fragment(thread);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^W\/"/);
      assert.match(first.headers.get('cache-control')!, /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      const again = await call(s.url, 'GET', `/v1/threads/${thread}/comments.html`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      // A token changes nothing: the fragment is what the public sees.
      const signedIn = await call(s.url, 'GET', `/v1/threads/${thread}/comments.html`, { token: ann });
      assert.equal(signedIn.headers.get('etag'), etag);
      assert.ok(!signedIn.text.includes('own'));
      await post(hal, thread, 'a change');
      const changed = await fragment(thread, '', { 'if-none-match': etag });
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.ok(changed.text.includes('a change'));
    });

    it('answers bad input with a JSON error naming the field, and an unknown path with 404', async () => {
      for (const [query, field] of [['?sort=sideways', 'sort'], ['?limit=0', 'limit'], ['?limit=abc', 'limit'], ['?lang=%3Cscript%3E', 'lang'], ['?lang=xx-yy-zz-123456789', 'lang'], ['?cursor=nonsense', 'cursor']]) {
        const r = await call(s.url, 'GET', `/v1/threads/t/comments.html${query}`);
        assert.equal(r.status, 400, `${query}: ${r.text}`);
        assert.match(r.headers.get('content-type')!, /^application\/json/);
        assert.equal(r.json.error.field, field, `${query}: ${r.text}`);
      }
      const long = await call(s.url, 'GET', `/v1/threads/${'x'.repeat(300)}/comments.html`);
      assert.equal(long.status, 400);
      assert.equal(long.json.error.field, 'thread');
      const empty = await call(s.url, 'GET', '/v1/threads//comments.html');
      assert.equal(empty.status, 400);
      assert.equal(empty.json.error.field, 'thread');
      const none = await call(s.url, 'GET', '/v1/threads/t/comments.htm');
      assert.equal(none.status, 404);
      assert.match(none.headers.get('content-type')!, /^application\/json/);
      assert.equal(none.json.error.code, 'not_found');
    });

    it('is described in the OpenAPI document as text/html', async () => {
      const doc = (await call(s.url, 'GET', '/v1/openapi.json')).json;
      const route = doc.paths['/v1/threads/{thread}/comments.html'].get;
      assert.ok(route.responses['200'].content['text/html']);
      assert.deepEqual(route.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name).sort(), ['cursor', 'lang', 'limit', 'sort']);
    });
  });
}

describe('the server\'s copy of the comment box\'s code', () => {
  it('is the comment box\'s markdown parser verbatim and the catalogues\' words (npm run shared-code)', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/shared-code.js', '--check'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });
});

describe('the README\'s static-build include, run as it stands', () => {
  const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  /** The fenced block right after `<!-- include: name -->`. */
  const block = (name: string) => {
    const match = new RegExp(`<!-- include: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(README);
    assert.ok(match, `README.md has no block marked <!-- include: ${name} -->`);
    return match[1]!;
  };
  const scratch = mkdtempSync(path.join(tmpdir(), 'inkwell-include-'));
  let s: TestServer | undefined;
  after(async () => {
    await s?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The README's template in a page of `lang`, and its script with the example origin made `origin`; runs the script over the page. */
  // Not spawnSync: the server under test runs in this process and must answer meanwhile.
  const build = async (origin: string, lang: string) => {
    const page = path.join(scratch, `${lang}.html`);
    writeFileSync(page, `<!doctype html>\n<html lang="${lang}"><body><article>…</article>\n${block('static-template')}</body></html>\n`);
    writeFileSync(path.join(scratch, 'include-comments.mjs'), block('static-script').replaceAll('https://comments.example.com', origin));
    const run = await new Promise<{ status: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['include-comments.mjs', page], { cwd: scratch, encoding: 'utf8' }, (error, _stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stderr }));
    });
    return { ...run, html: readFileSync(page, 'utf8') };
  };

  it('fills the marked <comment-box> with its thread\'s first page, in the page\'s language', async () => {
    s = await startServer('sqlite');
    const ann = await token({ sub: 'ann', name: 'Ann' });
    assert.equal((await call(s.url, 'POST', '/v1/threads/quiet-craft/comments', { token: ann, body: { body: 'Included at **build** time' } })).status, 201);
    const { status, stderr, html } = await build(s.url, 'de');
    assert.equal(status, 0, stderr);
    assert.match(html, /<comment-box thread="quiet-craft" id="comments"><div data-inkwell-comments slot="included" data-thread="quiet-craft" data-sort="oldest" data-total="1" [^>]*lang="de"><h2>Kommentare \(1\)<\/h2>/);
    assert.ok(html.includes('<div itemprop="text"><p>Included at <strong>build</strong> time</p></div>'));
    assert.ok(!html.includes('<!-- inkwell-comments -->'));
  });

  it('leaves the page as it was, and the build going, when the comment server does not answer', async () => {
    const { status, stderr, html } = await build(`http://127.0.0.1:${await freePort()}`, 'en');
    assert.equal(status, 0);
    assert.match(stderr, /comments of "quiet-craft" not included \(.+\); the element will fetch them/);
    assert.ok(html.includes(block('static-template')));
  });
});
