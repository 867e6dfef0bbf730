// The README's "Add Inkwell to your site", followed word for word: its code blocks are read from
// README.md and run as they stand. Only what cannot be literal is replaced: the two example origins
// become two local ports (the site on localhost, the API on 127.0.0.1), the server's port and data
// folder come from INKWELL_PORT and INKWELL_DATA_DIR, `~` is a scratch HOME, and READER_TOKEN becomes
// the token the README's Node example signs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.js';

const README = readFileSync('README.md', 'utf8');
const SITE = 'https://www.example.com';
const API = 'https://comments.example.com';

/** The fenced block right after `<!-- embed: name -->`. */
function readmeBlock(name) {
  const match = new RegExp(`<!-- embed: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!match) throw new Error(`README.md has no code block marked <!-- embed: ${name} -->`);
  return match[1];
}

async function freePort() {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(url, output, deadlineMs = 20_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${deadlineMs / 1000} s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the README's \"Add Inkwell to your site\", followed literally", () => {
  const scratch = mkdtempSync(join(tmpdir(), 'inkwell-embed-'));
  let apiOrigin;
  let siteOrigin;
  let server;
  let serverOutput = '';
  let site;
  let browser;
  let secret;
  const notFound = [];

  const localise = (text) => text.replaceAll(API, apiOrigin).replaceAll(SITE, siteOrigin);

  before(async () => {
    apiOrigin = `http://127.0.0.1:${await freePort()}`;
    siteOrigin = `http://localhost:${await freePort()}`;

    // Step 1: the server block, run by the shell from the repository (its own process group, so
    // stopping it stops the node it starts).
    server = spawn('sh', ['-c', localise(readmeBlock('server'))], {
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INKWELL_'))),
        HOME: scratch,
        INKWELL_PORT: new URL(apiOrigin).port,
        INKWELL_DATA_DIR: join(scratch, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout.on('data', (chunk) => (serverOutput += chunk));
    server.stderr.on('data', (chunk) => (serverOutput += chunk));
    await waitFor(`${apiOrigin}/v1/health`, () => serverOutput);
    // What `$(cat ~/inkwell-jwt-secret)` gave the server; the site is given the same string.
    secret = readFileSync(join(scratch, 'inkwell-jwt-secret'), 'utf8').replace(/\n+$/, '');

    // Step 2: the site, on its own origin: the README's page and the built script at /assets/.
    site = createServer(async (request, response) => {
      const path = new URL(request.url, siteOrigin).pathname;
      if (path === '/assets/inkwell.js' || /^\/assets\/chunks\/[\w-]+\.js$/.test(path)) {
        // The README's step 2: dist/inkwell.js and dist/chunks/ copied to /assets/.
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`dist/${path.slice('/assets/'.length)}`));
      } else if (path === '/') {
        // Step 3: a token signed on each page view, by the README's Node example.
        const token = await signWithReadmeNode({ id: 42, name: 'Ada Reader' });
        const page = localise(readmeBlock('page')).replace('READER_TOKEN', token);
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      } else if (path === '/favicon.ico') {
        response.writeHead(204).end(); // a real site has one; the browser asks for it
      } else {
        notFound.push(path);
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => site.listen(Number(new URL(siteOrigin).port), '127.0.0.1', resolve));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (site ? site.close(resolve) : resolve()));
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  let nodeExample;
  /** The README's Node block as a module of its own (jose resolved from this repository), with the secret in the environment it reads. */
  async function signWithReadmeNode(user) {
    if (!nodeExample) {
      process.env.INKWELL_JWT_SECRET = secret;
      const file = join(scratch, 'inkwell-token.mjs');
      writeFileSync(file, readmeBlock('node').replace("from 'jose'", `from '${import.meta.resolve('jose')}'`));
      nodeExample = await import(pathToFileURL(file).href);
      delete process.env.INKWELL_JWT_SECRET;
    }
    return nodeExample.inkwellToken(user);
  }

  it('shows the reading time, and a signed-in reader posts a comment that the thread shows', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
    await page.goto(`${siteOrigin}/`);

    await page.locator('reading-time').filter({ hasText: /\d+ min read/ }).waitFor();
    const box = page.locator('comment-box');
    await box.scrollIntoViewIfNeeded();
    const field = box.locator('textarea').first();
    await field.waitFor();
    // The server refuses posts made sooner than INKWELL_MIN_SUBMIT_SECONDS (3) after the form appeared.
    await page.waitForTimeout(3200);
    await field.fill('Found it through the README.');
    await field.press('Control+Enter');
    const posted = box.locator('article', { hasText: 'Found it through the README.' });
    await posted.waitFor();
    assert.match(await posted.textContent(), /Ada Reader/);
    assert.equal(await box.locator('h2').textContent(), 'Comments (1)');

    await page.reload();
    await box.scrollIntoViewIfNeeded();
    await box.locator('h2', { hasText: 'Comments (1)' }).waitFor();
    assert.equal(await box.locator('article', { hasText: 'Found it through the README.' }).count(), 1);
    assert.deepEqual(problems, [], `not found on the site: ${notFound.join(', ')}`);
    assert.doesNotMatch(serverOutput, /refused browser requests/);
    await page.close();
  });

  it("signs tokens the server accepts with the README's Python example too", async (t) => {
    const python = '/usr/bin/python3';
    if (spawnSync(python, ['-c', 'import jwt'], { stdio: 'ignore' }).status !== 0) {
      t.skip('no PyJWT for /usr/bin/python3 (Debian: apt-get install python3-jwt)');
      return;
    }
    const program = `${readmeBlock('python')}\nprint(inkwell_token({"id": 7, "name": "Lin Python"}))\n`;
    const result = spawnSync(python, ['-c', program], { env: { ...process.env, INKWELL_JWT_SECRET: secret }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const response = await fetch(`${apiOrigin}/v1/threads/quiet-craft/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${result.stdout.trim()}`, 'content-type': 'application/json', origin: siteOrigin },
      body: JSON.stringify({ body: 'Signed in Python.', formStartedAt: Date.now() - 10_000 }),
    });
    const answer = await response.json();
    assert.equal(response.status, 201, JSON.stringify(answer));
    assert.equal(answer.author.name, 'Lin Python');
  });
});
