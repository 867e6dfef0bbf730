import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, startServer, token, type Kind, type TestServer } from './helpers.js';
import { linksIn, MailCatcher, type Caught } from './mail-catcher.js';

const PAGE = 'https://news.example/story';

/** A signed-in reader whose token carries an address. */
const reader = (sub: string, name: string, extra: { role?: string } = {}) => token({ sub, name, email: `${sub}@example.com`, ...extra });

async function post(s: TestServer, thread: string, t: string | undefined, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const r = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent(thread)}/comments`, { token: t, body, headers });
  assert.equal(r.status, 201, r.text);
  return r.json as { id: string; status: string };
}

function linkTo(mail: Caught, path: string): string {
  const link = linksIn(mail.mail.text ?? '').find((l) => new URL(l).pathname === path);
  assert.ok(link, `a ${path} link in:\n${mail.mail.text}`);
  return link;
}

/** Nothing more arrives within `ms` (batch 0: a mail would come at once). */
async function nothingMore(catcher: MailCatcher, count: number, ms = 1500) {
  await sleep(ms);
  assert.equal(catcher.messages.length, count, catcher.messages.slice(count).map((m) => `${m.to} ${m.mail.subject}`).join(' | '));
}

async function startWithMail(kind: Kind, catcher: MailCatcher, env: Record<string, string> = {}) {
  return startServer(kind, { INKWELL_SMTP_URL: catcher.url, INKWELL_MAIL_FROM: 'Comments <comments@news.example>', INKWELL_NOTIFY_BATCH: '0', ...env });
}

for (const { kind, skip } of await kinds()) {
  describe(`reply notifications on ${kind}`, { skip }, () => {
    let catcher: MailCatcher;
    let s: TestServer;
    before(async () => {
      catcher = await MailCatcher.start();
      s = await startWithMail(kind, catcher);
    });
    after(async () => {
      await s?.close();
      await catcher?.close();
    });

    it('mails a subscribed reader once per reply, escaped, with working RFC 8058 unsubscribe links; none to the replier themself', async () => {
      const alice = await reader('alice', 'Alice');
      const bob = await reader('bob', 'Bob');
      const top = await post(s, 'story', alice, { body: 'First!', notifyReplies: true, pageUrl: PAGE, lang: 'en' });
      // Alice answering herself is no news to her.
      await post(s, 'story', alice, { body: 'Adding to my own point', parentId: top.id });
      const reply = await post(s, 'story', bob, { body: 'Nice <script>alert(1)</script> & more', parentId: top.id });
      const [mail] = await catcher.waitFor(1);
      await nothingMore(catcher, 1, 800);

      assert.deepEqual(mail!.to, ['alice@example.com']);
      assert.equal(mail!.from, 'comments@news.example');
      assert.equal(mail!.mail.subject, 'Bob replied to your comment');
      assert.match(mail!.header('message-id')!, /^<[0-9a-f-]{36}@news\.example>$/);
      assert.equal(mail!.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.equal(mail!.header('content-language'), 'en');
      const oneClick = /^<(http:\/\/127\.0\.0\.1:\d+\/mail\/unsubscribe\?t=[^>]+)>$/.exec(mail!.header('list-unsubscribe')!)?.[1];
      assert.ok(oneClick, mail!.header('list-unsubscribe'));
      // Plain text and HTML; the reply's text is escaped in HTML, never markup.
      assert.ok(mail!.mail.text!.includes(`${PAGE}#comment-${reply.id}`));
      assert.ok(mail!.mail.text!.includes('> Nice <script>alert(1)</script> & more'));
      const html = String(mail!.mail.html);
      assert.ok(!html.includes('<script>'), html);
      assert.ok(html.includes('Nice &#60;script&#62;alert(1)&#60;/script&#62; &#38; more'), html);
      assert.ok(html.includes(`href="${PAGE}#comment-${reply.id}"`));
      assert.equal(linkTo(mail!, '/mail/unsubscribe'), oneClick, 'the thread link in the text is the one-click link');

      // The link: GET asks (and changes nothing), POST unsubscribes, with no sign-in.
      const page = await fetch(oneClick);
      assert.equal(page.status, 200);
      const pageHtml = await page.text();
      assert.match(pageHtml, /<form method="post"><button type="submit">Unsubscribe<\/button><\/form>/);
      await post(s, 'story', bob, { body: 'Still subscribed after a GET', parentId: top.id });
      await catcher.waitFor(2);
      const done = await fetch(oneClick, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /You are unsubscribed/);
      await post(s, 'story', bob, { body: 'Nobody hears this one', parentId: top.id });
      await nothingMore(catcher, 2);
    });

    it('refuses forged or altered links', async () => {
      const alice = await reader('alice2', 'Alice');
      const top = await post(s, 'forged', alice, { body: 'Mine', notifyReplies: true, pageUrl: PAGE });
      const before = catcher.messages.length;
      await post(s, 'forged', await reader('bob2', 'Bob'), { body: 'Hello', parentId: top.id });
      const [mail] = (await catcher.waitFor(before + 1)).slice(before);
      const link = new URL(linkTo(mail!, '/mail/unsubscribe'));
      const [payload, signature] = link.searchParams.get('t')!.split('.');
      // Someone else's subscription, signed with the right shape but not the server's key.
      const other = Buffer.from(JSON.stringify({ do: 'all', email: 'x' })).toString('base64url');
      for (const t of [`${other}.${signature}`, `${payload}.${signature!.slice(1)}x`, payload!, '']) {
        const r = await fetch(`${link.origin}/mail/unsubscribe?t=${t}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.equal(r.status, 400, t);
      }
      await post(s, 'forged', await reader('bob2', 'Bob'), { body: 'Still subscribed', parentId: top.id });
      await catcher.waitFor(before + 2);
    });

    it('stops every thread with the "all" link', async () => {
      const carol = await reader('carol', 'Carol');
      const dave = await reader('dave', 'Dave');
      const a = await post(s, 'thread-a', carol, { body: 'In A', notifyReplies: true, pageUrl: PAGE + '/a' });
      const b = await post(s, 'thread-b', carol, { body: 'In B', notifyReplies: true, pageUrl: PAGE + '/b' });
      const before = catcher.messages.length;
      await post(s, 'thread-a', dave, { body: 'Reply in A', parentId: a.id });
      const [mail] = (await catcher.waitFor(before + 1)).slice(before);
      const links = linksIn(mail!.mail.text!).filter((l) => l.includes('/mail/unsubscribe'));
      assert.equal(links.length, 2);
      const all = links[1]!;
      assert.notEqual(all, links[0]);
      assert.equal((await fetch(all, { method: 'POST' })).status, 200);
      await post(s, 'thread-b', dave, { body: 'Reply in B', parentId: b.id });
      await post(s, 'thread-a', dave, { body: 'Reply in A again', parentId: a.id });
      await nothingMore(catcher, before + 1);
    });

    it('is localized by the post\'s lang, else by Accept-Language', async () => {
      const before = catcher.messages.length;
      const fr = await post(s, 'fr', await reader('elise', 'Élise'), { body: 'Bonjour', notifyReplies: true, pageUrl: PAGE, lang: 'fr-CA' });
      const de = await post(s, 'de', await reader('jonas', 'Jonas'), { body: 'Hallo', notifyReplies: true, pageUrl: PAGE }, { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' });
      await post(s, 'fr', await reader('zoe', 'Zoé'), { body: 'Salut', parentId: fr.id });
      await post(s, 'de', await reader('zoe', 'Zoé'), { body: 'Servus', parentId: de.id });
      const mails = (await catcher.waitFor(before + 2)).slice(before);
      const toElise = mails.find((m) => m.to[0] === 'elise@example.com')!;
      const toJonas = mails.find((m) => m.to[0] === 'jonas@example.com')!;
      assert.equal(toElise.mail.subject, 'Zoé a répondu à votre commentaire');
      assert.equal(toElise.header('content-language'), 'fr');
      assert.match(toElise.mail.text!, /Ne plus recevoir de courriels sur cette conversation/);
      assert.equal(toJonas.mail.subject, 'Zoé hat auf Ihren Kommentar geantwortet');
    });

    it('asks for an address before subscribing', async () => {
      const r = await call(s.url, 'POST', '/v1/threads/noaddress/comments', { token: await token({ sub: 'nomail' }), body: { body: 'Hi', notifyReplies: true } });
      assert.equal(r.status, 422);
      assert.deepEqual([r.json.error.code, r.json.error.field], ['email_required', 'notifyReplies']);
      const bad = await call(s.url, 'POST', '/v1/threads/noaddress/comments', { token: await reader('x', 'X'), body: { body: 'Hi', notifyReplies: true, pageUrl: 'javascript:alert(1)' } });
      assert.equal(bad.status, 422);
    });

    it('ends a subscription when a later post says notifyReplies: false', async () => {
      const fay = await reader('fay', 'Fay');
      const top = await post(s, 'optout', fay, { body: 'Tell me', notifyReplies: true, pageUrl: PAGE });
      await post(s, 'optout', fay, { body: 'Actually, do not', notifyReplies: false });
      const before = catcher.messages.length;
      await post(s, 'optout', await reader('gil', 'Gil'), { body: 'Hello Fay', parentId: top.id });
      await nothingMore(catcher, before);
    });
  });

  describe(`guest double opt-in on ${kind}`, { skip }, () => {
    let catcher: MailCatcher;
    let s: TestServer;
    before(async () => {
      catcher = await MailCatcher.start();
      s = await startWithMail(kind, catcher, { INKWELL_GUESTS: 'on' });
    });
    after(async () => {
      await s?.close();
      await catcher?.close();
    });

    it('sends a confirmation first, no replies until it is followed, then replies', async () => {
      const guest = { name: 'Gwen', email: 'Gwen@Example.com' };
      const top = await post(s, 'guests', undefined, { body: 'Guest here', author: guest, notifyReplies: true, pageUrl: PAGE, lang: 'en' });
      const [confirm] = await catcher.waitFor(1);
      assert.deepEqual(confirm!.to, ['Gwen@example.com'], 'the envelope (smtp-server lower-cases the domain)');
      assert.equal(confirm!.mail.subject, 'Confirm your e-mail address');
      assert.equal(confirm!.header('list-unsubscribe'), undefined);
      const link = linkTo(confirm!, '/mail/confirm');

      // Not confirmed yet: a reply mails nobody. A second post sends no second confirmation.
      await post(s, 'guests', await reader('hal', 'Hal'), { body: 'Welcome', parentId: top.id });
      await post(s, 'guests', undefined, { body: 'Guest again', author: guest, notifyReplies: true });
      await nothingMore(catcher, 1);

      const page = await fetch(link);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<button type="submit">Confirm<\/button>/);
      await nothingMore(catcher, 1, 300);
      const done = await fetch(link, { method: 'POST', headers: { origin: new URL(link).origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /your address is confirmed/);

      const reply = await post(s, 'guests', await reader('hal', 'Hal'), { body: 'Now you hear me', parentId: top.id });
      const [, mail] = await catcher.waitFor(2);
      assert.deepEqual(mail!.to, ['Gwen@example.com']);
      assert.ok(mail!.mail.text!.includes(`#comment-${reply.id}`));
      // The earlier reply came before the confirmation: it is not sent afterwards.
      assert.ok(!mail!.mail.text!.includes('Welcome'));
    });
  });

  describe(`moderation and notifications on ${kind}`, { skip }, () => {
    let catcher: MailCatcher;
    let s: TestServer;
    before(async () => {
      catcher = await MailCatcher.start();
      s = await startWithMail(kind, catcher, {
        INKWELL_MODERATION: 'pre', INKWELL_GUESTS: 'on', INKWELL_MODERATOR_EMAILS: 'desk@news.example,editor@news.example', INKWELL_MODERATOR_DIGEST: '0',
      });
    });
    after(async () => {
      await s?.close();
      await catcher?.close();
    });

    it('sends nothing for a held or spam reply, a digest to moderators, and the reply mail once approved', async () => {
      const mod = await reader('mona', 'Mona', { role: 'moderator' });
      const top = await post(s, 'held', mod, { body: 'Moderator writes', notifyReplies: true, pageUrl: PAGE });
      assert.equal(top.status, 'published');
      const held = await post(s, 'held', await reader('ivan', 'Ivan'), { body: 'Held <b>reply</b>', parentId: top.id });
      assert.equal(held.status, 'pending');
      await post(s, 'held', undefined, { body: 'Buy pills', parentId: top.id, author: { name: 'Bot' }, website: 'http://spam.example' });
      const digests = await catcher.waitFor(2);
      await nothingMore(catcher, 2, 800);
      assert.deepEqual(digests.map((m) => m.to[0]).sort(), ['desk@news.example', 'editor@news.example']);
      for (const d of digests) {
        assert.equal(d.mail.subject, 'Awaiting moderation (held comments: 1)');
        assert.ok(d.mail.text!.includes('Held <b>reply</b>'));
        assert.ok(String(d.mail.html).includes('Held &#60;b&#62;reply&#60;/b&#62;'));
        assert.ok(!d.mail.text!.includes('Buy pills'), 'spam is in no digest');
      }

      const approved = await call(s.url, 'PATCH', `/v1/comments/${held.id}`, { token: mod, body: { status: 'published' } });
      assert.equal(approved.status, 200);
      const [, , mail] = await catcher.waitFor(3);
      assert.deepEqual(mail!.to, ['mona@example.com']);
      assert.ok(mail!.mail.text!.includes(`${PAGE}#comment-${held.id}`));
      await nothingMore(catcher, 3, 800);
    });

    it('puts typo reports in the digest', async () => {
      const before = catcher.messages.length;
      const r = await call(s.url, 'POST', '/v1/typo-reports', {
        body: { url: 'https://news.example/typo', selection: 'teh', prefix: 'in ', suffix: ' end', fragment: 'https://news.example/typo#:~:text=teh', suggestion: 'the' },
      });
      assert.equal(r.status, 201);
      const mails = (await catcher.waitFor(before + 2)).slice(before);
      assert.equal(mails[0]!.mail.subject, 'Awaiting moderation (typo reports: 1)');
      assert.ok(mails[0]!.mail.text!.includes('"teh" → "the"'));
      assert.ok(mails[0]!.mail.text!.includes('https://news.example/typo#:~:text=teh'));
    });
  });

  describe(`the moderators' digest in French on ${kind}`, { skip }, () => {
    let catcher: MailCatcher;
    let s: TestServer;
    before(async () => {
      catcher = await MailCatcher.start();
      // 0.03 minutes: 1.8 s, so the held comment and the typo report share one digest.
      s = await startWithMail(kind, catcher, {
        INKWELL_MODERATION: 'pre', INKWELL_GUESTS: 'on', INKWELL_MODERATOR_EMAILS: 'redaction@news.example',
        INKWELL_MODERATOR_DIGEST: '0.03', INKWELL_MODERATOR_LANG: 'fr',
      });
    });
    after(async () => {
      await s?.close();
      await catcher?.close();
    });

    it('writes the digest in INKWELL_MODERATOR_LANG, plain text and HTML, user text escaped', async () => {
      const thread = 'https://news.example/fr';
      const held = await post(s, thread, undefined, { body: 'Bonjour <i>tous</i>', author: { name: '<Zoé>' } });
      assert.equal(held.status, 'pending');
      const r = await call(s.url, 'POST', '/v1/typo-reports', {
        body: { url: 'https://news.example/typo', selection: 'teh', prefix: 'in ', suffix: ' end', fragment: 'https://news.example/typo#:~:text=teh', suggestion: 'the' },
      });
      assert.equal(r.status, 201);
      const [mail] = await catcher.waitFor(1, 8000);
      await nothingMore(catcher, 1, 800);
      assert.deepEqual(mail!.to, ['redaction@news.example']);
      assert.equal(mail!.mail.subject, 'En attente de modération (commentaires retenus : 1 et signalements de coquilles : 1)');
      assert.equal(mail!.header('content-language'), 'fr');
      const text = mail!.mail.text!;
      assert.ok(text.startsWith('Commentaires retenus\n====================\n\n'), text);
      assert.ok(text.includes(`<Zoé> (invité) dans ${thread}\n> Bonjour <i>tous</i>\n${thread}#comment-${held.id}`), text);
      assert.ok(text.includes('Signalements de coquilles\n=========================\n\n"teh" → "the"'), text);
      assert.ok(text.includes('Vous recevez ce récapitulatif parce que votre adresse figure dans INKWELL_MODERATOR_EMAILS.'), text);
      assert.ok(!/held|typo report|awaiting/i.test(text), 'no English left');
      const html = String(mail!.mail.html);
      assert.match(html, /^<!doctype html><html lang="fr" dir="ltr">/);
      assert.ok(html.includes('<h2>Commentaires retenus</h2>'), html);
      assert.ok(html.includes(`<strong>&#60;Zoé&#62;</strong> (invité) dans <a href="${thread}#comment-${held.id}">${thread}</a>`), html);
      assert.ok(html.includes('Bonjour &#60;i&#62;tous&#60;/i&#62;'), html);
      assert.ok(!html.includes('<Zoé>') && !html.includes('<i>'), html);
      assert.ok(html.includes('<h2>Signalements de coquilles</h2>'), html);
    });
  });

  describe(`batching on ${kind}`, { skip }, () => {
    let catcher: MailCatcher;
    let s: TestServer;
    before(async () => {
      catcher = await MailCatcher.start();
      // 0.04 minutes: 2.4 s.
      s = await startWithMail(kind, catcher, { INKWELL_NOTIFY_BATCH: '0.04' });
    });
    after(async () => {
      await s?.close();
      await catcher?.close();
    });

    it('gathers the replies of one thread into one mail per batch window, a link to each', async () => {
      const jo = await reader('jo', 'Jo');
      const top = await post(s, 'batch', jo, { body: 'Top', notifyReplies: true, pageUrl: PAGE });
      const other = await post(s, 'batch-2', jo, { body: 'Elsewhere', notifyReplies: true, pageUrl: PAGE + '/2' });
      const started = Date.now();
      const ids: string[] = [];
      for (const name of ['Kim', 'Lou', 'Max']) ids.push((await post(s, 'batch', await reader(name.toLowerCase(), name), { body: `From ${name}`, parentId: top.id })).id);
      const elsewhere = await post(s, 'batch-2', await reader('kim', 'Kim'), { body: 'Other thread', parentId: other.id });
      await sleep(1200);
      assert.equal(catcher.messages.length, 0, 'nothing before the window ends');
      const mails = await catcher.waitFor(2, 8000);
      assert.ok(Date.now() - started >= 2000);
      await nothingMore(catcher, 2, 800);
      const batch = mails.find((m) => m.mail.subject === 'New replies to your comment (3)');
      assert.ok(batch, mails.map((m) => m.mail.subject).join(' | '));
      for (const id of ids) assert.ok(batch.mail.text!.includes(`${PAGE}#comment-${id}`));
      const single = mails.find((m) => m !== batch)!;
      assert.ok(single.mail.text!.includes(`${PAGE}/2#comment-${elsewhere.id}`));

      // The next reply starts a new window.
      await post(s, 'batch', await reader('ned', 'Ned'), { body: 'Late', parentId: top.id });
      await sleep(1000);
      assert.equal(catcher.messages.length, 2);
      await catcher.waitFor(3, 8000);
    });
  });

  describe(`the development mail log on ${kind}`, { skip }, () => {
    it('writes mails to <data dir>/mail.log when there is no INKWELL_SMTP_URL (npm start)', async () => {
      const s = await startServer(kind, { INKWELL_NOTIFY_BATCH: '0' });
      try {
        assert.equal(s.config.mailLog, `${s.config.dataDir}/mail.log`);
        const top = await post(s, 'devlog', await reader('pat', 'Pat'), { body: 'Dev', notifyReplies: true, pageUrl: PAGE });
        const reply = await post(s, 'devlog', await reader('quinn', 'Quinn'), { body: 'Dev reply', parentId: top.id });
        const end = Date.now() + 10_000;
        let log = '';
        while (!log.includes('Quinn replied') && Date.now() < end) {
          await sleep(50);
          log = fs.existsSync(s.config.mailLog!) ? fs.readFileSync(s.config.mailLog!, 'utf8') : '';
        }
        assert.match(log, /^To: pat@example\.com$/m);
        assert.match(log, /^Subject: Quinn replied to your comment$/m);
        assert.match(log, /^List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/mail\/unsubscribe\?t=/m);
        // Quoted-printable soft line breaks joined.
        assert.ok(log.replace(/=\n/g, '').includes(`${PAGE}#comment-${reply.id}`));
      } finally {
        await s.close();
      }
    });
  });
}
