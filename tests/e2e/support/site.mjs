// One served site and one browser per test file, and a page helper that checks the console stays clean.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { DIST, launch, openPage, visit } from './browser.mjs';

export const REPORT_TITLE = 'Mongolia Results Report 2021-2023';
/**
 * `IRM_E2E_HOST=plain`: the site served as nginx serves it by default, with no header from `_headers`
 * (no CORS, no policy header); scripts/test runs the reading and embed suites this way too.
 */
export const PLAIN_HOST = process.env.IRM_E2E_HOST === 'plain';

/**
 * Registers before/after hooks; the returned object is ready inside tests. `serveOptions`: see serve(), and
 * `root`, the built site's directory (`dist/` unless given).
 */
export function useSite(serveOptions) {
  const site = {};
  before(async () => {
    site.server = await serve(serveOptions?.root ?? DIST, { plain: PLAIN_HOST, ...serveOptions });
    site.chromium = await launch();
    site.url = site.server.url;
  });
  after(async () => {
    await site.chromium?.close();
    await site.server?.close();
  });
  /**
   * Opens a fresh page at `path` and runs `check(page)`, then asserts no console error happened.
   * `setup(page)` runs before the page loads (init scripts, media emulation). `expectErrors`: patterns of
   * console errors the test provokes on purpose (a 404 the browser logs); any other error still fails.
   * `appReady: false` starts the check as soon as the prerendered page shows, before the app takes over.
   */
  site.withPage = async (path, check, { setup, context, expectErrors = [], appReady = true } = {}) => {
    const page = await openPage(context ?? site.chromium.browser);
    try {
      if (setup) await setup(page);
      await visit(page, site.url + path, { appReady });
      await check(page);
      const unexpected = page.errors.filter((error) => !expectErrors.some((pattern) => pattern.test(error)));
      assert.deepEqual(unexpected, [], 'console errors');
    } finally {
      await page.close();
    }
  };
  return site;
}

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core on the page; resolves to its violations, summarised. */
export async function axeViolations(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the page's CSP.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every HTML file under `dir` (the build writes one per prerendered page). */
export async function htmlFiles(dir = DIST) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found;
}
