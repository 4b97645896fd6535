// Serves a built site from a directory on 127.0.0.1, like a static host configured with a fallback
// for app routes without a file of their own (nginx `try_files $uri $uri/index.html /shell.html`), or
// like GitHub Pages (`fallback: '404'`: 404.html with status 404).
// It is never kinder than a real host: it sends the site's `_headers` exactly as written and nothing
// else, or (`plain`) no special header at all, as nginx does by default.
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The site's `_headers` sample (Netlify's format: a path pattern, then indented `Name: value` lines), so
 * that the browser tests run under the headers the README tells hosts to send. Patterns: `/dir/*` (any path
 * under it) or an exact path.
 */
async function readHeaderRules(root) {
  let text;
  try {
    text = await readFile(join(root, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) {
      const pattern = line.trim();
      rules.push({ matches: pattern.endsWith('*') ? (path) => path.startsWith(pattern.slice(0, -1)) : (path) => path === pattern, headers: [] });
    }
    else if (/^\s+\S/.test(line) && rules.length) {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers.push([name.toLowerCase(), value.join(':').trim()]);
    }
  }
  return rules;
}

/** Headers for `path`; a header several rules set is repeated (a browser enforces every CSP it gets). */
function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules.filter((r) => r.matches(path))) {
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? [].concat(headers[name], value) : value;
  }
  return headers;
}

/** What a static host compresses (nginx `gzip_types`, Netlify, Cloudflare): text, not images or fonts. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt', '.xml']);
const compressed = new Map();

/** The body as the client accepts it, when `compress` is on: brotli, else gzip, else as is. */
function encode(body, file, acceptEncoding) {
  const accepts = (name) => new RegExp(`\\b${name}\\b`).test(acceptEncoding ?? '');
  const encoding = !COMPRESSIBLE.has(extname(file)) ? null : accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
  if (!encoding) return { body };
  const key = `${encoding}:${file}:${body.length}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return { body: compressed.get(key), encoding };
}

/**
 * Starts the server on a free port; resolves to { url, close }. `handle(path, req, res)` may answer a
 * request itself (a test's bundle, an error, a broken connection) by returning true. `plain`: send no
 * header from `_headers` (a host that does not read it). `compress`: brotli or gzip as the client accepts.
 * `host`: the address to listen on (another loopback address is another origin). `fallback`: what a page
 * request for no file gets, `'shell'` (shell.html, status 200) or `'404'` (404.html, status 404). `base`:
 * the sub-path the site is published under (`/mongolia/`); nothing is served outside it. `onSent(path, bytes)`:
 * told of each file sent (the benchmark counts what a background save costs). `headScript`: a script's
 * source, served as `/__head.js` and loaded first in every HTML page (the WebDriver lane's error recorder;
 * the pages then differ from the build's, so the offline copy does not keep them).
 */
export async function serve(root, { handle, plain = false, compress = false, host = '127.0.0.1', fallback = 'shell', base = '/', onSent, headScript } = {}) {
  const rules = plain ? [] : await readHeaderRules(root);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: the path is not percent-encoded UTF-8');
      return;
    }
    if (handle && (await handle(path, req, res))) return;
    if (headScript && path === '/__head.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(headScript);
      return;
    }
    if (!`${path}/`.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const file = normalize(join(root, path.slice(base.length - 1)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    let target = (await isFile(file)) ? file : (await isFile(join(file, 'index.html'))) ? join(file, 'index.html') : null;
    let status = 200;
    if (!target && fallback === '404') {
      [target, status] = [join(root, '404.html'), 404];
    } else if (!target && (req.headers.accept ?? '').includes('text/html')) {
      // A page request for a path that is no file gets the app shell (README, "Deploy"); missing assets stay 404.
      target = (await isFile(join(root, 'shell.html'))) ? join(root, 'shell.html') : join(root, 'index.html');
    }
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let raw = await readFile(target);
    if (headScript && extname(target) === '.html') {
      raw = Buffer.from(String(raw).replace(/<head>/, '<head><script src="/__head.js"></script>'));
    }
    const { body, encoding } = compress ? encode(raw, target, req.headers['accept-encoding']) : { body: raw };
    res.writeHead(status, {
      ...headersFor(rules, path),
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    res.end(body);
    onSent?.(path, body.length);
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return { url: `http://${host}:${port}`, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

/** A `handle` for serve(): answers each path of `pages` (`{ '/partner.html': html }`) with that HTML. */
export function htmlPages(pages) {
  return (path, req, res) => {
    if (!Object.hasOwn(pages, path)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
    return true;
  };
}
