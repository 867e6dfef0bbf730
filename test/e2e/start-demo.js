// Starts the demo exactly as `npm start` serves it (the reference server with --demo, on a fresh data folder) on a free port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startDemo(env = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'inkwell-e2e-'));
  // `npm test` transpiles the server's sources once for the run (INKWELL_SERVER_BUILD), sparing tsx's start-up.
  const main = process.env.INKWELL_SERVER_BUILD ? [process.env.INKWELL_SERVER_BUILD] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, [...main, '--demo', '--port', String(port)], {
    env: { ...process.env, INKWELL_DATA_DIR: dataDir, INKWELL_MODE: 'development', INKWELL_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the demo server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the demo server did not answer within 20 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
