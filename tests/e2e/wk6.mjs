import { DIST } from './support/browser.mjs';
import { serve } from './support/server.mjs';
import { startSession } from './support/webdriver.mjs';
const site = await serve(DIST, { compress: true });
const b = await startSession('webkit');
for (const p of ['/', '/commitments/2', '/commitments/3']) {
  await b.goto(site.url + p);
  try { await b.waitFor('the app', () => document.documentElement.dataset.app === 'ready', [], 10000); console.log(p, 'ready'); }
  catch (e) { console.log(p, e.message.slice(0, 600)); }
}
await b.quit(); await site.close();
