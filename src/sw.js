// The edition's service worker (README, "Offline reading"). `site-files` writes it as `sw.js` at the
// base path with EDITION: this build's id and every file a reader's browser may keep, each with its
// SHA-256 and size (`src/offline.rs`). It keeps them in one cache named by the scope and the build, so two
// builds never mix and two editions on one site never touch each other's; serves them cache-first, each
// checked again as it is served; asks the network first for any address without a file of the build; and
// stores an answer only when its bytes are exactly the build's, so a failed, cut-off or other build's
// answer is never kept. It fetches nothing by itself: the page asks it to save the whole edition once it
// has painted and its app has loaded (`src/offline.js`), or, under Save-Data, only the pages read.
const EDITION = EDITION_MANIFEST;
const MESSAGES = OFFLINE_MESSAGES;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `irm-edition ${SCOPE.pathname} `;
const CACHE = PREFIX + EDITION.build;
const FILES = Object.keys(EDITION.files);
/** What a kept answer keeps of its headers (the body is stored decoded: no encoding, no length). */
const KEPT_HEADERS = ['content-type', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy'];
/** Pages opened from another build (the host was updated under this worker): their requests go to the network. */
const otherBuildClients = new Set();
let removed = false;

// An update waits for the reader ("A newer edition is available — reload"); a first install has
// nothing to wait for and activates at once.
self.addEventListener('install', () => {});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(older.map((name) => caches.delete(name)));
    // The first edition on this device takes charge of the open page at once, so that what it fetches
    // from now on is kept; after an update the reader reloads instead (no page mixes two builds).
    if (!older.length) await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range') || otherBuildClients.has(event.clientId)) return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const file = fileFor(url);
  const page = request.mode === 'navigate';
  // Whatever goes wrong with the cache (storage cleared or full), the reader still gets the network's answer.
  if (file || page) event.respondWith(answer(event, file, page).catch(() => fetch(request)));
});

/** The build's file an address names, as a static host maps it: `commitments/3` → `commitments/3/index.html`. */
function fileFor(url) {
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null;
  }
  const index = path === '' || path.endsWith('/') ? `${path}index.html` : `${path}/index.html`;
  return [path, index].find((candidate) => Object.hasOwn(EDITION.files, candidate)) ?? null;
}

const keyOf = (file) => new URL(file, SCOPE).href;
/** How the file is asked for: a page by its folder (`commitments/3/`), which every static host serves. */
const addressOf = (file) => new URL(file.replace(/(^|\/)index\.html$/, '$1'), SCOPE).href;

async function answer(event, file, page) {
  const cache = await caches.open(CACHE);
  if (file) {
    const kept = await keptCopy(cache, file);
    if (kept) return kept;
  }
  // Not kept, or an address without a file of this build: the network first, always. What this build
  // does not know (the sitemap, a file or an edition added to the host later, a newer build's page) opens
  // as itself; the kept copy answers only when the network does not.
  try {
    const response = await fetch(event.request);
    if (file && !removed) event.waitUntil(keepAnswer(cache, file, response.clone(), page ? event.resultingClientId : null));
    return response;
  } catch (error) {
    if (!page) throw error;
    // Offline: a route of the app (`/commitments/MN0050`, `/search?q=…`) opens in the kept app, as the
    // shell a host serves for it would (README, "Deploy"); any other address gets the not-found page.
    if (isRoute(event.request.url) && (await hasAll(cache, EDITION.app))) return keptCopy(cache, 'shell.html');
    return (!file && (await keptCopy(cache, '404.html'))) || notSaved();
  }
}

/** Whether an address in the scope is one the app shows (`src/app.rs`): `''`, `commitments…`, `sources…`, `data`, `search`, `embed/…`. */
function isRoute(address) {
  const path = new URL(address).pathname.slice(SCOPE.pathname.length);
  return /^(|(commitments|sources)(\/.*)?|(data|search)\/?|embed\/.+)$/.test(path);
}

/**
 * The kept copy of a file, checked against the build's checksum each time it is served: Cache Storage
 * belongs to the whole origin, so any script of it (every project of one `*.github.io` owner) could put a
 * forged page under the key. A copy that fails is dropped, and the file is fetched (and kept) again.
 */
async function keptCopy(cache, file) {
  const kept = await cache.match(keyOf(file));
  if (!kept) return null;
  const copy = await verified(file, kept);
  if (!copy) await cache.delete(keyOf(file));
  return copy;
}

async function hasAll(cache, files) {
  const found = await Promise.all(files.map((file) => keptCopy(cache, file)));
  return found.every(Boolean);
}

/** Keeps a page or file just read over the network when it is this build's; notes a page of another. */
async function keepAnswer(cache, file, response, client) {
  const kept = await verified(file, response);
  if (kept) await cache.put(keyOf(file), kept).catch(() => {}); // Full: kept next time, or never.
  else if (client && response.ok) {
    otherBuildClients.add(client);
    // The host has a newer edition: fetch its worker, so that the reader is offered it.
    self.registration.update().catch(() => {});
  }
}

/** A copy of `response` to keep, or null unless it is whole, a 200 and byte for byte the build's file. */
async function verified(file, response) {
  if (response.status !== 200 || response.type === 'opaque' || response.type === 'opaqueredirect') return null;
  const [sha, size] = EDITION.files[file];
  let bytes;
  try {
    bytes = await response.arrayBuffer(); // A connection cut off mid-body rejects here.
  } catch {
    return null;
  }
  if (bytes.byteLength !== size || hex(await crypto.subtle.digest('SHA-256', bytes)) !== sha) return null;
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(bytes, { status: 200, headers });
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Fetches one file and keeps it: from the browser's HTTP cache when it is there (the page has just read most of them), else the network. */
async function save(cache, file) {
  for (const mode of ['force-cache', 'reload']) {
    try {
      const kept = await verified(file, await fetch(addressOf(file), { cache: mode, credentials: 'same-origin' }));
      if (kept) {
        await cache.put(keyOf(file), kept);
        return true;
      }
    } catch {
      return false; // Offline or refused: tried again on a later visit.
    }
  }
  return false;
}

/** Saves every file not kept yet, two at a time (a background task, not a burst against the reader). */
async function saveAll() {
  if (EDITION.bytes > EDITION.max_bytes) return status({ refused: true });
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (estimate?.quota && estimate.quota - (estimate.usage ?? 0) < EDITION.bytes * 2) return status({ refused: true });
  const cache = await caches.open(CACHE);
  const kept = await keptFiles(cache);
  const queue = FILES.filter((file) => !kept.has(file));
  let failed = 0;
  const worker = async () => {
    for (let file; !removed && (file = queue.shift()) !== undefined;) if (!(await save(cache, file))) failed += 1;
  };
  await Promise.all([worker(), worker()]);
  return status({ failed });
}

/** Keeps the files of the given addresses (the page and what it loaded, under Save-Data). */
async function keepAddresses(addresses) {
  const cache = await caches.open(CACHE);
  const files = new Set();
  for (const address of addresses.slice(0, 200)) {
    try {
      const url = new URL(address);
      if (url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname)) files.add(fileFor(url));
    } catch {}
  }
  files.delete(null);
  for (const file of files) if (!(await cache.match(keyOf(file)))) await save(cache, file);
  return status();
}

/** The build's files this cache holds. */
async function keptFiles(cache) {
  const keys = new Set((await cache.keys()).map((request) => request.url));
  return new Set(FILES.filter((file) => keys.has(keyOf(file))));
}

async function status(extra = {}) {
  const kept = removed || !(await caches.has(CACHE)) ? new Set() : await keptFiles(await caches.open(CACHE));
  return { build: EDITION.build, saved: kept.size, total: FILES.length, ...extra };
}

/** Removes every build of this edition from the device and the worker itself (the reader's choice on /data). */
async function removeAll() {
  removed = true;
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  await Promise.all(names.map((name) => caches.delete(name)));
  await self.registration.unregister();
  return status();
}

/** The page's requests: `{type: "irm-offline", version: 1, action, addresses?}`, answered on the port sent with it. */
self.addEventListener('message', (event) => {
  const data = event.data;
  const port = event.ports[0];
  if (!port || !data || data.type !== 'irm-offline' || data.version !== 1) return;
  const actions = {
    'status': () => status(),
    'save-all': saveAll,
    'keep': () => keepAddresses(Array.isArray(data.addresses) ? data.addresses.filter((a) => typeof a === 'string') : []),
    'remove': removeAll,
    'take-over': async () => {
      await self.skipWaiting();
      return { build: EDITION.build };
    },
  };
  if (!Object.hasOwn(actions, data.action)) return;
  event.waitUntil(actions[data.action]().then((result) => port.postMessage(result), (error) => port.postMessage({ error: String(error) })));
});

/** The answer to a page that is neither kept nor reachable. */
function notSaved() {
  const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const line = (language) => `<p lang="${language}">${escape(MESSAGES[language]?.not_saved)} <a href="${escape(SCOPE.pathname)}">${escape(MESSAGES[language]?.to_report)}</a></p>`;
  return new Response(
    `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(MESSAGES.en?.offline)}</title><main>${line('en')}${line('mn')}</main></html>`,
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}
