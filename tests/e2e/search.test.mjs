// Search: deep links, typing (debounced, the query in the URL), keyboard shortcuts, highlights, links to the
// exact place, and Cyrillic text (a bundle served by the test).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { axeViolations, useSite } from './support/site.mjs';

const REAL = JSON.parse(readFileSync(new URL('../../data/mongolia-2021-2023.json', import.meta.url), 'utf8'));
// The real bundle with one Cyrillic sentence added to the summary.
const CYRILLIC = JSON.stringify({
  ...REAL,
  id: 'cyrillic',
  language: 'mn',
  sections: REAL.sections.map((s, i) => (i === 0 ? { ...s, paragraphs: [...s.paragraphs, 'Ерөнхий сайд ЁРДӨНЭ болон Засгийн газар.'] } : s)),
});
const MANIFEST = JSON.stringify({ bundles: [{ id: 'cyrillic', title: 'Cyrillic test', language: 'mn', path: 'cyrillic.json' }] });

const site = useSite({
  handle: (path, req, res) => {
    const body = { '/bundles/index.json': MANIFEST, '/bundles/cyrillic.json': CYRILLIC }[path];
    if (!body) return false;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    return true;
  },
});
const withPage = (...args) => site.withPage(...args);
const box = '#site-search-q';

describe('search', () => {
  test('a deep link shows grouped results with the words marked', () => withPage('/search?q=inflation', async (page) => {
    assert.equal(await page.locator(box).inputValue(), 'inflation');
    assert.match(await page.locator('.search-page .count').textContent(), /^\d+ results for “inflation”$/);
    const groups = await page.locator('.search-group h2').allTextContents();
    assert.ok(groups.some((g) => g.startsWith('Passages of the report')), groups.join());
    assert.ok(groups.some((g) => g.startsWith('Sources')), groups.join());
    const marks = await page.locator('.search-results mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /^inflation/i.test(m)), marks.join());
    assert.equal(await page.title(), 'Search: inflation · Mongolia Results Report 2021-2023');
  }));

  test('a passage result leads to that paragraph of the report', () => withPage('/search?q=inflation', async (page) => {
    const link = page.locator('#results-passages + ol a').first();
    const href = await link.getAttribute('href');
    assert.match(href, /^\/#[a-z0-9-]+-p\d+$/);
    await link.click();
    await page.waitForURL(site.url + href);
    const id = href.slice(2);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      return box && box.top >= -1 && box.top < innerHeight;
    }, id);
    assert.match(await page.locator(`[id="${id}"]`).textContent(), /inflation/i);
  }));

  test('"/" focuses the box from anywhere; typing searches, in the URL, without stealing focus', () => withPage('/commitments/2', async (page) => {
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q');
    await page.keyboard.type('freedom assoc', { delay: 20 });
    await page.waitForURL(`${site.url}/search?q=freedom%20assoc`);
    await page.locator('.search-page .count').waitFor();
    assert.ok(await page.locator('.search-results a', { hasText: 'Commitment 4: Guaranteeing Freedom of Association' }).count() === 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q', 'focus stays in the box');
    // Typing replaced one history entry, not one per keystroke: Back returns to where the search began.
    await page.goBack();
    await page.waitForURL(`${site.url}/commitments/2`);
  }));

  test('"s" focuses it too, "/" inside it is text, Escape clears it', () => withPage('/search?q=budget', async (page) => {
    await page.locator('main h1').click();
    await page.keyboard.press('s');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q');
    await page.keyboard.press('End');
    await page.keyboard.type(' /');
    assert.equal(await page.locator(box).inputValue(), 'budget /');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(box).inputValue(), '');
    await page.waitForURL(`${site.url}/search`);
    assert.match(await page.locator('.search-hint').textContent(), /^Type words in the search box/);
  }));

  test('Enter searches at once; nothing found says so', () => withPage('/', async (page) => {
    await page.locator(box).fill('zzqx');
    await page.locator(box).press('Enter');
    await page.waitForURL(`${site.url}/search?q=zzqx`);
    assert.equal(await page.locator('.search-page .count').textContent(),
      'Nothing in the report matches “zzqx”. Every word must start a word of the text.');
  }));

  test('Cyrillic: case and ё are ignored, the original letters are marked', () => withPage('/?bundle=cyrillic', async (page) => {
    await page.locator('main h1#top').waitFor();
    await page.locator(box).fill('ерөнхий ердөнэ');
    await page.locator(box).press('Enter');
    await page.locator('.search-page .count', { hasText: '1 result' }).waitFor();
    assert.deepEqual(await page.locator('.search-results mark').allTextContents(), ['Ерөнхий', 'ЁРДӨНЭ']);
    assert.equal(await page.locator('.search-results .excerpt').getAttribute('lang'), 'mn');
  }));

  for (const scheme of ['light', 'dark']) {
    test(`axe-core on results in ${scheme}`, () => withPage('/search?q=open%20data', async (page) => {
      assert.deepEqual(await axeViolations(page), []);
    }, { setup: (page) => page.emulateMedia({ colorScheme: scheme }) }));
  }
});
