// Debian's Chromium driven by playwright-core: no browser download, flags this machine needs.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Opens `url` and records everything the page says on its console and every uncaught error. */
export async function openPage(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const messages = [];
  page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => messages.push({ type: 'pageerror', text: String(error) }));
  page.on('response', (response) => {
    if (response.status() >= 400) messages.push({ type: 'http', text: `${response.status()} ${response.url()}` });
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, messages };
}

/** Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (playwright cannot drive it). */
export async function launchFirefox(options = {}) {
  const puppeteer = await import('puppeteer-core');
  return puppeteer.default.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', ...options });
}
