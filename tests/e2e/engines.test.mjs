// The three engines readers use — Chromium, Firefox (Debian's ESR) and WebKit (WebKitGTK, Safari's
// family) — driven over W3C WebDriver through the same smoke path: the app takes over the prerendered
// page (where requestIdleCallback or the Network Information API may not exist), a client-side route
// change, a footnote preview on focus, a filtered scorecard link, search, the Mongolian interface, an
// embed sizing itself on a partner page of another origin, and the offline copy read with the host gone.
// Each test ends by reading what support/page-errors.js recorded on the site's pages: any error fails it,
// and a start may have trapped only if it was restarted once (boot.js) and then worked.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, describe, test } from 'node:test';
import { DIST } from './support/browser.mjs';
import { htmlPages, serve } from './support/server.mjs';
import { missing, startSession } from './support/webdriver.mjs';

let site, partner;
before(async () => {
  const headScript = await readFile(new URL('./support/page-errors.js', import.meta.url), 'utf8');
  site = await serve(DIST, { compress: true, headScript });
  const embed = `${site.url}/embed/commitments/3`;
  const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head>
<body><h1>A partner's page</h1>
<iframe id="embed" src="${embed}" title="Commitment 3" width="100%" height="150" style="border:0" data-irm-embed></iframe>
<script async src="${site.url}/embed.js"></script></body></html>`;
  // A partner page whose column the test widens and narrows: a chart and a commitment in it.
  const widths = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head>
<body style="margin:0"><div id="column" style="width:320px">
<iframe id="chart" src="${site.url}/embed/charts/completion" title="Completion" width="100%" height="150" style="border:0;display:block" data-irm-embed></iframe>
<iframe id="commitment" src="${site.url}/embed/commitments/5" title="Commitment 5" width="100%" height="150" style="border:0;display:block" data-irm-embed></iframe>
</div><script src="${site.url}/embed.js"></script></body></html>`;
  // Another loopback address is another origin, as a partner's site is; it sends no header of its own.
  partner = await serve(DIST, {
    host: '127.0.0.2',
    plain: true,
    handle: htmlPages({ '/partner.html': page, '/widths.html': widths }),
  });
});
after(async () => {
  await partner?.close();
  await site?.close();
});

const appReady = () => document.documentElement.dataset.app === 'ready' && document.querySelector('main h1');

for (const engine of ['chromium', 'firefox', 'webkit']) {
  describe(engine, () => {
    let browser;
    before(async () => {
      // Not skipped when missing: scripts/install-tools installs every engine, so absence is a failure.
      const absent = missing(engine);
      if (absent) throw new Error(absent);
      browser = await startSession(engine);
    });
    after(async () => { await browser?.quit(); });
    afterEach(async () => {
      if (!browser) return;
      // Back on the site's origin (a test may end on the partner's), where its pages recorded.
      await browser.goto(`${site.url}/robots.txt`);
      const recorded = await browser.run(() => {
        const all = JSON.parse(sessionStorage.getItem('irm-lane-errors') || '[]');
        sessionStorage.removeItem('irm-lane-errors');
        return all;
      });
      const traps = recorded.filter((r) => r.trap), restarts = recorded.filter((r) => r.restart);
      const errors = recorded.filter((r) => r.error && !r.trap);
      assert.deepEqual(errors, [], `${engine}: errors on the site's pages`);
      assert.equal(traps.length, restarts.length, `${engine}: every trap restarted the app once: ${JSON.stringify(recorded)}`);
      if (traps.length) console.log(`# ${engine}: ${traps.length} trap(s), each restarted once: ${JSON.stringify(recorded)}`);
    });

    test('the lane sees errors: an uncaught error and a console error on a page are recorded', async () => {
      await browser.goto(`${site.url}/sources`);
      // Made by a script of the page's own (a WebDriver script runs apart from the page in some engines).
      await browser.run(() => {
        const script = document.createElement('script');
        script.src = '/__head.js?check';
        document.head.append(script);
      });
      const recorded = await browser.waitFor('both recorded', () => {
        const all = JSON.parse(sessionStorage.getItem('irm-lane-errors') || '[]');
        return all.length >= 2 && all;
      });
      assert.deepEqual(recorded.map((r) => r.error).sort(), ['console: the lane’s own check', 'uncaught Error: the lane’s own check']);
      await browser.run(() => sessionStorage.removeItem('irm-lane-errors'));
    });

    test('the app takes over the prerendered page by itself', async () => {
      await browser.goto(`${site.url}/`);
      const heading = await browser.run(() => document.querySelector('main h1')?.textContent);
      assert.equal(heading, 'Mongolia Results Report 2021-2023');
      await browser.waitFor('the app', appReady);
      // Static first: the app's files are asked for only after the page has painted.
      const { paint, start } = await browser.run(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        start: performance.getEntriesByType('resource').find((e) => /\/start-[0-9a-f]+\.js$/.test(e.name))?.startTime ?? null,
      }));
      assert.ok(paint !== null && start !== null && start >= paint, `first paint at ${paint} ms, the app asked for at ${start} ms`);
    });

    test('a link is a client-side route change, with focus on the new heading', async () => {
      await browser.goto(`${site.url}/`);
      await browser.waitFor('the app', appReady);
      await browser.run(() => { window.sameDocument = true; });
      await browser.click('nav ul a[href$="/commitments"]');
      const heading = await browser.waitFor('the scorecard', () =>
        location.pathname === '/commitments' && document.activeElement?.matches('main h1') && document.activeElement.textContent);
      assert.equal(heading, 'Commitments scorecard');
      assert.equal(await browser.run(() => window.sameDocument), true, 'no full page load');
    });

    test('a footnote marker shows its citation on focus', async () => {
      await browser.goto(`${site.url}/`);
      await browser.waitFor('the app', appReady);
      const marker = '#implementation-in-context .fn-ref a[aria-label="Footnote 2"]';
      await browser.run((sel) => document.querySelector(sel).focus(), marker);
      const preview = await browser.waitFor('the preview', (sel) => {
        const box = document.querySelector(sel)?.closest('.fn-ref')?.querySelector('.fn-preview');
        return box && box.getClientRects().length > 0 && box.textContent;
      }, [marker]);
      assert.match(preview, /^\[2\] “Inflation, Consumer Prices \(annual %\), Mongolia,” The World Bank/);
    });

    test('a filtered scorecard link, then a filter clicked', async () => {
      await browser.goto(`${site.url}/commitments?results=moderate,significant&sort=title`);
      await browser.waitFor('the app', appReady);
      const rows = () => [...document.querySelectorAll('tbody th a')].map((a) => a.textContent.replace('Commitment ', ''));
      assert.deepEqual(await browser.run(rows), ['9', '3', '2']);
      await browser.click('input[value=significant]');
      await browser.waitFor('the filtered address', () => location.search === '?results=moderate&sort=title');
      assert.deepEqual(await browser.run(rows), ['9', '2']);
    });

    test('typing into the search box searches', async () => {
      await browser.goto(`${site.url}/commitments/2`);
      await browser.waitFor('the app', appReady);
      await browser.type('#site-search-q', 'inflation');
      const marks = await browser.waitFor('results', () => location.pathname === '/search'
        && [...document.querySelectorAll('.search-results mark')].map((m) => m.textContent));
      assert.ok(marks.length > 0 && marks.every((m) => /^inflation/i.test(m)), marks.join());
      assert.equal(await browser.run(() => new URLSearchParams(location.search).get('q')), 'inflation');
    });

    test('?lang=mn: the Mongolian interface', async () => {
      await browser.goto(`${site.url}/commitments/3?lang=mn`);
      await browser.waitFor('the app', appReady);
      const nav = await browser.waitFor('Mongolian', () => document.documentElement.lang === 'mn'
        && [...document.querySelectorAll('nav ul a')].map((a) => a.textContent));
      assert.deepEqual(nav, ['Тайлан', 'Амлалтууд', 'Эх сурвалж', 'Өгөгдөл']);
      assert.equal(await browser.run(() => document.querySelector('main h1').textContent.startsWith('Амлалт 3')), true);
    });

    test('an embed on a partner page of another origin sizes itself', async () => {
      await browser.goto(`${partner.url}/partner.html`);
      // The frame's content is far taller than the snippet's 150 px; the height comes from its messages.
      const height = await browser.waitFor('the embed’s height', () => {
        const h = document.getElementById('embed').getBoundingClientRect().height;
        return h > 600 && h;
      });
      assert.ok(height <= 20000, `${height}`);
    });

    test('a chart and a commitment embed follow the partner column\'s width', async () => {
      await browser.goto(`${partner.url}/widths.html`);
      for (const width of [320, 1280, 390, 768, 320]) {
        await browser.run((w) => { document.getElementById('column').style.width = `${w}px`; }, width);
        for (const id of ['chart', 'commitment']) {
          let frame, needed;
          for (let i = 0; i < 100; i++) {
            frame = await browser.run((id) => document.getElementById(id).clientHeight, id);
            needed = await browser.inFrame(`#${id}`, () => Math.ceil(document.documentElement.getBoundingClientRect().height));
            if (needed > 150 && Math.abs(frame - needed) <= 2) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          assert.ok(needed > 150 && Math.abs(frame - needed) <= 2, `${id} at ${width} px: frame ${frame}, document ${needed}`);
        }
      }
    });

    test('downloads: a chart as SVG, PNG and CSV, the scorecard as CSV, the bundle as JSON', async () => {
      await browser.goto(`${site.url}/data`);
      await browser.waitFor('the app', appReady);
      // The link the app hands the browser is recorded (no save dialog in a headless engine) with the file
      // behind it (the page's policy lets no script fetch a blob: address, so the Blob is kept as it is
      // made); a blob address revoked before a second has passed would cancel a download in Safari.
      await browser.run(() => {
        window.downloads = [];
        window.revoked = [];
        const blobs = new Map();
        const create = URL.createObjectURL, revoke = URL.revokeObjectURL;
        URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
        URL.revokeObjectURL = (url) => { window.revoked.push(url); revoke(url); };
        HTMLAnchorElement.prototype.click = function () {
          window.downloads.push({ href: this.href, name: this.download, blob: blobs.get(this.href) });
        };
      });
      const controls = ['.chart-actions button[data-format=svg]', '.chart-actions button[data-format=png]',
        '.chart-actions button[data-format=csv]', 'button[data-file=scorecard]', 'a[data-file=bundle]'];
      for (const css of controls) await browser.click(css);
      await browser.waitFor('five downloads', () => window.downloads.length === 5);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const files = await browser.waitFor('their contents', () => {
        if (window.read) return window.read.files;
        window.read = {};
        Promise.all(window.downloads.map(async ({ href, name, blob }) => {
          const text = blob ? await blob.text() : atob(href.slice(href.indexOf(',') + 1));
          return { name, scheme: href.split(':')[0], start: text.slice(0, 8), size: text.length, revoked: window.revoked.includes(href) };
        })).then((files) => { window.read.files = files; }, (error) => { window.read.files = [{ name: `unreadable: ${error}` }]; });
        return false;
      });
      const all = JSON.stringify(files);
      const byName = Object.fromEntries(files.map((f) => [f.name.replace(/^.*\./, ''), f]));
      assert.deepEqual(files.map((f) => f.name.replace(/^.*\./, '')).sort(), ['csv', 'csv', 'json', 'png', 'svg'], all);
      assert.equal(byName.svg.start.slice(0, 4), '<svg', all);
      assert.equal(byName.png.start, '\x89PNG\r\n\x1a\n', all);
      assert.equal(byName.json.start[0], '{', all);
      assert.ok(files.every((f) => f.size > 100 && !f.revoked), all);
    });

    test('after one visit the edition reads with its host gone', async () => {
      const own = await serve(DIST, { compress: true });
      try {
        await browser.goto(`${own.url}/`);
        const state = await browser.waitFor('the offline copy', () =>
          ['saved', 'partial', 'unsupported'].includes(document.documentElement.dataset.offline) && document.documentElement.dataset.offline,
        [], 60_000);
        assert.equal(state, 'saved');
      } finally {
        await own.close();
      }
      await browser.goto(`${own.url}/commitments/3`);
      const heading = await browser.waitFor('the app, offline', () =>
        document.documentElement.dataset.app === 'ready' && document.querySelector('main h1')?.textContent);
      assert.match(heading, /^Commitment 3: /);
    });
  });
}
