// What an npm user and a site owner get: both packages packed as `npm publish` would, each installed
// into an empty project from the local npm cache, then used the way the README says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const scratch = mkdtempSync(join(tmpdir(), 'inkwell-pack-'));
const elementPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// Entries whose types need a framework's own types (React, Vue …): the frameworks' describe below compiles them.
const frameworkEntries = Object.keys(elementPkg.exports).filter((key) => /\/frameworks\//.test(elementPkg.exports[key].types ?? ''));

// npm passes its own settings to scripts (npm_config_local_prefix …); the scratch projects must not inherit them.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function npm(args, cwd, env = {}) {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: { ...cleanEnv, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The element package is packed once for every describe that installs it. */
let elementsTarball;
const packElements = () => (elementsTarball ??= pack());

/**
 * `npm pack` runs prepack (the build) first, as `npm publish` does; INKWELL_BUILT=1 (CI, which built dist/ from
 * these sources just before) packs the element package's build as it is instead of building it once more.
 */
function pack(workspace) {
  const prebuilt = !workspace && process.env.INKWELL_BUILT === '1';
  const out = npm(['pack', '--json', '--pack-destination', scratch, ...(workspace ? ['-w', workspace] : []), ...(prebuilt ? ['--ignore-scripts'] : [])], ROOT);
  const [info] = JSON.parse(out.slice(out.indexOf('[\n')));
  return { file: join(scratch, info.filename), files: info.files.map((f) => f.path), size: info.size };
}

/** Installs a tarball into a new empty project; returns the project, seconds taken and bytes installed. */
function install(name, tarball, env = {}) {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `try-${name}`, private: true, type: 'module' }));
  const started = performance.now();
  npm(['install', '--prefer-offline', tarball], dir, env);
  const seconds = (performance.now() - started) / 1000;
  const bytes = Number(execFileSync('du', ['-sb', join(dir, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
  console.log(`# ${name}: installed in ${seconds.toFixed(1)} s, ${installedPackages(dir).size} packages, node_modules ${(bytes / 1e6).toFixed(1)} MB`);
  return { dir, seconds, bytes };
}

/** Every package under node_modules, scoped ones included, with its package.json. */
function installedPackages(dir) {
  const found = new Map();
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(modules, entry))) visit(join(modules, entry, scoped));
      } else visit(join(modules, entry));
    }
  };
  const visit = (path) => {
    const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    found.set(pkg.name, { path, pkg });
    walk(join(path, 'node_modules'));
  };
  walk(join(dir, 'node_modules'));
  return found;
}

// stderr is kept with the error (a failure's message holds it) rather than printed among the test results.
function node(script, cwd) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env: cleanEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('inkwell-elements, packed and installed', () => {
  let tarball;
  let project;
  before(() => {
    tarball = packElements();
    project = install('elements', tarball.file);
  });

  it('holds the build, the manifest and the README, and no sources or tests', () => {
    assert.ok(tarball.files.includes('dist/inkwell.js'));
    assert.ok(tarball.files.includes('custom-elements.json'));
    assert.equal(elementPkg.scripts.prepack, 'npm run build', 'npm publish builds before packing');
    assert.deepEqual(tarball.files.filter((f) => /(^|\/)(src|test|server)\/|\.test\.|^node_modules/.test(f)), []);
  });

  it('brings only lit and what lit needs, and builds nothing', () => {
    const installed = installedPackages(project.dir);
    assert.deepEqual(Object.keys(installed.get('inkwell-elements').pkg.dependencies), ['lit']);
    const needed = new Set();
    const follow = (name) => {
      if (needed.has(name)) return;
      needed.add(name);
      for (const dep of Object.keys(installed.get(name)?.pkg.dependencies ?? {})) follow(dep);
    };
    follow('lit');
    assert.deepEqual([...installed.keys()].filter((name) => name !== 'inkwell-elements' && !needed.has(name)), []);
    const building = [...installed.values()].filter(({ path, pkg }) =>
      pkg.scripts?.install || pkg.scripts?.preinstall || pkg.scripts?.postinstall || existsSync(join(path, 'binding.gyp')));
    assert.deepEqual(building.map(({ pkg }) => pkg.name), []);
  });

  it('resolves every entry of the exports map to a file, and the estimator runs in Node', () => {
    const specifiers = Object.keys(elementPkg.exports).map((key) => 'inkwell-elements' + key.slice(1));
    const resolved = JSON.parse(node(`console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`, project.dir));
    for (const [i, url] of resolved.entries()) assert.ok(existsSync(new URL(url)), `${specifiers[i]} → ${url}`);
    const estimate = JSON.parse(node(
      "import { estimateReadingTime } from 'inkwell-elements/estimate'; console.log(JSON.stringify(estimateReadingTime('word '.repeat(476))))", project.dir));
    assert.equal(estimate.minutes, 2);
    const manifest = node("import m from 'inkwell-elements/custom-elements.json' with { type: 'json' }; console.log(m.modules.length)", project.dir);
    assert.ok(Number(manifest) > 5);
  });

  it('types every import: a TypeScript file using each export compiles', () => {
    const typed = Object.keys(elementPkg.exports).filter((key) => typeof elementPkg.exports[key] === 'object' && !frameworkEntries.includes(key));
    const lines = typed.map((key, i) => `import * as m${i} from 'inkwell-elements${key.slice(1)}';`);
    lines.push(
      "import { ReadingTime, CommentBox, estimateReadingTime, type ReadingEstimate } from 'inkwell-elements';",
      "import { estimateReadingTime as fromEstimate } from 'inkwell-elements/estimate';",
      "import manifest from 'inkwell-elements/custom-elements.json' with { type: 'json' };",
      'const estimate: ReadingEstimate = estimateReadingTime(\'a few words\', { lang: \'en\' });',
      'const minutes: number = fromEstimate(\'more words\').minutes + estimate.minutes;',
      "const tag: HTMLElementTagNameMap['reading-time'] = new ReadingTime();",
      'const box: CommentBox | null = document.querySelector(\'comment-box\');',
      `export const used = [${typed.map((_, i) => `m${i}`).join(', ')}, minutes, tag, box, manifest.schemaVersion];`,
    );
    writeFileSync(join(project.dir, 'use.ts'), lines.join('\n') + '\n');
    writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true,
        lib: ['es2022', 'dom'], types: [], resolveJsonModule: true, skipLibCheck: false,
      },
      files: ['use.ts'],
    }));
    try {
      execFileSync(process.execPath, [TSC, '-p', '.'], { cwd: project.dir, encoding: 'utf8' });
    } catch (err) {
      assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`);
    }
  });

  it('points editors at their data, as the README\'s "Editors" says', () => {
    const section = readmeSection('Editors');
    const [, vscodeData] = /"html\.customData": \["\.\/(node_modules\/[^"]+)"\]/.exec(section);
    const data = JSON.parse(readFileSync(join(project.dir, vscodeData), 'utf8'));
    assert.deepEqual(data.tags.map((tag) => tag.name).sort(), ['article-card', 'author-badge', 'comment-box', 'comment-moderation', 'reading-time', 'typo-reporter']);
    const installed = installedPackages(project.dir).get('inkwell-elements');
    for (const field of ['web-types', 'customElements']) assert.ok(existsSync(join(installed.path, installed.pkg[field])), field);
    assert.match(section, /`web-types` field/);
  });
});

/** A `## title` section of the README, up to the next one. */
function readmeSection(title) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has "## ${title}"`);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

/** The part of a section that starts at a bold lead-in (`**Vue 3**`), up to the next one. */
function readmePart(section, lead) {
  const start = section.indexOf(`**${lead}**`);
  assert.ok(start >= 0, `README has a part on ${lead}`);
  const next = section.slice(start + lead.length + 4).search(/\n\*\*[^*]+\*\* /);
  return next < 0 ? section.slice(start) : section.slice(start, start + lead.length + 4 + next);
}

/** Its code blocks: `sh` ones as commands, the others as files named by their first line's comment. */
function codeOf(part) {
  const commands = [];
  const files = {};
  for (const [, language, code] of part.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    if (language === 'sh') commands.push(...code.trim().split('\n'));
    else files[/^(?:\/\/|<!--) (\S+)/.exec(code)[1]] = code;
  }
  return { commands, files };
}

describe('inkwell-elements in a React, Vue or Svelte project, as the README\'s "Use with React, Vue, Svelte" says', () => {
  const section = readmeSection('Use with React, Vue, Svelte');
  // What the README leaves to the project: a tsconfig, as each framework's starter makes one.
  const compilerOptions = {
    target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true,
    lib: ['es2022', 'dom', 'dom.iterable'], skipLibCheck: false, verbatimModuleSyntax: true,
  };
  const cases = [
    { lead: 'React 19', compilerOptions: { jsx: 'react-jsx' }, check: ['tsc', '-p', '.'] },
    { lead: 'React 18', compilerOptions: { jsx: 'react-jsx' }, check: ['tsc', '-p', '.'] },
    { lead: 'Vue 3', compilerOptions: {}, check: ['vue-tsc', '-p', '.'] },
    { lead: 'Svelte 5', compilerOptions: {}, check: ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
  ];
  for (const { lead, compilerOptions: own, check } of cases) {
    it(`${lead}: the README's install and code compile against the packed package`, () => {
      const { commands, files } = codeOf(readmePart(section, lead));
      assert.ok(commands.length > 0 && Object.keys(files).length > 0, `${lead}: commands and a file`);
      const dir = join(scratch, lead.replace(/\W+/g, '-').toLowerCase());
      mkdirSync(join(dir, 'src'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-framework', private: true, type: 'module' }));
      const tarball = packElements().file;
      for (const command of commands) {
        const [tool, verb, ...args] = command.split(/\s+/);
        assert.deepEqual([tool, verb], ['npm', 'install'], command);
        npm(['install', '--prefer-offline', ...args.map((arg) => (arg === 'inkwell-elements' ? tarball : arg))], dir);
      }
      for (const [path, code] of Object.entries(files)) writeFileSync(join(dir, path), code);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, ...own }, include: ['src'] }));
      try {
        execFileSync('npx', ['--no-install', ...check], { cwd: dir, env: cleanEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (err) {
        assert.fail(`${check[0]} failed:\n${err.stdout}${err.stderr}`);
      }
    });
  }
});

describe('inkwell-elements/ssr, with its optional peer installed as the README says', () => {
  it('renders the elements in Node once @lit-labs/ssr is installed beside the package', () => {
    const dir = join(scratch, 'ssr');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-ssr', private: true, type: 'module' }));
    const tarball = packElements();
    // Without it, importing inkwell-elements/ssr names what is missing.
    npm(['install', '--prefer-offline', tarball.file], dir);
    assert.throws(() => node("await import('inkwell-elements/ssr')", dir), /@lit-labs\/ssr/);
    // The README's `npm install inkwell-elements @lit-labs/ssr`, the package being this tarball.
    npm(['install', '--prefer-offline', tarball.file, `@lit-labs/ssr@${elementPkg.devDependencies['@lit-labs/ssr']}`], dir);
    const html = node(
      "import { renderInkwell } from 'inkwell-elements/ssr'; console.log(await renderInkwell('<reading-time minutes=\"3\" lang=\"de\"></reading-time><comment-box count=\"2\"></comment-box>'))",
      dir,
    );
    assert.match(html, /<reading-time\s+minutes="3" lang="de"><template shadowroot="open" shadowrootmode="open">/);
    assert.match(html, /3 Min\. Lesezeit/);
    assert.match(html, /Comments \(2\)/);
  });
});

/**
 * better-sqlite3's prebuilt binary, as its install script (prebuild-install) downloads it from GitHub where GitHub
 * is reachable, made from the one this repository's own install compiled from source: the same version, so the
 * server's install takes what a user's takes, without compiling SQLite a second time in `npm test` (the build from
 * source is what the repository's `npm ci` just did). Another version, or none compiled: the install compiles.
 */
function betterSqlitePrebuild() {
  const root = join(ROOT, 'node_modules/better-sqlite3');
  const binary = 'build/Release/better_sqlite3.node';
  if (!existsSync(join(root, binary))) return {};
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dir = join(scratch, 'prebuilds');
  mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['czf', join(dir, name), '-C', root, binary]);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

describe('inkwell-server, packed and installed', () => {
  let tarball;
  let project;
  before(() => {
    tarball = pack('server');
    project = install('server', tarball.file, betterSqlitePrebuild());
  });

  it('holds the compiled server only: JavaScript, no TypeScript sources or tests', () => {
    assert.ok(tarball.files.includes('dist/main.js'));
    assert.deepEqual(tarball.files.filter((f) => !/^dist\/.*\.js$/.test(f) && !['package.json', 'README.md', 'bin/inkwell-server.js'].includes(f)), []);
    assert.deepEqual(tarball.files.filter((f) => /test/.test(f)), []);
    const installed = installedPackages(project.dir);
    for (const tool of ['tsx', 'typescript', 'inkwell-elements']) assert.ok(!installed.has(tool), tool);
  });

  it('npx inkwell-server --help lists the options', () => {
    const help = execFileSync('npx', ['--no-install', 'inkwell-server', '--help'], { cwd: project.dir, env: cleanEnv, encoding: 'utf8' });
    assert.match(help, /--port <value> +INKWELL_PORT; default: 8080/);
    assert.match(help, /inkwell-server backup FILE/);
  });

  it('npx inkwell-server starts where it was installed, with no data yet, keeps its data there and answers /v1/health', async () => {
    assert.ok(!existsSync(join(project.dir, 'data')));
    // npx runs the server as its own child and does not pass SIGTERM on: the test stops them as one group.
    const child = spawn('npx', ['--no-install', 'inkwell-server', '--port', '0', '--log-format', 'json'], {
      cwd: project.dir, env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const closed = new Promise((resolve) => child.once('close', resolve));
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start in 30 s:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /"url":"(http:\/\/[^"]+)"[^\n]*inkwell listening/.exec(output);
          if (match) { clearTimeout(timer); resolve(match[1]); }
        });
        child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${output}`)); });
      });
      const health = await fetch(`${url}/v1/health`);
      assert.equal(health.status, 200);
      assert.equal((await health.json()).status, 'ok');
      assert.ok(existsSync(join(project.dir, 'data', 'inkwell.db')), 'the SQLite file in ./data');
      const token = execFileSync('npx', ['--no-install', 'inkwell-server', 'token', '--sub', 'r1', '--name', 'Ria'], { cwd: project.dir, env: cleanEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const posted = await fetch(`${url}/v1/threads/packed/comments`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'From the tarball' }),
      });
      assert.equal(posted.status, 201, await posted.clone().text());
    } finally {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await closed; // both pipes closed: the server itself has exited
    }
    assert.match(output, /SIGTERM: shutting down/);
    // Installed, it serves the API only: no warnings about the repository's dist/ or demo/ it does not have.
    assert.doesNotMatch(output, /does not exist/);
  });
});
