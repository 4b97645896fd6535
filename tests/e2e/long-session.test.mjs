// A long reading session: 1000 client-side route changes across every route kind must not grow the JS
// heap (after a forced garbage collection) by 10 % or more between the 10th and the 1000th.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

// Every kind of route, with queries, anchors and an unknown path; cycled in this order.
const PATHS = [
  '/', '/commitments', '/commitments/3', '/sources', '/sources/2', '/data',
  '/commitments?results=moderate,significant&sort=title', '/commitments/7', '/sources/5', '/no/such/page',
];

/** Drives `count` route changes in the page through real link clicks the router intercepts. */
function navigate(page, from, count) {
  return page.evaluate(async ({ paths, from, count }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = from; i < from + count; i++) {
      const path = paths[i % paths.length];
      const link = Object.assign(document.createElement('a'), { href: path });
      document.body.append(link);
      link.click();
      link.remove();
      while (location.pathname + location.search !== path || !document.querySelector('main h1')) await frame();
      await frame();
    }
  }, { paths: PATHS, from, count });
}

test('1000 route changes: the heap after them is within 10 % of the heap after 10', { timeout: 600_000 }, () =>
  site.withPage('/', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
      return { js: usedSize, wasm };
    };
    await navigate(page, 0, 10);
    const after10 = await heap();
    // Without the hook's memory there is nothing to compare (null <= null * 1.5 would pass).
    assert.ok(after10.wasm > 0, `the wasm memory was not found: ${after10.wasm}`);
    const started = Date.now();
    await navigate(page, 10, 990);
    const seconds = (Date.now() - started) / 1000;
    const after1000 = await heap();
    const growth = (after1000.js - after10.js) / after10.js;
    const mb = (bytes) => (bytes / 1048576).toFixed(2);
    console.log(`# JS heap after 10 route changes ${mb(after10.js)} MB, after 1000 ${mb(after1000.js)} MB ` +
      `(${(growth * 100).toFixed(1)} %); wasm memory ${mb(after10.wasm)} -> ${mb(after1000.wasm)} MB; ` +
      `990 changes in ${seconds.toFixed(1)} s`);
    assert.ok(growth < 0.1, `the JS heap grew ${(growth * 100).toFixed(1)} %`);
    // Linear memory never shrinks; it may grow once to a working size, not with every page.
    assert.ok(after1000.wasm <= after10.wasm * 1.5, `wasm memory grew from ${after10.wasm} to ${after1000.wasm} bytes`);
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
  }, {
    setup: (page) => page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => { window.__wasmMemory = event.detail.wasm.memory; });
    }),
  }));
