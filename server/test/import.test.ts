import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call, kinds, startServer, token } from './helpers.js';
import { allRows, bySource, cli, FIXTURES, importInto, scratch } from './porting-helpers.js';
// @ts-expect-error: the generator is plain JavaScript, shared with bench/import.js
import { writeDisqusExport } from '../../bench/disqus-export.js';

const HELLO = 'https://blog.example/2024/01/hello/';

describe('inkwell-server import --from disqus', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`keeps nesting, dates and statuses, hides e-mail, reports what it skipped, and adds nothing the second time (${kind})`, { skip }, async () => {
      const s = await startServer(kind);
      try {
        const first = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'));
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /^2 threads, added 10 comments, 0 already there, 2 skipped$/m);
        assert.match(first.stdout, /^ {2}https:\/\/blog\.example\/2024\/01\/hello\/: added 8 \(6 published, 1 deleted, 1 spam\)$/m);
        assert.match(first.stdout, /^ {2}https:\/\/blog\.example\/p\/caf%C3%A9\/\?ref=feed: added 2 \(2 published\)$/m);
        assert.match(first.stdout, /createdAt "yesterday" is not a date: post 3009 \(line \d+\)/);
        assert.match(first.stdout, /its thread 9999 is not in the export: post 3010/);
        assert.match(first.stdout, /answers a comment that is not in the file; imported as a top-level comment: disqus:3011/);

        const { comments } = await allRows(s);
        const c = (id: string) => bySource(comments, `disqus:${id}`);
        assert.equal(c('3002').parent_id, c('3001').id);
        assert.equal(c('3003').parent_id, c('3002').id);
        assert.equal(c('3003').root_id, c('3001').id, 'the third level belongs to the first comment\'s conversation');
        assert.equal(c('3004').parent_id, c('3005').id, 'a reply listed before its parent');
        assert.equal(c('3004').root_id, c('3005').id);
        assert.equal(c('3011').parent_id, null);
        assert.equal(c('3001').created_at, Date.parse('2024-01-02T10:00:00Z'));
        assert.deepEqual([c('3006').status, c('3006').body, c('3006').author_email], ['deleted', '', null]);
        assert.equal(c('3008').status, 'spam');
        assert.equal(c('3001').author_email, 'ada@example.com');
        assert.equal(c('3012').author_email, null, 'not an address');
        assert.ok(comments.every((r) => r.guest === 1 && r.author_id.startsWith('g_')));
        assert.equal(c('3001').body, 'Hello **world** — ünïcödé 日本語 👍\n\nSecond *paragraph*\nwith a break.');
        assert.equal(c('3002').body, 'A reply with [a link](https://ok.example/page) and a bad one.');

        const listed = await call(s.url, 'GET', `/v1/threads/${encodeURIComponent(HELLO)}/comments`);
        assert.equal(listed.status, 200);
        assert.equal(listed.json.total, 6, 'published only');
        const ids = listed.json.comments.map((x: { id: string }) => x.id);
        assert.ok(!ids.includes(c('3008').id), 'spam stays hidden');
        const deleted = listed.json.comments.find((x: { id: string }) => x.id === c('3006').id);
        assert.equal(deleted.status, 'deleted', 'a deleted comment keeps its reply in place');
        const first1 = listed.json.comments.find((x: { id: string }) => x.id === c('3001').id);
        assert.deepEqual(first1.author, { id: c('3001').author_id, name: 'Ada Łovelace', guest: true });
        assert.equal(first1.createdAt, '2024-01-02T10:00:00.000Z');
        assert.ok(!listed.text.includes('@example.com'), 'no e-mail in the API');

        const second = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'));
        assert.equal(second.code, 0, second.stderr);
        assert.match(second.stdout, /^2 threads, added 0 comments, 10 already there, 2 skipped$/m);
        assert.deepEqual(await allRows(s), { comments, reactions: [], typoReports: [], bans: [], pins: [], threadAuthors: [], notifySubscriptions: [], mailAddresses: [] });
      } finally {
        await s.close();
      }
    });
  }

  it('writes nothing in a dry run, and says what it would do', async () => {
    const s = await startServer('sqlite');
    try {
      const dry = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'), '--dry-run');
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^dry run, nothing written: 2 threads, would add 10 comments, 0 already there, 2 skipped$/m);
      assert.match(dry.stdout, /hello\/: would add 8 \(6 published, 1 deleted, 1 spam\)/);
      assert.deepEqual((await allRows(s)).comments, []);
    } finally {
      await s.close();
    }
  });
});

describe('inkwell-server import --from wordpress', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`maps approved, held, spam and trash; keeps line breaks; skips pingbacks and a comment without id (${kind})`, { skip }, async () => {
      const s = await startServer(kind);
      try {
        const run = await importInto(s, 'wordpress', path.join(FIXTURES, 'wordpress.xml'));
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^2 threads, added 6 comments, 0 already there, 2 skipped$/m);
        assert.match(run.stdout, /hello-world\/: added 5 \(2 published, 1 pending, 1 spam, 1 rejected\)/);
        assert.match(run.stdout, /https:\/\/wp\.example\/about\/: added 1 \(1 published\)/);
        assert.match(run.stdout, /a pingback, not a reader's comment: comment 6/);
        assert.match(run.stdout, /a wp:comment without a numeric wp:comment_id: line \d+/);
        const { comments } = await allRows(s);
        const c = (id: string) => bySource(comments, `wordpress:https://wp.example:${id}`);
        assert.equal(c('1').body, 'Hi, this is a comment.\nTo get started, **log in** — ünïcödé 中文.\n\nA second paragraph with a [link](https://wordpress.org/).');
        assert.equal(c('2').body, 'A reply. click \\*not emphasis\\*');
        assert.deepEqual([c('2').parent_id, c('3').parent_id, c('3').root_id], [c('1').id, c('2').id, c('1').id]);
        assert.deepEqual(['1', '3', '4', '5'].map((id) => c(id).status), ['published', 'pending', 'spam', 'rejected']);
        assert.equal(c('3').created_at, Date.parse('2024-01-03T12:00:00Z'), 'the local date when the GMT one is zero');
        assert.equal(c('7').thread, 'https://wp.example/about/', 'a comment listed before its page\'s link');
        const again = await importInto(s, 'wordpress', path.join(FIXTURES, 'wordpress.xml'));
        assert.match(again.stdout, /added 0 comments, 6 already there/);
      } finally {
        await s.close();
      }
    });
  }

  it('maps threads by the rules given: identifier, path, a moved host, no query', async () => {
    const s = await startServer('sqlite');
    try {
      const byId = await importInto(s, 'wordpress', path.join(FIXTURES, 'wordpress.xml'), '--dry-run', '--map-url', 'key=identifier');
      assert.match(byId.stdout, /^ {2}1: would add 5/m);
      assert.match(byId.stdout, /^ {2}2: would add 1/m);
      const moved = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'), '--dry-run', '--map-url', 'https://blog.example/ => https://news.example/blog/, query=drop');
      assert.match(moved.stdout, /^ {2}https:\/\/news\.example\/blog\/2024\/01\/hello\/: would add 8/m);
      assert.match(moved.stdout, /^ {2}https:\/\/news\.example\/blog\/p\/caf%C3%A9\/: would add 2/m);
      const dir = scratch();
      try {
        const rules = path.join(dir, 'rules.txt');
        fs.writeFileSync(rules, '# only the path\nkey=path\n');
        const byPath = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'), '--dry-run', '--map-url', `@${rules}`);
        assert.match(byPath.stdout, /^ {2}\/2024\/01\/hello\/: would add 8/m);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await s.close();
    }
  });
});

describe('inkwell-server import --from waline', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`reads the JSON export's comments (markdown kept, HTML tamed) on the site given (${kind})`, { skip }, async () => {
      const s = await startServer(kind, { INKWELL_GUESTS: 'on' });
      try {
        const file = path.join(FIXTURES, 'waline.json');
        const noSite = await importInto(s, 'waline', file, '--dry-run');
        assert.match(noSite.stdout, /5 × the page address is relative; give the site with --map-url base=https:\/\/your\.site \(or key=path\): waline:65a1b2c3d4e5f60718293a4b \(\/posts\/hello\/\)/);
        const run = await importInto(s, 'waline', file, '--map-url', 'base=https://blog.example');
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^2 threads, added 5 comments, 0 already there, 1 skipped$/m);
        assert.match(run.stdout, /https:\/\/blog\.example\/posts\/hello\/: added 4 \(2 published, 1 pending, 1 spam\)/);
        assert.match(run.stdout, /insertedAt is not a date: comment 65a1b2c3d4e5f60718293a4f/);
        const { comments } = await allRows(s);
        const c = (id: string) => bySource(comments, `waline:${id}`);
        assert.equal(c('65a1b2c3d4e5f60718293a4b').body, 'First! **Markdown** with **some HTML** and `<code>` — ünïcödé 한국어\n\n```js\nconst a = 1 < 2;\n```');
        assert.equal(c('65a1b2c3d4e5f60718293a4c').body, 'A reply  \\[x\\](javascript:alert(1)) [ok](https://ok.example/)');
        assert.equal(c('65a1b2c3d4e5f60718293a4c').created_at, Date.parse('2024-01-10T09:00:00Z'));
        assert.equal(c('65a1b2c3d4e5f60718293a4d').root_id, c('65a1b2c3d4e5f60718293a4b').id);
        assert.equal(c('65a1b2c3d4e5f60718293a4d').status, 'pending');
        assert.equal(c('17').author_name, 'Anonymous');
        assert.ok(!comments.some((r) => r.author_name === 'Admin'), 'users are not imported');
        // A reader can answer an imported comment as if it had been written here.
        const t = await token({ sub: 'reader' });
        const reply = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent('https://blog.example/posts/hello/')}/comments`, {
          token: t, body: { body: 'Answering an old comment', parentId: c('65a1b2c3d4e5f60718293a4b').id },
        });
        assert.equal(reply.status, 201, reply.text);
      } finally {
        await s.close();
      }
    });
  }
});

describe('inkwell-server import --from waline, as the API answers it', () => {
  it('reads the export inside {"errno", "data"} too', async () => {
    const s = await startServer('sqlite');
    const dir = scratch();
    try {
      const file = path.join(dir, 'waline-api.json');
      fs.writeFileSync(file, JSON.stringify({ errno: 0, errmsg: '', data: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'waline.json'), 'utf8')) }));
      const run = await importInto(s, 'waline', file, '--dry-run', '--map-url', 'base=https://blog.example');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^dry run, nothing written: 2 threads, would add 5 comments, 0 already there, 1 skipped$/m);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import: bad input', () => {
  const cases: Array<[string[], RegExp]> = [
    [['import', path.join(FIXTURES, 'disqus.xml')], /^inkwell: import needs --from disqus\|wordpress\|waline\|inkwell\n$/],
    [['import', '--from', 'livefyre', path.join(FIXTURES, 'disqus.xml')], /^inkwell: import needs --from disqus\|wordpress\|waline\|inkwell, got "livefyre"\n$/],
    [['import', '--from', 'disqus'], /^inkwell: import needs one FILE to read/],
    [['import', '--from', 'disqus', '/nonexistent/export.xml'], /^inkwell: no file at \/nonexistent\/export\.xml\n$/],
    [['import', '--from', 'disqus', path.join(FIXTURES, 'disqus.xml'), '--map-url', 'key=title'], /^inkwell: unknown --map-url rule "key=title"; rules: OLD=>NEW, base=URL, key=url\|path\|identifier, query=drop\n$/],
    [['import', '--from', 'waline', path.join(FIXTURES, 'waline.json'), '--map-url', 'base=blog.example'], /^inkwell: --map-url base= needs an http\(s\) address, got "blog\.example"\n$/],
    [['import', '--from', 'inkwell', path.join(FIXTURES, 'waline.json'), '--map-url', 'key=path'], /^inkwell: --map-url does not apply to --from inkwell/],
  ];
  for (const [args, message] of cases) {
    it(`${args.slice(0, 3).map((a) => path.basename(a)).join(' ')}…: one line on stderr, exit 2`, async () => {
      const dir = scratch();
      try {
        const { stdout, stderr, code } = await cli([...args, '--data-dir', dir]);
        assert.equal(code, 2, stderr);
        assert.match(stderr, message);
        assert.equal(stdout, '');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('refuses a file of another format with one line and status 1', async () => {
    const dir = scratch();
    try {
      const waline = await cli(['import', '--from', 'waline', path.join(FIXTURES, 'disqus.xml'), '--data-dir', dir]);
      assert.equal(waline.code, 1);
      assert.match(waline.stderr, /^inkwell: import failed: /);
      const inkwell = await cli(['import', '--from', 'inkwell', path.join(FIXTURES, 'waline.json'), '--data-dir', dir]);
      assert.equal(inkwell.code, 1);
      assert.match(inkwell.stderr, /^inkwell: import failed: .*waline\.json is not an Inkwell export/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a generated export, read as a stream', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`imports 3,000 comments, every reply in its parent's conversation, replies listed before their parent included (${kind})`, { skip }, async () => {
      const s = await startServer(kind);
      const dir = scratch();
      try {
        const file = path.join(dir, 'disqus.xml');
        await writeDisqusExport(file, { comments: 3000, threads: 40 });
        const run = await importInto(s, 'disqus', file);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^40 threads, added 3000 comments, 0 already there, 0 skipped$/m);
        const { comments } = await allRows(s);
        const byId = new Map(comments.map((c) => [c.id, c]));
        const replies = comments.filter((c) => c.parent_id !== null);
        assert.ok(replies.length > 500);
        for (const c of comments) {
          if (c.parent_id === null) assert.equal(c.root_id, c.id);
          else {
            const parent = byId.get(c.parent_id)!;
            assert.deepEqual([c.root_id, c.thread], [parent.root_id, parent.thread], c.source_key!);
            assert.ok(parent.created_at !== undefined);
          }
        }
        // The generator lists a few replies before their parent; they are nested all the same.
        const early = replies.filter((c) => Number(c.source_key!.slice(7)) < Number(byId.get(c.parent_id!)!.source_key!.slice(7)));
        assert.ok(early.length > 0);
      } finally {
        await s.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
