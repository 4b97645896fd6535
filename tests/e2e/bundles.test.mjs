// Bundles fetched on demand (`?bundle=`): a hostile bundle renders inert in every view, and every kind of
// failure (404, network, oversize, invalid, unlisted) is named, offers a retry and leaves the embedded
// report readable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { REPORT_TITLE, useSite } from './support/site.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const REAL = JSON.parse(read('data/mongolia-2021-2023.json'));
const HOSTILE = read('tests/bundles/hostile/hostile.json');
const copy = (changes) => JSON.stringify({ ...REAL, ...changes });

// What the test server answers under /bundles/, beside the built app.
const entry = (id, path = `${id}.json`) => ({ id, title: `Test bundle ${id}`, language: 'en', path });
const MANIFEST = JSON.stringify({
  bundles: ['hostile', 'missing', 'huge', 'huge-chunked', 'gzip-bomb', 'stalled', 'redirect', 'nested', 'invalid', 'not-json',
    'renamed', 'offline', 'flaky', 'slow', 'kept'].map((id) => entry(id)),
});
// 100 MB of JSON whitespace, sent gzip-compressed: its Content-Length (about 100 KB) is honest about
// the compressed body and passes the early check; only counting while reading stops it.
const BOMB = gzipSync(Buffer.alloc(100_000_000, ' '), { level: 9 });
let flakyRequests = 0;
let manifestRequests = 0;
let keptRequests = 0;
const FILES = {
  'index.json': (res) => { manifestRequests++; send(res, 200, MANIFEST); },
  'hostile.json': (res) => send(res, 200, HOSTILE),
  'huge.json': (res) => send(res, 200, ' '.repeat(3_000_000)),
  'huge-chunked.json': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked
    for (let i = 0; i < 30; i++) res.write(' '.repeat(100_000));
    res.end('{}');
  },
  'invalid.json': (res) => send(res, 200, copy({
    id: 'invalid',
    url: 'javascript:alert(1)',
    title: 'Mongolia \u202Egnp.exe',
    footnotes: [{ ...REAL.footnotes[0], url: 'data:text/html,<script>alert(1)</script>' }, ...REAL.footnotes.slice(1)],
  })),
  'not-json.json': (res) => send(res, 200, '<!doctype html><title>Oops</title>'),
  'renamed.json': (res) => send(res, 200, copy({ id: 'something-else' })),
  'gzip-bomb.json': (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': BOMB.length });
    res.end(BOMB);
  },
  'stalled.json': (res) => res.writeHead(200, { 'content-type': 'application/json' }).write('{'), // and nothing more
  'redirect.json': (res, req) => {
    // The same server under another name is another origin.
    res.writeHead(302, { location: `http://localhost:${req.socket.localPort}/bundles/kept.json` }).end();
  },
  'nested.json': (res) => send(res, 200, '['.repeat(100_000) + ']'.repeat(100_000)),
  'offline.json': (res) => res.socket.destroy(),
  'flaky.json': (res) => (++flakyRequests === 1 ? send(res, 503, 'busy') : send(res, 200, copy({ id: 'flaky', title: 'Flaky copy' }))),
  'kept.json': (res) => { keptRequests++; send(res, 200, copy({ id: 'kept', title: 'Kept copy' })); },
  'slow.json': (res) => setTimeout(() => send(res, 200, copy({ id: 'slow', title: 'Slow copy' })), 1500),
};
function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const site = useSite({
  handle: (path, req, res) => {
    const answer = FILES[path.replace(/^\/bundles\//, '')];
    if (!path.startsWith('/bundles/') || !answer) return false;
    answer(res, req);
    return true;
  },
});
const withPage = (...args) => site.withPage(...args);

/** Whatever the bundle planted must be text: no script ran, no element or handler was created from it. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], a[href^="javascript:"], a[href^="data:"], b').length,
    handlers: [...document.querySelectorAll('*')]
      .flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    payloadShown: document.body.innerText.includes('<script>window.__pwned="script"</script>'),
  }));
  assert.deepEqual(found, { pwned: null, injected: 0, handlers: [], inlineScripts: 0, payloadShown: true }, where);
}

describe('a hostile bundle', () => {
  test('renders as inert text in every view, title and chart', () => withPage('/?bundle=hostile', async (page) => {
    await page.locator('main h1', { hasText: '<script>window.__pwned' }).waitFor();
    assert.match(await page.title(), /^Mongolia Results Report 2021-2023 <script>window.__pwned="script"<\/script><img src=x/);
    await assertInert(page, '/');
    for (const [name, heading] of [['Commitments', 'Commitments scorecard'], ['Sources', 'Sources'], ['Data', 'Data and citation']]) {
      await page.locator('nav[aria-label=Site] a', { hasText: name }).click();
      await page.locator('main h1', { hasText: heading }).waitFor();
      await assertInert(page, name);
    }
    await page.locator('nav[aria-label=Site] a', { hasText: 'Commitments' }).click();
    await page.locator('tbody th a').first().click();
    await page.locator('main h1', { hasText: 'Commitment 1' }).waitFor();
    assert.match(await page.title(), /<script>window.__pwned/);
    await assertInert(page, '/commitments/1');
    await page.locator('nav[aria-label=Site] a', { hasText: 'Sources' }).click();
    await page.locator('main a[href$="/sources/1"]').first().click();
    await page.locator('main h1', { hasText: 'Source 1' }).waitFor();
    await assertInert(page, '/sources/1');
    // Footnote previews and chart data tables show bundle text too.
    await page.locator('nav[aria-label=Site] a', { hasText: 'Report' }).click();
    await page.locator('main h1', { hasText: '<script>' }).waitFor();
    await page.locator('.fn-ref a').first().focus();
    await page.locator('.fn-preview').first().waitFor({ state: 'visible' });
    await assertInert(page, 'footnote preview');
    // Search results quote bundle text around the matched words.
    await page.locator('#site-search-q').fill('pwned script');
    await page.locator('#site-search-q').press('Enter');
    await page.locator('.search-results mark').first().waitFor();
    await assertInert(page, 'search results');
  }));

  test('its 100 KB paragraph wraps inside a 320 px screen', () => withPage('/?bundle=hostile', async (page) => {
    await page.locator('main h1', { hasText: '<script>' }).waitFor();
    const { longest, overflow } = await page.evaluate(() => ({
      longest: Math.max(...[...document.querySelectorAll('main p')].map((p) => p.textContent.length)),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    assert.ok(longest > 100_000, `longest paragraph ${longest} characters`);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  }, { setup: (page) => page.setViewportSize({ width: 320, height: 640 }) }));

  test('/data lists the manifest and offers the fetched bundle as JSON', () => withPage('/?bundle=hostile', async (page) => {
    await page.locator('main h1', { hasText: '<script>' }).waitFor();
    await page.locator('nav[aria-label=Site] a', { hasText: 'Data' }).click();
    const current = page.locator('.bundle-list a[aria-current=true]');
    assert.equal(await current.textContent(), 'Test bundle hostile');
    assert.equal(await page.locator('.bundle-list li').count(), JSON.parse(MANIFEST).bundles.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-file=bundle]').click()]);
    assert.equal(download.suggestedFilename(), 'hostile.json');
  }));
});

describe('bundles that cannot be used', () => {
  const cases = [
    ['missing', /\/bundles\/missing\.json answered HTTP 404/, [/404/]],
    ['offline', /\/bundles\/offline\.json could not be reached/, [/ERR_EMPTY_RESPONSE|Failed to fetch/]],
    ['huge', /huge\.json is 3000000 bytes, more than the 2097152 bytes allowed/, []],
    ['huge-chunked', /huge-chunked\.json passed the 2097152 bytes allowed: reading stopped at (\d+) bytes/, []],
    ['gzip-bomb', /gzip-bomb\.json passed the 2097152 bytes allowed: reading stopped at (\d+) bytes/, []],
    ['redirect', /redirect\.json could not be reached/, [/Failed to fetch|CORS|redirect/i]],
    ['nested', /nested\.json is not valid:\n\[0\]: invalid type: sequence/, []],
    ['not-json', /not-json\.json is not valid:\n\(root\): expected value at line 1 column 1/, []],
    ['renamed', /renamed\.json is not valid:\nid: is "something-else", but the manifest lists this file as "renamed"/, []],
    ['nope', /^no bundle of that id is listed in bundles\/index\.json$/, []],
  ];
  for (const [id, message, expectErrors] of cases) {
    test(`?bundle=${id}: the reason, a retry, and the embedded report`, () => withPage(`/?bundle=${id}`, async (page) => {
      const notice = page.locator('.bundle-failure[role=alert]');
      await notice.waitFor();
      const problem = await notice.locator('.problem').textContent();
      assert.match(problem, message);
      const stoppedAt = problem.match(/reading stopped at (\d+) bytes/)?.[1];
      // Stopped within a chunk or two of the limit (Chromium hands over up to about 2 MB at a time).
      if (stoppedAt) assert.ok(Number(stoppedAt) < 5 * 2_097_152, `read ${stoppedAt} bytes before stopping`);
      assert.equal(await notice.locator('button').textContent(), 'Try again');
      assert.equal(await page.locator('main h1#top').textContent(), REPORT_TITLE);
      await page.locator('nav[aria-label=Site] a', { hasText: 'Commitments' }).click();
      await page.locator('main h1', { hasText: 'Commitments scorecard' }).waitFor();
    }, { expectErrors }));
  }

  test('an invalid bundle is refused with every problem and its path', () => withPage('/?bundle=invalid', async (page) => {
    const problem = await page.locator('.bundle-failure .problem').textContent();
    assert.match(problem, /invalid\.json is not valid:/);
    assert.match(problem, /\nurl: not an http\(s\) link: "javascript:alert\(1\)"/);
    assert.match(problem, /\nfootnotes\[0\]\.url: not an http\(s\) link: "data:text\/html,<script>alert\(1\)<\/script>"/);
    assert.match(problem, /\ntitle: contains the control character U\+202E, which can disguise text/);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
  }));

  test('a loading state, then the bundle', () => withPage('/?bundle=slow', async (page) => {
    // The prerendered page stays readable meanwhile, under a status line.
    assert.equal(await page.locator('#loading-banner[role=status]').textContent(), 'Loading the report — Fetching what this address asks for…');
    assert.equal(await page.locator('main h1#top').textContent(), REPORT_TITLE);
    await page.locator('main h1#top', { hasText: 'Slow copy' }).waitFor();
    assert.equal(await page.locator('#loading-banner').count(), 0);
  }, { appReady: false }));

  test('a stalled answer is given up after 15 s, with the reason and a retry', () => withPage('/?bundle=stalled', async (page) => {
    const notice = page.locator('.bundle-failure[role=alert]');
    await notice.waitFor({ timeout: 25_000 });
    assert.match(await notice.locator('.problem').textContent(), /stalled\.json could not be reached \(no complete answer within 15 s\)/);
    assert.equal(await notice.locator('button').textContent(), 'Try again');
    assert.equal(await page.locator('#loading-banner').count(), 0);
  }, { appReady: false, expectErrors: [/aborted|AbortError/i] }));

  test('a value that is not an id is neither fetched nor said by the site', () => {
    const spoof = '” This edition was withdrawn. Read the corrected one at https://evil.example “';
    const before = manifestRequests;
    return withPage(`/?bundle=${encodeURIComponent(spoof)}`, async (page) => {
      const notice = page.locator('.bundle-failure[role=alert]');
      await notice.waitFor();
      assert.equal(await notice.locator('.problem').textContent(),
        'the address does not name a bundle id (at most 64 lower-case letters, digits and hyphens)');
      // What was typed is shown only as typed text, shortened, inside the site's own sentence.
      const typed = await notice.locator('h2 code.typed').textContent();
      assert.equal(typed, `${[...spoof].slice(0, 40).join('')}…`);
      assert.equal(await notice.locator('h2').textContent(), `The report bundle “${typed}” could not be loaded`);
      assert.equal(manifestRequests, before, 'nothing was fetched');
    });
  });

  test('"Try again" loads the bundle once the server answers', () => withPage('/?bundle=flaky', async (page) => {
    await page.locator('.bundle-failure .problem', { hasText: 'answered HTTP 503' }).waitFor();
    await page.locator('.bundle-failure button').click();
    await page.locator('main h1#top', { hasText: 'Flaky copy' }).waitFor();
    assert.equal(await page.locator('.bundle-failure').count(), 0);
  }, { expectErrors: [/503/] }));
});

describe('a fetched bundle', () => {
  test('lasts through client-side navigation until a full reload', () => withPage('/?bundle=kept', async (page) => {
    await page.locator('main h1#top', { hasText: 'Kept copy' }).waitFor();
    for (const [link, heading] of [['Commitments', 'Commitments scorecard'], ['Sources', 'Sources'], ['Report', 'Kept copy']]) {
      await page.locator('nav ul a', { hasText: link }).click();
      await page.locator('main h1', { hasText: heading }).waitFor();
      assert.equal(await page.locator('.site-title').textContent(), 'Kept copy', link);
    }
    assert.equal(keptRequests, 1, 'fetched once');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
    // A full load of an address without ?bundle= is the compiled-in report again.
    await page.goto(`${site.url}/commitments`);
    await page.locator('html[data-app=ready] main h1').waitFor();
    assert.equal(await page.locator('.site-title').textContent(), REPORT_TITLE);
  }));
});
