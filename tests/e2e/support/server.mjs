// Serves a built site from a directory on 127.0.0.1, like a static host configured with a fallback
// for app routes without a file of their own (nginx `try_files $uri $uri/index.html /shell.html`).
import { createServer } from 'node:http';
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
 * that the browser tests run under the headers the README tells hosts to send. Patterns: `/*`, `/dir/*`.
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
    if (line.startsWith('/')) rules.push({ prefix: line.trim().replace(/\*$/, ''), headers: [] });
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
  for (const rule of rules.filter((r) => path.startsWith(r.prefix))) {
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? [].concat(headers[name], value) : value;
  }
  return headers;
}

/**
 * Starts the server on a free port; resolves to { url, close }. `handle(path, req, res)` may answer a
 * request itself (a test's bundle, an error, a broken connection) by returning true.
 */
export async function serve(root, { handle } = {}) {
  const rules = await readHeaderRules(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (handle && (await handle(path, req, res))) return;
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    let target = (await isFile(file)) ? file : (await isFile(join(file, 'index.html'))) ? join(file, 'index.html') : null;
    // A page request for a path that is no file gets the app shell (README, "Deploy"); missing assets stay 404.
    if (!target && (req.headers.accept ?? '').includes('text/html')) {
      target = (await isFile(join(root, 'shell.html'))) ? join(root, 'shell.html') : join(root, 'index.html');
    }
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // CORS for everything: an embed sandboxed without allow-same-origin loads the app's scripts and
    // wasm from an opaque origin (README, "Hosting").
    res.writeHead(200, {
      ...headersFor(rules, path),
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
    });
    res.end(await readFile(target));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
