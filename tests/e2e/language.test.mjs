// The Mongolian interface: chosen by ?lang=, the saved choice or the browser; fetched with its own
// failure notice; <html lang> follows while report text keeps lang="en"; embeds too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { REPORT_TITLE, axeViolations, useSite } from './support/site.mjs';
import { DIST } from './support/browser.mjs';

const MN = JSON.parse(readFileSync(`${DIST}/locales/mn.json`, 'utf8'));
let catalogue = 'served'; // or 'missing', 'broken', 'stalled'
let catalogueRequests = 0;
const site = useSite({
  handle: (path, req, res) => {
    if (path !== '/locales/mn.json') return false;
    catalogueRequests++;
    if (catalogue === 'served') return false; // the built file
    if (catalogue === 'stalled') res.writeHead(200, { 'content-type': 'application/json' }).write('{'); // and nothing more
    else if (catalogue === 'missing') res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else {
      const { ['nav.report']: _, ...broken } = MN;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(broken));
    }
    return true;
  },
});
const withPage = (...args) => site.withPage(...args);
const navTexts = (page) => page.locator('nav[aria-label] ul a').allTextContents();

describe('Mongolian interface', () => {
  test('?lang=mn: the interface in Mongolian, the report text marked English', () => withPage('/?lang=mn', async (page) => {
    await page.locator('nav ul a', { hasText: 'Тайлан' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'mn');
    assert.deepEqual(await navTexts(page), ['Тайлан', 'Амлалтууд', 'Эх сурвалж', 'Өгөгдөл']);
    assert.match(await page.locator('.language-notice').textContent(), /^Тайлангийн эх бичвэрийг нийтлэгдсэн хэлээр нь \(англи хэл\)/);
    assert.equal(await page.locator('main h1').getAttribute('lang'), 'en');
    assert.equal(await page.locator('main h1').textContent(), REPORT_TITLE);
    assert.equal(await page.locator('#at-a-glance-heading').textContent(), 'Товч тойм');
    const paragraphs = await page.locator('.report-section p[id]').evaluateAll((ps) => ps.map((p) => p.lang));
    assert.ok(paragraphs.length >= 9 && paragraphs.every((lang) => lang === 'en'), 'report paragraphs keep lang="en"');
    assert.equal(await page.locator('#site-search-q').getAttribute('placeholder'), 'Хайх (/ дарна уу)');
  }));

  test('rating levels, buttons and charts speak Mongolian too', () => withPage('/commitments/3?lang=mn', async (page) => {
    await page.locator('main h1', { hasText: 'Амлалт 3' }).waitFor();
    assert.equal(await page.locator('h2#ratings-heading').textContent(), 'Энэ тайлан дахь үнэлгээ');
    assert.equal(await page.locator('[data-kind=completion]').textContent(), 'Их хэмжээнд буюу бүрэн хэрэгжсэн');
    assert.equal(await page.locator('.embed-button').textContent(), 'Шигтгэх');
    assert.equal(await page.locator('main h1 span').getAttribute('lang'), 'en', 'the commitment title is report text');
    await page.locator('nav ul a', { hasText: 'Өгөгдөл' }).click();
    await page.locator('main h1', { hasText: 'Өгөгдөл ба эшлэл' }).waitFor();
    assert.match(await page.locator('#chart-completion svg').innerHTML(), /Энэ төлөвлөгөө \(2021-2023\): 9 амлалтаас 4 \(44%\)/);
  }));

  test('the scorecard counts and filters in Mongolian', () => withPage('/commitments?lang=mn&results=moderate,significant', async (page) => {
    assert.equal(await page.locator('.count').textContent(), '9 амлалтаас 3 амлалтыг харуулж байна');
    assert.ok(await page.locator('label.option', { hasText: 'Дунд зэрэг' }).count() === 1);
  }));

  test('axe-core finds nothing in Mongolian', () => withPage('/commitments/3?lang=mn', async (page) => {
    await page.locator('main h1', { hasText: 'Амлалт 3' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }));

  test('fits 320 px in Mongolian, with its menu closed and open', () => withPage('/?lang=mn', async (page) => {
    // On a phone the sections fold behind the menu button.
    await page.locator('nav ul a', { hasText: 'Тайлан' }).waitFor({ state: 'attached' });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'page wider than the screen');
    await page.locator('.menu-button', { hasText: 'Цэс' }).click();
    await page.locator('nav ul a', { hasText: 'Тайлан' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'the open menu is wider than the screen');
  }, { setup: (page) => page.setViewportSize({ width: 320, height: 640 }) }));

  test('an embed takes ?lang=mn', () => withPage('/embed/commitments/3?lang=mn', async (page) => {
    await page.locator('h2', { hasText: 'Хэрэгжилт' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'mn');
    assert.equal(await page.locator('.embed-footer a').textContent(), 'Тайланг бүтнээр нь харах');
  }));
});

describe('choosing the language', () => {
  test('the browser’s languages pick Mongolian; English needs no fetch', async () => {
    const before = catalogueRequests;
    const mongolian = await site.chromium.browser.browser().newContext({ locale: 'mn-MN' });
    try {
      await withPage('/sources', async (page) => {
        await page.locator('main h1', { hasText: 'Эх сурвалж' }).waitFor();
      }, { context: mongolian });
    } finally {
      await mongolian.close();
    }
    assert.equal(catalogueRequests, before + 1);
    await withPage('/sources', async (page) => {
      assert.equal(await page.locator('main h1').textContent(), 'Sources');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    });
    assert.equal(catalogueRequests, before + 1, 'the English interface fetched no catalogue');
  });

  test('the switch saves the choice and puts it in the address', async () => {
    const fresh = await site.chromium.browser.browser().newContext();
    try {
      await withPage('/commitments/2', async (page) => {
        await page.locator('.language-switch select').selectOption('mn');
        await page.waitForURL(`${site.url}/commitments/2?lang=mn`);
        await page.locator('main h1', { hasText: 'Амлалт 2' }).waitFor();
        await page.goto(`${site.url}/data`);
        await page.locator('main h1', { hasText: 'Өгөгдөл ба эшлэл' }).waitFor();
        await page.goto(`${site.url}/data?lang=en`);
        await page.locator('main h1', { hasText: 'Data and citation' }).waitFor();
      }, { context: fresh });
    } finally {
      await fresh.close();
    }
  });
});

describe('a catalogue that cannot be used', () => {
  test('stalled: an embed in Mongolian still starts, in English, after the 15 s deadline', async () => {
    catalogue = 'stalled';
    try {
      await withPage('/embed/commitments/3?lang=mn', async (page) => {
        await page.locator('html[data-app=ready]').waitFor({ timeout: 25_000 });
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        assert.match(await page.locator('main h1, main h2').first().textContent(), /Commitment 3/);
      }, { appReady: false, expectErrors: [/no complete answer within 15 s/] });
    } finally {
      catalogue = 'served';
    }
  });

  for (const [mode, message, expectErrors] of [
    ['missing', /\/locales\/mn\.json answered HTTP 404/, [/404/]],
    ['broken', /\/locales\/mn\.json is not valid:\nnav\.report: missing/, []],
  ]) {
    test(`${mode}: English, the reason and a retry`, async () => {
      catalogue = mode;
      try {
        await withPage('/?lang=mn', async (page) => {
          const notice = page.locator('.catalogue-failure[role=alert]');
          await notice.waitFor();
          assert.equal(await notice.locator('h2').textContent(), 'The Монгол interface could not be loaded');
          assert.match(await notice.locator('.problem').textContent(), message);
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
          assert.deepEqual(await navTexts(page), ['Report', 'Commitments', 'Sources', 'Data']);
          catalogue = 'served';
          await notice.locator('button', { hasText: 'Try again' }).click();
          await page.locator('nav ul a', { hasText: 'Тайлан' }).waitFor();
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'mn');
        }, { expectErrors });
      } finally {
        catalogue = 'served';
      }
    });
  }
});
