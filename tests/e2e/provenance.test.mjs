// What the edition adds to the report says so: titles and other facts from OGP's commitment pages carry
// their origin wherever they are shown, and the edition's own list stands beside the report, not in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { useSite } from './support/site.mjs';

const BUNDLE = JSON.parse(readFileSync(new URL('../../data/mongolia-2021-2023.json', import.meta.url), 'utf8'));
const site = useSite();
const withPage = (...args) => site.withPage(...args);

describe('facts from outside the report', () => {
  test('the report page: its own structure intact, the edition’s list of commitments beside it and said to be', () => withPage('/', async (page) => {
    const sections = await page.locator('article.report > section').evaluateAll((s) => s.map((e) => e.id));
    assert.equal(sections.at(-1), 'footnotes', `the report ends with its footnotes: ${sections}`);
    assert.ok(!sections.includes('commitments'));
    const aside = page.locator('aside#commitments.edition-addition');
    assert.equal(await aside.evaluate((a) => a.closest('article') === null), true, 'outside the report’s article');
    assert.match(await aside.locator('.edition-note').textContent(), /^Not part of the report: .* Their titles come from OGP’s commitment pages\.$/);
  }));

  test('the scorecard says which columns come from OGP’s pages', () => withPage('/commitments', async (page) => {
    const headers = await page.locator('thead th').allTextContents();
    assert.ok(headers.some((h) => h.startsWith('Title (OGP page)')), headers.join(' | '));
    assert.ok(headers.some((h) => h.startsWith('Lead institution (OGP page)')), headers.join(' | '));
    assert.match(await page.locator('main p', { hasText: 'Sort by any column' }).textContent(), /from OGP’s commitment pages \(which this report does not state\)/);
  }));

  for (const c of BUNDLE.commitments) {
    for (const path of [`/commitments/${c.number}`, `/embed/commitments/${c.number}`]) {
      test(`${path}: the title’s origin is right under it, one step away`, () => withPage(path, async (page) => {
        const source = page.locator('main h1 + .title-source a, #embed-root h1 + .title-source a');
        assert.equal(await source.count(), c.reference ? 1 : 0);
        if (!c.reference) return;
        assert.equal(await source.getAttribute('href'), c.reference.source);
        assert.equal(await source.textContent(), 'Title from OGP’s commitment page, not from this report');
        assert.ok((await page.locator('h1').first().textContent()).endsWith(c.reference.title));
      }));
    }
  }

  test('the matrix chart marks stated and inferred promise apart and gives the report’s count', () => withPage('/data', async (page) => {
    const figure = page.locator('#chart-scorecard-matrix');
    assert.match(await figure.textContent(), /The report counts 5 commitments as promising at design; it names: 4, 8\./);
    const legend = (await figure.locator('svg text').allTextContents()).map((t) => t.trim());
    assert.ok(legend.includes('ringed: promising, stated in the report'), legend.join(' | '));
    assert.ok(legend.includes('boxed: promising, inferred (Action Plan Review)'), legend.join(' | '));
  }));
});
