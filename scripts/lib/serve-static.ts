/**
 * A small static file server for dist/ (npm start, browser tests): directory indexes, the site's
 * 404 page, correct types for .ics/.json/.xml/.pagefind files, no caching. Loopback by default.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function fileFor(root: string, urlPath: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, p));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  for (const candidate of [full, join(full, 'index.html'), full + '.html']) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* try the next */
    }
  }
  return undefined;
}

export function serveStatic(rootDir: string, opts: { port?: number; host?: string } = {}): Promise<Served> {
  const root = resolve(rootDir);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    // Directory URLs without a trailing slash redirect, as static hosts do.
    const file = fileFor(root, path);
    if (file && file.endsWith(`${sep}index.html`) && !path.split('?')[0]!.endsWith('/') && !path.endsWith('.html')) {
      res.writeHead(301, { Location: path.replace(/(\?|$)/, '/$1') });
      res.end();
      return;
    }
    const target = file ?? join(root, '404.html');
    const status = file ? 200 : 404;
    try {
      statSync(target);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404');
      return;
    }
    res.writeHead(status, { 'Content-Type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(target).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolvePromise({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}/`,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
