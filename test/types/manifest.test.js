// custom-elements.json feeds editors, Storybook and the generated framework types: it must be exact.
// No invented events, nothing listed twice, every attribute with a type that names its values and a default.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'custom-elements.json'), 'utf8'));
const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
const elements = declarations.filter(({ declaration }) => declaration.customElement && declaration.tagName);
const TAGS = ['article-card', 'author-badge', 'comment-box', 'comment-moderation', 'reading-time', 'typo-reporter'];

const duplicates = (names) => names.filter((name, i) => names.indexOf(name) !== i);

describe('custom-elements.json', () => {
  it('describes the six elements', () => {
    assert.deepEqual(elements.map(({ declaration }) => declaration.tagName).sort(), TAGS);
  });

  for (const { declaration } of elements) {
    describe(`<${declaration.tagName}>`, () => {
      it('lists each event once, under the name its event class gives it', () => {
        const events = declaration.events ?? [];
        assert.deepEqual(duplicates(events.map((event) => event.name)), []);
        for (const event of events) {
          assert.match(event.name ?? '(no name)', /^[a-z]+(-[a-z]+)+$/, `an event of ${declaration.tagName} is named ${event.name}`);
          assert.ok(event.description, `${event.name} has a description`);
          // The event class must exist and construct an event of exactly this name.
          const owner = declarations.find(({ declaration: d }) => d.kind === 'class' && d.name === event.type?.text);
          assert.ok(owner, `${event.name}: its type ${event.type?.text} is a class in the manifest`);
          const source = readFileSync(resolve(ROOT, owner.module.path), 'utf8');
          assert.ok(source.includes(`'${event.name}'`), `${owner.module.path} creates '${event.name}'`);
        }
      });

      it('lists no member, attribute, part or slot twice', () => {
        const members = (declaration.members ?? []).map((member) => `${member.static ? 'static ' : ''}${member.name}`);
        assert.deepEqual(duplicates(members), [], 'members');
        assert.deepEqual(duplicates((declaration.attributes ?? []).map((a) => a.name)), [], 'attributes');
        assert.deepEqual(duplicates((declaration.cssParts ?? []).map((p) => p.name)), [], 'parts');
        assert.deepEqual(duplicates((declaration.slots ?? []).map((s) => s.name)), [], 'slots');
      });

      it('gives every attribute its property, a type that names its values, a default and a description', () => {
        assert.ok(declaration.attributes?.length, 'has attributes');
        for (const attribute of declaration.attributes) {
          const where = `${declaration.tagName}[${attribute.name}]`;
          assert.match(attribute.name, /^[a-z]+(-[a-z]+)*$/, `${where}: kebab-case`);
          assert.ok(attribute.fieldName, `${where}: names its property`);
          assert.ok((declaration.members ?? []).some((member) => member.name === attribute.fieldName), `${where}: its property is a member`);
          assert.ok(attribute.type?.text, `${where}: has a type`);
          // Only primitives and literals: an alias (`Sort`) tells an editor nothing.
          assert.match(attribute.type.text, /^(string|number|boolean|undefined|'[^']*'|\d+)( \| (string|number|boolean|undefined|'[^']*'|\d+))*$/, `${where}: type ${attribute.type.text}`);
          assert.notEqual(attribute.default, undefined, `${where}: has a default`);
          assert.ok(attribute.description, `${where}: has a description`);
        }
      });
    });
  }

  it('is sorted by module path, so it does not depend on the file system', () => {
    const paths = manifest.modules.map((module) => module.path);
    assert.deepEqual(paths, [...paths].sort((a, b) => a.localeCompare(b)));
  });
});
