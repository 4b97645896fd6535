// The release build in a real browser: deep links, reloads, navigation, not-found pages, no console errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPORT_TITLE, useSite } from './support/site.mjs';

const site = useSite();
const withPage = (path, check) => site.withPage(path, check);

async function assertReport(page) {
  assert.equal(await page.locator('main h1').textContent(), REPORT_TITLE);
  assert.equal(await page.title(), REPORT_TITLE);
  assert.deepEqual(await page.locator('main h2:not(dialog h2)').allTextContents(), [
    'At a glance',
    'Contents',
    'Early Results',
    'Completion',
    'Participation and Co-Creation',
    'Implementation in Context',
    'Key Observations',
    'Footnotes',
    // The edition's own list, after the report (beside it, not inside it).
    'The commitments',
  ]);
  assert.equal(await page.locator('main h3:not(dialog h3)').count(), 3, 'three observations');
  // Text a reader sees, verbatim from the seed (curly quotes and all).
  const text = await page.locator('main').innerText();
  assert.match(text, /Four of the action plan’s nine commitments \(44%\) were substantially or completely implemented \(2, 3, 6, and 9\)/);
  assert.match(text, /defined by CIVICUS as “narrowed\.”\[4\]/);
  // Footnote markers are links to their footnote; footnotes carry their full citation and address.
  assert.deepEqual(await page.locator('main .fn-ref sup a').allTextContents(), ['[1]', '[2]', '[3]', '[4]']);
  assert.equal(await page.locator('#fn-2 a.external').getAttribute('href'), 'https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG');
  assert.match(await page.locator('#fn-4').innerText(), /^CIVICUS, People Power Under Attack 2023, 2023, https:\/\/civicusmonitor/);
  // Commitment mentions in the text are links: "Commitment 3", "(2, 3, 6, and 9)", "(4 and 8)" ...
  const mentions = await page.locator('main a.commitment-ref').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.equal(mentions.length, 18);
  assert.ok(mentions.every((href) => /^\/commitments\/[1-9]$/.test(href)), mentions.join(' '));
}

async function assertCommitment3(page) {
  assert.equal(await page.locator('main h1').textContent(), 'Commitment 3: Participation and Accountability in Public Procurement');
  assert.equal(await page.title(), `Commitment 3: Participation and Accountability in Public Procurement · ${REPORT_TITLE}`);
  const text = await page.locator('main').innerText();
  assert.match(text, /MN0050/);
  assert.match(text, /Ministry of Finance \(State Procurement Office\)/);
  assert.equal(await page.locator('[data-kind=completion]').textContent(), 'Substantially or completely implemented');
  assert.equal(await page.locator('[data-kind=early-results]').textContent(), 'Significant');
  assert.match(await page.locator('[data-kind=promising]').textContent(), /^Yes, inferred: not stated in this report$/);
  assert.equal(await page.locator('.mentions blockquote').count(), 4);
  assert.equal(await page.locator('meta[name=description]').getAttribute('content'),
    `What the IRM ${REPORT_TITLE} states about commitment 3: completion substantially or completely implemented, early results significant.`);
}

describe('deep links and reloads', () => {
  test('/ renders the whole report', () => withPage('/', async (page) => {
    await assertReport(page);
    await page.reload();
    await page.locator('html[data-app=ready] main h1').first().waitFor();
    await assertReport(page);
  }));

  test('/commitments/3 renders commitment 3', () => withPage('/commitments/3', async (page) => {
    await assertCommitment3(page);
    await page.reload();
    await page.locator('html[data-app=ready] main h1').first().waitFor();
    await assertCommitment3(page);
  }));

  test('a commitment the report only knows by number says what is not stated', () => withPage('/commitments/2', async (page) => {
    assert.equal(await page.locator('main h1').textContent(), 'Commitment 2');
    const facts = await page.locator('.facts dd').allTextContents();
    assert.deepEqual(facts, ['Not stated in this report', 'Not stated in this report', 'Not stated in this report']);
    assert.equal(await page.locator('[data-kind=early-results]').textContent(), 'Moderate');
    assert.equal(await page.locator('[data-kind=promising]').textContent(), 'Not stated in this report');
  }));

  test('a section link opens scrolled to its section', () => withPage('/#key-observations', async (page) => {
    await page.waitForFunction(() => {
      const top = document.getElementById('key-observations').getBoundingClientRect().top;
      return top >= 0 && top < 50;
    });
  }));
});

describe('navigation', () => {
  test('following a commitment link and going back', () => withPage('/', async (page) => {
    await page.locator('#early-results a.commitment-ref', { hasText: 'Commitment 3' }).click();
    await page.waitForURL(`${site.url}/commitments/3`);
    await assertCommitment3(page);
    await page.goBack();
    await page.waitForURL(`${site.url}/`);
    await page.locator('main h1', { hasText: REPORT_TITLE }).waitFor();
    await assertReport(page);
    await page.goForward();
    await page.waitForURL(`${site.url}/commitments/3`);
    await page.locator('main h1', { hasText: 'Commitment 3' }).waitFor();
  }));

  test('previous and next commitment links', () => withPage('/commitments/3', async (page) => {
    await page.locator('a[rel=next]').click();
    await page.locator('main h1', { hasText: 'Commitment 4: Guaranteeing Freedom of Association' }).waitFor();
    await page.locator('a[rel=prev]').click();
    await page.locator('main h1', { hasText: 'Commitment 3:' }).waitFor();
  }));

  test('a footnote marker leads to its citation', () => withPage('/', async (page) => {
    await page.locator('#implementation-in-context .fn-ref a', { hasText: '[2]' }).click();
    await page.waitForURL(`${site.url}/#fn-2`);
    await page.waitForFunction(() => {
      const box = document.getElementById('fn-2').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
  }));

  test('an OGP commitment id redirects to its number', () => withPage('/commitments/MN0050', async (page) => {
    await page.waitForURL(`${site.url}/commitments/3`);
    await assertCommitment3(page);
  }));
});

describe('not found', () => {
  for (const n of ['0', '10', 'abc', '-1', '3.5']) {
    test(`/commitments/${n}`, () => withPage(`/commitments/${n}`, async (page) => {
      assert.equal(await page.locator('main h1').textContent(), 'Page not found');
      assert.equal(await page.title(), `Page not found · ${REPORT_TITLE}`);
      assert.equal(await page.locator('.not-found-message').textContent(),
        `There is no commitment “${n}” in this report. Its commitments are numbered 1 to 9.`);
      assert.equal(await page.locator('.not-found a[href^="/commitments/"]').count(), 9);
      assert.equal(await page.locator('.not-found a[href="/"]').count(), 1);
    }));
  }

  test('an unknown path', () => withPage('/no/such/page', async (page) => {
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    assert.equal(await page.locator('.not-found-message').textContent(), 'There is no page at “/no/such/page”.');
    await page.locator('.not-found a', { hasText: 'Read the full report' }).click();
    await page.locator('main h1', { hasText: REPORT_TITLE }).waitFor();
  }));

  test('markup in the address stays text', () => {
    // Counted from before the page loads: an alert during load would otherwise be dismissed unseen.
    let dialogs = 0;
    return site.withPage('/commitments/%3Cimg%20src=x%20onerror=alert(1)%3E', async (page) => {
      assert.equal(await page.locator('main h1').textContent(), 'Page not found');
      assert.equal(await page.locator('main img').count(), 0);
      assert.match(await page.locator('.not-found-message').textContent(), /“<img src=x onerror=alert\(1\)>”/);
      assert.equal(dialogs, 0);
    }, { setup: (page) => page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); }) });
  });

  test("a placeholder typed into the address is shown as typed, never filled with the site's figures", async () => {
    for (const [path, sentence] of [
      ['/commitments/%7Blast%7D', 'There is no commitment “{last}” in this report. Its commitments are numbered 1 to 9.'],
      ['/sources/%7Bfirst%7D', 'There is no source “{first}” in this report. Its sources are numbered 1 to 4.'],
    ]) {
      await site.withPage(path, async (page) => {
        assert.equal(await page.locator('.not-found-message').textContent(), sentence);
        assert.equal(await page.locator('.not-found-message code.typed').textContent(), path.endsWith('last%7D') ? '{last}' : '{first}');
      });
    }
  });

  test('a long address is quoted shortened, as typed', () => site.withPage(`/commitments/${'Withdrawn-see-evil.example-'.repeat(20)}`, async (page) => {
    const typed = await page.locator('.not-found-message code.typed').textContent();
    assert.equal(typed, `${'Withdrawn-see-evil.example-'.repeat(2).slice(0, 40)}…`);
  }));
});

describe('build', () => {
  test('the optimized wasm starts (a broken wasm-opt would fail here)', () => withPage('/', async (page) => {
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
    assert.equal(wasm.length, 1);
    assert.equal(await page.locator('main h1').textContent(), REPORT_TITLE);
  }));
});
