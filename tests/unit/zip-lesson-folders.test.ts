import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { lessonFolders, zipFolder, zipPathOf } from '../../src/integrations/zip-lesson-folders.ts';

const docs = mkdtempSync(join(tmpdir(), 'zip-'));
mkdirSync(join(docs, 'modulo-01/imagenes/multietapa'), { recursive: true });
writeFileSync(join(docs, 'modulo-01/imagenes.mdx'), '# x');
writeFileSync(join(docs, 'modulo-01/imagenes/Dockerfile'), 'FROM debian:bookworm\n');
writeFileSync(join(docs, 'modulo-01/imagenes/.dockerignore'), '*.log\n');
writeFileSync(join(docs, 'modulo-01/imagenes/multietapa/hola.c'), 'int main(){}\n');

test('groups files by the lesson folder they belong to, nested folders included', () => {
  assert.deepEqual(
    lessonFolders(docs),
    new Map([
      [
        'modulo-01/imagenes',
        ['modulo-01/imagenes/.dockerignore', 'modulo-01/imagenes/Dockerfile', 'modulo-01/imagenes/multietapa/hola.c'],
      ],
    ]),
  );
  assert.equal(zipPathOf('modulo-01/imagenes'), '/modulo-01/imagenes/imagenes.zip');
});

test('the ZIP holds every file under a folder named like the lesson, and is reproducible', () => {
  const [[folder, files]] = lessonFolders(docs);
  const zip = zipFolder(docs, folder, files);
  const entries = unzipSync(zip);
  assert.deepEqual(Object.keys(entries).sort(), [
    'imagenes/.dockerignore',
    'imagenes/Dockerfile',
    'imagenes/multietapa/hola.c',
  ]);
  assert.equal(strFromU8(entries['imagenes/Dockerfile']), 'FROM debian:bookworm\n');
  assert.deepEqual(zipFolder(docs, folder, files), zip);
});
