import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PluggableList } from 'unified';
import remarkIncludeFiles from '../../src/plugins/remark-include-files.ts';
import { renderError, renderMdx } from './markdown.ts';

const docsDir = mkdtempSync(join(tmpdir(), 'include-'));
mkdirSync(join(docsDir, 'modulo-01/imagenes'), { recursive: true });
writeFileSync(join(docsDir, 'modulo-01/imagenes/Dockerfile'), 'FROM debian:bookworm\nCMD ["bash"]\n');
const lesson = join(docsDir, 'modulo-01/imagenes.mdx');
const plugins: PluggableList = [[remarkIncludeFiles, { docsDir }]];

test('fills the block from the lesson folder, titles it and links the download', async () => {
  const html = await renderMdx('```dockerfile file="Dockerfile"\n```', plugins, lesson);
  assert.match(html, /FROM debian:bookworm\nCMD \["bash"\]\n<\/code>/);
  assert.match(html, /<a href="\/modulo-01\/imagenes\/Dockerfile" download="Dockerfile">Descargar Dockerfile<\/a>/);
});

test('the code and its download link share one linkable block, #archivo-<name>', async () => {
  const html = await renderMdx('```dockerfile file="Dockerfile"\n```', [...plugins], lesson);
  assert.match(
    html,
    /^<div class="file-snippet" id="archivo-dockerfile" data-file="Dockerfile">\n<pre><code[^>]*>FROM/,
  );
  assert.match(html, /Descargar Dockerfile<\/a><\/p>\n<\/div>$/);
});

test('file anchors fold the name to ASCII, and id="…" pins another', async () => {
  mkdirSync(join(docsDir, 'modulo-01/imagenes/conf'), { recursive: true });
  writeFileSync(join(docsDir, 'modulo-01/imagenes/conf/Daemon.JSON'), '{}\n');
  const html = await renderMdx(
    '```json file="conf/Daemon.JSON"\n```\n\n```json file="conf/Daemon.JSON" id="otra"\n```',
    [...plugins],
    lesson,
  );
  assert.match(html, /id="archivo-conf-daemon-json" data-file="conf\/Daemon.JSON"/);
  assert.match(html, /id="archivo-otra"/);
});

test('the same file shown twice without its own id fails: two blocks, one anchor', async () => {
  const message = await renderError(
    '```dockerfile file="Dockerfile"\n```\n\n```dockerfile file="Dockerfile"\n```',
    [...plugins],
    lesson,
  );
  assert.match(
    message,
    /imagenes\.mdx:4:1: Two file blocks share the anchor "#archivo-dockerfile" \(the other is at line 1\)/,
  );
});

test('a missing file fails with the line of the block', async () => {
  const message = await renderError('text\n\n```yaml file="compose.yaml"\n```', plugins, lesson);
  assert.match(message, /imagenes\.mdx:3:1: file="compose.yaml" not found/);
});

test('a block that is not empty fails: the file is the only source', async () => {
  const message = await renderError('```dockerfile file="Dockerfile"\nFROM x\n```', plugins, lesson);
  assert.match(message, /:1:1: A file="Dockerfile" block must be empty/);
});

test('paths may not leave the lesson folder', async () => {
  const message = await renderError('```text file="../secret"\n```', plugins, lesson);
  assert.match(message, /must name a file inside/);
});
