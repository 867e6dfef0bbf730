// What npm users and site owners get from `npm run build`: the exports map resolves, Lit stays
// external in the npm modules and inside the drop-in bundles, and every element is registered by the drop-in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));

describe('the built package', () => {
  it('has a file for every entry of the exports map', () => {
    const missing = targets.filter((target) => !existsSync(target));
    assert.deepEqual(missing, []);
  });

  it('keeps Lit external in the npm modules', () => {
    const module = readFileSync('dist/esm/author-badge/author-badge.js', 'utf8');
    assert.match(module, /from ['"]lit['"]/);
    assert.doesNotMatch(module, /class \w+ extends ReactiveElement/);
  });

  it('bundles Lit into the drop-in, minified, with source maps', () => {
    for (const file of ['dist/inkwell.js', 'dist/inkwell.iife.js']) {
      const code = readFileSync(file, 'utf8');
      assert.doesNotMatch(code, /from ['"]lit['"]/);
      assert.ok(code.split('\n').length < 5, `${file} should be minified`);
      assert.ok(existsSync(`${file}.map`), `${file}.map`);
      for (const tag of ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box']) assert.ok(code.includes(`"${tag}"`), `${file} registers ${tag}`);
    }
    assert.match(readFileSync('dist/inkwell.iife.js', 'utf8'), /^var Inkwell=function/);
  });

  it('marks only the registration modules as side effects', () => {
    for (const entry of ['./dist/esm/index.js', './dist/esm/*/define.js']) assert.ok(pkg.sideEffects.includes(entry), entry);
    assert.ok(!pkg.sideEffects.includes('./dist/esm/elements.js'));
  });
});
