// Prerendered pages: readable with JavaScript off (links work), specific head tags, valid HTML, the
// sitemap, and the app taking over without a layout shift or a change of text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { DIST, openPage } from './support/browser.mjs';
import { REPORT_TITLE, htmlFiles, useSite } from './support/site.mjs';

const site = useSite();
/** The states offline.js says on /data (`offline.state_*` in the English catalogue). */
const OFFLINE_STATES = Object.entries(JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')))
  .filter(([key]) => key.startsWith('offline.state_')).map(([, text]) => text);

/** A page in a browser context with JavaScript disabled. */
async function withoutScript(path, check) {
  const context = await site.chromium.browser.browser().newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(site.url + path);
    await check(page);
  } finally {
    await context.close();
  }
}

describe('without JavaScript', () => {
  const pages = [
    ['/', REPORT_TITLE, 'Mongolia’s fourth action plan opened access to usable information on public procurement'],
    ['/commitments', 'Commitments scorecard', 'Guaranteeing Freedom of Association'],
    ['/commitments/3', 'Commitment 3: Participation and Accountability in Public Procurement', 'Significant'],
    ['/sources', 'Sources', 'The World Bank'],
    ['/sources/2', 'Source 2', 'Inflation, Consumer Prices'],
    ['/data', 'Data and citation', '@techreport'],
    ['/embed/commitments/3', 'Commitment 3: Participation and Accountability in Public Procurement', 'Early results'],
  ];
  for (const [path, heading, text] of pages) {
    test(`${path} is readable`, () => withoutScript(path, async (page) => {
      assert.equal((await page.locator('h1').first().textContent()).trim(), heading);
      assert.match(await page.locator('body').innerText(), new RegExp(text.replace(/[()]/g, '\\$&')));
    }));
  }

  test('the whole report text is there, footnotes included', () => withoutScript('/', async (page) => {
    const bundle = JSON.parse(await readFile(new URL('../../data/mongolia-2021-2023.json', import.meta.url), 'utf8'));
    const text = await page.locator('main').innerText();
    for (const footnote of bundle.footnotes) assert.ok(text.includes(footnote.url), `footnote ${footnote.number}`);
    const paragraphs = await page.locator('.report-section p[id]').count();
    assert.ok(paragraphs >= 9, `${paragraphs} paragraphs`);
  }));

  test('links lead to other prerendered pages', () => withoutScript('/', async (page) => {
    await page.locator('nav[aria-label=Site] a', { hasText: 'Commitments' }).click();
    await page.waitForURL(`${site.url}/commitments`);
    assert.equal(await page.locator('tbody tr').count(), 9);
    await page.locator('tbody a', { hasText: 'Commitment 4' }).click();
    await page.waitForURL(`${site.url}/commitments/4`);
    assert.match(await page.locator('h1').textContent(), /^Commitment 4/);
    await page.locator('nav[aria-label=Site] a', { hasText: 'Report' }).click();
    await page.waitForURL(`${site.url}/`);
    await page.locator('.fn-ref a').first().click();
    await page.waitForURL(/\/#fn-\d+$/);
  }));
});

describe('head of each page', () => {
  test('/commitments/3: title, description, canonical, OpenGraph, Twitter, oEmbed', async () => {
    const html = await (await fetch(`${site.url}/commitments/3`)).text();
    const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`))?.[1];
    const title = 'Commitment 3: Participation and Accountability in Public Procurement · Mongolia Results Report 2021-2023';
    assert.match(html, new RegExp(`<title>${title}</title>`));
    assert.match(meta('name', 'description'), /^What the IRM Mongolia Results Report 2021-2023 states about commitment 3/);
    assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:8080\/commitments\/3">/);
    assert.equal(meta('property', 'og:title'), title);
    assert.equal(meta('property', 'og:type'), 'website');
    assert.equal(meta('property', 'og:site_name'), 'Mongolia Results Report 2021-2023 (interactive edition)');
    assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
    assert.equal(meta('property', 'og:image'), 'http://127.0.0.1:8080/og/commitments-3.png');
    assert.match(meta('property', 'og:image:alt'), /^Commitment 3: Participation and Accountability in Public Procurement\. .*Early results: Significant/);
    assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="[^"]+\/oembed\/commitments\/3\.json"/);
    assert.equal(meta('name', 'robots'), undefined, 'indexed');
  });

  test('every page the build writes has the whole set of head tags, consistent with its address', async () => {
    const SITE = 'http://127.0.0.1:8080';
    const files = (await htmlFiles(DIST)).filter((file) => !file.endsWith('shell.html'));
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const path = `/${relative(DIST, file).replace(/\/?index\.html$/, '')}`;
      const kind = path === '/404.html' ? 'not found' : path.startsWith('/embed/') ? 'embed' : 'page';
      const all = (pattern) => [...html.matchAll(new RegExp(pattern, 'g'))].map((m) => m[1]);
      const one = (attr, name) => {
        const found = all(`<meta ${attr}="${name}" content="([^"]*)">`);
        assert.equal(found.length, 1, `${path}: ${found.length} × ${name}`);
        return found[0];
      };
      const [title] = all('<title>([^<]+)</title>');
      const description = one('name', 'description');
      assert.ok(title && description.length > 20, path);
      assert.deepEqual([one('property', 'og:title'), one('name', 'twitter:title')], [title, title], path);
      assert.deepEqual([one('property', 'og:description'), one('name', 'twitter:description')], [description, description], path);
      // Pages have a link-preview image; embeds and the not-found page a plain card.
      assert.deepEqual(
        [one('property', 'og:type'), one('property', 'og:site_name'), one('property', 'og:locale'), one('name', 'twitter:card')],
        ['website', `${REPORT_TITLE} (interactive edition)`, 'en', kind === 'page' ? 'summary_large_image' : 'summary'],
        path,
      );
      assert.equal(all('<meta property="og:image" content="([^"]*)">').length, kind === 'page' ? 1 : 0, path);
      // The not-found page is served at any address that leads nowhere: it names none of its own.
      const address = kind === 'not found' ? [] : [SITE + path];
      assert.deepEqual(all('<link rel="canonical" href="([^"]*)">'), address, path);
      assert.deepEqual(all('<meta property="og:url" content="([^"]*)">'), address, path);
      assert.deepEqual(all('<meta name="robots" content="([^"]*)">'), kind === 'page' ? [] : ['noindex'], path);
      if (kind === 'embed') assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="http:[^"]+\.json"/, path);
    }
    assert.ok(files.length >= 30, `${files.length} files`);
  });

  test('embeds and 404.html are not indexed; every page has its own title', async () => {
    const embed = await (await fetch(`${site.url}/embed/scorecard`)).text();
    assert.match(embed, /<meta name="robots" content="noindex">/);
    // Only an embed view may share a title, with its own full view (the same content).
    const pathsByTitle = new Map();
    for (const file of await htmlFiles(DIST)) {
      if (file.endsWith('shell.html')) continue;
      const title = (await readFile(file, 'utf8')).match(/<title>([^<]*)<\/title>/)?.[1];
      const path = `/${relative(DIST, file).replace(/\/?index\.html$/, '')}`;
      pathsByTitle.set(title, [...(pathsByTitle.get(title) ?? []), path]);
    }
    const fullView = (path) => (path === '/embed/scorecard' ? '/commitments' : path.replace(/^\/embed/, ''));
    for (const [title, paths] of pathsByTitle) {
      const embedWithItsView = paths.length === 2 && paths.some((p) => p.startsWith('/embed/') && paths.includes(fullView(p)));
      assert.ok(paths.length === 1 || embedWithItsView, `“${title}” is the title of ${paths.join(', ')}`);
    }
  });

  test('sitemap.xml lists every page; robots.txt points to it', async () => {
    const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace('http://127.0.0.1:8080', ''));
    assert.deepEqual(urls.slice(0, 3), ['/', '/commitments', '/commitments/1']);
    assert.ok(urls.includes('/sources/2') && urls.includes('/data') && !urls.some((u) => u.startsWith('/embed')));
    assert.match(await (await fetch(`${site.url}/robots.txt`)).text(), /Sitemap: http:\/\/127\.0\.0\.1:8080\/sitemap\.xml/);
  });
});

test('every written HTML file is valid HTML', async () => {
  // SRI is off on purpose (README, "Hosting"): a sandboxed embed fetches the stylesheet without CORS.
  const validator = new HtmlValidate({ extends: ['html-validate:document'], rules: { 'require-sri': 'off' } });
  const problems = [];
  const files = await htmlFiles(DIST);
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const message of report.results.flatMap((r) => r.messages)) {
      problems.push(`${relative(DIST, file)}: ${message.ruleId} ${message.message} ${message.selector ?? ''}`);
    }
  }
  assert.ok(files.length >= 30, `${files.length} files`);
  assert.deepEqual(problems, []);
});

describe('the app takes over the prerendered page', () => {
  // The published text, as the bundle's fidelity test reads it (tests/suite/fidelity.rs).
  const SEED = readFileSync(new URL('../../data/source/mongolia-results-report-2021-2023.txt', import.meta.url), 'utf8')
    .replace(/\s+/g, ' ');
  /** Report text on the page (paragraphs of the report and quoted sentences), without footnote previews. */
  // Every paragraph array in the bundle, wherever it sits (sections, observations).
  const countParagraphs = (value) => (Array.isArray(value) ? value.reduce((n, v) => n + countParagraphs(v), 0)
    : value && typeof value === 'object'
      ? Object.entries(value).reduce((n, [key, v]) => n + (key === 'paragraphs' ? v.length : countParagraphs(v)), 0)
      : 0);
  const PARAGRAPHS = countParagraphs(JSON.parse(readFileSync(new URL('../../data/mongolia-2021-2023.json', import.meta.url), 'utf8')));
  const reportText = (page) => page.evaluate(() => [...document.querySelectorAll('main p[id], main blockquote')].map((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.fn-preview').forEach((preview) => preview.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }));
  // What only the reader's browser knows: the date it is read on (each citation's access date) and the
  // address it is read at (the build names SITE_URL, this server listens elsewhere).
  // offline.js shows the controls as the state allows (none while it saves, which starts once the app is
  // ready): not the app's text, on either side.
  const withoutOfflineControls = (text) => text.replace(/\n\n(Keep the whole edition on this device)?(Remove the offline copy)?$/, '');
  const asPrerendered = (text) => withoutOfflineControls(text)
    // What this browser keeps offline, said by offline.js (not the app) once the app has loaded.
    .replace(new RegExp(`\\n\\n(${OFFLINE_STATES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=\\n|$)`, 'g'), '')
    .replace(/ \(accessed \d{4}-\d{2}-\d{2}\)/g, '')
    .replace(/\n  urldate = \{\d{4}-\d{2}-\d{2}\},/g, '')
    .replaceAll(`${site.url}/`, 'http://127.0.0.1:8080/');
  const paths = async () => {
    const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
    const pages = [...sitemap.matchAll(/<loc>http:\/\/127\.0\.0\.1:8080([^<]*)<\/loc>/g)].map((m) => m[1]);
    const embeds = (await htmlFiles(DIST)).map((f) => `/${relative(DIST, f).replace(/\/?index\.html$/, '')}`)
      .filter((p) => p.startsWith('/embed/'));
    return [...pages, ...embeds];
  };

  test('every page: read as prerendered, then the same text after takeover, without a layout shift', async () => {
    const checked = await paths();
    assert.ok(checked.length >= 30, `${checked.length} pages`);
    let quoted = 0;
    for (const path of checked) {
      const page = await openPage(site.chromium.browser);
      try {
        // The app is held back until the prerendered page has been read.
        const held = [];
        await page.route(/\/start-[0-9a-f]+\.js$/, (route) => held.push(route));
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
            .observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(site.url + path);
        await page.locator('main h1').waitFor();
        assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', path);
        const prerendered = withoutOfflineControls(await page.locator('main').innerText());
        const prerenderedReport = await reportText(page);
        // An embed's app starts on the reader's intent only: a key press.
        if (path.startsWith('/embed/')) await page.keyboard.press('Shift');
        for (let i = 0; i < 100 && !held.length; i++) await page.waitForTimeout(50);
        assert.equal(held.length, 1, `${path}: the app was asked for`);
        await held[0].continue();
        await page.locator('html[data-app=ready]').waitFor();
        await page.waitForTimeout(100);
        assert.equal(asPrerendered(await page.locator('main').innerText()), prerendered, path);
        const after = await reportText(page);
        assert.deepEqual(after, prerenderedReport, path);
        for (const text of after) assert.ok(SEED.includes(text), `${path}: not in the published text: “${text}”`);
        quoted += after.length;
        if (path === '/') assert.equal(await page.locator('main p[id]').count(), PARAGRAPHS, 'every paragraph of the report on /');
        const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
        assert.ok(shift < 0.001, `${path}: cumulative layout shift ${shift}`);
        assert.deepEqual(page.errors, [], path);
      } finally {
        await page.close();
      }
    }
    // Not vacuous: the report's paragraphs (on `/`) and the sentences quoted on commitment and source pages.
    assert.ok(quoted > PARAGRAPHS + 20, `${quoted} passages checked`);
  });
});
