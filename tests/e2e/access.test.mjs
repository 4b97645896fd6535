// Every way a reader works the page: the keyboard shortcuts' dialog (`?`), touch on a phone (footnote
// previews, the menu, the scorecard's filters, the dialogs, each target at least 24×24 CSS px, WCAG 2.2's
// target size), and zoom: 200 % on a laptop, text at 200 %, and a 320 px screen on every kind of page,
// with no sideways scrolling and no clipped text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();
const withPage = (...args) => site.withPage(...args);
const appReady = (page) => page.locator('html[data-app=ready]').waitFor();

describe('keyboard shortcuts', () => {
  const dialog = 'dialog.keys-dialog';

  test('? opens the list, Escape closes it and focus comes back; not while typing', () => withPage('/commitments/3', async (page) => {
    await page.locator('main h1').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const keys = await help.locator('dt').allTextContents();
    assert.deepEqual(keys, ['/ or s', '?', 'Esc', 'Tab', 'Enter']);
    assert.match(await help.locator('dd').first().textContent(), /search box/);
    // A modal: focus is inside it.
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), dialog), true);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.matches('main h1')), true, 'focus back on the heading');
    // In the search box, ? is text.
    await page.locator('#site-search-q').focus();
    await page.keyboard.type('why?');
    assert.equal(await page.locator('#site-search-q').inputValue(), 'why?');
    assert.equal(await page.locator(dialog).evaluate((d) => d.open), false);
  }));

  test('the footer button opens it by keyboard, its Close button closes it, focus back on the button', () => withPage('/', async (page) => {
    const button = page.locator('footer .keys-button');
    assert.equal(await button.getAttribute('aria-keyshortcuts'), '?');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.locator(`${dialog} button.close`).focus();
    await page.keyboard.press('Enter');
    await page.locator(dialog).waitFor({ state: 'hidden' });
    assert.equal(await button.evaluate((b) => b === document.activeElement), true);
  }));

  test('in Mongolian', () => withPage('/?lang=mn', async (page) => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Гарын товчлол' });
    await help.waitFor();
    assert.equal(await help.locator('dt').first().textContent(), '/ эсвэл s');
  }));

  test('? pressed before the app has taken over opens the list once it has', () => withPage('/sources', async (page) => {
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  }, { appReady: false, setup: (page) => page.addInitScript(() => { window.requestIdleCallback = () => 0; }) }));
});

describe('touch', () => {
  const onPhone = async (path, check) => {
    const phone = await site.chromium.browser.browser().newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      await withPage(path, check, { context: phone });
    } finally {
      await phone.close();
    }
  };

  test('the menu, a footnote preview and the shortcuts dialog by tap', () => onPhone('/', async (page) => {
    await page.locator('.menu-button').tap();
    await page.locator('.site-menu nav').waitFor({ state: 'visible' });
    await page.locator('.menu-button').tap();
    await page.locator('.site-menu nav').waitFor({ state: 'hidden' });
    await page.locator('#implementation-in-context .fn-ref a[aria-label="Footnote 2"]').tap();
    await page.locator('#implementation-in-context .fn-ref:has(a[aria-label="Footnote 2"]) .fn-preview').waitFor({ state: 'visible' });
    // A tap elsewhere closes the preview (a bottom sheet on a phone, over the foot of the screen).
    await page.locator('#implementation-in-context-heading').tap();
    await page.locator('.fn-preview:not([hidden])').waitFor({ state: 'detached' });
    await page.locator('footer .keys-button').tap();
    await page.locator('dialog.keys-dialog').waitFor({ state: 'visible' });
    await page.locator('dialog.keys-dialog button.close').tap();
    await page.locator('dialog.keys-dialog').waitFor({ state: 'hidden' });
  }));

  test('the scorecard\'s filters and the embed dialog by tap', () => onPhone('/commitments', async (page) => {
    await page.locator('input[value=significant]').tap();
    await page.waitForURL(/results=significant/);
    assert.equal(await page.locator('tbody tr').count() > 0, true);
    await page.goto(`${site.url}/data`);
    await appReady(page);
    await page.locator('.embed-button').first().tap();
    const dialog = page.locator('dialog.embed-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('button.close').tap();
    await dialog.waitFor({ state: 'hidden' });
  }));

  // WCAG 2.2 (2.5.8): a target is at least 24×24 CSS px, or a link inside a sentence (inline), or a
  // control whose label is a target of that size. Measured as a finger meets it: every point of a 24 px
  // square on the target's centre reaches it (a hit area may be larger than the box). Footnote markers are
  // inline, but they are what a phone reader taps most: they are held to 24×24 too.
  for (const path of ['/', '/commitments', '/commitments/3', '/sources', '/sources/1', '/data', '/search?q=open%20data', '/embed/commitments/3']) {
    test(`${path}: every target on a phone is at least 24×24 px`, () => onPhone(path, async (page) => {
      const smallTargets = (inMenu) => page.evaluate((inMenu) => {
        const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const inSentence = (e) => getComputedStyle(e).display === 'inline' && !e.closest('.fn-ref')
          && e.parentElement.closest('p, li, dd, td, figcaption, blockquote')?.textContent.trim() !== e.textContent.trim();
        // A control with a label is reached through it; a link broken over lines, through its longest line.
        const reaches = (target) => {
          const r = [...target.getClientRects()].sort((a, b) => b.width - a.width)[0];
          const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
          return [[0, 0], [-11.5, -11.5], [11.5, -11.5], [-11.5, 11.5], [11.5, 11.5]].every(([dx, dy]) => {
            const hit = document.elementFromPoint(x + dx, y + dy);
            return hit && target.contains(hit);
          });
        };
        const found = [];
        for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
          if (Boolean(e.closest('.site-menu')) !== inMenu) continue;
          if (!visible(e) || e.closest('.visually-hidden, [inert], dialog:not([open])') || e.matches('.skip-link') || inSentence(e)) continue;
          e.scrollIntoView({ block: 'center', inline: 'center' });
          const label = e.labels?.[0];
          if (reaches(label && visible(label) && !label.matches('.visually-hidden') ? label : e)) continue;
          const r = (label ?? e).getBoundingClientRect();
          found.push(`${e.tagName.toLowerCase()}.${e.className || ''} “${(e.textContent || e.value || '').trim().slice(0, 20)}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
        return found;
      }, inMenu);
      const small = await smallTargets(false);
      if (!path.startsWith('/embed/')) {
        await page.evaluate(() => scrollTo(0, 0));
        await page.locator('.menu-button').tap();
        await page.locator('.site-menu nav').waitFor({ state: 'visible' });
        small.push(...(await smallTargets(true)));
      }
      assert.deepEqual(small, []);
    }));
  }
});

describe('zoom and text size', () => {
  // One page of every kind, the app's and the prerendered.
  const PAGES = ['/', '/commitments', '/commitments/3', '/sources', '/sources/1', '/data', '/search?q=open%20data',
    '/nowhere', '/?lang=mn', '/embed/commitments/3', '/embed/charts/completion', '/embed/scorecard'];
  const CASES = [
    { name: 'a 320 px screen', width: 320, height: 640 },
    { name: '200 % zoom on a 1280 px laptop', width: 640, height: 400 },
    // The browser's own text size (Chromium's font size setting, which media queries in rem follow too).
    { name: 'text at 200 % on a tablet', width: 768, height: 1024, fontSize: 32 },
  ];
  for (const { name, width, height, fontSize } of CASES) {
    test(`${name}: no sideways scrolling, no clipped text, on every kind of page`, async () => {
      for (const path of PAGES) {
        await withPage(path, async (page) => {
          const found = await page.evaluate(() => {
            // What a reader can open is read open: a chart's data, the report's folded parts.
            for (const details of document.querySelectorAll('details')) details.open = true;
            const problems = [];
            const root = document.documentElement;
            // A data table may scroll in a box of its own (WCAG 1.4.10 excepts two-dimensional content).
            const inScrollingTable = (e) => {
              for (let box = e.closest('table')?.parentElement; box && box !== document.body; box = box.parentElement) {
                if (/auto|scroll/.test(getComputedStyle(box).overflowX)) return true;
              }
              return false;
            };
            if (root.scrollWidth > innerWidth) problems.push(`the page is ${root.scrollWidth} px wide`);
            for (const e of document.querySelectorAll('body *')) {
              if (e.closest('.visually-hidden, dialog:not([open]), svg, [hidden]') || !e.getClientRects().length) continue;
              if (inScrollingTable(e)) continue;
              const style = getComputedStyle(e);
              // Text cut off: a box that hides what overflows it, holding text that overflows.
              const hides = /hidden|clip/.test(style.overflowX + style.overflowY) || style.textOverflow === 'ellipsis';
              const hasText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
              if (hides && hasText && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) {
                problems.push(`${e.tagName.toLowerCase()}.${e.className} clips its text (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`);
              }
              // Text sticking out of the screen, where scrolling a box sideways would be needed to read it.
              const r = e.getBoundingClientRect();
              if (hasText && (r.right > innerWidth + 1 || r.left < -1) && style.position !== 'fixed') {
                problems.push(`${e.tagName.toLowerCase()}.${e.className} “${e.textContent.trim().slice(0, 30)}” reaches ${Math.round(r.left)}–${Math.round(r.right)} px`);
              }
            }
            return [...new Set(problems)].slice(0, 10);
          });
          assert.deepEqual(found, [], `${path} (${name})`);
        }, {
          setup: async (page) => {
            await page.setViewportSize({ width, height });
            if (fontSize) await (await page.context().newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: fontSize, fixed: fontSize } });
          },
        });
      }
    });
  }
});
