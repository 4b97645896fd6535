// Headless Debian Chromium, launched so that it does not stall on this machine's closed network.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A fresh browser with its own empty profile; resolves to { browser, close }. Its pages register no
 * service worker unless `serviceWorkers: 'allow'`: every other suite tests a first visit, and one test's
 * offline copy would otherwise answer the next test's requests (offline.test.mjs tests it).
 */
export async function launch({ extraArgs = [], serviceWorkers = 'block' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'irm-e2e-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...FLAGS, ...extraArgs],
    serviceWorkers,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records every console error, uncaught exception and Content-Security-Policy violation
 * (in any of its frames) into `page.errors`.
 */
export async function openPage(context) {
  const page = await context.newPage();
  page.errors = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => page.errors.push(`pageerror: ${error.message}`));
  return page;
}

/**
 * Opens `url` and waits until the app has taken over and shows a main heading — or, where the app starts
 * only on the reader's intent (an embed view, Save-Data), until the prerendered page shows one.
 */
export async function visit(page, url, { appReady = true } = {}) {
  await page.goto(url);
  await page.locator(appReady ? 'html:is([data-app=ready], [data-app=on-intent]) main h1' : 'main h1').first().waitFor();
}
