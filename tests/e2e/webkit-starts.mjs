// The WebKit start loop (README, "Browsers"): starts the app again and again in WebKitGTK and counts how
// each start ended — ready, ready after one restart (boot.js restarts the app once after a trap),
// unavailable, or timed out — and which ended in a wasm trap. Seven starts per browser session, as the
// three-engine lane makes (the same pages), so that earlier instances share the web process as they do
// there. Not a test: scripts/webkit-starts runs it per build variant and JSC switch and prints counts.
// Usage: node webkit-starts.mjs --starts N --label L --dist DIR [--log FILE]
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from './support/server.mjs';
import { startSession } from './support/webdriver.mjs';

const { values } = parseArgs({
  options: {
    starts: { type: 'string', default: '140' },
    label: { type: 'string', default: 'as-built' },
    dist: { type: 'string', default: '../../dist' },
    log: { type: 'string' },
  },
});
const starts = Number(values.starts);
const site = await serve(values.dist, { compress: true });
const paths = ['/', '/commitments?results=moderate,significant&sort=title', '/', '/commitments/2',
  '/commitments/3?lang=mn', '/', '/commitments/3'];
const TRAP = /Out of bounds|RuntimeError|unreachable/;
const counts = { ready: 0, restarted: 0, unavailable: 0, timeout: 0, traps: 0 };
const began = Date.now();
let browser;
try {
  for (let i = 0; i < starts; i++) {
    if (i % paths.length === 0) {
      await browser?.quit();
      browser = await startSession('webkit');
    }
    await browser.goto(site.url + paths[i % paths.length]);
    let end;
    try {
      end = await browser.waitFor('the start', () => {
        const app = document.documentElement.dataset.app;
        return (app === 'ready' || app === 'unavailable') && {
          app,
          marks: performance.getEntriesByType('mark').map((m) => m.name).filter((n) => /^app-(error|panic|restart)/.test(n)),
        };
      }, [], 20000);
    } catch (error) {
      end = { app: 'timeout', marks: [error.message.slice(0, 400)] };
    }
    const restarted = end.marks.some((m) => m.startsWith('app-restart'));
    if (end.app === 'ready') counts[restarted ? 'restarted' : 'ready']++;
    else counts[end.app]++;
    if (end.marks.some((m) => TRAP.test(m))) counts.traps++;
    if (values.log) appendFileSync(values.log, `${JSON.stringify({ label: values.label, i, path: paths[i % paths.length], ...end })}\n`);
  }
} finally {
  await browser?.quit();
  await site.close();
}
const seconds = (Date.now() - began) / 1000;
console.log(`${values.label}: ${starts} starts — ${counts.ready} ready, ${counts.restarted} ready after one restart, ` +
  `${counts.unavailable} unavailable, ${counts.timeout} timed out; ${counts.traps} with a trap ` +
  `(${(seconds / starts).toFixed(2)} s a start)`);
