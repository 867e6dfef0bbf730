// `npm test`: the browser suites (Chromium and Firefox), the type tests, the end-to-end suite, the server suite and
// the packages packed and installed, closed by one plain line that CI reads: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'inkwell-test-'));
const only = process.argv.slice(2);

function nodeTests(dir) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((name) => /\.test\.(js|ts)$/.test(name)).map((name) => join(dir, name));
  if (files.length === 0) return null;
  return [
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-counting-reporter.js', '--test-reporter-destination=stdout',
      ...files],
  ];
}

// One browser at a time: on two cores, two browsers side by side distort the timing tests (long tasks, layout).
const wtr = [process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.js']];
const suites = [
  { name: 'chromium', command: wtr, env: { INKWELL_BROWSERS: 'chromium' } },
  { name: 'firefox', command: wtr, env: { INKWELL_BROWSERS: 'firefox', INKWELL_COVERAGE: 'off' } },
  // The manifest's rules, and the framework types and editor data generated from it at build.
  { name: 'types', command: nodeTests('test/types') },
  // The elements rendered in Node (inkwell-elements/ssr) and the Eleventy example built.
  { name: 'ssr', command: nodeTests('test/ssr') },
  { name: 'e2e', command: nodeTests('test/e2e'), serverBuild: true },
  // One file at a time: two at once race on PostgreSQL's catalogue (a file dropping its schema while another's
  // migration lists every schema's tables fails that migration with "schema … does not exist").
  { name: 'server', command: nodeTests('server/test'), serverBuild: true },
  // Packs both packages and installs each into an empty project.
  { name: 'pack', command: nodeTests('test/pack') },
].filter((suite) => suite.command && (only.length === 0 || only.includes(suite.name) || (only.includes('browser') && suite.env)));

/**
 * The server's sources transpiled as tsx would (esbuild, file by file), once for the run: the suites that start
 * `inkwell-server` processes (over a hundred) run them from here, each without tsx's 2 s of start-up CPU. Two levels
 * below the repository like server/src, so the server finds the repository root and its packages as from there.
 */
let serverMain;
function serverBuild() {
  if (serverMain) return serverMain;
  const outdir = 'server/.test-build';
  rmSync(outdir, { recursive: true, force: true });
  buildSync({
    entryPoints: ['server/src/**/*.ts'], outdir, outbase: 'server/src', format: 'esm', platform: 'node', target: 'node20',
    tsconfig: 'server/tsconfig.json', logLevel: 'warning',
  });
  return (serverMain = resolve(outdir, 'main.js'));
}

const total = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
// Where CI's time goes, printed per suite and once more before the closing line.
const timings = [];
// INKWELL_BUILT=1: the caller built dist/ from these very sources just before (CI's `npm run build` step).
const built = process.env.INKWELL_BUILT === '1';
if (built) {
  console.log('\n=== build: skipped, dist/ was built from these sources just before (INKWELL_BUILT=1) ===');
} else if (suites.some((suite) => suite.name === 'e2e' || suite.name === 'types')) {
  // The end-to-end and type suites test the build, so it is built from the sources under test
  // (the pack suite builds through `npm pack`'s prepack).
  console.log('\n=== build ===');
  const started = performance.now();
  broken = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0;
  timings.push(`build ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
for (const suite of suites) {
  const countsFile = join(scratch, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} tests ===`);
  const [command, args] = suite.command;
  const started = performance.now();
  const env = { ...process.env, ...suite.env, INKWELL_TEST_COUNTS: countsFile };
  if (suite.serverBuild) env.INKWELL_SERVER_BUILD = serverBuild();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : null;
  const elapsed = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  timings.push(`${suite.name} ${elapsed}`);
  if (!counts) {
    console.log(`${suite.name}: the runner reported no counts (exit ${run.status ?? run.signal})`);
    broken = true;
    continue;
  }
  console.log(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${elapsed}`);
  for (const key of Object.keys(total)) total[key] += counts[key];
  // A runner can fail with every test green: a coverage threshold missed, a file that did not load.
  if (run.status !== 0 && counts.failed === 0) {
    console.log(`${suite.name}: the runner exited with ${run.status ?? run.signal} although no test failed`);
    broken = true;
  }
}

console.log(`\ntimes: ${timings.join(', ')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || broken || total.passed === 0 ? 1 : 0);
