// Embeds on a partner page of another origin: self-sizing iframes, the host script's checks, sandboxing,
// themes; the snippet dialog; oEmbed documents and discovery links; axe-core on each embed view.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { htmlPages, serve } from './support/server.mjs';
import { PLAIN_HOST, REPORT_TITLE, axeViolations, useSite } from './support/site.mjs';
import { openPage } from './support/browser.mjs';

// A page on the app's own site that posts one chosen height message to its parent, as an embed would.
const SENDER = (shape) => `<!DOCTYPE html><html lang="en"><head><title>sender</title></head><body><script>
  const message = ${JSON.stringify({ ours: { type: 'irm-embed:resize', version: 1, path: '/embed/scorecard', height: 777 }, amp: { sentinel: 'amp', type: 'embed-size', height: 555 } })}['${shape}'];
  setInterval(() => parent.postMessage(message, '*'), 100);
</script></body></html>`;
const site = useSite({
  // Under /embed/: embed.js sizes only frames under its edition's embed folder.
  handle: htmlPages({ '/embed/test/sends-ours.html': SENDER('ours'), '/embed/test/sends-amp.html': SENDER('amp') }),
});
const withPage = (...args) => site.withPage(...args);
let partner, partnerDir;

const EMBEDS = {
  commitment: '/embed/commitments/3',
  scorecard: '/embed/scorecard',
  chart: '/embed/charts/inflation',
  sandboxed: '/embed/commitments/4?compact',
  dark: '/embed/charts/completion?theme=dark',
};

/** The partner site, made on first use (the app's address is known only once its server runs). */
async function partnerUrl() {
  if (partner) return partner.url;
  partnerDir = await mkdtemp(join(tmpdir(), 'irm-partner-'));
  const frames = Object.entries(EMBEDS).map(([id, path]) => {
    const sandbox = id === 'sandboxed' ? ' sandbox="allow-scripts allow-popups"' : '';
    return `<iframe id="${id}" src="${site.url}${path}" title="Embed ${id}" width="100%" height="150" style="border:0"${sandbox} data-irm-embed></iframe>`;
  });
  await writeFile(join(partnerDir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Partner page</title><link rel="icon" href="data:,">
<style>body { margin: 0; font-family: sans-serif; } iframe { display: block; margin-bottom: 8px; }</style></head>
<body><h1>A partner's page</h1>
${frames.join('\n')}
<iframe id="hostile" src="/hostile.html" title="Someone else's frame" width="100%" height="150" style="border:0" data-irm-embed></iframe>
<script src="${site.url}/embed.js"></script>
<script>
  // The page's own scripts post look-alike messages too: not from one of our frames, so ignored.
  setInterval(() => window.postMessage({ type: 'irm-embed:resize', version: 1, path: '/embed/scorecard', height: 3333 }, '*'), 100);
</script>
</body></html>`);
  // A frame of the partner's origin that claims to be ours and asks every frame to grow.
  await writeFile(join(partnerDir, 'hostile.html'), `<!DOCTYPE html><html lang="en"><head><title>hostile</title></head><body>
<script>
  setInterval(() => {
    parent.postMessage({ type: 'irm-embed:resize', version: 1, path: '/embed/commitments/3', height: 4321 }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4321 }, '*');
    parent.postMessage('{"type":"irm-embed:resize","height":4321}', '*');
  }, 100);
</script></body></html>`);
  // A sandboxed embed in Mongolian: its catalogue is fetched from an opaque origin, with storage blocked.
  await writeFile(join(partnerDir, 'mongolian.html'), `<!DOCTYPE html><html lang="mn"><head><meta charset="utf-8">
<title>Partner</title><link rel="icon" href="data:,"></head><body>
<iframe id="mn" src="${site.url}/embed/commitments/3?lang=mn" title="Амлалт 3" width="100%" height="600"
  style="border:0" sandbox="allow-scripts allow-popups" data-irm-embed></iframe>
<script src="${site.url}/embed.js"></script></body></html>`);
  // Each height-message shape on its own, from a frame on the app's site.
  await writeFile(join(partnerDir, 'shapes.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Partner</title><link rel="icon" href="data:,"></head><body>
<iframe id="ours" src="${site.url}/embed/test/sends-ours.html" title="ours" height="150" style="border:0" data-irm-embed></iframe>
<iframe id="amp" src="${site.url}/embed/test/sends-amp.html" title="AMP's" height="150" style="border:0" data-irm-embed></iframe>
<iframe id="upper" src="${site.url}/embed/test/sends-ours.html" title="sandbox tokens in capitals" height="150" style="border:0"
  sandbox="allow-scripts ALLOW-SAME-ORIGIN" data-irm-embed></iframe>
<iframe id="srcdoc" src="${site.url}/embed/test/sends-ours.html" title="srcdoc" height="150" style="border:0" sandbox="allow-scripts"
  srcdoc="<script>setInterval(() => parent.postMessage({ type: 'irm-embed:resize', version: 1, path: '/x', height: 999 }, '*'), 50)</script>"
  data-irm-embed></iframe>
<script src="${site.url}/embed.js"></script></body></html>`);
  partner = await serve(partnerDir);
  return partner.url;
}
after(async () => {
  await partner?.close();
  if (partnerDir) await rm(partnerDir, { recursive: true, force: true });
});

/** Heights of each iframe on the partner page and of the content inside it. */
async function measure(page) {
  const result = {};
  for (const id of Object.keys(EMBEDS)) {
    const frameHeight = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
    const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
    const content = await frame.evaluate(() => Math.ceil(document.getElementById('embed-root')?.getBoundingClientRect().height ?? -1));
    result[id] = { frame: Math.round(frameHeight), content };
  }
  return result;
}

/**
 * Waits until every embed's iframe is as tall as its content (within 2 px). The viewport is made tall
 * enough to show every frame: Chromium pauses the layout of offscreen cross-origin frames (and so their
 * ResizeObserver) until they are scrolled into view.
 */
async function settled(page) {
  if ((page.viewportSize()?.height ?? 0) < 4000) await page.setViewportSize({ width: 1000, height: 4000 });
  let last;
  for (let i = 0; i < 100; i++) {
    last = await measure(page);
    if (Object.values(last).every(({ frame, content }) => content > 150 && Math.abs(frame - content) <= 2)) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`iframes did not settle: ${JSON.stringify(last)}`);
}

describe('embeds on a partner page of another origin', () => {
  test('every iframe settles to its content height and follows a narrower viewport', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      // Tall enough to show every frame: Chromium pauses the layout of offscreen cross-origin frames
      // (and so their ResizeObserver) until they are scrolled into view.
      await page.setViewportSize({ width: 1000, height: 4000 });
      await page.goto(await partnerUrl());
      const wide = await settled(page);
      await page.setViewportSize({ width: 360, height: 7000 });
      const narrow = await settled(page);
      assert.ok(narrow.commitment.frame > wide.commitment.frame + 50, `${JSON.stringify({ wide, narrow })}`);
      // Nothing the hostile frame or the page itself posted took effect.
      await page.waitForTimeout(500);
      assert.equal(Math.round(await page.locator('#hostile').evaluate((f) => f.getBoundingClientRect().height)), 150);
      for (const { frame } of Object.values(await measure(page))) {
        assert.ok(frame !== 3333 && frame !== 4321);
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('a sandboxed embed (no same-origin, no storage) works; the dark flag darkens its frame', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(await partnerUrl());
      await settled(page);
      const sandboxed = await (await page.locator('#sandboxed').elementHandle()).contentFrame();
      assert.equal(await sandboxed.evaluate(() => { try { localStorage.length; return 'storage'; } catch { return 'blocked'; } }), 'blocked');
      assert.equal(await sandboxed.locator('h1').textContent(), 'Commitment 4: Guaranteeing Freedom of Association');
      assert.equal(await sandboxed.locator('[data-kind=completion]').textContent(), 'Not substantially or completely implemented');
      // Compact: the badges show, the scales do not (the flag is applied by the page's own script and style).
      assert.ok(await sandboxed.locator('[data-kind=early-results]').isVisible());
      assert.equal(await sandboxed.locator('.scale:visible, .embed-quotes:visible').count(), 0, 'compact: badges without scales');
      const link = sandboxed.locator('.embed-footer a');
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      const dark = await (await page.locator('#dark').elementHandle()).contentFrame();
      assert.equal(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(17, 20, 24)');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('height messages', () => {
  test('each documented shape on its own sizes its frame', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(`${await partnerUrl()}/shapes.html`);
      const height = (id) => page.locator(`#${id}`).evaluate((f) => Math.round(f.getBoundingClientRect().height));
      for (let i = 0; i < 40 && ((await height('ours')) !== 777 || (await height('amp')) !== 555); i++) await page.waitForTimeout(50);
      assert.deepEqual([await height('ours'), await height('amp')], [777, 555]);
      // Sandbox tokens are case-insensitive: ALLOW-SAME-ORIGIN keeps the frame's own origin.
      for (let i = 0; i < 40 && (await height('upper')) !== 777; i++) await page.waitForTimeout(50);
      assert.equal(await height('upper'), 777);
      // A srcdoc frame holds none of the site's pages, whatever its src says.
      assert.equal(await height('srcdoc'), 150);
    } finally {
      await page.close();
    }
  });

  test('an embed sends both shapes, with the same whole height', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.addInitScript(() => {
        window.__messages = [];
        window.addEventListener('message', (event) => {
          if (event.source === document.getElementById('commitment')?.contentWindow) window.__messages.push(event.data);
        });
      });
      await page.goto(await partnerUrl());
      const { content } = (await settled(page)).commitment;
      const messages = await page.evaluate(() => window.__messages);
      const last = (test) => messages.filter(test).at(-1);
      assert.deepEqual(last((m) => m.type === 'irm-embed:resize'),
        { type: 'irm-embed:resize', version: 1, path: '/embed/commitments/3', height: content });
      assert.deepEqual(last((m) => m.sentinel === 'amp'), { sentinel: 'amp', type: 'embed-size', height: content });
      assert.ok(messages.every((m) => Number.isInteger(m.height)), JSON.stringify(messages));
    } finally {
      await page.close();
    }
  });
});

describe('embeds follow the partner page\'s width', () => {
  // Every embed view, on a partner page of another origin that a plain host serves (no header at all).
  const VIEWS = [
    ...['completion', 'early-results', 'inflation', 'scorecard-matrix'].map((id) => `/embed/charts/${id}`),
    ...Array.from({ length: 9 }, (_, i) => `/embed/commitments/${i + 1}`),
    '/embed/scorecard',
  ];
  let widthsPartner, widthsDir;
  after(async () => {
    await widthsPartner?.close();
    if (widthsDir) await rm(widthsDir, { recursive: true, force: true });
  });

  /** Each frame's height (inside any border) and the height its document needs (`<html>`'s box), read inside. */
  async function heights(page) {
    return Promise.all(VIEWS.map(async (view, i) => {
      const frame = await (await page.locator(`#v${i}`).elementHandle()).contentFrame();
      return {
        view,
        frame: await page.locator(`#v${i}`).evaluate((f) => f.clientHeight),
        document: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
      };
    }));
  }

  /**
   * At `width` (the page as tall as a laptop's: most frames are out of view, where Chromium gives a
   * frame no rendering updates), every frame comes within 2 px of its document's height; then, each
   * scrolled into view, none scrolls inside.
   */
  async function fitsAt(page, width) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => scrollTo(0, 0));
    let last;
    for (let i = 0; i < 100; i++) {
      last = await heights(page);
      if (last.every((h) => h.document > 100 && Math.abs(h.frame - h.document) <= 2)) break;
      await page.waitForTimeout(100);
    }
    const off = last.filter((h) => !(h.document > 100 && Math.abs(h.frame - h.document) <= 2));
    assert.deepEqual(off, [], `at ${width} px`);
    for (let i = 0; i < VIEWS.length; i++) {
      await page.locator(`#v${i}`).scrollIntoViewIfNeeded();
      const frame = await (await page.locator(`#v${i}`).elementHandle()).contentFrame();
      // In view, the frame's own idea of its size catches up within a few frames (Chromium defers it
      // while a cross-origin frame is out of view).
      const scrolls = await frame.evaluate(() => new Promise((resolve) => {
        let frames = 0, found = null;
        const check = () => {
          const page = document.scrollingElement;
          found = page.scrollHeight > page.clientHeight + 1 ? `${page.scrollHeight} in ${page.clientHeight}` : null;
          if (found === null || ++frames > 30) resolve(found);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }));
      assert.equal(scrolls, null, `${VIEWS[i]} scrolls inside its frame at ${width} px`);
    }
  }

  test('every view, at 320, 390, 768 and 1280 px and after each change, before and after its app starts', async () => {
    widthsDir = await mkdtemp(join(tmpdir(), 'irm-widths-'));
    const frames = VIEWS.map((view, i) =>
      `<iframe id="v${i}" src="${site.url}${view}" title="Embed ${view}" width="100%" height="150" style="border:0;display:block" data-irm-embed></iframe>`);
    await writeFile(join(widthsDir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Partner page</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; script-src ${site.url}; frame-src ${site.url}">
</head><body style="margin:0"><h1>A partner's page</h1>
${frames.join('\n')}
<script src="${site.url}/embed.js"></script></body></html>`);
    widthsPartner = await serve(widthsDir, { host: '127.0.0.2', plain: true });
    const page = await openPage(site.chromium.browser);
    try {
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(`${widthsPartner.url}/`);
      for (const width of [390, 1280, 320, 768, 390, 1280]) await fitsAt(page, width);
      // The apps start (a press in each frame is intent) and put their own copies in place.
      for (let i = 0; i < VIEWS.length; i++) {
        await page.locator(`#v${i}`).scrollIntoViewIfNeeded();
        await page.frameLocator(`#v${i}`).locator('#embed-root').click({ position: { x: 2, y: 2 } });
        await page.frameLocator(`#v${i}`).locator('html[data-app=ready]').waitFor({ state: 'attached' });
      }
      for (const width of [1280, 320, 768, 390]) await fitsAt(page, width);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('a sandboxed embed in Mongolian', () => {
  // A sandboxed frame has an opaque origin: it loads module scripts and the catalogue in CORS mode.
  test(PLAIN_HOST
    ? 'on a host without CORS headers: shows and sizes itself in English, its interactive layer off'
    : 'fetches its catalogue from an opaque origin and shows Mongolian', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(`${await partnerUrl()}/mongolian.html`);
      const frame = await (await page.locator('#mn').elementHandle()).contentFrame();
      assert.equal(await frame.evaluate(() => origin), 'null');
      if (PLAIN_HOST) {
        await frame.locator('html[data-app=unavailable]').waitFor();
        assert.equal(await frame.locator('h1').textContent(), 'Commitment 3: Participation and Accountability in Public Procurement');
        assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
        const content = await frame.evaluate(() => Math.ceil(document.getElementById('embed-root').getBoundingClientRect().height));
        for (let i = 0; i < 40 && Math.abs((await page.locator('#mn').evaluate((f) => f.getBoundingClientRect().height)) - content) > 2; i++) {
          await page.waitForTimeout(50);
        }
        assert.ok(Math.abs((await page.locator('#mn').evaluate((f) => f.getBoundingClientRect().height)) - content) <= 2, 'sized');
        // What the browser reports: the app's module refused for want of CORS, nothing else.
        assert.ok(page.errors.length > 0 && page.errors.every((e) => /blocked by CORS policy|net::ERR_FAILED|dynamically imported module/.test(e)), page.errors.join('\n'));
      } else {
        await frame.locator('h2', { hasText: 'Хэрэгжилт' }).waitFor();
        assert.equal(await frame.evaluate(() => document.documentElement.lang), 'mn');
        assert.deepEqual(page.errors, []);
      }
    } finally {
      await page.close();
    }
  });
});

describe('messages into an embed', () => {
  test('only its parent, with the documented theme message, changes it', async () => {
    const page = await openPage(site.chromium.browser);
    try {
      await page.goto(await partnerUrl());
      await settled(page);
      const themeOf = async (id) => (await (await page.locator(`#${id}`).elementHandle()).contentFrame())
        .evaluate(() => document.documentElement.getAttribute('data-theme'));
      // Look-alikes from the parent: wrong version, wrong type, extra field, a string, markup, an array.
      await page.evaluate(() => {
        const target = document.getElementById('commitment').contentWindow;
        for (const message of [
          { type: 'irm-embed:theme', version: 2, theme: 'dark' },
          { type: 'irm-embed:resize', version: 1, theme: 'dark' },
          { type: 'irm-embed:theme', version: 1, theme: 'dark', html: '<img src=x onerror="window.__pwned=1">' },
          JSON.stringify({ type: 'irm-embed:theme', version: 1, theme: 'dark' }),
          { type: 'irm-embed:theme', version: 1, theme: '<img src=x onerror="window.__pwned=1">' },
          ['irm-embed:theme', 1, 'dark'],
        ]) target.postMessage(message, '*');
      });
      // The right message from the wrong window: the partner's other frame, a sibling of the embed.
      const hostile = await (await page.locator('#hostile').elementHandle()).contentFrame();
      await hostile.evaluate(() => parent.document.getElementById('commitment').contentWindow
        .postMessage({ type: 'irm-embed:theme', version: 1, theme: 'dark' }, '*'));
      await page.waitForTimeout(300);
      assert.equal(await themeOf('commitment'), null, 'still following the system');
      // The documented message from the parent.
      await page.evaluate(() => document.getElementById('commitment').contentWindow
        .postMessage({ type: 'irm-embed:theme', version: 1, theme: 'dark' }, '*'));
      for (let i = 0; i < 20 && (await themeOf('commitment')) !== 'dark'; i++) await page.waitForTimeout(50);
      assert.equal(await themeOf('commitment'), 'dark');
      const frame = await (await page.locator('#commitment').elementHandle()).contentFrame();
      assert.equal(await frame.evaluate(() => window.__pwned ?? null), null);
      assert.equal(await frame.locator('img').count(), 0);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});

describe('embed views', () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [LIGHT, DARK] = ['rgb(255, 255, 255)', 'rgb(17, 20, 24)'];
  for (const [flag, system, expected] of [['light', 'dark', LIGHT], ['auto', 'dark', DARK], ['auto', 'light', LIGHT], ['dark', 'light', DARK]]) {
    test(`?theme=${flag} on a ${system} system, before and after its app starts`, () => withPage(`/embed/commitments/3?theme=${flag}`, async (page) => {
      assert.equal(await background(page), expected, 'before');
      await page.keyboard.press('Shift');
      await page.locator('html[data-app=ready]').waitFor();
      assert.equal(await background(page), expected, 'after');
    }, { setup: (page) => page.emulateMedia({ colorScheme: system }) }));
  }

  test('a commitment: no site chrome, a link to the full view in a new tab', () => withPage('/embed/commitments/3', async (page) => {
    assert.equal(await page.locator('.site-header').count(), 0);
    assert.equal(await page.locator('h1').textContent(), 'Commitment 3: Participation and Accountability in Public Procurement');
    assert.equal(await page.title(), `Commitment 3: Participation and Accountability in Public Procurement — ${REPORT_TITLE}`);
    const full = page.locator('.embed-footer a');
    assert.equal(await full.textContent(), 'View in the full report');
    assert.equal(await full.getAttribute('href'), '/commitments/3');
    assert.equal(await page.locator('base').getAttribute('target'), '_blank', 'every link leaves the frame');
    assert.equal(await page.locator('blockquote').count(), 4);
  }));

  test("an embed ignores the reader's saved language (its host could learn it) and follows ?lang= only", async () => {
    let catalogueRequests = 0;
    await withPage('/embed/commitments/3', async (page) => {
      try {
        // The app runs on intent in an embed: a press starts it, and then it chooses its language.
        await page.locator('main').click();
        await page.locator('html[data-app=ready]').waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        assert.equal(catalogueRequests, 0, 'the Mongolian catalogue was not asked for');
      } finally {
        // The browser's storage outlives the page: the next tests read in English.
        await page.evaluate(() => localStorage.removeItem('irm-report-language'));
      }
    }, { appReady: false, setup: async (page) => {
      page.on('request', (request) => { if (request.url().includes('/locales/mn.json')) catalogueRequests++; });
      await page.addInitScript(() => { if (location.pathname.startsWith('/embed/')) localStorage.setItem('irm-report-language', 'mn'); });
    } });
  });

  test('fits 280 px without sideways scrolling', async () => {
    for (const path of Object.values(EMBEDS)) {
      await withPage(path, async (page) => {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 280), path);
      }, { setup: (page) => page.setViewportSize({ width: 280, height: 600 }) });
    }
  });

  for (const path of ['/embed/commitments/10', '/embed/charts/pie', '/embed/nothing']) {
    test(`${path} shows an error card`, () => withPage(path, async (page) => {
      assert.equal(await page.locator('.embed-error h1').textContent(), 'This embed is not available');
      assert.equal(await page.locator('.embed-footer a').getAttribute('href'), '/');
    }));
  }

  for (const scheme of ['light', 'dark']) {
    for (const path of [...Object.values(EMBEDS), '/embed/commitments/10']) {
      test(`axe-core, ${path} in ${scheme}`, () => withPage(path, async (page) => {
        assert.deepEqual(await axeViolations(page), []);
      }, { setup: (page) => page.emulateMedia({ colorScheme: scheme }) }));
    }
  }
});

describe('the embed dialog', () => {
  test('offers the snippet with options and a preview; focus stays inside; Escape returns focus', async () => {
    const context = await site.chromium.browser.browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    try {
      await withPage('/commitments/3', async (page) => {
        const button = page.locator('main .actions button.embed-button');
        await button.click();
        const dialog = page.locator('dialog.embed-dialog[open]');
        await dialog.waitFor();
        assert.equal(await dialog.locator('h2').textContent(), `Embed: Commitment 3: Participation and Accountability in Public Procurement — ${REPORT_TITLE}`);
        const code = dialog.locator('textarea');
        const title = `Commitment 3: Participation and Accountability in Public Procurement — ${REPORT_TITLE}`;
        assert.equal(await code.inputValue(),
          `<iframe src="${site.url}/embed/commitments/3" title="${title}" width="100%" height="900" loading="lazy" style="border:0" data-irm-embed></iframe>\n` +
          `<script async src="${site.url}/embed.js"></script>`);
        await dialog.getByLabel('Dark').check();
        await dialog.getByLabel('Compact').check();
        assert.match(await code.inputValue(), new RegExp(`src="${site.url.replace(/\./g, '\\.')}/embed/commitments/3\\?theme=dark&amp;compact" .* height="360"`));
        assert.equal(await dialog.locator('iframe.embed-preview').getAttribute('src'), `${site.url}/embed/commitments/3?theme=dark&compact`);
        const preview = await (await dialog.locator('iframe.embed-preview').elementHandle()).contentFrame();
        await preview.locator('h1').waitFor();
        assert.deepEqual(await axeViolations(page), [], 'axe-core with the dialog open');
        await dialog.locator('button.copy-link').click();
        await dialog.locator('.copied').waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press('Tab');
          const where = await page.evaluate(() => {
            const active = document.activeElement;
            return document.querySelector('dialog[open]').contains(active) ? 'inside' : `${active.tagName}.${active.className}`;
          });
          assert.equal(where, 'inside', `Tab ${i} left the dialog`);
        }
        await page.keyboard.press('Escape');
        await page.locator('dialog.embed-dialog[open]').waitFor({ state: 'detached' });
        assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus returned to the Embed button');
      }, { context });
    } finally {
      await context.close();
    }
  });

  test('every chart and the scorecard offer one', () => withPage('/data', async (page) => {
    assert.equal(await page.locator('.chart button.embed-button').count(), 4);
    await page.locator('#chart-inflation button.embed-button').click();
    assert.match(await page.locator('dialog[open] textarea').inputValue(), /\/embed\/charts\/inflation" title="Inflation 2020-2022, as stated in the report — /);
    await page.locator('dialog[open] button.close').click();
    await page.goto(`${site.url}/commitments`);
    await page.locator('main .actions button.embed-button').click();
    assert.match(await page.locator('dialog[open] textarea').inputValue(), /\/embed\/scorecard" title="Commitments scorecard — /);
  }));
});

describe('oEmbed', () => {
  const BUILD_SITE = 'http://127.0.0.1:8080/'; // SITE_URL of the build under test (the default)

  test('each embeddable view has a rich oEmbed document', async () => {
    for (const path of ['commitments/3', 'commitments/7', 'scorecard', 'charts/completion', 'charts/scorecard-matrix']) {
      const response = await fetch(`${site.url}/oembed/${path}.json`);
      assert.equal(response.status, 200, path);
      const doc = await response.json();
      assert.equal(doc.type, 'rich');
      assert.equal(doc.version, '1.0');
      assert.equal(doc.provider_url, BUILD_SITE);
      assert.ok(doc.title.endsWith(` — ${REPORT_TITLE}`));
      assert.ok(Number.isInteger(doc.width) && Number.isInteger(doc.height));
      assert.ok(doc.html.startsWith(`<iframe src="${BUILD_SITE}embed/${path}" title="`), doc.html);
      assert.ok(doc.html.endsWith(`<script async src="${BUILD_SITE}embed.js"></script>`));
    }
  });

  test('their HTML entry files carry the discovery link', async () => {
    for (const [page, json] of [['/commitments/3', 'commitments/3'], ['/commitments', 'scorecard'], ['/embed/charts/inflation', 'charts/inflation']]) {
      const html = await (await fetch(site.url + page)).text();
      assert.ok(html.includes(`<link rel="alternate" type="application/json+oembed" href="${BUILD_SITE}oembed/${json}.json"`), page);
    }
  });
});
