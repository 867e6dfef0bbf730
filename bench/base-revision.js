// Which revision a benchmark compares this checkout against, in the same run: `--base REV`, else the
// merge base with main, else the previous commit.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

export function baseRevision(argv = process.argv) {
  const i = argv.indexOf('--base');
  if (i > 0 && argv[i + 1]) return git('rev-parse', '--verify', argv[i + 1] + '^{commit}');
  const head = git('rev-parse', 'HEAD');
  let base = null;
  try {
    base = git('merge-base', 'HEAD', 'main');
  } catch {
    // no main branch here
  }
  return base && base !== head ? base : git('rev-parse', 'HEAD~1');
}
