// Static first (README, "Loading"). Every page is prerendered and reads completely without the app.
// This classic script is loaded async from <head>: fetched beside the style sheet, which the first paint
// waits for, it runs before that paint without holding up the parsing of the page. It applies the saved
// theme (no flash of the wrong one) and decides when the wasm app starts: after the first contentful
// paint when the browser is idle (with a deadline), or at once on the reader's first sign of intent —
// whichever comes first. With Save-Data or on a 2G connection only on intent. A page asked for in another
// interface language or with another bundle starts at once. An embed view (`<html class="embed">`) also
// applies its flags, reports its height to the host page and follows the host's theme message here
// (README, "Embedding"), so it needs no wasm to show and size itself; its app starts only on intent.
// `site-files` writes this file, without its comment lines, as boot-<hash>.js with the app's loader in
// `data-start` and offline reading's module in `data-offline`.
(() => {
  const script = document.currentScript;
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // Storage blocked (a sandboxed frame, privacy settings): nothing was saved.
    }
  };

  // The app's path after the base path (`trunk build --public-url`): `/embed/commitments/3`.
  const basePath = new URL(document.baseURI).pathname.replace(/\/$/, '');
  const path = location.pathname.startsWith(basePath) ? location.pathname.slice(basePath.length) : location.pathname;
  // Embed views are prerendered with the class; an embed address without a file (an error card) is not.
  const embed = root.classList.contains('embed') || path.startsWith('/embed/');
  if (embed) root.classList.add('embed');
  // An async script: the document may or may not be parsed yet.
  const whenParsed = (then) => {
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', then, { once: true });
    else then();
  };
  // Once the first contentful paint is recorded; where the browser has no paint timing, after the load
  // event and a frame.
  const afterFirstPaint = (then) => {
    if ((PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        setTimeout(then, 0);
      }).observe({ type: 'paint', buffered: true });
    } else {
      addEventListener('load', () => requestAnimationFrame(() => setTimeout(then, 0)), { once: true });
    }
  };
  // Offline reading (`src/offline.js`) waits for the page, everything in it and its first paint: it is
  // never in the way of the page. Not in an embed: it would register a service worker on the host's behalf.
  const whenLoadedAndPainted = (then) => {
    if (document.readyState === 'complete') afterFirstPaint(then);
    else addEventListener('load', () => afterFirstPaint(then), { once: true });
  };
  const setTheme = (theme) => {
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  };
  if (embed) startEmbed();
  else {
    setTheme(stored('irm-report-theme'));
    foldMenu();
    markSectionInView();
  }

  // A restart after a trap (below) is this page again, with why in its history entry.
  const restartedAfter = history.state?.irmRestartedAfter;
  if (restartedAfter) {
    performance.mark?.(`app-restart: ${restartedAfter}`);
    forgetRestart();
  }
  let started = false;
  const intents = ['pointerdown', 'keydown', 'focusin', 'mouseover', 'touchstart'];
  function start() {
    if (started) return;
    started = true;
    for (const type of intents) removeEventListener(type, onIntent, true);
    root.dataset.app = 'starting';
    guardHistory();
    // The app failing as it starts (its files refused; a trap or an error thrown through the wasm): the
    // page stays as it is, it reads and its links work without the app. The performance timeline keeps
    // why, for tests (`app-error: …`; a panic's own message is marked by the app, `app-panic: …`).
    const fail = (why) => {
      if (root.dataset.app !== 'starting') return;
      root.dataset.app = 'unavailable';
      performance.mark?.(`app-error: ${why}`);
    };
    const onError = (error, message) => {
      const why = `${message} | ${`${error?.stack}`.slice(0, 300)}`;
      const trap = error?.name === 'RuntimeError' && root.dataset.app === 'starting';
      if (!(trap && !restartedAfter && restart(why))) fail(why);
    };
    addEventListener('error', (event) => {
      const trace = `${event.filename} ${event.error?.stack}`;
      if (event.error?.name === 'RuntimeError' || /\/irm-report-[0-9a-f]+(_bg\.wasm|\.js)\b/.test(trace)) onError(event.error, event.message);
    });
    import(new URL(script.dataset.start, document.baseURI).href).catch((error) => onError(error, String(error)));
  }
  /**
   * A wasm trap while the app starts (WebKitGTK 2.50's engine traps now and then, README "Browsers"):
   * the page loads again, once, and its app starts at once with a fresh instance. Not a second instance
   * in this page: the trapped one keeps its listeners (the router's clicks, its panic hook) and would
   * fight the new one. The guard lives in this history entry (a reload keeps it; no storage needed) and
   * is taken out as the page loads again, so a second trap leaves the readable page (`fail`), never a loop.
   * False, and no restart, if the guard cannot be kept (the history throttle).
   */
  function restart(why) {
    try {
      history.replaceState({ ...history.state, irmRestartedAfter: why.slice(0, 500) }, '');
    } catch {
      return false;
    }
    root.dataset.app = 'restarting';
    location.reload();
    return true;
  }
  function forgetRestart() {
    const { irmRestartedAfter: _, ...state } = history.state;
    try {
      history.replaceState(state, '');
    } catch { /* throttled: the next load's trap then fails instead of restarting */ }
  }
  /**
   * Safari throws a SecurityError when a page calls `pushState`/`replaceState` too often (100 times in
   * 10 seconds), and the router unwraps the call: the app would panic and stop. A push it refuses becomes
   * an ordinary page load of the new address (every address has a page of its own); a replace it
   * refuses is dropped (the address lags, the page is right).
   */
  function guardHistory() {
    for (const name of ['pushState', 'replaceState']) {
      const call = History.prototype[name];
      History.prototype[name] = function (state, title, url) {
        try {
          return call.call(this, state, title, url);
        } catch {
          if (name === 'pushState' && url != null) location.assign(new URL(url, location.href).href);
        }
      };
    }
  }
  function onIntent(event) {
    const target = event.target instanceof Element ? event.target : null;
    // Hovering means intent only over what the app makes interactive: a footnote marker or a control.
    if (event.type === 'mouseover' && !target?.closest('.fn-ref, button, select, input, summary, [role=tab]')) return;
    if (event.type === 'focusin' && !target?.closest('.fn-ref, form, button, select, input, summary')) return;
    start();
  }
  for (const type of intents) addEventListener(type, onIntent, { capture: true, passive: true });
  replayEarlyClicks();
  previewFootnotesBeforeApp();
  if (!embed && script.dataset.offline) whenLoadedAndPainted(() => import(new URL(script.dataset.offline, document.baseURI).href).catch(() => {}));

  // The interface language the app will choose (i18n::choose_language): the first supported one of
  // ?lang=, the saved choice (not in an embed: its host could learn it) and the browser's languages.
  const supported = (tag) => {
    const primary = String(tag || '').split(/[-_]/)[0].toLowerCase();
    return primary === 'en' || primary === 'mn' ? primary : null;
  };
  const language = supported(query.get('lang')) || (!embed && supported(stored('irm-report-language'))) ||
    (navigator.languages || [navigator.language]).map(supported).find(Boolean) || 'en';
  if (language !== 'en' || query.get('bundle') || restartedAfter) {
    start();
    return;
  }

  // An address without a prerendered page of its own (shell.html: `/search?q=…`, an unknown embed) has
  // nothing to read without the app: it starts at once.
  whenParsed(() => {
    if (!document.getElementById('app')?.firstElementChild) start();
  });
  const onIntentOnly = () => {
    if (!started) root.dataset.app = 'on-intent';
  };
  if (embed) return onIntentOnly();
  const connection = navigator.connection;
  if (connection && (connection.saveData || /2g$/.test(connection.effectiveType || ''))) return onIntentOnly();
  const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200));
  afterFirstPaint(whenIdle);

  function startEmbed() {
    setTheme(query.get('theme'));
    if (query.has('compact')) root.classList.add('compact');
    // Links open the full report in a new tab, outside the host page.
    const base = document.querySelector('base');
    if (base) base.target = '_blank';
    if (parent === window) return;
    followHostTheme();
    whenParsed(reportHeight);
  }

  /** Only the parent window's exact `{type: "irm-embed:theme", version: 1, theme}` is obeyed. */
  function followHostTheme() {
    addEventListener('message', (event) => {
      const data = event.data;
      if (event.source !== parent || !data || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return;
      const keys = Object.keys(data).sort().join();
      if (keys === 'theme,type,version' && data.type === 'irm-embed:theme' && data.version === 1 &&
          ['auto', 'light', 'dark'].includes(data.theme)) setTheme(data.theme);
    });
  }

  /**
   * Posts the height the whole document needs (`<html>`'s box: `html.embed` has `height: auto`, so it
   * holds everything, the app's copy of the content and a loading notice too) on load and whenever it
   * changes (a ResizeObserver, not a timer), as our message and as AMP's: whole pixels 1–20000, no
   * repeats, at most 8 a second (a layout loop is held back and its last height sent when the second is
   * over). Also when the host page asks (`{type: "irm-embed:measure", version: 1}`, sent by embed.js as it
   * starts and when the frame's width changes), even if unchanged: the host may have missed the first
   * message, and a frame out of view gets no rendering updates in Chromium, so its own observer would
   * not see a new width until the reader scrolled to it.
   */
  function reportHeight() {
    // The window is a little over a second, so that the host, which receives the messages with some
    // delay of their own, never sees more than 8 within one.
    const MAX_HEIGHT = 20000, PER_SECOND = 8, WINDOW_MS = 1050;
    let last = 0, recent = [], retry = null;
    const measure = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height <= 0 || height > MAX_HEIGHT || height === last) return;
      const now = performance.now(); // Monotonic: a clock change cannot stall or flood the host.
      recent = recent.filter((t) => now - t < WINDOW_MS);
      if (recent.length >= PER_SECOND) {
        clearTimeout(retry);
        retry = setTimeout(measure, Math.max(1, WINDOW_MS - (now - recent[0])));
        return;
      }
      recent.push(now);
      last = height;
      parent.postMessage({ type: 'irm-embed:resize', version: 1, path, height }, '*');
      parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    };
    new ResizeObserver(measure).observe(root);
    addEventListener('message', (event) => {
      const data = event.data;
      if (event.source !== parent || data?.type !== 'irm-embed:measure' || data.version !== 1) return;
      // Sent again even if unchanged: the host may have missed it (its script came later).
      last = 0;
      measure();
    });
    measure();
  }

  /**
   * The phone header's menu button (style/main.css folds the menu; with scripting off it stays open).
   * Open on the root, so that the app's copy of the page, when it takes over, finds it open too; closed
   * by Escape and by following a link in it.
   */
  function foldMenu() {
    const setOpen = (open) => {
      root.classList.toggle('menu-open', open);
      for (const button of document.querySelectorAll('.menu-button')) button.setAttribute('aria-expanded', String(open));
    };
    addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.menu-button')) setOpen(!root.classList.contains('menu-open'));
      else if (target?.closest('.site-menu a')) setOpen(false);
    });
    // The app's copy of the header, once it takes over, says what is open.
    new MutationObserver(() => setOpen(root.classList.contains('menu-open')))
      .observe(root, { attributes: true, attributeFilter: ['data-app'] });
    addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !root.classList.contains('menu-open')) return;
      setOpen(false);
      document.querySelector('.menu-button')?.focus();
    });
  }

  /** The contents list (beside the text on wide screens) marks the section being read: `aria-current`. */
  function markSectionInView() {
    let frame = 0;
    const mark = () => {
      frame = 0;
      let current = null;
      const links = document.querySelectorAll('.toc a[href*="#"]');
      for (const link of links) {
        const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (target && target.getBoundingClientRect().top < innerHeight * 0.3) current = link;
      }
      for (const link of links) {
        if (link === current) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    };
    addEventListener('scroll', () => { frame ||= requestAnimationFrame(mark); }, { passive: true });
  }

  /**
   * A tap on a footnote marker before the app has taken over shows its preview at once, as the app's
   * marker does (src/components/footnote_ref.rs: a first tap shows it, a second follows the link; a press
   * elsewhere or Escape closes it). The app opens the same preview when it takes over (takeover::reader_state).
   */
  function previewFootnotesBeforeApp() {
    let pointer = '';
    const before = () => root.dataset.app !== 'ready';
    const close = () => {
      const preview = document.querySelector('.fn-ref .fn-preview:not([hidden])');
      if (!preview) return;
      preview.hidden = true;
      preview.closest('.fn-ref').querySelector('a')?.setAttribute('aria-expanded', 'false');
    };
    addEventListener('pointerdown', (event) => {
      pointer = event.pointerType;
      if (before() && !(event.target instanceof Element && event.target.closest('.fn-ref'))) close();
    }, true);
    addEventListener('keydown', (event) => {
      if (before() && event.key === 'Escape') close();
    }, true);
    addEventListener('click', (event) => {
      const link = before() && pointer === 'touch' && event.target instanceof Element && event.target.closest('.fn-ref a');
      const preview = link && link.closest('.fn-ref').querySelector('.fn-preview');
      if (!preview?.hidden) return;
      event.preventDefault();
      close();
      preview.hidden = false;
      link.setAttribute('aria-expanded', 'true');
    }, true);
  }

  /**
   * A press on one of the app's controls (a button, a filter checkbox) before the app runs starts it;
   * the click itself is kept and made again on the same control of the app's page once it has taken
   * over, so the reader's first click is never lost. Links and form submissions need no app.
   */
  function replayEarlyClicks() {
    // The menu button is boot.js's own (foldMenu): pressed again, it would close what was opened.
    // The offline controls on /data are offline.js's, which runs them before the app too.
    const CONTROLS = 'button:not([type=submit], .menu-button, [data-offline-action]), input[type=checkbox], input[type=radio]';
    const clicks = [];
    const pathOf = (element, top) => {
      const path = [];
      for (let e = element; e !== top; e = e.parentElement) path.unshift([...e.parentElement.children].indexOf(e));
      return path;
    };
    addEventListener('click', (event) => {
      const app = document.getElementById('app');
      const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
      if (root.dataset.app !== 'ready' && app && control && app.contains(control)) clicks.push(pathOf(control, app));
    }, true);
    // `?` (the keyboard shortcuts) before the app: its button in the footer is pressed once the app is in.
    addEventListener('keydown', (event) => {
      const app = document.getElementById('app');
      const help = app?.querySelector('.keys-button');
      const typing = event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]');
      if (root.dataset.app !== 'ready' && event.key === '?' && help && !typing) clicks.push(pathOf(help, app));
    }, true);
    new MutationObserver((_, observer) => {
      if (root.dataset.app !== 'ready') return;
      observer.disconnect();
      const app = document.getElementById('app');
      for (const path of clicks.splice(0)) {
        const control = path.reduce((e, i) => e?.children[i], app);
        if (control?.matches(CONTROLS)) control.click();
      }
    }).observe(root, { attributes: true, attributeFilter: ['data-app'] });
  }
})();
