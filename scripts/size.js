// Prints raw, gzip and brotli sizes of the drop-in bundles and fails above the budget in size-budget.json.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8')).brotli;
const rows = [];
let over = false;
for (const [file, limit] of Object.entries(budget)) {
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const ok = brotli <= limit;
  over ||= !ok;
  rows.push({ file, raw: raw.length, gzip, brotli, budget: limit, ok: ok ? 'ok' : 'OVER' });
}
console.table(rows);
if (over) {
  console.error('A bundle is over its brotli budget (size-budget.json).');
  process.exit(1);
}
