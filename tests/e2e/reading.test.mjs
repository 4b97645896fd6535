// The reading experience: at a glance, scorecard, sources, footnote previews, sharing, themes, print,
// keyboard paths, narrow screens and axe-core on every route in light and dark.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPORT_TITLE, axeViolations, useSite } from './support/site.mjs';

const site = useSite();
const withPage = (...args) => site.withPage(...args);

const inView = (page, selector) =>
  page.waitForFunction((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return box && box.top >= -1 && box.top < window.innerHeight / 2;
  }, selector);

const rowNumbers = (page) =>
  page.locator('tbody th a').evaluateAll((links) => links.map((a) => Number(a.textContent.replace('Commitment ', ''))));

describe('report page', () => {
  test('at a glance states the headline figures', () => withPage('/', async (page) => {
    const cards = await page.locator('.glance dl > div').allInnerTexts();
    assert.deepEqual(cards.map((t) => t.replace(/\s+/g, ' ').trim()), [
      'Commitments 9',
      'Substantially or completely implemented 4 of 9 (44%) previous plan: 4 of 13 (31%)',
      'Produced early results 3 of 9 previous plan: 1 (marginal)',
      'Participation and co-creation OGP threshold met',
    ]);
  }));

  for (const id of ['early-results', 'completion', 'key-observations', 'observation-3', 'footnotes']) {
    test(`/#${id} opens scrolled to it`, () => withPage(`/#${id}`, (page) => inView(page, `#${id}`)));
  }

  test('every heading of the text has an id and a copy-link button', () => withPage('/', async (page) => {
    const rows = page.locator('.report-section .heading-row');
    assert.equal(await rows.count(), 8, 'five section headings and three observations');
    for (const row of await rows.all()) {
      assert.ok(await row.locator('h2, h3').getAttribute('id'));
      assert.equal(await row.locator('button.copy-link').count(), 1);
    }
  }));

  test('a "read in context" link scrolls to the passage after navigation', () => withPage('/commitments/4', async (page) => {
    await page.locator('a.in-context', { hasText: 'Observation 3' }).click();
    await page.waitForURL(`${site.url}/#observation-3-p1`);
    await inView(page, '#observation-3-p1');
  }));
});

describe('scorecard', () => {
  test('filters and sort come from the query string', () => withPage('/commitments?results=moderate,significant&sort=title', async (page) => {
    assert.deepEqual(await rowNumbers(page), [9, 3, 2]);
    assert.equal(await page.locator('.count').textContent(), 'Showing 3 of 9 commitments');
    assert.ok(await page.locator('input[value=moderate]').isChecked());
    assert.ok(await page.locator('input[value=significant]').isChecked());
    assert.ok(!(await page.locator('input[value=marginal]').isChecked()));
    assert.equal(await page.locator('th[aria-sort]').textContent().then((t) => t.trim()), 'Title (OGP page) ▲');
    assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.title(), `Commitments scorecard · ${REPORT_TITLE}`);
  }));

  test('sorting and filtering write the URL, and back/forward restore each view', () => withPage('/commitments', async (page) => {
    assert.deepEqual(await rowNumbers(page), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await page.locator('th button', { hasText: 'Early results' }).click();
    await page.waitForURL(`${site.url}/commitments?sort=results`);
    assert.deepEqual(await rowNumbers(page), [1, 4, 5, 6, 7, 8, 2, 9, 3]);
    await page.locator('th button', { hasText: 'Early results' }).click();
    await page.waitForURL(`${site.url}/commitments?sort=-results`);
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 1, 4, 5, 6, 7, 8]);
    await page.locator('input[value=high]').check();
    await page.waitForURL(`${site.url}/commitments?completion=high&sort=-results`);
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 6]);
    await page.locator('input[value=stated]').check();
    await page.waitForURL(`${site.url}/commitments?completion=high&promising=stated&sort=-results`);
    assert.equal(await page.locator('tbody tr').count(), 0);
    assert.equal(await page.locator('.count').textContent(), 'Showing 0 of 9 commitments');
    await page.goBack();
    await page.waitForURL(`${site.url}/commitments?completion=high&sort=-results`);
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 6]);
    assert.ok(!(await page.locator('input[value=stated]').isChecked()));
    await page.goBack();
    await page.waitForURL(`${site.url}/commitments?sort=-results`);
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 1, 4, 5, 6, 7, 8]);
    assert.ok(!(await page.locator('input[value=high]').isChecked()));
    await page.goForward();
    await page.waitForURL(`${site.url}/commitments?completion=high&sort=-results`);
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 6]);
    await page.reload();
    await page.locator('html[data-app=ready] main h1').first().waitFor();
    assert.deepEqual(await rowNumbers(page), [3, 2, 9, 6]);
    await page.locator('button.clear').click();
    await page.waitForURL(`${site.url}/commitments?sort=-results`);
  }));

  test('unknown values in the address are named, not silently dropped', () => withPage('/commitments?results=majr,moderate&sort=colour', async (page) => {
    assert.equal(await page.locator('.notice').textContent(), 'Ignored in the address: results=majr, sort=colour');
    assert.deepEqual(await rowNumbers(page), [2, 9]);
  }));

  test('ignored values are quoted as typed: at most three, shortened, the rest counted', () => {
    const spoof = 'THIS SCORECARD IS OUTDATED - see https://evil.example for the corrected ratings';
    const query = `results=${encodeURIComponent(spoof)},a,b&sort=c&completion=d`;
    return withPage(`/commitments?${query}`, async (page) => {
      const typed = await page.locator('.notice code.typed').allTextContents();
      assert.deepEqual(typed, ['completion=d', `results=${spoof.slice(0, 32)}…`, 'results=a']);
      assert.equal(await page.locator('.notice').textContent(), `Ignored in the address: ${typed.join(', ')} and 2 more`);
    });
  });
});

describe('commitment page', () => {
  test('ratings, observations, facts and the OGP page', () => withPage('/commitments/4', async (page) => {
    assert.equal(await page.locator('[data-kind=completion]').textContent(), 'Not substantially or completely implemented');
    assert.deepEqual(await page.locator('.scale li.stated').allTextContents(), [
      'No evidence available (in the stated range)',
      'Not started (in the stated range)',
      'Limited (in the stated range)',
      'No notable results (as stated)',
    ]);
    assert.equal(await page.locator('[data-kind=promising]').textContent(), 'Yes, as stated in the report');
    assert.deepEqual(await page.locator('.mentions h3 + ul a').allTextContents(), [
      'Observation 2: Wider government priorities determine commitment implementation.',
      'Observation 3: Public demand contributes to results.',
    ]);
    const ogp = page.locator('a.external', { hasText: 'View MN0051 on the OGP website' });
    assert.equal(await ogp.getAttribute('href'), 'https://www.opengovpartnership.org/members/mongolia/commitments/MN0051/');
    assert.equal(await ogp.getAttribute('rel'), 'noopener noreferrer');
  }));
});

describe('sources', () => {
  test('/sources lists every footnote with the passages citing it', () => withPage('/sources', async (page) => {
    assert.equal(await page.title(), `Sources · ${REPORT_TITLE}`);
    assert.deepEqual(await page.locator('.source h2').allTextContents(), ['Source 1', 'Source 2', 'Source 3', 'Source 4']);
    assert.equal(await page.locator('.source blockquote').count(), 4);
  }));

  test('/sources/2 deep link, its safe link and its back-link', () => withPage('/sources/2', async (page) => {
    assert.equal(await page.locator('main h1').textContent(), 'Source 2');
    assert.equal(await page.title(), `Source 2 · ${REPORT_TITLE}`);
    const link = page.locator('.citation a');
    assert.equal(await link.getAttribute('href'), 'https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await page.locator('blockquote').innerText(), /inflation rates soared from 1\.9% in 2020 to 3\.5% in 2021 and 8\.3% in 2022\.\[2\]$/);
    await page.locator('a.in-context').click();
    await page.waitForURL(`${site.url}/#implementation-in-context-p1`);
    await inView(page, '#implementation-in-context-p1');
  }));

  for (const n of ['0', '5', 'abc']) {
    test(`/sources/${n} is not found`, () => withPage(`/sources/${n}`, async (page) => {
      assert.equal(await page.locator('main h1').textContent(), 'Page not found');
      assert.equal(await page.locator('.not-found-message').textContent(), `There is no source “${n}” in this report. Its sources are numbered 1 to 4.`);
    }));
  }
});

describe('footnote previews', () => {
  const marker = '#implementation-in-context .fn-ref a[aria-label="Footnote 2"]';
  const preview = '#implementation-in-context .fn-ref:has(a[aria-label="Footnote 2"]) .fn-preview';

  test('hover shows the citation, leaving hides it; the link still goes to the footnote', () => withPage('/', async (page) => {
    assert.ok(await page.locator(preview).isHidden());
    await page.locator(marker).hover();
    await page.locator(preview).waitFor({ state: 'visible' });
    assert.match(await page.locator(preview).textContent(), /^\[2\] “Inflation, Consumer Prices \(annual %\), Mongolia,” The World Bank/);
    await page.mouse.move(5, 5);
    await page.locator(preview).waitFor({ state: 'hidden' });
    assert.equal(await page.locator(marker).getAttribute('href'), '/#fn-2');
  }));

  test('keyboard focus shows it, Escape closes it', () => withPage('/', async (page) => {
    await page.locator(marker).focus();
    await page.locator(preview).waitFor({ state: 'visible' });
    assert.equal(await page.locator(marker).getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    await page.locator(preview).waitFor({ state: 'hidden' });
    assert.equal(await page.locator(marker).getAttribute('aria-expanded'), 'false');
  }));

  test('a tap shows it, a tap elsewhere closes it, a second tap follows the link', async () => {
    const phone = await site.chromium.browser.browser().newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      await withPage('/', async (page) => {
        await page.locator(marker).tap();
        await page.locator(preview).waitFor({ state: 'visible' });
        assert.equal(page.url(), `${site.url}/`);
        await page.locator('#implementation-in-context-heading').tap();
        await page.locator(preview).waitFor({ state: 'hidden' });
        await page.locator(marker).tap();
        await page.locator(preview).waitFor({ state: 'visible' });
        await page.locator(marker).tap();
        await page.waitForURL(`${site.url}/#fn-2`);
      }, { context: phone });
    } finally {
      await phone.close();
    }
  });
});

describe('sharing', () => {
  const withClipboard = async (path, check, setup) => {
    const context = await site.chromium.browser.browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    try {
      await withPage(path, check, { context, setup });
    } finally {
      await context.close();
    }
  };

  test('copy link on a commitment, with visible and announced confirmation', () => withClipboard('/commitments/3', async (page) => {
    await page.locator('main > article > .actions .share button.copy-link').click();
    await page.locator('.copied', { hasText: '✓ Copied' }).waitFor();
    await page.locator('[role=status][aria-live=polite]', { hasText: 'Link to commitment 3 copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/commitments/3`);
  }));

  test('copy link on a section and on a source', () => withClipboard('/', async (page) => {
    await page.locator('#completion button.copy-link').first().click();
    await page.locator('#completion .copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/#completion`);
    await page.goto(`${site.url}/sources/3`);
    await page.locator('button.copy-link').click();
    await page.locator('.copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/sources/3`);
  }));

  test('the scorecard link keeps the current filters', () => withClipboard('/commitments?promising=stated', async (page) => {
    await page.locator('.actions .share button.copy-link').click();
    await page.locator('.copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/commitments?promising=stated`);
  }));

  // Refused, missing (plain http on an intranet host: no Clipboard API outside secure contexts), or throwing.
  for (const [how, breakClipboard] of [
    ['refuses', () => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); }],
    ['is missing', () => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); }],
    ['throws', () => { navigator.clipboard.writeText = () => { throw new TypeError('not here'); }; }],
  ]) {
    test(`when the clipboard ${how}, the link is offered to copy by hand`, () => withPage('/commitments/3', async (page) => {
      await page.locator('main > article > .actions .share button.copy-link').click();
      const field = page.locator('.copied input');
      await field.waitFor();
      assert.equal(await field.inputValue(), `${site.url}/commitments/3`);
    }, { setup: (page) => page.addInitScript(breakClipboard) }));
  }

  test('the native share sheet where navigator.share exists', () => withPage('/sources/1', async (page) => {
    await page.locator('button.share-link').click();
    assert.deepEqual(await page.evaluate(() => window.__shared), { title: 'Source 1', url: `${site.url}/sources/1` });
  }, { setup: (page) => page.addInitScript(() => {
    navigator.share = (data) => { window.__shared = { title: data.title, url: data.url }; return Promise.resolve(); };
  }) }));

  test('no share button where navigator.share is missing', () => withPage('/sources/1', async (page) => {
    assert.equal(await page.locator('button.share-link').count(), 0);
  }, { setup: (page) => page.addInitScript(() => { delete Navigator.prototype.share; }) }));
});

describe('titles and descriptions', () => {
  const routes = {
    '/': REPORT_TITLE,
    '/commitments': `Commitments scorecard · ${REPORT_TITLE}`,
    '/commitments/9': `Commitment 9: Accessibility and Digitalization of Government Services · ${REPORT_TITLE}`,
    '/sources': `Sources · ${REPORT_TITLE}`,
    '/sources/4': `Source 4 · ${REPORT_TITLE}`,
    '/data': `Data and citation · ${REPORT_TITLE}`,
    '/nowhere': `Page not found · ${REPORT_TITLE}`,
  };
  test('each route has its own title and one meta description', async () => {
    const descriptions = new Set();
    for (const [path, title] of Object.entries(routes)) {
      await withPage(path, async (page) => {
        assert.equal(await page.title(), title, path);
        assert.equal(await page.locator('meta[name=description]').count(), 1, path);
        descriptions.add(await page.locator('meta[name=description]').getAttribute('content'));
      });
    }
    assert.equal(descriptions.size, Object.keys(routes).length, 'descriptions are specific');
  });
});

describe('themes and print', () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT = 'rgb(255, 255, 255)';
  const DARK = 'rgb(17, 20, 24)';

  test('follows the system, and a chosen theme persists across reloads', () => withPage('/', async (page) => {
    assert.equal(await background(page), DARK);
    await page.locator('.theme-switch select').selectOption('light');
    assert.equal(await background(page), LIGHT);
    await page.reload();
    await page.locator('html[data-app=ready] main h1').first().waitFor();
    assert.equal(await background(page), LIGHT);
    assert.equal(await page.locator('.theme-switch select').inputValue(), 'light');
    await page.locator('.theme-switch select').selectOption('system');
    assert.equal(await background(page), DARK);
  }, { setup: (page) => page.emulateMedia({ colorScheme: 'dark' }) }));

  test('works when storage is blocked', () => withPage('/', async (page) => {
    assert.equal(await background(page), LIGHT);
    await page.locator('.theme-switch select').selectOption('dark');
    assert.equal(await background(page), DARK);
  }, { setup: async (page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
  } }));

  test('print shows the whole report, its footnotes and link addresses', () => withPage('/', async (page) => {
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('#footnotes li').first().isVisible());
    assert.ok(await page.locator('.site-header nav').isHidden());
    assert.ok(await page.locator('button.copy-link').first().isHidden());
    const after = await page.locator('.site-footer a').evaluate((a) => getComputedStyle(a, '::after').content);
    assert.equal(after, '" <https://www.opengovpartnership.org/documents/mongolia-results-report-2021-2023/>"');
  }));
});

describe('keyboard and screen readers', () => {
  test('the skip link is the first stop and leads to the content', () => withPage('/commitments/3', async (page) => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  }));

  test('a route change moves focus to the main heading; the nav marks the current page', () => withPage('/', async (page) => {
    assert.equal(await page.locator('.site-header a[aria-current=page]').textContent(), 'Report');
    await page.locator('.site-header nav a', { hasText: 'Sources' }).click();
    await page.locator('main h1', { hasText: 'Sources' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.locator('.site-header a[aria-current=page]').textContent(), 'Sources');
    await page.locator('.source h2 a', { hasText: 'Source 1' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Source 1');
    assert.equal(await page.locator('.site-header a[aria-current]').getAttribute('aria-current'), 'true');
  }));

  test('the scorecard works from the keyboard', () => withPage('/commitments', async (page) => {
    await page.locator('input[value=significant]').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(`${site.url}/commitments?results=significant`);
    await page.locator('th button', { hasText: 'Title' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/commitments?results=significant&sort=title`);
    assert.deepEqual(await rowNumbers(page), [3]);
  }));
});

const ROUTES = ['/', '/commitments', '/commitments?results=moderate&sort=-title', '/commitments/3', '/commitments/7', '/sources', '/sources/2', '/data', '/search?q=open%20data', '/nowhere'];

describe('deep links and reloads of every route kind', () => {
  for (const path of ROUTES) {
    test(`${path} survives a reload`, () => withPage(path, async (page) => {
      const before = [await page.title(), await page.locator('main h1').textContent(), await page.locator('main').innerText()];
      await page.reload();
      await page.locator('html[data-app=ready] main h1').first().waitFor();
      const after = [await page.title(), await page.locator('main h1').textContent(), await page.locator('main').innerText()];
      assert.deepEqual(after, before);
      assert.equal(page.url(), site.url + path);
    }));
  }
});

describe('Content-Security-Policy (the policy itself: hosting.test.mjs)', () => {
  for (const path of ROUTES) {
    test(`${path}: no violation`, () => withPage(path, async (page) => {
      // Violations are console errors (support/browser.mjs): withPage fails on any; this waits for late ones.
      await page.waitForTimeout(200);
    }));
  }
});

describe('links out of the site', () => {
  for (const path of ROUTES) {
    test(`${path}: every external link has rel="noopener noreferrer"`, () => withPage(path, async (page) => {
      const unprotected = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
        .filter((a) => a.origin !== location.origin)
        .filter((a) => !['noopener', 'noreferrer'].every((word) => a.relList.contains(word)))
        .map((a) => a.href));
      assert.deepEqual(unprotected, []);
      assert.ok(await page.locator('a[href^="http"]:not([href^="' + site.url + '"])').count() > 0, 'the page links out');
    }));
  }
});

describe('narrow screens', () => {
  for (const path of ROUTES) {
    test(`${path} fits 320 px without sideways scrolling`, () => withPage(path, async (page) => {
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'page wider than the screen');
    }, { setup: (page) => page.setViewportSize({ width: 320, height: 640 }) }));
  }
});

describe('axe-core', () => {
  for (const scheme of ['light', 'dark']) {
    for (const path of ROUTES) {
      test(`${path} in ${scheme}: no violations`, () => withPage(path, async (page) => {
        assert.deepEqual(await axeViolations(page), []);
      }, { setup: (page) => page.emulateMedia({ colorScheme: scheme }) }));
    }
  }
});
