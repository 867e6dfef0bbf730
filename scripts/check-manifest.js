// Fails when custom-elements.json is not what the analyzer makes of src/ now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// The analyzer resolves --outdir against the working directory, so give it a relative path.
const outdir = relative(process.cwd(), mkdtempSync(join(tmpdir(), 'inkwell-manifest-')));
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'inherit' });
const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
const committed = readFileSync('custom-elements.json', 'utf8');
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date');
