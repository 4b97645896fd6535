// Static first: the prerendered page is what a reader gets first; the wasm app is fetched only after the
// first paint (or on intent), takes over without losing what the reader was doing, and embeds size
// themselves without it — also sandboxed on a host that sends no CORS header.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { serve } from './support/server.mjs';
import { DIST, openPage } from './support/browser.mjs';
import { useSite } from './support/site.mjs';

const site = useSite();
const APP_FILE = /(_bg\.wasm|\/irm-report-[0-9a-f]+\.js|\/start-[0-9a-f]+\.js)$/;

/** A fresh page whose app files are held back until `release()` (or refused with `refuse`). */
async function heldPage({ refuse = false, init, context = site.chromium.browser } = {}) {
  const page = await openPage(context);
  page.appRequests = [];
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(APP_FILE, async (route) => {
    page.appRequests.push(route.request().url());
    if (refuse) return route.abort();
    await released;
    await route.continue();
  });
  if (init) await page.addInitScript(init);
  page.release = release;
  return page;
}

const ready = (page) => page.locator('html[data-app=ready]').waitFor({ timeout: 20_000 });

describe('static first', () => {
  test('the start does none of the build\'s work, in phases marked in tasks of their own, and kept charts', async () => {
    const page = await openPage(site.chromium.browser);
    const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })));
    try {
      for (const path of ['/', '/commitments/3', '/data', '/embed/charts/completion']) {
        await page.goto(site.url + path);
        // An embed starts its app only on intent: a key.
        if (path.startsWith('/embed/')) await page.keyboard.press('Shift');
        await ready(page);
        const names = (await marks()).map((m) => m.name);
        // The embedded report arrives as the build validated it; the English catalogue as a table. (On
        // /data the list of bundles beside the app is fetched and read: that is not the build's work.)
        const buildWork = names.filter((n) => n === 'validate' || /^json-parse: .*(Bundle|BTreeMap)/.test(n));
        assert.deepEqual(buildWork, [], `${path}: ${names.join(', ')}`);
        if (!path.startsWith('/embed/')) {
          const order = ['app-instantiated', 'app-model-ready', 'app-frame-built', 'app-route-rendered', 'app-ready'];
          assert.deepEqual(names.filter((n) => order.includes(n)), order, `${path}: ${names.join(', ')}`);
        }
      }
      // The counter sees what it should: another bundle and another language are read and checked.
      await page.goto(site.url + '/?bundle=mongolia-2021-2023&lang=mn');
      await ready(page);
      const names = (await marks()).map((m) => m.name);
      assert.ok(names.includes('validate'), names.join(', '));
      assert.ok(names.some((n) => /^json-parse: .*::Bundle$/.test(n)), names.join(', '));
      assert.ok(names.some((n) => /^json-parse: .*BTreeMap/.test(n)), `the Mongolian catalogue is read: ${names.join(', ')}`);
      // On `/` the charts shown are the prerendered drawings, kept: identical to the page's own.
      const html = await (await fetch(site.url + '/')).text();
      await page.goto(site.url + '/');
      await ready(page);
      for (const id of ['chart-completion', 'chart-early-results', 'chart-scorecard-matrix']) {
        const shown = await page.locator(`#${id} .chart-svg svg`).count();
        assert.equal(shown, 1, `${id} has one drawing`);
        assert.ok(html.includes(`id="${id}-title"`), `${id} is prerendered`);
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('nothing of the app is fetched before the first paint, nor preloaded', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      for (const path of ['/', '/commitments/3', '/embed/commitments/3']) {
        const html = await (await fetch(site.url + path)).text();
        assert.doesNotMatch(html, /rel="(module)?preload"/, `${path} preloads`);
        assert.doesNotMatch(html, /<script[^>]*type="module"/, `${path} has a module script`);
      }
      await page.goto(site.url + '/commitments/3');
      await ready(page);
      const { fcp, app } = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        app: performance.getEntriesByType('resource').filter((e) => /(\.wasm|irm-report-[0-9a-f]+\.js|start-[0-9a-f]+\.js)$/.test(e.name))
          .map((e) => ({ name: e.name, start: e.startTime })),
      }));
      assert.equal(app.length, 3, JSON.stringify(app));
      for (const file of app) assert.ok(file.start >= fcp, `${file.name} requested at ${file.start} ms, before the first paint at ${fcp} ms`);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  for (const [name, connection] of [['Save-Data', { saveData: true, effectiveType: '4g' }], ['a 2G connection', { saveData: false, effectiveType: '2g' }]]) {
    test(`with ${name} the app waits for intent, then starts`, async () => {
      const page = await heldPage({ init: `Object.defineProperty(navigator, 'connection', { value: ${JSON.stringify(connection)} })` });
      page.release();
      try {
        await page.goto(site.url + '/');
        await page.locator('html[data-app=on-intent]').waitFor();
        await page.waitForTimeout(2500); // Past the idle deadline.
        assert.deepEqual(page.appRequests, [], 'no app file before intent');
        await page.locator('.fn-ref a').first().hover();
        await ready(page);
        assert.equal(page.appRequests.length, 3);
        // The marker under the pointer shows its preview once the app has taken over.
        await page.locator('.fn-ref .fn-preview:not([hidden])').first().waitFor();
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('a footnote marker tapped before the app shows its preview at once, and the app keeps it open', async () => {
    const phone = await site.chromium.browser.browser().newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    const marker = '#implementation-in-context .fn-ref a[aria-label="Footnote 2"]';
    const preview = '#implementation-in-context .fn-ref:has(a[aria-label="Footnote 2"]) .fn-preview';
    try {
      const page = await heldPage({ context: phone });
      await page.goto(site.url + '/');
      await page.locator(marker).tap();
      await page.locator(preview).waitFor({ state: 'visible' });
      assert.equal(await page.locator(marker).getAttribute('aria-expanded'), 'true');
      assert.equal(page.url(), `${site.url}/`, 'the first tap stays on the page');
      assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', 'shown without the app');
      // A press elsewhere closes it, another tap opens it again.
      await page.locator('#implementation-in-context-heading').tap();
      await page.locator(preview).waitFor({ state: 'hidden' });
      assert.equal(await page.locator(marker).getAttribute('aria-expanded'), 'false');
      await page.locator(marker).tap();
      await page.locator(preview).waitFor({ state: 'visible' });
      page.release();
      await ready(page);
      // The app's marker has it open (its own state: aria-expanded is the app's), and a second tap follows the link.
      await page.locator(preview).waitFor({ state: 'visible' });
      assert.equal(await page.locator(marker).getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator('.fn-preview:not([hidden])').count(), 1);
      await page.locator(marker).tap();
      await page.waitForURL(`${site.url}/#fn-2`);
      assert.deepEqual(page.errors, []);
    } finally {
      await phone.close();
    }
  });

  test('a link clicked before the app runs is an ordinary navigation to the prerendered page', async () => {
    const page = await heldPage({ refuse: true });
    try {
      await page.goto(site.url + '/');
      await page.locator('header nav a[href="/commitments"]').click();
      await page.waitForURL(`${site.url}/commitments`);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name), `${site.url}/commitments`);
      assert.match(await page.locator('main h1').textContent(), /commitments/i);
      assert.ok(page.appRequests.length > 0, 'the press was taken as intent');
      assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', 'no app (its files are refused)');
    } finally {
      await page.close();
    }
  });

  test('text typed into the search box before takeover is kept, caret and focus too, and searched', async () => {
    const page = await heldPage();
    try {
      await page.goto(site.url + '/');
      const box = page.locator('#site-search-q');
      await box.click();
      await box.pressSequentially('procure');
      await box.press('ArrowLeft');
      await box.press('ArrowLeft');
      assert.ok(page.appRequests.length > 0, 'typing started the app');
      page.release();
      await ready(page);
      assert.deepEqual(await page.evaluate(() => {
        const input = document.getElementById('site-search-q');
        return { value: input.value, caret: input.selectionStart, focused: document.activeElement === input };
      }), { value: 'procure', caret: 5, focused: true });
      await page.waitForURL(/\/search\?q=procure$/);
      await page.locator('main .search-results, main [role=status]').first().waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('scroll position, selection and focus survive takeover; the largest paint is not replaced', async () => {
    const page = await heldPage();
    try {
      await page.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => window.__lcp.push(...list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(site.url + '/');
      await page.waitForTimeout(200); // The paint's entries reach the observer.
      const before = await page.evaluate(() => {
        const paragraph = document.querySelector('#completion-p1');
        paragraph.scrollIntoView({ behavior: 'instant', block: 'center' });
        const text = paragraph.firstChild.nodeType === 3 ? paragraph.firstChild : paragraph.querySelector('*').firstChild;
        getSelection().setBaseAndExtent(text, 4, text, 30);
        document.querySelector('header nav a[href="/commitments"]').focus({ preventScroll: true });
        return { scroll: Math.round(scrollY), selection: getSelection().toString(), lcp: window.__lcp.length };
      });
      assert.ok(before.scroll > 300 && before.selection.length === 26, JSON.stringify(before));
      page.release();
      await ready(page);
      const after = await page.evaluate(() => ({
        scroll: Math.round(scrollY),
        selection: getSelection().toString(),
        focus: document.activeElement.getAttribute('href'),
        focusInDocument: document.contains(document.activeElement),
      }));
      assert.deepEqual(after, { scroll: before.scroll, selection: before.selection, focus: '/commitments', focusInDocument: true });
      const lcp = await page.evaluate(() => window.__lcp.map((e) => ({ kept: e.element?.isConnected ?? false, tag: e.element?.tagName })));
      assert.ok(lcp.length > 0);
      assert.ok(lcp.at(-1).kept || lcp.length === before.lcp, `the largest paint after takeover: ${JSON.stringify(lcp)}`);
    } finally {
      await page.close();
    }
  });

  test('a click on a control before the app runs is made again once it has taken over', async () => {
    const page = await heldPage();
    try {
      await page.goto(site.url + '/commitments');
      // A filter ticked and the Embed dialog asked for while the app is still loading.
      await page.locator('.filters input[value=moderate]').check();
      await page.locator('main .actions button.embed-button').click();
      assert.ok(page.appRequests.length > 0, 'the press started the app');
      page.release();
      await ready(page);
      await page.waitForURL(/\/commitments\?results=moderate$/);
      assert.ok(await page.locator('.filters input[value=moderate]').isChecked());
      await page.locator('dialog[open] textarea').waitFor();
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('an error thrown through the app as it starts leaves the page readable, and says the app is unavailable', async () => {
    // The app's first DOM call that cannot fail by its declaration (naming its root) throws, as a
    // browser's own bug would: the error unwinds through the wasm, which never finishes starting.
    const page = await heldPage({
      init: () => {
        const id = Object.getOwnPropertyDescriptor(Element.prototype, 'id');
        Object.defineProperty(Element.prototype, 'id', {
          ...id,
          set(value) {
            if (value === 'app') throw new TypeError('refused by the test');
            id.set.call(this, value);
          },
        });
      },
    });
    page.release();
    try {
      await page.goto(site.url + '/commitments/3');
      await page.locator('html[data-app=unavailable]').waitFor({ timeout: 20_000 });
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.ok(marks.some((name) => /^app-error: .*refused by the test/.test(name)), marks.join());
      assert.equal(page.appRequests.length, 3, 'the app was fetched');
      // The prerendered page is still the page, and its links are ordinary navigations.
      assert.match(await page.locator('main h1').textContent(), /^Commitment 3: /);
      await page.locator('header nav a[href="/sources"]').click();
      await page.waitForURL(`${site.url}/sources`);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name), `${site.url}/sources`);
    } finally {
      await page.close();
    }
  });

  // A wasm trap as WebKitGTK's engine throws one now and then (README, "Browsers"): a page whose instance's
  // closure shims, called from the app's tasks, throw a RuntimeError the first `traps` times it loads.
  const trappingPage = async (traps) => {
    const page = await openPage(site.chromium.browser);
    await page.addInitScript((traps) => {
      const loads = Number(sessionStorage.getItem('loads') ?? 0) + 1;
      sessionStorage.setItem('loads', loads);
      if (loads > traps) return;
      const trapOnce = (result) => {
        let calls = 0;
        const exports = { ...result.instance.exports };
        for (const [name, f] of Object.entries(exports)) {
          if (!name.includes('closures_____invoke')) continue;
          exports[name] = (...args) => {
            if (++calls === 3) throw new WebAssembly.RuntimeError('Out of bounds memory access (the test)');
            return f(...args);
          };
        }
        return { module: result.module, instance: { exports } };
      };
      const { instantiate, instantiateStreaming } = WebAssembly;
      WebAssembly.instantiateStreaming = async (...args) => trapOnce(await instantiateStreaming(...args));
      WebAssembly.instantiate = async (...args) => trapOnce(await instantiate(...args));
    }, traps);
    return page;
  };

  test('a wasm trap as the app starts restarts it once, and the reader gets the app', async () => {
    const page = await trappingPage(1);
    try {
      await page.goto(site.url + '/commitments/3');
      await ready(page);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.equal(marks.filter((name) => name.startsWith('app-restart: ')).length, 1, marks.join());
      assert.match(marks.find((name) => name.startsWith('app-restart: ')), /Out of bounds memory access \(the test\)/);
      assert.ok(!marks.some((name) => /^app-(error|panic)/.test(name)), marks.join());
      assert.equal(await page.evaluate(() => sessionStorage.getItem('loads')), '2', 'loaded twice');
      // The guard is taken out of the history entry: a later reload may restart again.
      assert.equal(await page.evaluate(() => history.state?.irmRestartedAfter), undefined);
      // The app works: a route change.
      await page.locator('header nav a[href="/sources"]').click();
      await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name), `${site.url}/commitments/3`);
      assert.deepEqual(page.errors.filter((e) => !/the test/.test(e)), []);
      assert.equal(page.errors.length, 1, 'the trap itself, uncaught, once');
    } finally {
      await page.close();
    }
  });

  test('a second trap leaves the readable page: never a loop', async () => {
    const page = await trappingPage(5);
    try {
      await page.goto(site.url + '/commitments/3');
      await page.locator('html[data-app=unavailable]').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('loads')), '2', 'one restart, no more');
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.ok(marks.some((name) => name.startsWith('app-restart: ')), marks.join());
      assert.ok(marks.some((name) => /^app-error: .*Out of bounds/.test(name)), marks.join());
      assert.match(await page.locator('main h1').textContent(), /^Commitment 3: /);
    } finally {
      await page.close();
    }
  });

  test('Safari\'s history throttle: a refused push becomes a page load, a refused replace is dropped, no panic', async () => {
    const page = await openPage(site.chromium.browser);
    // Safari throws a SecurityError past 100 calls in 10 seconds; here every call is refused.
    await page.addInitScript(() => {
      for (const name of ['pushState', 'replaceState']) {
        History.prototype[name] = () => { throw new DOMException(`${name} refused: too many calls`, 'SecurityError'); };
      }
    });
    try {
      await page.goto(site.url + '/commitments');
      await ready(page);
      // One click, as a reader's: Playwright's check() would click again on the next page's prerendered
      // (not yet filtered) checkbox, turning the filter off.
      await page.locator('.filters input[value=moderate]').click();
      await page.waitForURL(/\/commitments\?results=moderate$/);
      await ready(page);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name), `${site.url}/commitments?results=moderate`, 'a page load');
      assert.ok(await page.locator('.filters input[value=moderate]').isChecked());
      await page.locator('header nav a[href="/sources"]').click();
      await page.waitForURL(`${site.url}/sources`);
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
      // On the search page each typed search replaces the entry: refused, the results still follow.
      await page.goto(`${site.url}/search?q=open`);
      await ready(page);
      await page.locator('#site-search-q').fill('inflation');
      await page.locator('.search-results mark', { hasText: /^inflation/i }).first().waitFor();
      assert.equal(page.url(), `${site.url}/search?q=open`, 'the address lags');
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.ok(!marks.some((name) => /^app-(error|panic)/.test(name)), marks.join());
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('a panic in the app says the app is unavailable, with its message', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(site.url + '/commitments');
      await ready(page);
      // A history API that throws past boot.js's guard (which it replaces): the router unwraps it.
      await page.evaluate(() => {
        History.prototype.pushState = () => { throw new DOMException('too many history entries', 'SecurityError'); };
      });
      await page.locator('.filters input[value=moderate]').check();
      await page.locator('html[data-app=unavailable]').waitFor();
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.ok(marks.some((name) => name.startsWith('app-panic: ') && name.includes('SecurityError')), marks.join());
      assert.ok(page.errors.some((error) => error.includes('panicked')), 'the panic is on the console too');
    } finally {
      await page.close();
    }
  });

  test('a saved dark theme applies before first paint, without the app', async () => {
    const page = await heldPage({
      refuse: true,
      init: () => {
        localStorage.setItem('irm-report-theme', 'dark');
        new MutationObserver(() => { window.__themeAt ??= performance.now(); })
          .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-theme'] });
      },
    });
    try {
      await page.goto(site.url + '/commitments/3');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length);
      const { themeAt, fcp } = await page.evaluate(() => ({
        themeAt: window.__themeAt, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      }));
      assert.ok(themeAt < fcp, `the theme applied at ${themeAt} ms, the first contentful paint at ${fcp} ms`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      assert.ok(r + g + b < 200, `a dark background: ${background}`);
    } finally {
      await page.close();
    }
  });
});

describe('embeds without the wasm', () => {
  let partner, partnerDir, plainHost;
  after(async () => {
    await partner?.close();
    await plainHost?.close();
    if (partnerDir) await rm(partnerDir, { recursive: true, force: true });
  });

  /** A partner page on another origin with one embed; it records every height message it receives. */
  async function partnerPage(src, sandbox = '') {
    partnerDir ??= await mkdtemp(join(tmpdir(), 'irm-partner-'));
    partner ??= await serve(partnerDir);
    const name = `p${Math.random().toString(36).slice(2)}.html`;
    await writeFile(join(partnerDir, name), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<link rel="icon" href="data:,"></head><body>
<iframe id="embed" src="${src}" title="Embed" width="100%" height="150" style="border:0" ${sandbox} data-irm-embed></iframe>
<script src="${new URL(src).origin}/embed.js"></script>
<script>
  window.heights = [];
  addEventListener('message', (e) => { if (e.data && e.data.type === 'irm-embed:resize') heights.push({ at: performance.now(), height: e.data.height }); });
</script></body></html>`);
    return `${partner.url}/${name}`;
  }

  async function sized(page) {
    for (let i = 0; i < 100; i++) {
      const frame = Math.round(await page.locator('#embed').evaluate((f) => f.getBoundingClientRect().height));
      const content = await (await page.locator('#embed').elementHandle()).contentFrame()
        .then((f) => f.evaluate(() => Math.ceil(document.getElementById('embed-root')?.getBoundingClientRect().height ?? -1)));
      if (content > 150 && Math.abs(frame - content) <= 2) return frame;
      await page.waitForTimeout(100);
    }
    assert.fail('the embed did not size itself');
  }

  test('an embed sizes itself with its wasm refused, and fetches no app file before intent', async () => {
    const page = await heldPage({ refuse: true });
    try {
      await page.setViewportSize({ width: 900, height: 3000 });
      await page.goto(await partnerPage(`${site.url}/embed/commitments/3?theme=dark`));
      await sized(page);
      const frame = await (await page.locator('#embed').elementHandle()).contentFrame();
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await page.waitForTimeout(1000);
      assert.deepEqual(page.appRequests, [], 'no app file without intent');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('sandboxed, on a host that sends no CORS or other header, an embed sizes itself', async () => {
    plainHost ??= await serve(DIST, { plain: true });
    const page = await openPage(site.chromium.browser);
    try {
      await page.setViewportSize({ width: 900, height: 3000 });
      await page.goto(await partnerPage(`${plainHost.url}/embed/charts/completion`, 'sandbox="allow-scripts allow-popups"'));
      assert.ok((await sized(page)) > 200);
      const response = await fetch(`${plainHost.url}/embed/charts/completion`);
      assert.equal(response.headers.get('access-control-allow-origin'), null, 'the plain host sends no CORS header');
    } finally {
      await page.close();
    }
  });

  test('a layout loop is held to 8 height messages a second, and its last height still arrives', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.setViewportSize({ width: 900, height: 3000 });
      await page.goto(await partnerPage(`${site.url}/embed/commitments/3?compact`));
      await sized(page);
      const frame = await (await page.locator('#embed').elementHandle()).contentFrame();
      const start = await page.evaluate(() => performance.now());
      // 60 changes of height in about a second.
      const last = await frame.evaluate(() => new Promise((resolve) => {
        const root = document.getElementById('embed-root');
        const spacer = root.appendChild(document.createElement('div'));
        let i = 0;
        const step = () => {
          spacer.style.height = `${10 + i * 7}px`;
          if (++i < 60) setTimeout(step, 16);
          else requestAnimationFrame(() => resolve(Math.ceil(root.getBoundingClientRect().height)));
        };
        step();
      }));
      await page.waitForTimeout(2200);
      const heights = (await page.evaluate(() => window.heights)).filter((h) => h.at >= start);
      for (const h of heights) {
        const inWindow = heights.filter((o) => o.at >= h.at && o.at < h.at + 1000).length;
        assert.ok(inWindow <= 8, `${inWindow} messages within a second: ${JSON.stringify(heights)}`);
      }
      assert.equal(heights.at(-1).height, last, 'the last height of the burst was sent');
      assert.ok(heights.length >= 8, `${heights.length} messages`);
    } finally {
      await page.close();
    }
  });

  test('only the exact theme message from the parent window changes the theme', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(await partnerPage(`${site.url}/embed/charts/completion`));
      await sized(page);
      const frame = await (await page.locator('#embed').elementHandle()).contentFrame();
      const theme = () => frame.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
      const post = (message) => page.evaluate((m) => document.getElementById('embed').contentWindow.postMessage(m, '*'), message);
      for (const ignored of [
        { type: 'irm-embed:theme', version: 2, theme: 'dark' },
        { type: 'irm-embed:resize', version: 1, theme: 'dark' },
        { type: 'irm-embed:theme', version: 1, theme: 'sepia' },
        { type: 'irm-embed:theme', version: 1, theme: 'dark', html: '<img src=x onerror=alert(1)>' },
        { type: 'irm-embed:theme', version: '1', theme: 'dark' },
        { type: 'irm-embed:theme', theme: 'dark' },
        JSON.stringify({ type: 'irm-embed:theme', version: 1, theme: 'dark' }),
        ['irm-embed:theme', 1, 'dark'],
        null,
        '',
      ]) {
        await post(ignored);
      }
      // The same message from the frame itself (not its parent) is ignored too.
      await frame.evaluate(() => postMessage({ type: 'irm-embed:theme', version: 1, theme: 'dark' }, '*'));
      await page.waitForTimeout(300);
      assert.equal(await theme(), 'auto');
      await post({ version: 1, theme: 'dark', type: 'irm-embed:theme' });
      await page.waitForTimeout(100);
      assert.equal(await theme(), 'dark');
      await post({ type: 'irm-embed:theme', version: 1, theme: 'auto' });
      await page.waitForTimeout(100);
      assert.equal(await theme(), 'auto');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
