import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkHeadingIds from '../../src/plugins/remark-heading-ids.ts';
import { renderError, renderMdx } from './markdown.ts';

test('headings get ASCII ids with accents folded and ¿? dropped', async () => {
  const html = await renderMdx('## ¿Qué es un contenedor?\n\n### Máquinas virtuales', [remarkHeadingIds]);
  assert.match(html, /<h2 id="que-es-un-contenedor">¿Qué es un contenedor\?<\/h2>/);
  assert.match(html, /<h3 id="maquinas-virtuales">/);
});

test('a pinned id wins and the pin leaves no trace in the heading', async () => {
  const html = await renderMdx('## Los tres componentes {/* #componentes */}', [remarkHeadingIds]);
  assert.match(html, /<h2 id="componentes">Los tres componentes<\/h2>/);
});

test('duplicate ids fail, naming the file and the line of the second heading', async () => {
  const message = await renderError('## Volúmenes\n\ntext\n\n## Volumenes', [remarkHeadingIds], '/c/docs/a.mdx');
  assert.match(message, /^\/c\/docs\/a\.mdx:5:1: Duplicate heading id "#volumenes" \(first used at line 1\)/);
});

test('a malformed pin fails', async () => {
  const message = await renderError('## Título {/* #Con Mayúsculas */}', [remarkHeadingIds]);
  assert.match(message, /:1:\d+: Invalid pinned heading id/);
});

test('aliases after the pinned id keep old ids alive as empty anchors inside the renamed heading', async () => {
  const html = await renderMdx('## Nuevo título {/* #nuevo, #viejo, #muy-viejo */}', [remarkHeadingIds]);
  assert.match(
    html,
    /<h2 id="nuevo"><span id="viejo" class="heading-alias"><\/span><span id="muy-viejo" class="heading-alias"><\/span>Nuevo título<\/h2>/,
  );
});

test('an alias that repeats another heading id fails, naming both lines', async () => {
  const message = await renderError('## Redes\n\n## Almacenamiento {/* #almacenamiento, #redes */}', [
    remarkHeadingIds,
  ]);
  assert.match(message, /:3:1: Duplicate heading id "#redes" \(alias of "#almacenamiento"; first used at line 1\)/);
});

test('a heading may carry only one pin', async () => {
  const message = await renderError('## Título {/* #uno */} {/* #dos */}', [remarkHeadingIds]);
  assert.match(message, /only one \{\/\* #id \*\/\} pin/);
});

test('a malformed alias list fails', async () => {
  const message = await renderError('## Título {/* #nuevo, viejo */}', [remarkHeadingIds]);
  assert.match(message, /:1:\d+: Invalid pinned heading id/);
});
