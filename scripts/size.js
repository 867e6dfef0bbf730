// `npm run size`: the brotli size of every drop-in file (the loader, each chunk with its share, the
// single-file bundle) and of what page kinds download, checked against size-budget.json.
// A page's download is the loader plus, for each element on it, its chunk and the chunks that chunk
// imports statically. What an element imports with import() (the typo dialog's machinery, the locale
// catalogues, the comment forms) is fetched only on demand; it is listed apart and does not count against a
// page's budget. A page with a comment box has a second row for a reader who may comment, whose box fetches
// its forms at once (scripts/page-files.js SIGNED_IN). "as one file" is the same code joined and compressed once: what
// the page would weigh if it were served as one file, the least any split into files can reach.
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { LOADER, isCatalogue, pageFiles } from './page-files.js';

const { brotli: budget } = JSON.parse(readFileSync('size-budget.json', 'utf8'));

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const raw = readFileSync(file);
    sizes.set(file, {
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotli(raw),
    });
  }
  return sizes.get(file);
}

/** `pageFiles`, with the catalogues narrowed to one: a page in one language fetches at most one, and the largest stands for it. */
function pageDownload(tags, signedIn = false) {
  const { eager, onDemand } = pageFiles(tags, { signedIn });
  const catalogues = onDemand.filter(isCatalogue);
  const largest = catalogues.sort((a, b) => size(b).brotli - size(a).brotli)[0];
  return { eager, onDemand: onDemand.filter((file) => !isCatalogue(file)).concat(largest ? [largest] : []) };
}

const sum = (files) => files.reduce((total, file) => total + size(file).brotli, 0);
const chunks = readdirSync('dist/chunks').filter((name) => name.endsWith('.js')).map((name) => `dist/chunks/${name}`);
const everything = sum([LOADER, ...chunks]);
const ALL = ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'];
const eagerForAll = new Set(pageDownload(ALL).eager);

let over = false;
const check = (brotli, limit) => {
  if (limit === undefined) return '';
  over ||= brotli > limit;
  return brotli <= limit ? 'ok' : 'OVER';
};

console.log('Files (brotli quality 11; share of the loader and all chunks together):');
console.table(
  [LOADER, 'dist/inkwell.iife.js', ...chunks, 'dist/inkwell.bundle.js'].map((file) => {
    const { raw, gzip, brotli } = size(file);
    const isChunk = file.startsWith('dist/chunks/');
    return {
      file,
      raw,
      gzip,
      brotli,
      share: isChunk || file === LOADER ? `${((100 * brotli) / everything).toFixed(1)} %` : '',
      fetched: file === LOADER ? 'loader' : isChunk ? (eagerForAll.has(file) ? 'with its element' : 'on demand') : '',
      budget: budget.files[file] ?? '',
      ok: check(brotli, budget.files[file]),
    };
  }),
);

// A page with a comment box again as a reader who may write sees it: the forms' code comes at once (no budget of its own).
const pages = Object.entries(budget.pages).flatMap(([page, entry]) =>
  entry.tags.includes('comment-box') ? [[page, entry], [`${page}, signed in`, { tags: entry.tags, signedIn: true }]] : [[page, entry]],
);
console.log('Pages (the ES module loader and the chunks their elements import; "signed in": a reader who may comment):');
console.table(
  pages.map(([page, { tags, limit, signedIn }]) => {
    const { eager, onDemand } = pageDownload(tags, signedIn);
    const before = sum(eager);
    return {
      page,
      files: eager.length,
      'before interaction': before,
      'as one file': brotli(Buffer.concat(eager.map((file) => readFileSync(file)))),
      budget: limit ?? '',
      ok: check(before, limit),
      'on demand': sum(onDemand),
      'with on demand': before + sum(onDemand),
    };
  }),
);
for (const [page, { tags, signedIn }] of pages) {
  const { eager, onDemand } = pageDownload(tags, signedIn);
  console.log(`${page}: ${eager.map((file) => file.replace('dist/', '')).join(', ')}${onDemand.length ? `; on demand: ${onDemand.map((file) => file.replace('dist/', '')).join(', ')}` : ''}`);
}
const catalogueFiles = readdirSync('dist/chunks/messages').filter((name) => name.endsWith('.js')).map((name) => `dist/chunks/messages/${name}`);
const catalogueSizes = catalogueFiles.map((file) => size(file).brotli).sort((a, b) => a - b);
console.log(`Catalogues other than English (one per page at most, on demand): ${catalogueFiles.length} files, ${catalogueSizes[0]}–${catalogueSizes.at(-1)} B brotli each; "on demand" above counts the largest.`);
if (over) {
  console.error('A file or a page is over its brotli budget (size-budget.json).');
  process.exit(1);
}
