// Charts on the report page and /data, their downloads (SVG, PNG, CSV), the data downloads and citations.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { REPORT_TITLE, useSite } from './support/site.mjs';

const site = useSite();
const withPage = (...args) => site.withPage(...args);
const BUNDLE = new URL('../../data/mongolia-2021-2023.json', import.meta.url);
const CHARTS = ['completion', 'early-results', 'scorecard-matrix', 'inflation'];

/** Clicks `locator`, waits for the download it starts; resolves to { name, bytes }. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const BOM = '\uFEFF';

describe('charts on the report page', () => {
  test('each chart sits in the section that discusses it', () => withPage('/', async (page) => {
    for (const [section, chart] of [['early-results', 'early-results'], ['completion', 'completion'], ['implementation-in-context', 'inflation'], ['commitments', 'scorecard-matrix']]) {
      assert.equal(await page.locator(`#${section} #chart-${chart}`).count(), 1, chart);
    }
    const svg = page.locator('#chart-completion svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.equal(await svg.getAttribute('aria-labelledby'), 'chart-completion-title chart-completion-desc');
    assert.equal(await page.locator('#chart-completion-desc').textContent(),
      '4 of 9 commitments (44%) of this action plan were substantially or completely implemented, against 4 of 13 (31%) in the previous action plan.');
  }));

  test('/#chart-inflation opens scrolled to the chart', () => withPage('/#chart-inflation', (page) =>
    page.waitForFunction(() => {
      const top = document.getElementById('chart-inflation').getBoundingClientRect().top;
      return top >= -1 && top < 100;
    })));

  test('"show data" carries the numbers the chart draws', () => withPage('/', async (page) => {
    await page.locator('#chart-early-results summary').click();
    const rows = await page.locator('#chart-early-results tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.deepEqual(rows, [
      ['Outstanding', '0', 'not stated'],
      ['Significant', '1', 'not stated'],
      ['Moderate', '2', 'not stated'],
      ['Marginal', '0', '1'],
      ['No notable results', '6', 'not stated'],
    ]);
    const labels = await page.locator('#chart-early-results svg text').allTextContents();
    for (const value of ['1', '2', '6']) assert.ok(labels.map((t) => t.trim()).includes(value));
  }));

  test('chart colours follow the dark theme', () => withPage('/', async (page) => {
    const fill = await page.locator('#chart-completion svg rect[fill="#0B6E4F"]').first().evaluate((r) => getComputedStyle(r).fill);
    assert.equal(fill, 'rgb(95, 211, 168)');
  }, { setup: (page) => page.emulateMedia({ colorScheme: 'dark' }) }));
});

describe('downloads', () => {
  for (const chart of CHARTS) {
    test(`${chart}: SVG, PNG and CSV`, () => withPage('/data', async (page) => {
      const figure = page.locator(`#chart-${chart}`);
      const svg = await download(page, figure.locator('button[data-format=svg]'));
      assert.equal(svg.name, `mongolia-2021-2023-${chart}.svg`);
      const svgText = svg.bytes.toString('utf8');
      assert.match(svgText, /^<svg width="300" height="\d+" viewBox="0 0 300 \d+" xmlns="http:\/\/www.w3.org\/2000\/svg" role="img"/);
      // The same drawing as on the page, once both are serialised the same way (attribute order aside).
      const downloaded = await page.evaluate((text) => new XMLSerializer()
        .serializeToString(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement), svgText);
      const shown = await figure.locator('svg').evaluate((el) => new XMLSerializer().serializeToString(el));
      const withoutNamespace = (xml) => xml.replace(' xmlns="http://www.w3.org/2000/svg"', '');
      assert.equal(withoutNamespace(downloaded), withoutNamespace(shown));

      const png = await download(page, figure.locator('button[data-format=png]'));
      assert.equal(png.name, `mongolia-2021-2023-${chart}.png`);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal(png.bytes.readUInt32BE(16), 600, 'drawn at twice the width');

      const csv = await download(page, figure.locator('button[data-format=csv]'));
      assert.equal(csv.name, `mongolia-2021-2023-${chart}.csv`);
      const text = csv.bytes.toString('utf8');
      assert.ok(text.startsWith(BOM), 'UTF-8 byte-order mark');
      const tableRows = await figure.locator('tbody tr').evaluateAll((trs) => trs.length);
      // RFC 4180 line breaks; trimEnd, because trim() would also strip the BOM.
      const lines = text.trimEnd().split('\r\n');
      assert.equal(lines.length, tableRows + 1);
      const header = await figure.locator('thead th').allTextContents();
      assert.equal(lines[0], BOM + header.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    }));
  }

  test('the report bundle is the JSON the app was built from', () => withPage('/data', async (page) => {
    const file = await download(page, page.locator('[data-file=bundle]'));
    assert.equal(file.name, 'mongolia-2021-2023.json');
    assert.equal(file.bytes.toString('utf8'), await readFile(BUNDLE, 'utf8'));
  }));

  test('the bundle is a link to its file: it downloads before (and without) the app', () => withPage('/data', async (page) => {
    assert.equal(await page.locator('[data-file=bundle]').getAttribute('href'), 'bundles/mongolia-2021-2023.json');
    const file = await download(page, page.locator('[data-file=bundle]'));
    assert.equal(file.name, 'mongolia-2021-2023.json');
    assert.equal(file.bytes.toString('utf8'), await readFile(BUNDLE, 'utf8'));
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  }, {
    appReady: false,
    setup: (page) => page.route(/(_bg\.wasm|\/start-[0-9a-f]+\.js)$/, (route) => route.abort()),
    expectErrors: [/net::ERR_FAILED|Failed to fetch dynamically imported module/],
  }));

  test('the scorecard CSV has a BOM, a header and a row per commitment', () => withPage('/data', async (page) => {
    const file = await download(page, page.locator('button[data-file=scorecard]'));
    assert.equal(file.name, 'mongolia-2021-2023-scorecard.csv');
    const lines = file.bytes.toString('utf8').trimEnd().split('\r\n');
    assert.equal(lines.length, 10);
    assert.ok(lines[0].startsWith(`${BOM}Commitment,OGP id,Title,`));
    assert.match(lines[9], /^9,MN0056,Accessibility and Digitalization of Government Services,/);
  }));
});

describe('cite this report', () => {
  const today = new Date().toISOString().slice(0, 10);
  test('the access date is the reader\'s own: in Ulaanbaatar at 07:30, not yesterday\'s UTC date', async () => {
    const context = await site.chromium.browser.browser().newContext({ timezoneId: 'Asia/Ulaanbaatar' });
    try {
      await withPage('/data', async (page) => {
        await page.locator('#cite-report-plain pre', { hasText: '(accessed 2026-03-02).' }).waitFor();
      }, { context, setup: (page) => page.clock.setFixedTime(new Date('2026-03-01T23:30:00Z')) });
    } finally {
      await context.close();
    }
  });
  test('plain text and BibTeX, for the report and this edition, with copy buttons', async () => {
    const context = await site.chromium.browser.browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    try {
      await withPage('/data', async (page) => {
        assert.equal(await page.title(), `Data and citation · ${REPORT_TITLE}`);
        const plain = await page.locator('#cite-report-plain pre').textContent();
        assert.equal(plain, `Independent Reporting Mechanism (IRM). ${REPORT_TITLE}. Open Government Partnership. https://www.opengovpartnership.org/documents/mongolia-results-report-2021-2023/ (accessed ${today}).`);
        assert.match(await page.locator('#cite-report-bibtex pre').textContent(), /^@techreport\{irm_mongolia_2021_2023,\n  author = \{\{Independent Reporting Mechanism \(IRM\)\}\},/);
        assert.match(await page.locator('#cite-edition-plain pre').textContent(), new RegExp(`interactive edition\\. .* ${site.url.replace(/[.]/g, '\\.')}/ \\(accessed ${today}\\)\\.$`));
        assert.match(await page.locator('#cite-edition-bibtex pre').textContent(), new RegExp(`url = \\{${site.url.replace(/[.]/g, '\\.')}/\\}`));
        await page.locator('#cite-report-bibtex button.copy-link').click();
        await page.locator('#cite-report-bibtex .copied').waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#cite-report-bibtex pre').textContent());
      }, { context });
    } finally {
      await context.close();
    }
  });
});
