// Offline reading, the page's side (README, "Offline reading"). `boot.js` imports this module once the
// page has loaded, never in an embed (it would register a service worker on the host's behalf).
// Once the app has loaded, it registers the edition's service worker (`sw.js`, `src/sw.js`) and asks it
// to save the whole edition — under Save-Data or on 2G, at once, only the pages read; offers a newer edition
// when the host has one ("A newer edition is available — reload": never reloads by itself); says when
// the reader is offline; and runs the offline controls on /data. `site-files` writes it as
// `offline-<hash>.js` with MESSAGES, the catalogues' `offline.*` texts. It also links the web app manifest.
const MESSAGES = OFFLINE_MESSAGES;
const root = document.documentElement;
const base = new URL(document.baseURI);
const workers = navigator.serviceWorker;
/** Set when the reader removed the offline copy: no worker is registered again until they save it. */
const REMOVED_KEY = 'irm-report-offline-removed';
const connection = navigator.connection;
const lean = Boolean(connection && (connection.saveData || /2g$/.test(connection.effectiveType || '')));

const say = (key) => (MESSAGES[root.lang.startsWith('mn') ? 'mn' : 'en'] ?? MESSAGES.en)[key] ?? MESSAGES.en[key];
const storage = (write) => {
  try {
    return write(localStorage);
  } catch {
    return null; // Storage blocked: the choice lasts for this page only.
  }
};

let state = null; // Until the worker says: nothing is shown.
let newer = null; // The waiting worker of a newer edition, once it is complete.
let stale = false; // Another tab took the newer edition: this page is of an older one.
let reloading = false;
let watching = false; // Once per page, even when the reader keeps the copy again.

// The web app manifest and this module's style sheet (`style/offline.css`, written beside it under the
// same name), linked only now: in the HTML they would be fetched before the first paint.
const link = (rel, href) => {
  const element = document.createElement('link');
  element.rel = rel;
  element.href = href;
  document.head.append(element);
};
if (!document.querySelector('link[rel=manifest]')) link('manifest', new URL('manifest.webmanifest', base).href);
link('stylesheet', import.meta.url.replace(/\.js$/, '.css'));

const notice = document.createElement('div');
notice.className = 'edition-notice';
notice.setAttribute('role', 'status');
notice.hidden = true;
document.body.append(notice);

/** The edition's state in words, wherever the page shows it (`/data`), and the controls that apply. */
function show(next) {
  state = next;
  root.dataset.offline = next;
  refresh();
}

function refresh() {
  if (!state) return;
  for (const element of document.querySelectorAll('[data-offline-status]')) {
    const text = say(`state_${state}`);
    if (element.textContent !== text) element.textContent = text;
  }
  const kept = ['saved', 'visited', 'partial'].includes(state);
  for (const button of document.querySelectorAll('[data-offline-action]')) {
    const hidden = state === 'unsupported' || state === 'saving' ||
      (button.dataset.offlineAction === 'remove' ? !kept : state === 'saved');
    if (button.hidden !== hidden) button.hidden = hidden;
  }
}

/** The line at the foot of the screen: a newer edition to reload into, or that the reader is offline. */
function showNotice() {
  const parts = [];
  if (newer || stale) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = say('reload');
    button.addEventListener('click', takeNewer);
    parts.push(`${say('update')} — `, button);
  } else if (!navigator.onLine) {
    parts.push(say('offline'));
  }
  notice.replaceChildren(...parts);
  notice.hidden = !parts.length;
}

function takeNewer() {
  reloading = true;
  if (newer) ask(newer, 'take-over'); // `controllerchange` then reloads.
  else location.reload();
}

/** Asks the worker and waits for its answer. */
function ask(worker, action, extra = {}) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data ?? {});
    worker.postMessage({ type: 'irm-offline', version: 1, action, ...extra }, [channel.port2]);
  });
}

const stateOf = (answer) =>
  answer.error ? 'partial'
    : answer.saved === answer.total ? 'saved'
    : answer.failed ? 'partial'
    : answer.saved ? 'visited'
    : 'none';

/** Resolves true once the app has loaded, false if it could not. */
function appLoaded() {
  return new Promise((resolve) => {
    const check = () => {
      if (root.dataset.app === 'ready' || root.dataset.app === 'unavailable') {
        observer.disconnect();
        resolve(root.dataset.app === 'ready');
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, attributeFilter: ['data-app'] });
    check();
  });
}

async function start(saveEverything) {
  // Not before the app has loaded: the worker's start and the save would compete with it. (Under
  // Save-Data the app may never load: the page being read is kept at once.)
  if (!lean && !saveEverything && !(await appLoaded())) return;
  let registration;
  try {
    registration = await workers.register(new URL('sw.js', base), { scope: base.pathname });
  } catch {
    registration = null;
  }
  // Refused: storage blocked, a host without https, or a browser (or test) that blocks workers.
  if (!registration) return show('unsupported');
  const hadController = Boolean(workers.controller);
  if (!watching) watchForNewer(registration, hadController);
  watching = true;
  if (hadController) registration.update().catch(() => {});
  const worker = (await workers.ready).active;
  show(stateOf(await ask(worker, 'status')));
  if (state === 'saved') return;
  if (lean && !saveEverything) {
    // Save-Data or 2G: the page being read and what it loaded, nothing more.
    const addresses = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
    return show(stateOf(await ask(worker, 'keep', { addresses })));
  }
  show('saving');
  show(stateOf(await ask(worker, 'save-all')));
}

/** A newer build on the host: its worker installs in the background; offered once it is complete. */
function watchForNewer(registration, hadController) {
  const offer = async (worker) => {
    if (!workers.controller) return; // A first install: nothing older to replace.
    if (!lean) {
      const answer = await ask(worker, 'save-all');
      if (answer.saved !== answer.total) return; // Offered on a later visit, once it is whole.
    }
    newer = worker;
    showNotice();
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  workers.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    else if (hadController) {
      stale = true;
      showNotice();
    }
  });
}

async function onAction(event) {
  const button = event.target instanceof Element ? event.target.closest('[data-offline-action]') : null;
  if (!button || state === 'unsupported') return;
  if (button.dataset.offlineAction === 'remove') {
    storage((s) => s.setItem(REMOVED_KEY, '1'));
    const registration = await workers.getRegistration(base.pathname);
    const worker = registration?.active ?? registration?.waiting ?? registration?.installing;
    if (worker) await ask(worker, 'remove');
    newer = null;
    show('none');
    showNotice();
  } else if (button.dataset.offlineAction === 'save') {
    storage((s) => s.removeItem(REMOVED_KEY));
    await start(true);
  }
}

addEventListener('online', showNotice);
addEventListener('offline', showNotice);
addEventListener('click', onAction);
// The app puts its own copy of a page in place (and /data may be opened later): fill in each new one.
new MutationObserver(refresh).observe(document.body, { childList: true, subtree: true });
// The app sets the interface language (`?lang=mn`, the reader's choice): say it all again in it.
new MutationObserver(() => {
  refresh();
  showNotice();
}).observe(root, { attributes: true, attributeFilter: ['lang'] });
showNotice();
if (!workers) show('unsupported');
else if (storage((s) => s.getItem(REMOVED_KEY)) === '1') show('none');
else start(false);
