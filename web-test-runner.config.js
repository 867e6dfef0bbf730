import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { ariaQueryPlugin } from './scripts/wtr-aria-plugin.js';
import { countingReporter } from './scripts/wtr-counting-reporter.js';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';

const wanted = (process.env.INKWELL_BROWSERS ?? 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
    }),
  );
}

// Images that arrive late, for the layout-shift tests: /__slow-image.svg?ms=800&w=1600&h=900
const SLOW_IMAGE = /^\/__slow-image\.svg(\?.*)?$/;
async function slowImage(context, next) {
  if (!SLOW_IMAGE.test(context.url)) return next();
  const query = new URLSearchParams(context.url.split('?')[1] ?? '');
  await new Promise((resolve) => setTimeout(resolve, Number(query.get('ms') ?? 500)));
  const [w, h] = [Number(query.get('w') ?? 1600), Number(query.get('h') ?? 900)];
  context.type = 'image/svg+xml';
  context.body = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#8ab"/></svg>`;
}

export default {
  middleware: [slowImage],
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/ssr/**'], // test/ssr runs in Node (the ssr suite)
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), ariaQueryPlugin()],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Coverage comes from Chromium (V8); the Firefox run only runs the tests.
  coverage: process.env.INKWELL_COVERAGE !== 'off',
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts', 'node_modules/**'],
    threshold: { statements: 90, branches: 70, functions: 85, lines: 90 },
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
