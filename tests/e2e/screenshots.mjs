// Pictures of the edition for README: a phone and a desktop, light and dark, taken from the real build
// (dist/) as a static host serves it. Run by scripts/screenshots; writes docs/screenshots/*.png.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DIST, launch } from './support/browser.mjs';
import { serve } from './support/server.mjs';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SHOTS = [
  // [file, path, viewport, colour scheme, full page]
  ['phone-light.png', '/commitments/3', { width: 390, height: 844 }, 'light'],
  ['phone-dark.png', '/', { width: 390, height: 844 }, 'dark'],
  ['desktop-light.png', '/', { width: 1280, height: 800 }, 'light'],
  ['desktop-dark.png', '/commitments', { width: 1280, height: 800 }, 'dark'],
];

const server = await serve(DIST);
const chromium = await launch();
try {
  await mkdir(OUT, { recursive: true });
  for (const [file, path, viewport, colorScheme] of SHOTS) {
    const page = await chromium.browser.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    await page.goto(server.url + path);
    await page.locator('html[data-app=ready] main h1').first().waitFor();
    await page.screenshot({ path: OUT + file });
    await page.close();
    console.log(`docs/screenshots/${file}: ${path} at ${viewport.width}×${viewport.height}, ${colorScheme}`);
  }
} finally {
  await chromium.close();
  await server.close();
}
