import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHeaders } from '../../scripts/headers-file.ts';
import { nginxRules } from '../../scripts/nginx-headers.ts';

const headers = `# comment
/*
  X-Content-Type-Options: nosniff
/modulo-01/docker-compose/compose.yaml
  Content-Type: text/plain; charset=utf-8
  Content-Disposition: inline; filename="compose.yaml"
/modulo-01/almacenamiento/ficheros%20de%20prueba.txt
  Content-Type: text/plain
`;

test('_headers is read as rules per path, in order', () => {
  assert.deepEqual(
    [...parseHeaders(headers)],
    [
      ['/*', [['X-Content-Type-Options', 'nosniff']]],
      [
        '/modulo-01/docker-compose/compose.yaml',
        [
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Disposition', 'inline; filename="compose.yaml"'],
        ],
      ],
      ['/modulo-01/almacenamiento/ficheros%20de%20prueba.txt', [['Content-Type', 'text/plain']]],
    ],
  );
});

test('a header line outside a path is an error naming the file and line', () => {
  assert.throws(() => parseHeaders('  X-Frame-Options: DENY\n', 'dist/_headers'), /^Error: dist\/_headers:1: /);
  assert.throws(() => parseHeaders('/a\n  no colon\n', 'dist/_headers'), /^Error: dist\/_headers:2: /);
});

test('each path becomes an exact nginx location with its type, charset and the headers of every response', () => {
  assert.equal(
    nginxRules(parseHeaders(headers), 'dist/_headers'),
    `# Written by scripts/nginx-headers.ts from dist/_headers; do not edit.
add_header X-Content-Type-Options "nosniff" always;
location = "/modulo-01/docker-compose/compose.yaml" {
  add_header X-Content-Type-Options "nosniff" always;
  types { }
  default_type "text/plain";
  charset utf-8;
  add_header Content-Disposition "inline; filename=\\"compose.yaml\\"" always;
}
location = "/modulo-01/almacenamiento/ficheros de prueba.txt" {
  add_header X-Content-Type-Options "nosniff" always;
  types { }
  default_type "text/plain";
  charset off;
}
`,
  );
});

test('folder rules become prefix locations; other patterns are refused', () => {
  assert.match(nginxRules(parseHeaders('/_astro/*\n  Cache-Control: immutable\n')), /location \^~ "\/_astro\/" \{/);
  assert.throws(() => nginxRules(parseHeaders('/*.pdf\n  X: y\n')), /only «\/\*», «\/folder\/\*» and exact paths/);
});
