import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { checkPrivateMembers, privateMembersMangling } from './scripts/private-members.js';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = readdirSync('src', { recursive: true }).filter((file) => file.endsWith('.ts'));
checkPrivateMembers(SOURCES.map((file) => [`src/${file}`, readFileSync(`src/${file}`, 'utf8')]));

// Chunks of an earlier build must not linger beside the new ones (they would ship, and be counted).
rmSync('dist/chunks', { recursive: true, force: true });

const DECORATE = fileURLToPath(new URL('src/core/decorate.ts', import.meta.url));

/**
 * esbuild's decorator helper, written into each module that uses decorators, and the calls to it. In the
 * drop-in builds each class's @property and @state fields become one `static properties` object (what Lit's
 * decorators declare, in the same order, written in a third of the bytes), and @query is called directly;
 * only a decorator this does not know keeps the helper, imported from one module instead of copied.
 */
const sharedDecoratorHelper = {
  name: 'shared-decorator-helper',
  transform(code, id) {
    const helper = /^var __defProp = [^\n]*\nvar __getOwnPropDesc = [^\n]*\nvar __decorateClass = \(decorators, target, key, kind\) => \{\n(?: [^\n]*\n)*\};\n/m;
    if (id === DECORATE || !helper.test(code)) return null;
    // Every replacement keeps its number of lines, so that the source map stays right.
    const lines = (text) => '\n'.repeat(text.split('\n').length - 1);
    const properties = new Map();
    code = code.replace(
      /__decorateClass\(\[\n\s*(property|state|query)\(([^\n]*)\)\n\], (\w+)\.prototype, "(\w+)", 2\);/g,
      (call, decorator, options, element, name) => {
        if (decorator === 'query') return `${decorator}(${options})(${element}.prototype, "${name}");${lines(call)}`;
        if (!properties.has(element)) properties.set(element, []);
        const declaration = decorator === 'property' ? options || '{}' : options ? `{ ...${options}, state: true }` : '{ state: true }';
        properties.get(element).push(`${JSON.stringify(name)}: ${declaration}`);
        return `\0${element}\0${lines(call)}`;
      },
    );
    // The class's object where its last field's decorator was: after the class, before anything uses it.
    for (const [element, declared] of properties) {
      const marker = `\0${element}\0`;
      const last = code.lastIndexOf(marker);
      code = `${code.slice(0, last)}${element}.properties = { ${declared.join(', ')} };${code.slice(last + marker.length)}`.replaceAll(marker, '');
    }
    // The decorators written out above are no longer called: their import goes, so that decorators.ts is not a
    // dependency of the light elements (manualChunks would put it in core.js, which only they load).
    code = code.replace(/^import \{([^}\n]*)\} from ("[^"\n]*\/decorators\.js");$/m, (line, names, from) => {
      const rest = code.replace(line, '');
      const kept = names.split(',').map((name) => name.trim()).filter((name) => name && new RegExp(`\\b${name}\\(`).test(rest));
      return kept.length > 0 ? `import { ${kept.join(', ')} } from ${from};` : '';
    });
    const shared = (found) => (code.includes('__decorateClass(') ? `import { __decorateClass } from ${JSON.stringify(DECORATE)};` : '') + lines(found);
    return { code: code.replace(helper, shared), map: null };
  },
};

/**
 * Constants written into each module that imports them, as a const enum's values would be, so that terser inlines
 * them and drops what they rule out; an import from another chunk would stay a variable. The classes of code units
 * (src/reading-time/kinds.ts), which chunks/count.js would otherwise import from chunks/reading-time.js, and
 * src/core/server.ts's SERVER_SIDE, false in the drop-in files: they never run on a server.
 */
const CONSTANTS = {
  [fileURLToPath(new URL('src/reading-time/kinds.ts', import.meta.url))]: () => readFileSync('src/reading-time/kinds.ts', 'utf8'),
  [fileURLToPath(new URL('src/core/server.ts', import.meta.url))]: () => 'export const SERVER_SIDE = false;',
};

const inlinedConstants = {
  name: 'inlined-constants',
  transform(code, id) {
    let changed = false;
    code = code.replace(/^import \{([^}]*)\} from "(\.\.?\/[^"]+)\.js";$/gm, (line, imported, from) => {
      const file = join(dirname(id), `${from}.ts`);
      if (!Object.hasOwn(CONSTANTS, file)) return line;
      const values = new Map([...CONSTANTS[file]().matchAll(/^export const (\w+)(?:: \w+)? = (\w+);$/gm)].map(([, name, value]) => [name, value]));
      const names = imported.split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !values.has(name));
      if (unknown.length > 0) this.error(`${id}: not a constant of ${file}: ${unknown.join(', ')}`);
      changed = true;
      // As many lines as the import had, so that the source map stays right.
      return `const ${names.map((name) => `${name} = ${values.get(name)}`).join(', ')};${'\n'.repeat(line.split('\n').length - 1)}`;
    });
    return changed ? { code, map: null } : null;
  },
};

// The drop-in builds: Lit included. The npm modules are built by tsc.
const plugins = () => [
  nodeResolve({ exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  sharedDecoratorHelper,
  inlinedConstants,
  // Lit's css`` and html`` strings keep their whitespace through terser; minify them first.
  minifyTemplateLiterals({ include: 'src/**', failOnError: true }),
  terser({
    ecma: 2021,
    // pure_getters: reading a property has no side effects in our code or Lit's (no getter is read
    // for its effect), so terser may inline and merge reads; a third pass finds a few more. -34 B a page.
    // inline: 1 inlines only simple functions (inlining those with arguments and variables made the chunks larger
    // once compressed); hoist_funs puts function declarations first. -21 B on the three-element page, -99 on all five.
    compress: { passes: 3, pure_getters: true, inline: 1, hoist_funs: true },
    // Our classes' private members get short names (scripts/private-members.js says which, and the rule).
    mangle: privateMembersMangling(),
    format: { comments: false },
  }),
];

function onwarn(warning, warn) {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

/** The catalogues loaded on demand: every file in src/core/messages/ but English and the types and map. */
const CATALOGUE = /\/src\/core\/messages\/(?!en\.|en-|messages\.|catalogues\.)([\w-]+)\.ts$/;

/**
 * Stable chunk names, so that pages can preload them (`<link rel="modulepreload">`): an element's chunk is an
 * entry named after its folder (chunks/<tag>.js, see ELEMENTS), Lit is `lit.js`, the plumbing every element shares `core.js`.
 */
function chunkName({ moduleIds, name }) {
  // A catalogue other than English: one chunk per language, fetched when a page needs it.
  const catalogue = moduleIds.length === 1 && CATALOGUE.exec(moduleIds[0])?.[1];
  return catalogue ? `chunks/messages/${catalogue}.js` : `chunks/${name}.js`;
}

/**
 * The elements (each folder of src/ with a define.ts). Each one's chunk is an entry of the build, so that the
 * loader imports them all with one import(`./chunks/${tag}.js`) from its list of tags, which must name them all.
 */
const loaderTags = readFileSync('src/loader/inkwell.ts', 'utf8');
const ELEMENTS = readdirSync('src').filter((name) => name !== 'core' && existsSync(`src/${name}/define.ts`));
const unlisted = ELEMENTS.filter((tag) => !loaderTags.includes(`'${tag}'`));
if (unlisted.length > 0) throw new Error(`src/loader/inkwell.ts does not list ${unlisted.join(', ')}`);

/** The elements a page may show without a form: their shared code goes into `core.js`. */
const LIGHT = ['reading-time', 'author-badge', 'article-card'];

/** The elements whose chunk imports the module `id` statically (import() is a chunk boundary). */
function elementsReaching(id, getModuleInfo, seen = new Set()) {
  if (seen.has(id)) return [];
  seen.add(id);
  const element = /src\/(?!core\/)([\w-]+)\/define\.ts$/.exec(id)?.[1];
  if (element) return [element];
  return getModuleInfo(id)
    .importers.filter((importer) => !onlyPassesOn(getModuleInfo(importer), id))
    .flatMap((importer) => elementsReaching(importer, getModuleInfo, seen));
}

/** Whether the module `importer` only re-exports `id` (`export … from`) without using it: no reason to load `id` with it. */
function onlyPassesOn({ id: importer, ast }, id) {
  const from = (node) => node.source && join(dirname(importer), node.source.value).replace(/\.js$/, '.ts') === id;
  const passes = ast.body.some((node) => (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && from(node));
  return passes && !ast.body.some((node) => node.type === 'ImportDeclaration' && from(node));
}

/**
 * Lit's hydration and the parts of lit-html only it imports: chunks/hydrate.js, fetched only by pages with
 * server-rendered elements, so chunks/lit.js does not grow for the others.
 */
function forHydrationOnly(id, getModuleInfo, seen = new Set()) {
  if (id.includes('/@lit-labs/ssr-client/') || id.endsWith('/src/loader/hydrate.ts')) return true;
  if (!id.includes('/node_modules/') || seen.has(id)) return false;
  seen.add(id);
  const { importers = [], dynamicImporters = [] } = getModuleInfo(id) ?? {};
  const all = [...importers, ...dynamicImporters];
  return all.length > 0 && all.every((importer) => forHydrationOnly(importer, getModuleInfo, seen));
}

/**
 * The single file holds all the code, so the second fetches under another address (an import() of a URL, which a file
 * that fetches nothing must not hold) are never made: the comment forms' (src/comment-box/forms-code.ts) and the
 * typo dialog's (src/typo-reporter/refetch.ts).
 */
const SINGLE_FILE_MODULES = {
  '/src/comment-box/forms-code.ts': "export const formsCode = { load: () => import('./comment-forms.js') };",
  '/src/typo-reporter/refetch.ts': 'export const refetch = () => Promise.reject(new Error("not in the single file"));',
};
const singleFile = {
  name: 'single-file',
  load: (id) => Object.entries(SINGLE_FILE_MODULES).find(([path]) => id.endsWith(path))?.[1] ?? null,
};

export default [
  // dist/inkwell.js, the loader, and dist/chunks/: what each element needs, fetched when it appears.
  {
    input: { inkwell: 'src/loader/inkwell.ts', ...Object.fromEntries(ELEMENTS.map((tag) => [`chunks/${tag}`, `src/${tag}/define.ts`])) },
    // An element's chunk also exports what its on-demand chunks import from it (reading-time's URL rule, to count.js).
    preserveEntrySignatures: 'allow-extension',
    plugins: plugins(),
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: chunkName,
      manualChunks(id, { getModuleInfo }) {
        if (CATALOGUE.test(id)) return undefined;
        if (forHydrationOnly(id, getModuleInfo)) return 'hydrate';
        if (!id.includes('/node_modules/') && !id.includes('/src/core/')) return undefined;
        // Shared code only imported with import() (the reader of declared strings) is a chunk of its own, fetched when needed.
        const { importers, dynamicImporters } = getModuleInfo(id);
        if (importers.length === 0 && dynamicImporters.length > 0) return undefined;
        // What a page of reading times, badges and cards needs shares one chunk (core.js, without Lit); what only the
        // interactive elements (typo reporter, comment box) need shares another, so those pages do not pay for it.
        // Lit is only the interactive elements'; the light ones (src/core/light-element.ts) draw without it. Our
        // modules that import Lit (LocalizedElement) go with it, so that interactive.js (the HTTP client a card's
        // count fetches) does not import Lit.
        const info = getModuleInfo(id);
        if (id.includes('/node_modules/') || info.importedIds.some((imported) => imported.includes('/node_modules/'))) return 'lit';
        const elements = elementsReaching(id, getModuleInfo);
        // Reached by no element's static imports (the catalogue table, which only the on-demand languages.ts imports): with its
        // importer. Reached by one element only (the avatar's view, only the author badge's): in that element's chunk.
        if (elements.length <= 1) return undefined;
        return elements.some((element) => LIGHT.includes(element)) ? 'core' : 'interactive';
      },
    },
    // css`` only builds a style sheet: a module holding styles no chunk uses is not imported for its effects.
    treeshake: { manualPureFunctions: ['css'] },
    onwarn,
  },
  // dist/inkwell.iife.js: the same loader for a classic <script>.
  {
    input: 'src/loader/classic.ts',
    plugins: plugins(),
    output: { file: 'dist/inkwell.iife.js', format: 'iife', sourcemap: true },
    onwarn,
  },
  // dist/esm/: the npm modules, one per source file, Lit and @lit-labs/ssr external (tsc adds the .d.ts).
  // Their templates are minified exactly as the drop-in chunks' are: a page rendered on the server by
  // inkwell-elements/ssr (which runs these modules) hydrates only where the browser's templates are the same.
  {
    input: readdirSync('src', { recursive: true })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => `src/${file}`),
    external: (id) => !/^[./]|^\0/.test(id),
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), minifyTemplateLiterals({ include: 'src/**', failOnError: true })],
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, sourcemapExcludeSources: true, preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    onwarn,
  },
  // dist/inkwell.bundle.js: every element and every catalogue in one classic script, for hosts that
  // serve one file; its API (the classes, registerMessages …) is the global `Inkwell`.
  {
    input: 'src/index.ts',
    plugins: [singleFile, ...plugins()],
    output: { file: 'dist/inkwell.bundle.js', format: 'iife', name: 'Inkwell', sourcemap: true, inlineDynamicImports: true },
    onwarn,
  },
];
