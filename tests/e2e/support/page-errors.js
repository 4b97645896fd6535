// Loaded first in every page of the WebDriver lane (serve()'s `headScript`): WebDriver classic gives no
// console in Firefox or WebKit, so this records what the Chromium tests see through DevTools — uncaught
// errors, unhandled rejections, console errors, files that failed to load, CSP violations — and each
// restart boot.js made after a trap, in sessionStorage (it outlives the page loads of one tab).
(() => {
  // The lane's own check (engines.test.mjs) loads this again as `?check`, to make an error of the page's own.
  if (document.currentScript?.src.endsWith('?check')) {
    console.error('the lane’s own check');
    throw new Error('the lane’s own check');
  }
  const KEY = 'irm-lane-errors';
  const record = (entry) => {
    try {
      const all = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      all.push({ page: location.pathname + location.search, ...entry });
      sessionStorage.setItem(KEY, JSON.stringify(all));
    } catch { /* storage blocked: nothing to record into */ }
  };
  if (history.state?.irmRestartedAfter) record({ restart: String(history.state.irmRestartedAfter) });
  addEventListener('error', (event) => {
    if (event.target !== window && event.target?.tagName) {
      record({ error: `failed to load <${event.target.tagName.toLowerCase()}> ${event.target.src || event.target.href || ''}` });
    } else {
      record({ error: `uncaught ${event.error?.name ?? 'error'}: ${event.error?.message ?? event.message}`, trap: event.error?.name === 'RuntimeError' });
    }
  }, true);
  addEventListener('unhandledrejection', (event) => record({ error: `unhandled rejection: ${event.reason}` }));
  document.addEventListener('securitypolicyviolation', (event) =>
    record({ error: `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}` }));
  const consoleError = console.error;
  console.error = (...args) => {
    record({ error: `console: ${args.map(String).join(' ')}` });
    consoleError.apply(console, args);
  };
})();
