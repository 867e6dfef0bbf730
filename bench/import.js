// Imports a generated Disqus export (bench/disqus-export.js) with `inkwell-server import`, in a child
// process of its own, and prints the wall time, the rate and the child's peak resident memory, then
// the same for a second run (which finds every comment already there). The file streams: peak memory
// should not grow with the file, and the child runs with a small JavaScript heap (--heap, 64 MB) that an
// importer holding the file or every comment in memory would run out of. Figures, not a pass/fail test.
//
//   npm run bench:import [-- --comments 200000 --threads 2000 --heap 64] [-- --postgres]
//   (PostgreSQL: INKWELL_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a schema of its own, dropped after)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { writeDisqusExport } from './disqus-export.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '200000' }, threads: { type: 'string', default: '2000' }, postgres: { type: 'boolean', default: false },
    // A JavaScript heap this small (MB) fails the import if it kept the file, or every comment, in memory.
    heap: { type: 'string', default: '64' },
  },
});
const comments = Number(values.comments);
const threads = Number(values.threads);
const PG_URL = process.env.INKWELL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// The import runs in the child as the command does; the child reports its own peak RSS (getrusage) at exit.
const RUNNER = `
import { run } from ${JSON.stringify(path.join(ROOT, 'server/src/cli/run.ts'))};
const code = await run(process.argv.slice(1), process.env);
const usage = process.resourceUsage();
process.stderr.write('maxrss ' + usage.maxRSS + ' cpu ' + (usage.userCPUTime + usage.systemCPUTime) + '\\n');
process.exitCode = code ?? 0;
`;

function runImport(file, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [`--max-old-space-size=${values.heap}`, '--import', 'tsx', '--input-type=module', '-e', RUNNER, 'import', '--from', 'disqus', file], {
      cwd: ROOT, env: { PATH: process.env.PATH, INKWELL_LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`import exited with ${code}:\n${stderr}`));
      const [, rss, cpu] = /maxrss (\d+) cpu (\d+)/.exec(stderr);
      resolve({ seconds, cpuSeconds: Number(cpu) / 1e6, maxRssMb: Number(rss) / 1024, summary: stdout.split('\n')[0] });
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-bench-import-'));
const schema = 'inkwell_bench_' + randomBytes(4).toString('hex');
const env = values.postgres ? { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema } : { INKWELL_DATA_DIR: path.join(dir, 'data') };
try {
  const file = path.join(dir, 'disqus.xml');
  let t = Date.now();
  await writeDisqusExport(file, { comments, threads });
  const mb = fs.statSync(file).size / 1024 / 1024;
  console.log(`generated ${comments} comments in ${threads} threads: ${mb.toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  console.log(`database: ${values.postgres ? 'PostgreSQL' : 'SQLite'}; node ${process.version}; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; heap limit ${values.heap} MB`);
  for (const label of ['first import', 'second import (nothing to add)']) {
    const r = await runImport(file, env);
    console.log(`${label}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s), ${Math.round(comments / r.seconds)} comments/s, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
    console.log(`  ${r.summary}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  if (values.postgres) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  }
}
