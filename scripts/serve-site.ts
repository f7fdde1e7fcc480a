// Serves the built site (dist/) as the public site does: pages at their trailing-slash address, the 404 page, and
// every lesson file with its own name and type (the rules of dist/_headers). It never rebuilds.
// Usage: npm run serve [-- --host] [-- --port 8080]   (--host: listen on every interface, for a classroom's network)
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { readHeaders } from './headers-file.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    dir: { type: 'string', default: join(import.meta.dirname, '../dist') },
  },
});
const dir = values.dir;
const port = Number(values.port);
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No hay sitio compilado en ${dir}: ejecuta antes «npm run build» (o usa «npm start»).`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port ${values.port}: el puerto debe ser un número entre 1 y 65535.`);
  process.exit(2);
}

const rules = readHeaders(join(dir, '_headers'));
const applyRules = (res: ServerResponse, pathname: string) => {
  for (const [name, value] of [...(rules.get('/*') ?? []), ...(rules.get(encodeURI(pathname)) ?? [])])
    res.setHeader(name, value);
};

// Pages and assets go out compressed: the build wrote a .br and a .gz beside each (precompress-dist.ts).
const files = sirv(dir, { dotfiles: true, etag: true, brotli: true, gzip: true, setHeaders: applyRules });
const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'Not found';

const server = createServer((req, res) => {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // As the public site (trailingSlash: 'always'): a page's address ends in a slash.
  if (!pathname.endsWith('/') && existsSync(join(dir, pathname, 'index.html'))) {
    res.writeHead(301, { Location: `${encodeURI(pathname)}/` }).end();
    return;
  }
  files(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
  });
});

server.listen(port, values.host ? '0.0.0.0' : '127.0.0.1', () => {
  console.log(`Sirviendo ${dir}`);
  console.log(`  En este ordenador:  http://localhost:${port}/`);
  if (values.host) {
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address && address.family === 'IPv4' && !address.internal)
        console.log(`  En la red del aula: http://${address.address}:${port}/`);
    }
  } else console.log('  Para la red del aula: npm run serve -- --host');
  console.log('Ctrl+C para parar.');
});
