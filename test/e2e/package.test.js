// What npm users and site owners get from `npm run build`: the exports map resolves, Lit stays
// external in the npm modules; the drop-in loaders import each element's chunk (Lit shared in one
// chunk, which the elements drawn without Lit do not import), and the single-file bundle holds everything.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));

describe('the built package', () => {
  it('has a file for every entry of the exports map', () => {
    const missing = targets.filter((target) => !existsSync(target));
    assert.deepEqual(missing, []);
  });

  it('keeps Lit external in the npm modules', () => {
    const module = readFileSync('dist/esm/comment-moderation/comment-moderation.js', 'utf8');
    assert.match(module, /from ['"]lit['"]/);
    assert.doesNotMatch(module, /class \w+ extends ReactiveElement/);
    // The elements drawn without Lit do not import it at all (the comment box's forms do).
    for (const file of ['author-badge/author-badge.js', 'comment-box/comment-box.js']) assert.doesNotMatch(readFileSync(`dist/esm/${file}`, 'utf8'), /from ['"]lit['"]/, file);
  });

  it('builds small loaders that import each element from its chunk beside them, minified, with source maps', () => {
    const loader = readFileSync('dist/inkwell.js', 'utf8');
    for (const file of ['dist/inkwell.js', 'dist/inkwell.iife.js']) {
      const code = readFileSync(file, 'utf8');
      assert.ok(code.split('\n').length < 5, `${file} should be minified`);
      assert.ok(existsSync(`${file}.map`), `${file}.map`);
      assert.doesNotMatch(code, /extends ReactiveElement|customElements\.define\(/, `${file} holds no element`);
    }
    // Each element's chunk is an entry of the build, named after its tag: one import() beside the loader for all of them.
    assert.match(loader, /import\(`\.\/chunks\/\$\{\w+\}\.js`\)/, 'the loader imports chunks/<tag>.js');
    for (const tag of ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box']) {
      assert.ok(loader.includes(`"${tag}"`), `the loader knows ${tag}`);
      assert.ok(existsSync(`dist/chunks/${tag}.js`), `dist/chunks/${tag}.js`);
    }
    // The classic script imports the module loader beside it, so both forms share the chunks.
    assert.match(readFileSync('dist/inkwell.iife.js', 'utf8'), /import\(new URL\("inkwell\.js",/);
  });

  it('bundles Lit once, into the chunk the interactive elements share; the others do not import it', () => {
    for (const name of readdirSync('dist/chunks').filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(`dist/chunks/${name}`, 'utf8');
      assert.doesNotMatch(code, /from ['"]lit['"]/, name);
      // `_$litElement$` marks the LitElement class, `_$litType$` lit-html's templates: only in lit.js (and Lit's hydration).
      if (name !== 'lit.js' && name !== 'hydrate.js') assert.doesNotMatch(code, /_\$litElement\$|_\$litType\$/, `${name} has its own copy of Lit`);
    }
    for (const name of ['comment-moderation', 'comment-forms']) {
      assert.match(readFileSync(`dist/chunks/${name}.js`, 'utf8'), /from"\.\/lit\.js"/, `${name} uses the shared Lit chunk`);
    }
    // A page of reading times, badges, cards, typo reporters and comment boxes loads the shared core (chunks/core.js), never Lit,
    // nor does the typo dialog: only the comment forms (a reader who may write) and the moderation inbox do.
    for (const name of ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box', 'machinery', 'core', 'interactive', 'counts']) {
      const code = readFileSync(`dist/chunks/${name}.js`, 'utf8');
      assert.doesNotMatch(code, /["']\.\/(lit|hydrate)\.js["']/, `${name}.js imports Lit`);
    }
    for (const tag of ['reading-time', 'author-badge', 'article-card', 'typo-reporter']) {
      assert.match(readFileSync(`dist/chunks/${tag}.js`, 'utf8'), /from"\.\/core\.js"/, `${tag} uses the shared core`);
    }
  });

  it('keeps everything in one classic script in dist/inkwell.bundle.js, its API as the global Inkwell', () => {
    const code = readFileSync('dist/inkwell.bundle.js', 'utf8');
    assert.match(code, /^var Inkwell=function/);
    assert.doesNotMatch(code, /\bimport\(/, 'nothing left to fetch');
    for (const tag of ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box']) assert.ok(code.includes(`"${tag}"`), `the bundle registers ${tag}`);
    assert.ok(existsSync('dist/inkwell.bundle.js.map'));
  });

  it('marks only the registration modules as side effects', () => {
    for (const entry of ['./dist/esm/index.js', './dist/esm/*/define.js']) assert.ok(pkg.sideEffects.includes(entry), entry);
    assert.ok(!pkg.sideEffects.includes('./dist/esm/elements.js'));
  });

  it('marks every module imported only for what it does (its English words, say) as a side effect, in src/ and dist/esm/, so a bundler keeps it', () => {
    const patterns = pkg.sideEffects.map((glob) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
    const marked = (path) => patterns.some((pattern) => pattern.test(path));
    const unmarked = [];
    for (const file of readdirSync('src', { recursive: true }).filter((name) => name.endsWith('.ts'))) {
      const dir = `src/${file}`.replace(/[^/]+$/, '');
      for (const [, target] of readFileSync(`src/${file}`, 'utf8').matchAll(/^import '(\.[^']+)\.js';$/gm)) {
        const source = `./${new URL(`${target}.ts`, `file:///${dir}`).pathname.slice(1)}`;
        for (const path of [source, source.replace(/^\.\/src\//, './dist/esm/').replace(/\.ts$/, '.js')]) if (!marked(path)) unmarked.push(`${path} (imported by src/${file})`);
      }
    }
    assert.deepEqual(unmarked, []);
  });
});
