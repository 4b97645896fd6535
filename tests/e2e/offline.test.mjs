// Offline reading (README): after one visit the whole edition reads without a connection — every kind of
// address, an embed, search, downloads, the Mongolian interface and a listed bundle — with the server
// stopped and the browser offline. Only a build's exact bytes are kept; a newer build is offered, never
// forced, and then replaces every file; Save-Data keeps only what was read; the reader can remove the copy.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve, htmlPages } from './support/server.mjs';
import { DIST, launch, openPage } from './support/browser.mjs';
import { htmlFiles, REPORT_TITLE } from './support/site.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SAVE = 60_000;
const browsers = [];
const dirs = [];
after(async () => {
  for (const browser of browsers) await browser.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A browser that may register service workers (every other suite blocks them). */
async function browserWithWorkers(extraArgs = []) {
  const chromium = await launch({ serviceWorkers: 'allow', extraArgs });
  browsers.push(chromium);
  return chromium;
}

/** The list of files a build's `sw.js` names: `{ build, files: { path: [sha256, size] } }`. */
async function editionOf(root) {
  const worker = await readFile(join(root, 'sw.js'), 'utf8');
  return JSON.parse(worker.match(/^const EDITION = (.*);$/m)[1]);
}

/** The cache names and kept file paths the page's origin holds. */
const cached = (page) => page.evaluate(async () => {
  const result = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const scope = name.split(' ')[1];
    result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname.slice(scope.length)).sort();
  }
  return result;
});

const offlineState = (page, state) => page.locator(`html[data-offline=${state}]`).waitFor({ timeout: SAVE });

/** Opens `path` on the offline page's browser and waits for the app to show a main heading. */
async function readOffline(chromium, url) {
  const page = await openPage(chromium.browser);
  await page.goto(url);
  await page.locator('html[data-app=ready] main h1').first().waitFor({ timeout: 20_000 });
  return page;
}

describe('offline reading', () => {
  // As a host with _headers serves it, and as nginx's defaults do (no header; compressed here, which is what
  // the kept bytes are checked after).
  const HOSTS = [['a host sending _headers', {}], ['a plain host, compressed', { plain: true, compress: true }]];
  for (const [host, options] of HOSTS) test(`after one visit every kind of address, an embed, search and downloads work with no connection (${host})`, async () => {
    const server = await serve(DIST, options);
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/');
    await offlineState(page, 'saved');
    // Nothing of it is asked for before the page has painted: the module, the manifest and its icon.
    const { fcp, late } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      late: performance.getEntriesByType('resource').filter((e) => /(offline-[0-9a-f]+\.js|\.webmanifest|\/icons\/.*\.png)$/.test(e.name))
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    }));
    assert.ok(late.some((e) => e.name.startsWith('/offline-')) && late.some((e) => e.name.endsWith('.webmanifest')), JSON.stringify(late));
    for (const file of late) assert.ok(file.start >= fcp, `${file.name} asked for at ${file.start} ms, before the first paint at ${fcp} ms`);
    const edition = await editionOf(DIST);
    const kept = await cached(page);
    assert.deepEqual(Object.keys(kept), [`irm-edition / ${edition.build}`], 'one cache, named by the build');
    assert.deepEqual(Object.values(kept)[0], Object.keys(edition.files).sort(), 'every file of the offline set');
    assert.ok(!Object.values(kept)[0].some((file) => file.startsWith('og/') || file === 'sw.js'));
    assert.deepEqual(page.errors, []);
    await page.close();

    await server.close();
    await chromium.browser.setOffline(true);
    const url = server.url;
    const headings = {
      '/': REPORT_TITLE,
      '/commitments': /commitments/i,
      '/commitments/3': /^Commitment 3/,
      '/commitments/MN0050': /^Commitment 3/,
      '/sources/2': /source 2/i,
      '/search?q=inflation': /search/i,
      '/no/such/page': /not found/i,
      '/?lang=mn': REPORT_TITLE,
      '/?bundle=mongolia-2021-2023': REPORT_TITLE,
    };
    for (const [path, heading] of Object.entries(headings)) {
      const reader = await readOffline(chromium, url + path);
      assert.match(await reader.locator('main h1').first().textContent(), heading instanceof RegExp ? heading : new RegExp(heading), path);
      if (path === '/commitments/MN0050') assert.equal(new URL(reader.url()).pathname, '/commitments/3');
      if (path === '/search?q=inflation') assert.match(await reader.locator('.search-page .count').textContent(), /^\d+ results for “inflation”$/);
      if (path === '/?lang=mn') assert.equal(await reader.evaluate(() => document.documentElement.lang), 'mn');
      // The reader is told, in the interface's language.
      await reader.locator('.edition-notice:not([hidden])').waitFor();
      // Styled by offline-<hash>.css, linked by the module: at the foot of the screen, above the page.
      await reader.waitForFunction(() => getComputedStyle(document.querySelector('.edition-notice')).position === 'fixed');
      assert.match(await reader.locator('.edition-notice').textContent(), path === '/?lang=mn' ? /интернэтгүй/ : /You are offline/);
      assert.deepEqual(reader.errors, [], path);
      await reader.close();
    }

    // An embed reads and sizes itself.
    const embed = await openPage(chromium.browser);
    await embed.goto(url + '/embed/commitments/3');
    assert.match(await embed.locator('#embed-root h1').textContent(), /^Commitment 3: /);
    await embed.close();

    // Downloads are made in the page from the report it carries.
    const data = await readOffline(chromium, url + '/data');
    await data.locator('[data-offline-status]', { hasText: 'The whole edition is saved on this device' }).waitFor();
    const [download] = await Promise.all([data.waitForEvent('download'), data.locator('[data-file=bundle]').click()]);
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(bundle.title, REPORT_TITLE);
    const [csv] = await Promise.all([data.waitForEvent('download'), data.locator('button[data-file=scorecard]').click()]);
    assert.match(await readFile(await csv.path(), 'utf8'), /Commitment/);
    assert.deepEqual(data.errors, []);
    await data.close();
  });

  test('a failed, cut-off or altered answer is never kept, and the page it was for still opens offline', async () => {
    const broken = {
      '/commitments/5/': (res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>'),
      '/commitments/6/': (res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '20000' });
        res.write('<!DOCTYPE html><h1>Cut off</h1>');
        setTimeout(() => res.destroy(), 50);
      },
      '/sources/3/': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><h1>Altered</h1>'),
    };
    const server = await serve(DIST, {
      handle: (path, req, res) => Object.hasOwn(broken, path) && (broken[path](res), true),
    });
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/');
    await offlineState(page, 'partial');
    const kept = Object.values(await cached(page))[0];
    const edition = await editionOf(DIST);
    assert.deepEqual(
      Object.keys(edition.files).filter((file) => !kept.includes(file)),
      ['commitments/5/index.html', 'commitments/6/index.html', 'sources/3/index.html'],
    );
    await page.close();

    await server.close();
    await chromium.browser.setOffline(true);
    for (const [path, heading] of [['/commitments/5', /^Commitment 5/], ['/commitments/6', /^Commitment 6/], ['/sources/3', /source 3/i]]) {
      const reader = await readOffline(chromium, server.url + path);
      assert.match(await reader.locator('main h1').first().textContent(), heading, path);
      assert.doesNotMatch(await reader.locator('body').textContent(), /Internal error|Cut off|Altered/);
      await reader.close();
    }
  });

  test('a page planted in the offline copy by another script of the origin is never served, and the real one is kept again', async () => {
    const server = await serve(DIST);
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/');
    await offlineState(page, 'saved');
    const { build, files } = await editionOf(DIST);
    const copy = { name: `irm-edition / ${build}`, file: '/commitments/3/index.html' };
    // What any script of the origin can do (on a shared `*.github.io` origin: any project of the owner).
    const plant = (target) => target.evaluate(async ({ name, file }) => {
      const cache = await caches.open(name);
      await cache.put(new URL(file, location.href).href, new Response(
        '<!DOCTYPE html><title>Forged</title><h1>Commitment 3: rating withdrawn</h1>', { headers: { 'content-type': 'text/html' } }));
    }, copy);
    /** The size of the kept copy of commitments/3 (0: none). */
    const keptSize = (target) => target.evaluate(async ({ name, file }) => {
      const kept = await (await caches.open(name)).match(new URL(file, location.href).href);
      return kept ? (await kept.arrayBuffer()).byteLength : 0;
    }, copy);
    await plant(page);
    const reader = await readOffline(chromium, server.url + '/commitments/3');
    assert.doesNotMatch(await reader.content(), /rating withdrawn|Forged/);
    assert.match(await reader.locator('main h1').first().textContent(), /^Commitment 3/);
    // Fetched again and kept: the build's bytes (the worker keeps it once the answer has been read).
    const size = files['commitments/3/index.html'][1];
    for (const end = Date.now() + SAVE; (await keptSize(reader)) !== size; await reader.waitForTimeout(100)) {
      assert.ok(Date.now() < end, 'the real page is kept again');
    }
    await reader.close();

    // Offline, a planted page is dropped too: the kept app shows the commitment instead.
    await plant(page);
    await server.close();
    await chromium.browser.setOffline(true);
    const offline = await readOffline(chromium, server.url + '/commitments/3');
    assert.doesNotMatch(await offline.content(), /rating withdrawn|Forged/);
    assert.match(await offline.locator('main h1').first().textContent(), /^Commitment 3/);
    assert.equal(await keptSize(offline), 0, 'the planted copy is gone');
    assert.deepEqual(offline.errors, []);
    await offline.close();
    await page.close();
  });

  test('after a saved visit, an address the build has no file for is asked of the network first', async () => {
    // Files the offline set leaves out, and what the host gained after the build: a file, a newer build's page.
    const server = await serve(DIST, {
      handle: htmlPages({
        '/later.html': '<!DOCTYPE html><html lang="en"><title>Later</title><h1>Added after the build</h1></html>',
        '/commitments/10': '<!DOCTYPE html><html lang="en"><title>Ten</title><h1>Commitment 10, a newer build</h1></html>',
      }),
    });
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/');
    await offlineState(page, 'saved');
    for (const [path, expected] of [
      ['/sitemap.xml', /<urlset/],
      ['/robots.txt', /Sitemap: /],
      ['/later.html', /Added after the build/],
      ['/commitments/10', /Commitment 10, a newer build/],
    ]) {
      const response = await page.goto(server.url + path);
      assert.equal(response.status(), 200, path);
      assert.match(await response.text(), expected, path);
    }
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'the pages were under the worker');
    await page.close();
    await server.close();
  });

  test('with Save-Data only the pages read are kept', async () => {
    const server = await serve(DIST);
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
    await page.goto(server.url + '/');
    await offlineState(page, 'visited');
    await page.locator('header nav a[href="/commitments"]').click();
    await page.waitForURL(`${server.url}/commitments`);
    const wanted = ['index.html', 'commitments/index.html'];
    await page.waitForFunction(async (files) => {
      const name = (await caches.keys())[0];
      const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1));
      return files.every((file) => keys.includes(file));
    }, wanted);
    const kept = Object.values(await cached(page))[0];
    const edition = await editionOf(DIST);
    assert.ok(kept.length < Object.keys(edition.files).length / 2, `${kept.length} files kept: ${kept.join(', ')}`);
    assert.ok(!kept.some((file) => file.endsWith('.wasm')), 'the app, never started, is not fetched for the copy');
    assert.ok(!kept.includes('sources/2/index.html'));
    await page.close();

    await server.close();
    await chromium.browser.setOffline(true);
    const reader = await openPage(chromium.browser);
    await reader.goto(server.url + '/commitments');
    assert.match(await reader.locator('main h1').textContent(), /commitments/i);
    const unread = await reader.goto(server.url + '/sources/2');
    assert.equal(unread.status(), 503);
    assert.match(await reader.locator('p[lang=en]').textContent(), /not saved on this device/);
    await reader.close();
  });

  test('a newer build at the same address is offered, never forced, and then every file is the new one', async () => {
    const live = await mkdtemp(join(tmpdir(), 'irm-live-'));
    const next = await mkdtemp(join(tmpdir(), 'irm-next-'));
    dirs.push(live, next);
    await cp(DIST, live, { recursive: true });
    await cp(DIST, next, { recursive: true });
    // The next build: every page and the style sheet changed, the Mongolian catalogue rewritten.
    for (const file of await htmlFiles(next)) {
      await writeFile(file, (await readFile(file, 'utf8')).replace('</head>', '<meta name="edition-test" content="next">\n</head>'));
    }
    const css = (await readdir(next)).find((name) => name.endsWith('.css'));
    await writeFile(join(next, css), `${await readFile(join(next, css), 'utf8')}\n/* next */\n`);
    const mn = join(next, 'locales/mn.json');
    await writeFile(mn, JSON.stringify(JSON.parse(await readFile(mn, 'utf8')), null, 4));
    await promisify(execFile)('cargo', ['run', '--quiet', '--offline', '--no-default-features', '--features', 'ssr', '--bin', 'site-files', '--', '--service-worker-only', next], { cwd: REPO });
    const [first, second] = [await editionOf(live), await editionOf(next)];
    assert.notEqual(first.build, second.build);

    const server = await serve(live);
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/commitments/3');
    await offlineState(page, 'saved');
    await cp(next, live, { recursive: true, force: true });

    await page.reload();
    await page.locator('html[data-app=ready]').waitFor();
    await page.evaluate(() => { window.stillThisPage = true; });
    await page.locator('.edition-notice:not([hidden]) button').waitFor({ timeout: SAVE });
    assert.match(await page.locator('.edition-notice').textContent(), /^A newer edition is available — Reload$/);
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.stillThisPage), true, 'the page did not reload by itself');
    assert.equal(await page.locator('meta[name=edition-test]').count(), 0, 'the page still shows the build it was opened with');
    assert.deepEqual(Object.keys(await cached(page)).sort(), [`irm-edition / ${first.build}`, `irm-edition / ${second.build}`].sort());

    const responses = [];
    page.on('response', (response) => responses.push(response));
    await Promise.all([page.waitForEvent('load'), page.locator('.edition-notice button').click()]);
    await page.locator('html[data-app=ready]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await page.locator('meta[name=edition-test]').count(), 1);
    assert.deepEqual(Object.keys(await cached(page)), [`irm-edition / ${second.build}`], 'the older build is removed');
    const ours = responses.filter((response) => response.url().startsWith(server.url));
    assert.ok(ours.length >= 6, `${ours.length} responses`);
    for (const response of ours) {
      const path = new URL(response.url()).pathname.slice(1);
      const file = path === 'commitments/3' ? 'commitments/3/index.html' : path;
      assert.ok(response.fromServiceWorker(), `${file} from the kept copy`);
      assert.deepEqual(await response.body(), await readFile(join(next, file)), `${file} is the new build's`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
    await server.close();
  });

  test('the reader can remove the offline copy, and keep it again', async () => {
    const server = await serve(DIST);
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/data');
    await offlineState(page, 'saved');
    await page.getByRole('button', { name: 'Remove the offline copy' }).click();
    await offlineState(page, 'none');
    await page.locator('[data-offline-status]', { hasText: 'No offline copy is kept on this device.' }).waitFor();
    assert.deepEqual(await cached(page), {});
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await page.reload();
    await page.locator('html[data-app=ready]').waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'not registered again');
    await page.getByRole('button', { name: 'Keep the whole edition on this device' }).click();
    await offlineState(page, 'saved');
    assert.equal(Object.keys(await cached(page)).length, 1);
    assert.deepEqual(page.errors, []);
    await page.close();
    await server.close();
  });

  test('an embed on another site registers no service worker, and works with storage blocked', async () => {
    const requests = [];
    const server = await serve(DIST, { handle: (path) => { requests.push(path); return false; } });
    const partner = await serve(DIST, {
      host: '127.0.0.2',
      handle: htmlPages({ '/partner.html': `<!DOCTYPE html><title>Partner</title><iframe sandbox="allow-scripts allow-popups" src="${server.url}/embed/commitments/3" title="Commitment 3"></iframe>` }),
    });
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(partner.url + '/partner.html');
    const frame = page.frameLocator('iframe');
    assert.match(await frame.locator('#embed-root').textContent(), /Commitment 3/);
    await page.waitForTimeout(1500);
    assert.ok(!requests.some((path) => /^\/(sw\.js|offline-[0-9a-f]+\.js)$/.test(path)), requests.join(' '));
    const own = await openPage(chromium.browser);
    await own.goto(server.url + '/embed/scorecard');
    await own.waitForTimeout(1000);
    assert.equal(await own.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await own.close();
    await page.close();
    await partner.close();
    await server.close();
  });

  test('installable: a manifest under the base path, icons for home screens, colours for light and dark', async () => {
    const server = await serve(join(DIST, '../dist-mongolia'), { base: '/mongolia/' });
    const chromium = await browserWithWorkers();
    const page = await openPage(chromium.browser);
    await page.goto(server.url + '/mongolia/');
    await offlineState(page, 'saved');
    const session = await chromium.browser.newCDPSession(page);
    const { url, data, errors } = await session.send('Page.getAppManifest');
    assert.equal(url, `${server.url}/mongolia/manifest.webmanifest`);
    assert.deepEqual(errors, []);
    const manifest = JSON.parse(data);
    const resolve = (address) => new URL(address, url).href;
    assert.equal(resolve(manifest.start_url), `${server.url}/mongolia/`);
    assert.equal(resolve(manifest.scope), `${server.url}/mongolia/`);
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(resolve(icon.src))).arrayBuffer());
      assert.equal(png.toString('latin1', 1, 4), 'PNG');
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
    assert.ok(manifest.icons.some((icon) => icon.purpose === 'maskable' && icon.sizes === '512x512'));
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const colours = await page.locator('meta[name=theme-color]').evaluateAll((metas) => metas.map((m) => `${m.media} ${m.content}`));
    assert.deepEqual(colours, ['(prefers-color-scheme: light) #0b6e4f', '(prefers-color-scheme: dark) #111418']);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), `${server.url}/mongolia/`);
    assert.deepEqual(Object.keys(await cached(page)).map((name) => name.split(' ').slice(0, 2).join(' ')), ['irm-edition /mongolia/']);
    await page.close();
    await server.close();
  });
});
