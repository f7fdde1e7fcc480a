// The `_headers` file that the build writes (src/integrations/serve-lesson-files.ts; Netlify's and Cloudflare Pages'
// format): for each path, the headers to send. Read by `npm run serve` and turned into nginx rules for the classroom
// image (nginx-headers.ts).
import { existsSync, readFileSync } from 'node:fs';

/** Header rules by path («/*» applies to every response), in the file's order. */
export type HeaderRules = Map<string, [name: string, value: string][]>;

/** Parses `_headers` text; a header line before any path, or without a colon, is an error naming its line. */
export function parseHeaders(text: string, file = '_headers'): HeaderRules {
  const rules: HeaderRules = new Map();
  let path = '';
  text.split('\n').forEach((line, index) => {
    if (!line.trim() || line.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      path = line.trim();
      rules.set(path, []);
      return;
    }
    const at = line.indexOf(':');
    if (!path || at < 0) throw new Error(`${file}:${index + 1}: expected «  Name: value» under a path: ${line.trim()}`);
    rules.get(path)!.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  });
  return rules;
}

/** The rules of a `_headers` file; none if there is no file. */
export function readHeaders(file: string): HeaderRules {
  return existsSync(file) ? parseHeaders(readFileSync(file, 'utf8'), file) : new Map();
}
