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
