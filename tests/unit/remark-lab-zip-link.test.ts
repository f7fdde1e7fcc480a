import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PluggableList } from 'unified';
import remarkIncludeFiles from '../../src/plugins/remark-include-files.ts';
import remarkLabZipLink from '../../src/plugins/remark-lab-zip-link.ts';
import { renderMdx } from './markdown.ts';

const docsDir = mkdtempSync(join(tmpdir(), 'zip-link-'));
mkdirSync(join(docsDir, 'modulo-01/redes'), { recursive: true });
writeFileSync(join(docsDir, 'modulo-01/redes/Dockerfile'), 'FROM debian\n');
writeFileSync(join(docsDir, 'modulo-01/redes/compose.yaml'), 'services: {}\n');
const lesson = join(docsDir, 'modulo-01/redes.mdx');
// The site's order: the file blocks exist before the ZIP link looks for the first one.
const plugins: PluggableList = [
  [remarkIncludeFiles, { docsDir }],
  [remarkLabZipLink, { docsDir }],
];

test('the ZIP of the lesson folder is linked once, right after the first file block (outside its anchor)', async () => {
  const html = await renderMdx(
    'Texto.\n\n```dockerfile file="Dockerfile"\n```\n\n```yaml file="compose.yaml"\n```',
    plugins,
    lesson,
  );
  assert.equal(html.match(/file-download--zip/g)?.length, 1, 'one link');
  assert.match(
    html,
    /Descargar Dockerfile<\/a><\/p>\n<\/div>\n<p class="file-download file-download--zip">Todos los archivos de esta lección, en una carpeta: <a href="\/modulo-01\/redes\/redes\.zip" download="redes\.zip"><code>redes\.zip<\/code><\/a><\/p>\n<div class="file-snippet" id="archivo-compose-yaml"/,
  );
});

test('a lesson without file blocks links no ZIP', async () => {
  const html = await renderMdx('Texto sin archivos.', plugins, lesson);
  assert.doesNotMatch(html, /\.zip/);
});
