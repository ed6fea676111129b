#!/usr/bin/env node
// A small static file server for www/ on 127.0.0.1, used by scripts/demo and the e2e tests.
// Serves only files under its root, with the MIME type browsers require for WebAssembly
// streaming compilation. PORT (default 8080) and HOST (default 127.0.0.1) may be overridden;
// if the default port is taken, an ephemeral one is used and printed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Starts serving `root`; resolves to `{ url, close }`. */
export function startServer({ root, host = '127.0.0.1', port = 0 }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      send(200, req.method === 'HEAD' ? undefined : body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  const listen = (p) =>
    new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(p, host, () => {
        server.off('error', fail);
        ok();
      });
    });
  return listen(port).then(() => ({
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  }));
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../www/', import.meta.url));
  const host = process.env.HOST || '127.0.0.1';
  const wanted = Number(process.env.PORT || 8080);
  const started = await startServer({ root, host, port: wanted }).catch((err) => {
    if (err.code === 'EADDRINUSE' && !process.env.PORT) {
      console.error(`port ${wanted} is in use; using a free one (set PORT to choose)`);
      return startServer({ root, host, port: 0 });
    }
    throw err;
  });
  console.log(`minform demo: serving www/ at ${started.url}  (Ctrl-C to stop)`);
  console.log(`  the consent flow a child and a guardian see: ${new URL('consent.html', started.url).href}`);
}
