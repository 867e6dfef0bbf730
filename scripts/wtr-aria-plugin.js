// Test commands for what assistive technology is given, in Chromium (CDP) and Firefox (WebDriver BiDi):
//   aria-query {role, name?, root, key}: the elements the browser's accessibility tree exposes with that role
//     and name below window[root] (an element or shadow root). They are handed back to the page as the array
//     window[key], so a test can compare them with the elements it expects.
//   ax-tree {root?}: the whole accessibility tree (below window[root] when given), uninteresting nodes included;
//     Chromium only (Firefox offers no tree over BiDi).
//   forced-colors {active}: emulates forced colours (Windows High Contrast); Chromium only.
//   screenshot {x, y, width, height}: a PNG (base64) of that part of the viewport, in CSS pixels, as painted.
const sessions = new WeakMap();

export function ariaQueryPlugin() {
  return {
    name: 'aria-query-command',
    async executeCommand({ command, payload, session }) {
      if (!['aria-query', 'ax-tree', 'forced-colors', 'screenshot'].includes(command)) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command}: unsupported browser type ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (command === 'ax-tree') {
        const root = payload.root ? await page.evaluateHandle((key) => globalThis[key], payload.root) : undefined;
        const tree = await page.accessibility.snapshot({ interestingOnly: false, ...(root ? { root } : {}) });
        await root?.dispose();
        return tree;
      }
      if (command === 'screenshot') {
        const { x, y, width, height } = payload;
        return page.screenshot({ clip: { x, y, width, height }, encoding: 'base64', captureBeyondViewport: false });
      }
      if (command === 'forced-colors') {
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }] });
        return true;
      }
      const selector = [
        payload.name === undefined ? '' : `[name=${JSON.stringify(payload.name)}]`,
        payload.role === undefined ? '' : `[role=${JSON.stringify(payload.role)}]`,
      ].join('');
      const root = await page.evaluateHandle((key) => globalThis[key], payload.root);
      const handles = await root.$$(`::-p-aria(${selector})`);
      for (const handle of handles) {
        await handle.evaluate((element, key) => (globalThis[key] ??= []).push(element), payload.key);
        await handle.dispose();
      }
      await root.dispose();
      return handles.length;
    },
  };
}
