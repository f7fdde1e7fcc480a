import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PluggableList } from 'unified';
import remarkMermaidFigures from '../../src/plugins/remark-mermaid-figures.ts';
import { renderError, renderMdx } from './markdown.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'mermaid-cache-'));
const plugins: PluggableList = [[remarkMermaidFigures, { cacheDir }]];

const diagram = (meta: string, body: string) => `Texto.\n\n\`\`\`mermaid ${meta}\n${body}\n\`\`\`\n`;
const good = diagram(
  'caption="Cliente y servidor"',
  'flowchart LR\n  accTitle: Cliente y daemon\n  accDescr: El cliente habla con el daemon.\n  A[docker] --> B[dockerd]',
);

test('a diagram becomes a numbered figure with light and dark inline SVG and an accessible name', async () => {
  const html = await renderMdx(good, plugins, '/course/docs/leccion.md');
  assert.match(html, /<figure class="diagram" id="figura-cliente-y-servidor"/);
  assert.match(html, /<figcaption><span class="diagram__number">Figura 1\.<\/span> Cliente y servidor<\/figcaption>/);
  assert.equal(html.match(/<svg /g)?.length, 2);
  assert.match(html, /diagram__render--light"[^>]*><svg[^>]*aria-labelledby="fig1-light-/);
  assert.match(html, /diagram__render--dark"[^>]*><svg[^>]*aria-labelledby="fig1-dark-/);
  assert.match(html, /<title id="fig1-light-[^"]*">Cliente y daemon<\/title>/);
  assert.doesNotMatch(html, /<code class="language-mermaid"/);
});

test('renders are cached by content hash: an unchanged diagram is not rendered again', async () => {
  const before = readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs]);
  assert.equal(before.length, 2, 'one cached SVG per theme');
  const started = performance.now();
  await renderMdx(good, plugins, '/course/docs/leccion.md');
  const after = readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs]);
  assert.deepEqual(after, before);
  assert.ok(performance.now() - started < 1000, 'a cached render needs no browser');
});

test('a diagram without caption or accessible title fails at its line', async () => {
  const message = await renderError(diagram('', 'flowchart LR\n  A --> B'), plugins, '/c/docs/x.mdx');
  assert.match(
    message,
    /^\/c\/docs\/x\.mdx:3:1: Mermaid diagram is missing a caption .*an accessible title .*an accessible description/,
  );
});

test('a diagram Mermaid cannot parse fails at its line with the parse error', async () => {
  const body = 'flowchart TB\n  accTitle: Roto\n  accDescr: No se puede leer.\n  A --> -->';
  const message = await renderError(diagram('caption="Roto"', body), plugins, '/c/docs/y.mdx');
  assert.match(message, /^\/c\/docs\/y\.mdx:3:1: Mermaid could not render this diagram: Parse error on line 4/);
});

test('two figures with the same id fail', async () => {
  const twice = good + '\n' + good;
  const message = await renderError(twice, plugins);
  assert.match(message, /Two diagrams share the id "figura-cliente-y-servidor"/);
});
