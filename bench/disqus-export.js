// Writes a Disqus XML export of `comments` posts over `threads` threads, as Disqus lays it out (threads
// first, then posts): about a third are replies (some several levels deep, one in two hundred
// listed before its parent), one in fifty deleted, one in a hundred spam; HTML bodies with unicode. Deterministic for a
// given size. Used by bench/import.js and by the importer's streaming test.
import fs from 'node:fs';
import { once } from 'node:events';

/** A small deterministic generator (mulberry32), so two runs write the same file. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['inkwell', 'comment', 'café', 'naïve', '日本語', 'ünïcödé', 'story', 'reply', 'thread', 'reader', 'écrit', 'данные'];

export async function writeDisqusExport(file, { comments, threads }) {
  const rnd = random(42);
  const out = fs.createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  for (let t = 1; t <= threads; t++) {
    await write(`<thread dsq:id="${t}"><id>post-${t}</id><forum>bench</forum><link>https://bench.example/${t}/</link><title>Post ${t}</title><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted></thread>\n`);
  }
  const start = Date.parse('2020-01-01T00:00:00Z');
  // Recent posts per thread, for replies to pick a parent from (bounded, like the memory under test).
  const recent = new Map();
  let nextThread = 0;
  for (let i = 1; i <= comments; i++) {
    const thread = nextThread || 1 + Math.floor(rnd() * threads);
    nextThread = 0;
    const pool = recent.get(thread) ?? [];
    let parent = pool.length && rnd() < 0.35 ? pool[Math.floor(rnd() * pool.length)] : 0;
    // One post in two hundred answers the next one, which comes later in the file (on the same page).
    if (!parent && rnd() < 0.005 && i < comments) {
      parent = i + 1;
      nextThread = thread;
    }
    const words = Array.from({ length: 5 + Math.floor(rnd() * 40) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
    const message = `<p>${words} <b>#${i}</b></p><p><a href="https://bench.example/${thread}/#c${i}">link</a> &amp; more</p>`;
    await write(`<post dsq:id="${i}"><id/><message><![CDATA[${message}]]></message><createdAt>${new Date(start + i * 1000).toISOString()}</createdAt>` +
      `<isDeleted>${i % 50 === 0}</isDeleted><isSpam>${i % 100 === 7}</isSpam><author><email>reader${i % 5000}@bench.example</email><name>Reader ${i % 5000}</name>` +
      `<isAnonymous>false</isAnonymous></author><ipAddress>192.0.2.1</ipAddress><thread dsq:id="${thread}"/>${parent ? `<parent dsq:id="${parent}"/>` : ''}</post>\n`);
    pool.push(i);
    if (pool.length > 20) pool.shift();
    recent.set(thread, pool);
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
}
