// The framework types and editor data that `npm run build` generates from custom-elements.json
// (scripts/framework-types.js): files in test/types/fixtures use every element from React 19, React 18
// (@lit/react wrappers), Vue (vue-tsc), Preact, Solid and Svelte, and `@ts-expect-error` /
// `@vue-expect-error` marks each wrong value, so a type that accepts anything fails the compile too.
// The fixtures import `inkwell-elements/…` by the package's own name, which resolves to dist/.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/types/fixtures');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const VUE_TSC = join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js');
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

function compile(compiler, config) {
  try {
    execFileSync(process.execPath, [compiler, '-p', join(FIXTURES, config)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    assert.fail(`${config} does not compile:\n${err.stdout}${err.stderr}`);
  }
}

describe('framework types and editor data generated from the manifest', () => {
  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist/esm/elements.d.ts')), 'run `npm run build` first');
    // Generated again from the manifest as it is now, so a stale dist/ cannot pass for a fresh one.
    execFileSync(process.execPath, ['scripts/framework-types.js'], { cwd: ROOT, stdio: 'inherit' });
  });

  for (const [name, config] of [
    ['React 19 JSX', 'tsconfig.react19.json'],
    ['React 18 wrappers (@lit/react)', 'tsconfig.react18.json'],
    ['Preact JSX', 'tsconfig.preact.json'],
    ['Solid JSX', 'tsconfig.solid.json'],
    ['Svelte elements', 'tsconfig.svelte.json'],
  ]) {
    it(`${name}: every element with its properties and events compiles; wrong values do not`, () => compile(TSC, config));
  }

  it('Vue: a single-file component using every element passes vue-tsc; wrong values do not', () => compile(VUE_TSC, 'tsconfig.vue.json'));

  it('each fixture uses every element', () => {
    for (const fixture of ['react19.tsx', 'react18.tsx', 'Article.vue', 'preact.tsx', 'solid.tsx', 'svelte.mts']) {
      const text = readFileSync(join(FIXTURES, fixture), 'utf8');
      for (const { tagName, name } of elements) assert.ok(text.includes(tagName) || text.includes(`<${name}`), `${fixture} uses ${tagName}`);
    }
  });

  it('gives VS Code every element and attribute, with the values of each union', () => {
    const data = readJson('dist/vscode.html-custom-data.json');
    assert.equal(data.version, 1.1);
    for (const element of elements) {
      const tag = data.tags.find((candidate) => candidate.name === element.tagName);
      assert.ok(tag?.description, element.tagName);
      assert.deepEqual(tag.attributes.map((attribute) => attribute.name), element.attributes.map((attribute) => attribute.name));
    }
    const sort = data.tags.find((tag) => tag.name === 'comment-box').attributes.find((attribute) => attribute.name === 'sort');
    assert.deepEqual(sort.values, [{ name: 'oldest' }, { name: 'newest' }, { name: 'top' }]);
    assert.match(sort.description, /Default: 'oldest'/);
    assert.equal(data.tags.find((tag) => tag.name === 'comment-box').attributes.find((attribute) => attribute.name === 'live').valueSet, 'v');
  });

  it('gives JetBrains IDEs every element with attributes, events, slots, parts and custom properties', () => {
    const webTypes = readJson('dist/web-types.json');
    const pkg = readJson('package.json');
    assert.equal(webTypes.name, pkg.name);
    assert.equal(webTypes.version, pkg.version);
    for (const element of elements) {
      const entry = webTypes.contributions.html.elements.find((candidate) => candidate.name === element.tagName);
      assert.ok(entry, element.tagName);
      assert.deepEqual(entry.attributes.map((attribute) => attribute.name), element.attributes.map((attribute) => attribute.name));
      assert.deepEqual(entry.events.map((event) => event.name), (element.events ?? []).map((event) => event.name));
    }
    const box = webTypes.contributions.html.elements.find((entry) => entry.name === 'comment-box');
    assert.deepEqual(box.attributes.find((attribute) => attribute.name === 'page-size').value, { type: 'number', required: false });
    assert.ok(webTypes.contributions.css.properties.some((property) => property.name === '--inkwell-color-accent'));
    assert.ok(webTypes.contributions.css.parts.some((part) => part.name === 'primary-action'));
  });

  it('package.json points editors and bundlers at them', () => {
    const pkg = readJson('package.json');
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg['web-types'], './dist/web-types.json');
    assert.equal(pkg.exports['./vscode.html-custom-data.json'], './dist/vscode.html-custom-data.json');
    for (const entry of ['./react', './react-jsx', './preact-jsx', './solid-jsx', './vue', './svelte']) {
      for (const file of Object.values(pkg.exports[entry])) assert.ok(existsSync(join(ROOT, file)), `${entry}: ${file}`);
    }
    // What the wrappers import at run time is the user's to install: optional peers, never dependencies.
    assert.deepEqual(Object.keys(pkg.dependencies), ['lit']);
    for (const peer of Object.keys(pkg.peerDependencies)) assert.equal(pkg.peerDependenciesMeta[peer]?.optional, true, peer);
  });
});
