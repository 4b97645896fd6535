// The site built for a sub-path, as README's "Deploy" says (`SITE_URL=https://example.org/mongolia/ trunk
// build --release --public-url /mongolia/`, scripts/test writes it to dist-mongolia/) and served only
// under /mongolia/: every route, client-side navigation, addresses without a file, embeds on a partner
// page, downloads, the Mongolian catalogue, the oEmbed documents, the sitemap and the header rules.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DIST, openPage } from './support/browser.mjs';
import { htmlPages, serve } from './support/server.mjs';
import { useSite } from './support/site.mjs';

const ROOT = fileURLToPath(new URL('../../dist-mongolia', import.meta.url));
const SITE_URL = 'https://example.org/mongolia/';
const BASE = '/mongolia/';
assert.ok(existsSync(ROOT), `${ROOT} is missing: scripts/test builds it (see the header of this file)`);

// Beside this edition, on the same origin: another edition's embed.js and an embed-like page, and a page
// outside both editions that posts height messages too.
const SENDER = (height) => `<!DOCTYPE html><html lang="en"><head><title>sender</title></head><body><script>
  setInterval(() => parent.postMessage({ type: 'irm-embed:resize', version: 1, path: '/embed/x', height: ${height} }, '*'), 100);
</script></body></html>`;
const site = useSite({
  root: ROOT,
  base: BASE,
  handle: (path, req, res) => {
    const answers = {
      '/other-edition/embed.js': ['text/javascript', readFileSync(join(ROOT, 'embed.js'))],
      '/other-edition/embed/sender.html': ['text/html', SENDER(611)],
      '/elsewhere/embed/sender.html': ['text/html', SENDER(4321)],
    };
    if (!answers[path]) return false;
    res.writeHead(200, { 'content-type': `${answers[path][0]}; charset=utf-8` }).end(answers[path][1]);
    return true;
  },
});
const withPage = (...args) => site.withPage(...args);
/** The local address of a public one. */
const local = (url) => `${site.url}${BASE}${url.slice(SITE_URL.length)}`;

async function sitemapUrls() {
  const sitemap = await (await fetch(`${site.url}${BASE}sitemap.xml`)).text();
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
}

describe('a site built under /mongolia/', () => {
  test('the sitemap and robots.txt name public addresses under the sub-path', async () => {
    const urls = await sitemapUrls();
    // The same pages as the site built for the root (dist/sitemap.xml).
    const atRoot = [...readFileSync(join(DIST, 'sitemap.xml'), 'utf8').matchAll(/<loc>http:\/\/127\.0\.0\.1:8080\/([^<]*)<\/loc>/g)];
    assert.deepEqual(urls, atRoot.map((m) => SITE_URL + m[1]));
    assert.match(await (await fetch(`${site.url}${BASE}robots.txt`)).text(), /^Sitemap: https:\/\/example\.org\/mongolia\/sitemap\.xml$/m);
    assert.equal((await fetch(`${site.url}/commitments/3`, { headers: { accept: 'text/html' } })).status, 404, 'nothing outside it');
  });

  test('every page of the sitemap: its own file, its canonical address, the app takes over', async () => {
    for (const url of await sitemapUrls()) {
      const response = await fetch(local(url));
      const html = await response.text();
      assert.equal(response.status, 200, url);
      assert.match(html, /<base href="\/mongolia\/">/, url);
      assert.ok(html.includes(`<link rel="canonical" href="${url}">`), url);
      assert.doesNotMatch(html, /(href|src)="\/(?!mongolia\/)[^"]*"/, `${url}: an address outside the sub-path`);
      await withPage(local(url).slice(site.url.length), async (page) => {
        assert.equal(new URL(page.url()).pathname, new URL(url).pathname);
        assert.ok((await page.locator('main h1').textContent()).length > 0, url);
      });
    }
  });

  test('links are client-side route changes that stay under the sub-path', () => withPage(BASE, async (page) => {
    await page.locator('nav ul a', { hasText: 'Commitments' }).click();
    await page.locator('main h1', { hasText: 'Commitments scorecard' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/mongolia/commitments');
    await page.locator('tbody th a', { hasText: 'Commitment 3' }).click();
    await page.locator('main h1', { hasText: 'Commitment 3:' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/mongolia/commitments/3');
    // The app's own navigations too: a scorecard filter and typed search.
    await page.goBack();
    await page.locator('input[value=significant]').click();
    await page.waitForURL((url) => url.pathname === '/mongolia/commitments' && url.search === '?results=significant');
    await page.locator('#site-search-q').fill('inflation');
    await page.waitForURL((url) => url.pathname === '/mongolia/search' && url.search === '?q=inflation');
    await page.locator('.search-results mark').first().waitFor();
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
  }));

  test('addresses without a file of their own: search and an OGP id', async () => {
    await withPage(`${BASE}search?q=inflation`, async (page) => {
      assert.match(await page.locator('.search-page .count').textContent(), /^\d+ results for “inflation”$/);
      const link = await page.locator('.search-results a').first().getAttribute('href');
      assert.ok(link.startsWith(BASE), link);
    });
    await withPage(`${BASE}commitments/MN0050`, async (page) => {
      await page.waitForURL(/\/mongolia\/commitments\/\d$/);
      assert.match(await page.locator('main h1').textContent(), /^Commitment \d: /);
    });
  });

  test('?lang=mn fetches the catalogue under the sub-path', () => withPage(`${BASE}commitments/3?lang=mn`, async (page) => {
    await page.locator('nav ul a', { hasText: 'Тайлан' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'mn');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(fetched.includes('/mongolia/locales/mn.json'), fetched.join());
  }));

  test('downloads: the bundle and a chart', () => withPage(`${BASE}data`, async (page) => {
    const [bundle] = await Promise.all([page.waitForEvent('download'), page.locator('[data-file=bundle]').click()]);
    assert.equal(bundle.suggestedFilename(), 'mongolia-2021-2023.json');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-completion button', { hasText: 'SVG' }).click()]);
    assert.match(svg.suggestedFilename(), /\.svg$/);
    assert.equal(await page.locator('.bundle-list a').first().getAttribute('href'), BASE);
  }));

  test('oEmbed documents and their discovery links use the public address', async () => {
    const html = await (await fetch(`${site.url}${BASE}embed/commitments/3`)).text();
    const href = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
    assert.equal(href, `${SITE_URL}oembed/commitments/3.json`);
    const oembed = await (await fetch(local(href))).json();
    assert.equal(oembed.type, 'rich');
    assert.ok(oembed.html.includes(`src="${SITE_URL}embed/commitments/3"`), oembed.html);
    assert.ok(oembed.html.includes(`src="${SITE_URL}embed.js"`), oembed.html);
  });

  test('the header rules name the sub-path: embeds may be framed', async () => {
    const embed = await fetch(`${site.url}${BASE}embed/scorecard`);
    assert.ok(embed.headers.get('content-security-policy').split(', ').includes('frame-ancestors *'));
    assert.equal((await fetch(`${site.url}${BASE}commitments`)).headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('an embed of the sub-path site on a partner page', () => {
  let partner;
  before(async () => {
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head>
<body><iframe id="embed" src="${site.url}${BASE}embed/commitments/3" title="Commitment 3" width="100%" height="150" style="border:0" data-irm-embed></iframe>
<iframe id="other" src="${site.url}/other-edition/embed/sender.html" title="Another edition" height="150" style="border:0" data-irm-embed></iframe>
<iframe id="elsewhere" src="${site.url}/elsewhere/embed/sender.html" title="Not an edition" height="150" style="border:0" data-irm-embed></iframe>
<script src="${site.url}${BASE}embed.js"></script>
<script src="${site.url}/other-edition/embed.js"></script></body></html>`;
    partner = await serve(ROOT, {
      host: '127.0.0.2',
      handle: htmlPages({ '/partner.html': page }),
    });
  });
  after(() => partner?.close());

  test('sizes itself and opens the full view under the sub-path in a new tab', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(`${partner.url}/partner.html`);
      const frame = await (await page.locator('#embed').elementHandle()).contentFrame();
      const content = await frame.evaluate(() => Math.ceil(document.getElementById('embed-root').getBoundingClientRect().height));
      const height = () => page.locator('#embed').evaluate((f) => Math.round(f.getBoundingClientRect().height));
      for (let i = 0; i < 40 && Math.abs((await height()) - content) > 2; i++) await page.waitForTimeout(50);
      assert.ok(Math.abs((await height()) - content) <= 2 && content > 300, `${await height()} / ${content}`);
      const link = frame.locator('.embed-footer a');
      assert.equal(new URL(await link.evaluate((a) => a.href)).pathname, '/mongolia/commitments/3');
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test("embed.js sizes only frames under its own edition's folder; another edition's script works beside it", async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(`${partner.url}/partner.html`);
      const height = (id) => page.locator(`#${id}`).evaluate((f) => Math.round(f.getBoundingClientRect().height));
      for (let i = 0; i < 40 && (await height('other')) !== 611; i++) await page.waitForTimeout(50);
      assert.equal(await height('other'), 611, "the other edition's script sizes its own frame");
      await page.waitForTimeout(300);
      assert.equal(await height('elsewhere'), 150, 'a page of the same origin outside both editions is not sized');
    } finally {
      await page.close();
    }
  });
});
