// What README's "Hosting", "Deploy" and "Embedding" promise a host and a partner: the policy in every
// HTML file, the `_headers` sample as a host sends it, embed.js's size, and 404.html as GitHub Pages
// serves it (this file's server answers an address that leads nowhere with 404.html, status 404).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { DIST, openPage } from './support/browser.mjs';
import { REPORT_TITLE, htmlFiles, useSite } from './support/site.mjs';

// A page of another origin (the same server named `localhost`) that frames one of the report's pages and
// one embed view.
const FRAMER = (port) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>framer</title></head><body>
<iframe name="page" src="http://127.0.0.1:${port}/commitments/3"></iframe>
<iframe name="embed" src="http://127.0.0.1:${port}/embed/commitments/3"></iframe></body></html>`;
const site = useSite({
  fallback: '404',
  handle: (path, req, res) => {
    if (path !== '/framer.html') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FRAMER(req.socket.localPort));
    return true;
  },
});
const metaPolicy = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];

describe('Content-Security-Policy', () => {
  test('every HTML file the build writes carries the policy, and no inline script', async () => {
    const files = await htmlFiles(DIST);
    const policies = new Set();
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const policy = metaPolicy(html);
      assert.ok(policy, `${relative(DIST, file)} has no policy`);
      assert.match(policy, /(^|; )script-src 'self' 'wasm-unsafe-eval';/);
      assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${relative(DIST, file)} has an inline script`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${relative(DIST, file)} has an inline handler`);
      policies.add(policy);
    }
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.equal(policies.size, 1, 'one policy everywhere');
  });

  test('the host sends the _headers sample: the same policy as a header, on pages and files alike', async () => {
    assert.equal(await readFile(join(DIST, '_headers'), 'utf8'), await readFile(new URL('../../public/_headers', import.meta.url), 'utf8'));
    const meta = metaPolicy(await readFile(join(DIST, 'commitments/3/index.html'), 'utf8'));
    for (const path of ['/commitments/3', '/', '/embed.js', '/bundles/index.json', '/sitemap.xml']) {
      const response = await fetch(site.url + path);
      assert.equal(response.headers.get('content-security-policy').split(', ')[0], meta, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin', path);
      assert.equal(response.headers.get('permissions-policy'), 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', path);
    }
  });

  test('/embed/ may be framed by any site: frame-ancestors *, with nosniff, the referrer policy and CORS', async () => {
    for (const path of ['/embed/commitments/3', '/embed/scorecard', '/embed/charts/inflation']) {
      const response = await fetch(site.url + path);
      assert.equal(response.status, 200, path);
      // Two policies (the site's and the embed's): a browser enforces both, so each must allow what it needs.
      const policies = response.headers.get('content-security-policy').split(', ');
      assert.ok(policies.includes('frame-ancestors *'), `${path}: ${policies}`);
      assert.ok(policies.every((policy) => !/frame-ancestors (?!\*)/.test(policy)), path);
      assert.equal(response.headers.get('x-frame-options'), null, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
    }
  });
});

describe('framing', () => {
  test("every HTML file may be framed only by this site, the embed views by any", async () => {
    const paths = (await htmlFiles(DIST))
      .map((file) => `/${relative(DIST, file)}`.replace(/index\.html$/, '').replace(/(.)\/$/, '$1'))
      // The files by name too: a host serves /index.html, /404.html and /shell.html to whoever asks.
      .concat(['/index.html']);
    assert.ok(paths.includes('/404.html') && paths.includes('/shell.html'));
    assert.ok(paths.length >= 30, `${paths.length} pages`);
    for (const path of paths) {
      const response = await fetch(site.url + path);
      assert.equal(response.status, 200, path);
      const policies = response.headers.get('content-security-policy').split(', ');
      if (path.startsWith('/embed/')) {
        assert.equal(response.headers.get('x-frame-options'), null, path);
        assert.ok(policies.includes('frame-ancestors *') && !policies.includes("frame-ancestors 'self'"), path);
      } else {
        assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
        assert.ok(policies.includes("frame-ancestors 'self'"), `${path}: ${policies}`);
      }
    }
  });

  test('a page of another origin cannot frame /commitments/3, and frames /embed/commitments/3', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(`${site.url.replace('127.0.0.1', 'localhost')}/framer.html`);
      const embed = page.frame({ name: 'embed' });
      await embed.locator('main h1').waitFor();
      assert.match(await embed.locator('main h1').textContent(), /Commitment 3/);
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.equal(page.frame({ name: 'page' }).url(), 'chrome-error://chromewebdata/', 'the framed page was refused');
      assert.ok(page.errors.some((error) => /frame-ancestors 'self'/.test(error)), page.errors.join('\n'));
    } finally {
      await page.close();
    }
  });
});

describe('embed.js', () => {
  test('is at most 2 KB as served, and needs nothing else', async () => {
    const response = await fetch(`${site.url}/embed.js`);
    const source = await response.text();
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.ok(Buffer.byteLength(source) <= 2048, `${Buffer.byteLength(source)} bytes`);
    assert.doesNotMatch(source, /\bimport\b|\brequire\(|fetch\(|XMLHttpRequest|createElement\(['"]script/);
  });
});

describe('404.html, as GitHub Pages serves it for any address that leads nowhere', () => {
  test('status 404, the not-found page readable without the app', async () => {
    const response = await fetch(`${site.url}/commitments/99`, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /<h1[^>]*>Page not found<\/h1>/);
    assert.match(html, new RegExp(`<title>Page not found · ${REPORT_TITLE}</title>`));
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.doesNotMatch(html, /rel="canonical"/);
  });

  test('in a browser: the page, then the app, whose links lead on', () => site.withPage('/nowhere/at/all', async (page) => {
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    assert.equal(await page.title(), `Page not found · ${REPORT_TITLE}`);
    assert.equal(new URL(page.url()).pathname, '/nowhere/at/all');
    await page.locator('main a[href="/commitments"]').click();
    await page.locator('main h1', { hasText: 'Commitments scorecard' }).waitFor();
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'a client-side change');
  }, { expectErrors: [/404 \(Not Found\)/] }));
});
