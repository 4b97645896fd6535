// A small W3C WebDriver client (the HTTP protocol every engine's driver speaks), so that the same smoke
// checks run in Chromium, Firefox and WebKit with nothing downloaded: the drivers come from Debian and
// crates.io (scripts/install-tools). Only what the checks need: a session, navigation, elements, script.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WEBKIT_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The three engines: how each driver starts, and the capabilities of a headless session. */
export const ENGINES = {
  chromium: {
    driver: 'chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--no-first-run', '--window-size=1200,900'],
      },
    }),
  },
  firefox: {
    driver: 'geckodriver',
    args: (port) => [`--port=${port}`],
    capabilities: (profileDir) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width', '1200', '-height', '900', '-profile', profileDir],
        // Nothing but the site under test: no updates, telemetry, captive-portal or remote settings calls.
        prefs: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'services.settings.server': 'http://127.0.0.1:9/',
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
  },
  webkit: {
    // WebKitGTK's MiniBrowser has no headless mode: the driver (and the browser it starts) run on a
    // virtual display.
    driver: 'xvfb-run',
    args: (port) => ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: ['--automation'] },
    }),
  },
};

/** Why an engine cannot run here (its driver or browser is missing), or null. */
export function missing(name) {
  const needs = {
    chromium: ['chromedriver', process.env.CHROMIUM_PATH || '/usr/bin/chromium'],
    firefox: ['geckodriver', '/usr/bin/firefox-esr'],
    webkit: ['xvfb-run', 'WebKitWebDriver', WEBKIT_BROWSER],
  }[name];
  const found = (program) => program.startsWith('/')
    ? existsSync(program)
    : (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, program)));
  const absent = needs.filter((program) => !found(program));
  return absent.length ? `${name}: ${absent.join(', ')} not installed (scripts/install-tools)` : null;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the engine's driver and a session; resolves to a Session. Close it with session.quit(). */
export async function startSession(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const profileDir = await mkdtemp(join(tmpdir(), `irm-wd-${name}-`));
  // Its own process group, so that quitting also ends what xvfb-run started.
  const driver = spawn(engine.driver, engine.args(port), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let driverLog = '';
  const record = (chunk) => { driverLog = (driverLog + chunk).slice(-4000); };
  driver.stdout.on('data', record);
  driver.stderr.on('data', record);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    await rm(profileDir, { recursive: true, force: true });
  };
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await (await fetch(`${base}/status`)).json()).value?.ready !== false) break;
      } catch { /* not listening yet */ }
      if (tries > 150) throw new Error(`${engine.driver} did not start: ${driverLog}`);
      await sleep(100);
    }
    const created = await command(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { ...engine.capabilities(profileDir), pageLoadStrategy: 'normal' } },
    });
    return new Session(base, created.sessionId, stop, () => driverLog);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function command(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

export class Session {
  constructor(base, id, stop, driverLog) {
    this.base = base;
    this.path = `/session/${id}`;
    this.stop = stop;
    this.driverLog = driverLog;
  }

  send(method, path, body) {
    return command(this.base, method, this.path + path, body);
  }

  async quit() {
    try { await this.send('DELETE', ''); } finally { await this.stop(); }
  }

  goto(url) { return this.send('POST', '/url', { url }); }
  url() { return this.send('GET', '/url'); }

  /** Runs `fn` (a function whose source is sent) in the page with `args`; resolves to its result. */
  run(fn, ...args) {
    return this.send('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Resolves to the first element matching `css` (a WebDriver element reference). */
  async find(css) {
    const found = await this.send('POST', '/element', { using: 'css selector', value: css });
    return found[ELEMENT];
  }

  /** Runs `fn` inside the iframe matching `css`, then returns to the top page. */
  async inFrame(css, fn, ...args) {
    await this.send('POST', '/frame', { id: { [ELEMENT]: await this.find(css) } });
    try {
      return await this.run(fn, ...args);
    } finally {
      await this.send('POST', '/frame/parent', {});
    }
  }

  async click(css) {
    await this.send('POST', `/element/${await this.find(css)}/click`, {});
  }

  async type(css, text) {
    await this.send('POST', `/element/${await this.find(css)}/value`, { text });
  }

  /** Where the page is and how far the app got, for a failure's message. */
  async state() {
    try {
      // Whether the page still gets animation frames: its rendering runs.
      const frames = await this.send('POST', '/execute/async', {
        script: `const done = arguments[arguments.length - 1]; let n = 0;
          const count = () => { n++; requestAnimationFrame(count); }; requestAnimationFrame(count);
          setTimeout(() => done(n), 1000);`,
        args: [],
      });
      return JSON.stringify(await this.run((framesInASecond) => ({
        framesInASecond,
        url: location.href,
        readyState: document.readyState,
        visibility: document.visibilityState,
        app: document.documentElement.dataset.app ?? null,
        // Trunk's loader sets this once the wasm is instantiated and its `main` has returned.
        wasmStarted: typeof window.wasmBindings === 'object',
        marks: performance.getEntriesByType('mark').map((mark) => mark.name),
        loadingBanner: Boolean(document.getElementById('loading-banner')),
        firstPaint: performance.getEntriesByName('first-contentful-paint').length > 0,
        appFiles: performance.getEntriesByType('resource').filter((e) => /\/start-|\.wasm$/.test(e.name)).length,
      }), frames));
    } catch (error) {
      return `unknown (${error.message})`;
    }
  }

  /** Waits until `fn(...args)` is truthy in the page (polled); resolves to its value. */
  async waitFor(what, fn, args = [], timeout = 15000) {
    const end = Date.now() + timeout;
    for (;;) {
      let value;
      try {
        value = await this.run(fn, ...args);
      } catch { /* a navigation in progress */ }
      if (value) return value;
      if (Date.now() > end) {
        throw new Error(`timed out waiting for ${what}; the page then: ${await this.state()}\n` +
          `the driver's last output:\n${this.driverLog().slice(-1500)}`);
      }
      await sleep(50);
    }
  }
}
