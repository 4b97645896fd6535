// The three engines readers use — Chromium, Firefox (Debian's ESR) and WebKit (WebKitGTK, Safari's
// family) — driven over W3C WebDriver through the same smoke path: the app takes over the prerendered
// page (where requestIdleCallback or the Network Information API may not exist), a client-side route
// change, a footnote preview on focus, a filtered scorecard link, search, the Mongolian interface, an
// embed sizing itself on a partner page of another origin, and the offline copy read with the host gone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIST } from './support/browser.mjs';
import { htmlPages, serve } from './support/server.mjs';
import { missing, startSession } from './support/webdriver.mjs';

let site, partner;
before(async () => {
  site = await serve(DIST, { compress: true });
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
