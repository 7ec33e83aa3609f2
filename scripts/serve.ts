/**
 * `npm run serve`: previews a built folder on 127.0.0.1, mounted under its base prefix exactly as a static
 * host would serve it (sirv does the file serving), with the site's own 404 page.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface ServeOptions {
  dir: string;
  base?: string;
  port?: number;
  /** Resolve once listening instead of running until killed (tests). */
  signal?: AbortSignal;
  /** No "Serving … at …" line (tests, screenshots). Default: false. */
  quiet?: boolean;
}

export async function serve(options: ServeOptions): Promise<Server> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build the site first (npm run build -- --out ${options.dir}).`);
  let base = options.base ?? '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: false });
  const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : Buffer.from('Not found');

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const send404 = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    };
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      res.end();
      return;
    }
    if (!path.startsWith(base)) return send404();
    req.url = `/${(req.url ?? '/').slice(base.length)}`;
    files(req, res, send404);
  });
  const port = options.port ?? 8080;
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (!options.quiet) process.stderr.write(`Serving ${dir} at http://127.0.0.1:${actualPort}${base} (Ctrl+C to stop)\n`);
  options.signal?.addEventListener('abort', () => server.close());
  return server;
}
