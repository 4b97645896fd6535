// The edition's design, as a reader meets it: no sideways scrolling at 320 px on any page, a phone header
// of one row (≤ 64 px) whose menu works with and without scripts, the contents beside the text on wide
// screens, the scorecard as cards on phones and as a table without broken words on a laptop, one style
// per kind of button, axe-core in print, the PDF a reader prints, and the link-preview images.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIST } from './support/browser.mjs';
import { REPORT_TITLE, axeViolations, useSite } from './support/site.mjs';

const site = useSite();
const withPage = (...args) => site.withPage(...args);
const viewport = (width, height = 800) => ({ setup: (page) => page.setViewportSize({ width, height }) });
/** Every page the build prerenders, by its path (from the sitemap). */
async function sitemapPaths() {
  const sitemap = await readFile(join(DIST, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>http:\/\/127\.0\.0\.1:8080([^<]*)<\/loc>/g)].map((m) => m[1] || '/');
}

describe('phones', () => {
  test('no page is wider than a 320 px screen', async () => {
    const paths = await sitemapPaths();
    assert.ok(paths.length >= 18, `${paths.length} pages`);
    for (const path of [...paths, '/search?q=open%20data', '/nowhere', '/?lang=mn']) {
      await withPage(path, async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${path}: ${width} px wide`);
      }, viewport(320, 640));
    }
  });

  for (const path of ['/', '/commitments/3', '/sources/1', '/?lang=mn']) {
    test(`${path}: the header is one row of at most 64 px, before and after the app`, () => withPage(path, async (page) => {
      const height = () => page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
      assert.ok((await height()) <= 64, `prerendered: ${await height()} px`);
      await page.locator('html[data-app=ready]').waitFor();
      assert.ok((await height()) <= 64, `after takeover: ${await height()} px`);
      assert.ok(await page.locator('.site-header nav').isHidden(), 'the sections fold behind the menu');
    }, { ...viewport(360), appReady: false }));
  }

  test('the menu is folded from the first paint: nothing moves when boot.js runs late', async () => {
    const page = await site.chromium.browser.newPage();
    try {
      await page.setViewportSize({ width: 360, height: 800 });
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/boot-*.js', async (route) => { await held; await route.continue(); });
      await page.goto(`${site.url}/commitments/3`, { waitUntil: 'domcontentloaded' });
      await page.locator('main h1').waitFor();
      const before = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
      assert.ok(before <= 64 && (await page.locator('.site-header nav').isHidden()), `${before} px before boot.js`);
      release();
      await page.locator('html[data-app]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height), before);
    } finally {
      await page.close();
    }
  });

  test('the menu opens and closes by button, Escape and a followed link; focus comes back', () => withPage('/', async (page) => {
    const button = page.locator('.menu-button');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    for (const part of ['.site-header nav', '.site-search', '.language-switch', '.theme-switch']) {
      assert.ok(await page.locator(part).isVisible(), `${part} in the open menu`);
    }
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'menu-button');
    await button.click();
    await page.locator('.site-header nav a', { hasText: 'Sources' }).click();
    await page.locator('main h1', { hasText: 'Sources' }).waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.ok(await page.locator('.site-header nav').isHidden());
  }, viewport(360)));

  test('opened before the app starts, the menu stays open when it takes over', () => withPage('/', async (page) => {
    await page.locator('.menu-button').click();
    await page.locator('html[data-app=ready]').waitFor();
    assert.equal(await page.locator('.menu-button').getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('.site-header nav').isVisible());
  }, { ...viewport(360), appReady: false }));

  test('without scripts the sections stay in view and no menu button shows', async () => {
    const context = await site.chromium.browser.browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/commitments/3`);
      assert.ok(await page.locator('.site-header nav').isVisible());
      assert.ok(await page.locator('.menu-button').isHidden());
    } finally {
      await context.close();
    }
  });

  test('the scorecard is one card per commitment: the same cells, labelled, sortable, no sideways scrolling', () => withPage('/commitments', async (page) => {
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 9);
    const card = await rows.nth(2).evaluate((row) => ({
      display: getComputedStyle(row).display,
      width: row.getBoundingClientRect().width,
      label: getComputedStyle(row.querySelector('td'), '::before').content,
    }));
    assert.deepEqual({ ...card, width: card.width <= 328 }, { display: 'block', width: true, label: '"OGP id: "' });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    await page.locator('thead button', { hasText: 'Title (OGP page)' }).click();
    await page.waitForURL(/sort=title/);
    await page.locator('input[value=significant]').check();
    await page.waitForURL(/results=significant/);
    assert.equal(await rows.count(), 1);
  }, viewport(360)));
});

describe('wide screens', () => {
  for (const path of ['/commitments', '/embed/scorecard', '/data']) {
    test(`${path}: no word is broken inside a table cell at 1280 px`, () => withPage(path, async (page) => {
      const broken = await page.evaluate(() => {
        const found = [];
        for (const cell of document.querySelectorAll('th, td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) found.push(match[0]);
            }
          }
        }
        return found;
      });
      assert.deepEqual(broken, []);
    }, viewport(1280)));
  }

  test('the contents stay beside the text and mark the section being read', () => withPage('/', async (page) => {
    const toc = page.locator('nav.toc');
    const mainText = await page.locator('#completion').evaluate((e) => e.getBoundingClientRect().right);
    assert.ok((await toc.evaluate((e) => e.getBoundingClientRect().left)) > mainText, 'beside the text');
    await page.locator('#completion').evaluate((e) => e.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]'));
    assert.match(await page.locator('nav.toc a[aria-current=location]').getAttribute('href'), /#completion$/);
    const top = await toc.evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0 && top <= 24, `the contents stay in view (top ${top})`);
  }, viewport(1280)));

  test('the header is a masthead and a section bar, in at most two rows', () => withPage('/', async (page) => {
    const height = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(height <= 110, `${height} px`);
    assert.ok(await page.locator('.menu-button').isHidden());
  }, viewport(1280)));
});

describe('one style per kind of button', () => {
  test('action buttons, sort buttons and the menu button each look one way on every page', async () => {
    const styles = new Map();
    for (const [path, width] of [['/', 1280], ['/commitments', 1280], ['/commitments/3', 1280], ['/data', 1280], ['/sources/1', 1280], ['/', 360]]) {
      await withPage(path, async (page) => {
        const found = await page.evaluate(() => [...document.querySelectorAll('button:not(:disabled)')].filter((b) => b.checkVisibility()).map((b) => {
          const s = getComputedStyle(b);
          const kind = b.classList.contains('sort') ? 'sort' : b.classList.contains('menu-button') ? 'menu' : 'action';
          return [kind, b.textContent.trim(), ['font-family', 'font-size', 'font-weight', 'line-height', 'padding', 'border', 'border-radius', 'background-color', 'color']
            .map((p) => `${p}: ${s.getPropertyValue(p)}`).join('; ')];
        }));
        for (const [kind, text, style] of found) {
          if (!styles.has(kind)) styles.set(kind, new Map());
          const byStyle = styles.get(kind);
          byStyle.set(style, [...(byStyle.get(style) ?? []), `${text} (${path})`]);
        }
      }, viewport(width));
    }
    assert.deepEqual([...styles.keys()].sort(), ['action', 'menu', 'sort']);
    for (const [kind, byStyle] of styles) {
      assert.equal(byStyle.size, 1, `${kind} buttons differ:\n${[...byStyle].map(([s, b]) => `${s}\n  ${b.join(', ')}`).join('\n')}`);
    }
  });
});

describe('print', () => {
  for (const scheme of ['light', 'dark']) {
    for (const path of ['/', '/commitments', '/commitments/3']) {
      test(`${path} printed from a ${scheme} screen: no axe-core violations`, () => withPage(path, async (page) => {
        await page.emulateMedia({ media: 'print', colorScheme: scheme });
        assert.deepEqual(await axeViolations(page), []);
      }));
    }
  }

  test('the PDF printed from / is A4, without navigation, its footnotes at the end', () => withPage('/', async (page) => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
    const pages = [];
    for (let i = 1; i <= document.numPages; i++) {
      const content = await (await document.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => item.str).join(' ').replace(/\s+/g, ' '));
    }
    const { view } = await document.getPage(1);
    assert.deepEqual(view.map(Math.round), [0, 0, 595, 842], 'A4 in points');
    const text = pages.join(' ');
    assert.ok(text.startsWith(REPORT_TITLE), text.slice(0, 80));
    for (const chrome of ['Skip to content', 'Menu', 'Language', 'Theme', 'Copy link', 'Embed', 'Contents']) {
      assert.ok(!text.includes(chrome), `the PDF has "${chrome}"`);
    }
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    const lastNote = [...html.matchAll(/<li id="fn-\d+"[^>]*>([\s\S]*?)<\/li>/g)].at(-1)?.[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    assert.ok(lastNote, 'the last footnote in the page');
    const words = lastNote.split(' ').slice(0, 6).join(' ');
    assert.ok(pages.at(-1).includes(words), `the last page ends with the footnotes: ${pages.at(-1).slice(-200)}`);
    assert.ok(text.lastIndexOf('Footnotes') > text.lastIndexOf('Key Observations'), 'the footnotes come after the text');
  }));
});

describe('link previews', () => {
  for (const [path, image] of [['/', 'index'], ['/commitments/3', 'commitments-3'], ['/sources/1', 'sources-1']]) {
    test(`${path}: a preview client finds a 1200×630 PNG with its description`, async () => {
      const html = await (await fetch(site.url + path, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } })).text();
      const meta = (key) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`))?.[1];
      assert.equal(meta('twitter:card'), 'summary_large_image');
      assert.equal(meta('og:image'), `http://127.0.0.1:8080/og/${image}.png`);
      assert.deepEqual([meta('og:image:width'), meta('og:image:height')], ['1200', '630']);
      assert.ok(meta('og:image:alt').length > 20);
      const response = await fetch(meta('og:image').replace('http://127.0.0.1:8080', site.url));
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await response.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    });
  }
});
