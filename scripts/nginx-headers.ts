// Turns the build's `_headers` (headers-file.ts) into nginx rules, so that the classroom image (Dockerfile) sends
// every response with the headers `npm run serve` sends: each lesson file with its type and its own name.
// Usage: node scripts/nginx-headers.ts dist/_headers > site-headers.conf   (included in nginx's server block)
import { readFileSync } from 'node:fs';
import { parseHeaders, type HeaderRules } from './headers-file.ts';

/** A value as an nginx string. */
const quote = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** nginx directives for one rule's headers: Content-Type becomes the location's type, the rest add_header. */
function directives(headers: [string, string][], indent: string): string[] {
  return headers.map(([name, value]) => {
    if (name.toLowerCase() !== 'content-type') return `${indent}add_header ${name} ${quote(value)} always;`;
    const [type, ...params] = value.split(';').map((part) => part.trim());
    const charset = params.find((param) => /^charset=/i.test(param))?.slice('charset='.length);
    // An empty `types` map: the location's type is default_type whatever the file's extension; the charset is the
    // rule's, not the server's.
    return [`types { }`, `default_type ${quote(type)};`, `charset ${charset ?? 'off'};`]
      .map((line) => indent + line)
      .join('\n');
  });
}

/**
 * The rules as nginx configuration for a server block. In nginx a location's add_header replaces the server's, so
 * the headers of «/*» are repeated in every location.
 */
export function nginxRules(rules: HeaderRules, source = '_headers'): string {
  const everywhere = rules.get('/*') ?? [];
  const lines = [`# Written by scripts/nginx-headers.ts from ${source}; do not edit.`, ...directives(everywhere, '')];
  for (const [path, headers] of rules) {
    if (path === '/*') continue;
    let location: string;
    if (!path.includes('*')) location = `= ${quote(decodeURI(path))}`;
    else if (/^\/([^*]*\/)?\*$/.test(path)) location = `^~ ${quote(decodeURI(path.slice(0, -1)))}`;
    else throw new Error(`${source}: «${path}»: only «/*», «/folder/*» and exact paths can become nginx locations`);
    lines.push(`location ${location} {`, ...directives([...everywhere, ...headers], '  '), '}');
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/nginx-headers.ts dist/_headers > site-headers.conf');
    process.exit(2);
  }
  process.stdout.write(nginxRules(parseHeaders(readFileSync(file, 'utf8'), file), file));
}
