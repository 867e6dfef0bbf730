// The manifest is the one description of the elements' API: editors, Storybook and the generated
// framework types (scripts/framework-types.js) all read it, so it must say exactly what the code does.
// test/types/manifest.test.js checks the rules these plugins enforce.

// Private and protected members are implementation, not API: keep them out of the manifest and Storybook.
// Modules are sorted by path, so the manifest does not depend on the order a file system lists files in.
function publicApiOnly() {
  return {
    name: 'inkwell-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
      for (const declaration of declarationsOf(customElementsManifest)) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
        );
      }
    },
  };
}

// The analyzer also turns every `this.dispatchEvent(new SomeEvent(x))` into an event named after the
// first argument's identifier (`comment`, `updated`, `action`, `report`, or no name at all for
// `comment.id`). Our event classes fix their own names, so the class's `@fires` tags are the only truth.
function eventsFromJsDocOnly() {
  const declared = new Map();
  return {
    name: 'inkwell-events-from-jsdoc-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = ts.getJSDocTags(node)
        .filter((tag) => ['fires', 'event'].includes(tag.tagName.text))
        .map((tag) => /^\s*(?:\{[^}]*\}\s*)?([\w:-]+)/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '')?.[1])
        .filter(Boolean);
      declared.set(`${moduleDoc.path}#${node.name.text}`, new Set(names));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          const names = declared.get(`${module.path}#${declaration.name}`) ?? new Set();
          declaration.events = declaration.events.filter((event) => names.has(event.name));
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

// `sort: Sort` tells an editor or a Storybook control nothing: spell out aliases of literal unions
// (`'oldest' | 'newest'`), wherever they are declared, so every attribute's type lists its values.
function expandLiteralUnions() {
  const aliases = new Map();
  const expand = (text) => text.replace(/\b[A-Z]\w*\b/g, (name) => aliases.get(name) ?? name);
  return {
    name: 'inkwell-expand-literal-unions',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      if (!node.type.types.every((type) => ts.isLiteralTypeNode(type))) return;
      const text = node.type.types.map((type) => type.getText()).join(' | ');
      const known = aliases.get(node.name.text);
      if (known && known !== text) throw new Error(`two types named ${node.name.text}: ${known} and ${text}`);
      aliases.set(node.name.text, text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          if (item.type?.text) item.type.text = expand(item.type.text);
        }
      }
    },
  };
}

// An optional attribute (`api?: string`) has no initializer for the analyzer to read: its default is
// "not set", which the element then resolves (a <meta>, the page's scheme …) as its description says.
function everyAttributeHasADefault() {
  return {
    name: 'inkwell-every-attribute-has-a-default',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        for (const attribute of declaration.attributes ?? []) {
          const field = declaration.members?.find((member) => member.name === attribute.fieldName);
          attribute.default ??= field?.default ?? (/\bundefined\b/.test(attribute.type?.text ?? '') ? 'undefined' : undefined);
          if (field && attribute.default !== undefined) field.default ??= attribute.default;
        }
      }
    },
  };
}

function* declarationsOf(manifest) {
  for (const module of manifest.modules ?? []) yield* module.declarations ?? [];
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json names the manifest already; the freshness check's temporary copy must not be written there.
  packagejson: false,
  plugins: [publicApiOnly(), eventsFromJsDocOnly(), expandLiteralUnions(), everyAttributeHasADefault()],
};
