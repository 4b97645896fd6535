// The benchmark (not a test): what a first visit downloads, and timings in headless Chromium with 4×
// CPU throttling, each beside the same figure for a plain static page of the same text. Prints tables.
// Run through `scripts/bench` (which builds the release site first). Options: --runs N (default 11).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch } from './support/browser.mjs';
import { serve } from './support/server.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 11;
const THROTTLE = 4;
const PAGES = ['/', '/commitments/3'];

const kb = (bytes) => (bytes / 1024).toFixed(1);
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
};

/** Every file a first visit to `/` fetches: the page, and what it links (scripts, wasm, style, icon). */
async function firstVisitSizes(root) {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const start = html.match(/src="([^"]*start-[^"]+\.js)"/)[1];
  const startJs = await readFile(join(root, start), 'utf8');
  const files = [
    ['html', 'index.html'],
    ['js', start],
    ['js', startJs.match(/from '\/?([^']+\.js)'/)[1]],
    ['wasm', startJs.match(/module_or_path: '\/?([^']+\.wasm)'/)[1]],
    ['css', html.match(/href="\/?([^"]+\.css)"/)[1]],
    ['icon', html.match(/rel="icon" href="\/?([^"]+)"/)[1]],
  ];
  const rows = [];
  for (const [kind, file] of files) {
    const bytes = await readFile(join(root, file.replace(/^\//, '')));
    rows.push({ kind, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) });
  }
  return rows;
}

/** A copy of the site with static twins of the measured pages: the same HTML and CSS, no scripts. */
async function withStaticTwins() {
  const root = await mkdtemp(join(tmpdir(), 'irm-bench-'));
  await cp(DIST, root, { recursive: true });
  for (const path of PAGES) {
    const file = join(root, path === '/' ? '' : path, 'index.html');
    const html = (await readFile(file, 'utf8'))
      .replace(/<script\b[^>]*><\/script>/g, '')
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    await writeFile(join(root, `static-${path === '/' ? 'report' : path.replaceAll('/', '-').slice(1)}.html`), html);
  }
  return root;
}

/** FCP, LCP and (for the app) the moment it took over, in ms from navigation start, CPU throttled. */
async function timings(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  // The app marks `app-ready` when it has taken over the page (app::reveal); the static twin has no app.
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length || !document.querySelector('script[src*="start-"]'));
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    ready: performance.getEntriesByName('app-ready')[0]?.startTime ?? NaN,
  }));
  await page.close();
  return result;
}

/** One client-side route change by a click on a link: ms to the new page's heading and to the next frame. */
function change(page, to, heading) {
  return page.evaluate(([to, heading]) => new Promise((resolve) => {
    const link = Object.assign(document.createElement('a'), { href: to });
    document.body.append(link);
    const started = performance.now();
    new MutationObserver((_, observer) => {
      if (location.pathname === to && document.querySelector('main h1')?.textContent.startsWith(heading)) {
        observer.disconnect();
        const rendered = performance.now() - started;
        requestAnimationFrame(() => resolve({ rendered, frame: performance.now() - started }));
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    link.click();
    link.remove();
  }), [to, heading]);
}

/**
 * Client-side route changes: the first change after load (`/` → `/commitments/3`, each on a freshly
 * loaded page, median of 5), then warm ones on the last page (`/commitments/3` ↔ `/commitments/2`, 40).
 */
async function routeChanges(context, base, throttle) {
  const firsts = [];
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${base}/`);
    await page.locator('html[data-app=ready]').waitFor();
    await page.waitForTimeout(300);
    firsts.push(await change(page, '/commitments/3', 'Commitment 3'));
    for (let j = 0; i === 4 && j < 40; j++) {
      await page.waitForTimeout(30);
      warm.push(await (j % 2 ? change(page, '/commitments/3', 'Commitment 3') : change(page, '/commitments/2', 'Commitment 2')));
    }
    await page.close();
  }
  const m = (list, key) => median(list.map((r) => r[key]));
  return { first: { rendered: m(firsts, 'rendered'), frame: m(firsts, 'frame') }, rendered: m(warm, 'rendered'), frame: m(warm, 'frame') };
}

/** A page with all 9 commitment embeds: time until every frame has its content's height, and memory. */
async function embedHost(context, base, root) {
  const frames = Array.from({ length: 9 }, (_, i) =>
    `<iframe src="/embed/commitments/${i + 1}" title="Commitment ${i + 1}" width="100%" height="150" style="border:0" data-irm-embed></iframe>`);
  await writeFile(join(root, 'bench-host.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Nine embeds</title></head><body>${frames.join('\n')}<script src="/embed.js"></script></body></html>`);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 12000 });
  const started = Date.now();
  await page.goto(`${base}/bench-host.html`);
  // Settled: every frame has grown to its content (its first height report arrived) and no height
  // changed for 500 ms. The time is the moment of the last change.
  let settled = NaN;
  let last = '', lastChange = 0;
  for (let i = 0; i < 600; i++) {
    const heights = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => Math.round(f.getBoundingClientRect().height)));
    if (heights.join() !== last) {
      last = heights.join();
      lastChange = Date.now() - started;
    } else if (heights.every((h) => h > 200) && Date.now() - started - lastChange >= 500) {
      settled = lastChange;
      break;
    }
    await page.waitForTimeout(20);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => [...document.querySelectorAll('iframe')]
    .reduce((sum, f) => sum + (f.contentWindow.__wasmMemory?.buffer.byteLength ?? 0), 0));
  await page.close();
  return { settled, heap: usedSize, wasm };
}

const root = await withStaticTwins();
const server = await serve(root);
const chromium = await launch();
try {
  const sizes = await firstVisitSizes(root);
  const byKind = {};
  for (const row of sizes) {
    const k = (byKind[row.kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    for (const m of ['raw', 'gzip', 'brotli']) k[m] += row[m];
  }
  const total = Object.values(byKind).reduce((t, k) => ({ raw: t.raw + k.raw, gzip: t.gzip + k.gzip, brotli: t.brotli + k.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`First visit to / (KB; target: ≤ 150 KB brotli in total)\n`);
  console.log(table([
    ['kind', 'raw', 'gzip', 'brotli'],
    ...Object.entries(byKind).map(([kind, k]) => [kind, kb(k.raw), kb(k.gzip), kb(k.brotli)]),
    ['total', kb(total.raw), kb(total.gzip), kb(total.brotli)],
  ]));

  // The framework's floor (scripts/bench builds it): what a Leptos app with a router and two empty pages ships.
  const floor = join(DIST, '..', 'target', 'leptos-floor');
  const floorRows = [];
  for (const [kind, file] of [['wasm', 'leptos_floor_bg.wasm'], ['js', 'leptos_floor.js']]) {
    const bytes = await readFile(join(floor, file)).catch(() => null);
    if (bytes) floorRows.push([kind, kb(bytes.length), kb(gzipSync(bytes, { level: 9 }).length), kb(brotli(bytes))]);
  }
  if (floorRows.length) {
    console.log('\nFloor: a Leptos app with the router and two trivial pages, built the same way (examples/leptos_floor.rs)\n');
    console.log(table([['kind', 'raw', 'gzip', 'brotli'], ...floorRows]));
  }

  // Embeds remember their wasm memory for the host-page figure.
  await chromium.browser.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; }));
  const rows = [['page', 'FCP app', 'FCP static', 'ratio', 'LCP app', 'LCP static', 'app ready']];
  for (const path of PAGES) {
    const twin = `/static-${path === '/' ? 'report' : path.replaceAll('/', '-').slice(1)}.html`;
    const app = [], plain = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await timings(chromium.browser, server.url + path));
      plain.push(await timings(chromium.browser, server.url + twin));
    }
    const m = (list, key) => median(list.map((r) => r[key]));
    rows.push([path, m(app, 'fcp').toFixed(0), m(plain, 'fcp').toFixed(0), (m(app, 'fcp') / m(plain, 'fcp')).toFixed(2),
      m(app, 'lcp').toFixed(0), m(plain, 'lcp').toFixed(0), m(app, 'ready').toFixed(0)]);
  }
  console.log(`\nIn headless Chromium, CPU throttled ${THROTTLE}×, cache off, median of ${RUNS} runs (ms; target: FCP ≤ 1.1× static)\n`);
  console.log(table(rows));

  const rows2 = [['CPU', 'first: rendered', 'first: next frame', 'warm: rendered', 'warm: next frame']];
  for (const throttle of [1, THROTTLE]) {
    const r = await routeChanges(chromium.browser, server.url, throttle);
    rows2.push([`${throttle}×`, r.first.rendered.toFixed(1), r.first.frame.toFixed(1), r.rendered.toFixed(1), r.frame.toFixed(1)]);
  }
  console.log(`\nClient-side route change, click to the new heading and to the next frame (ms; target ≤ 16). First: / → /commitments/3 ` +
    `after load (median of 5 loads); warm: median of 40 changes between /commitments/2 and /commitments/3\n`);
  console.log(table(rows2));

  const host = await embedHost(chromium.browser, server.url, root);
  console.log(`\nHost page with the 9 commitment embeds (same origin, unthrottled): every height settled after ` +
    `${host.settled} ms; JS heap ${kb(host.heap)} KB; wasm memory of the 9 embeds ${kb(host.wasm)} KB`);
} finally {
  await chromium.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
}
