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

test('a diagram becomes a numbered figure with one inline SVG for both themes and an accessible name', async () => {
  const html = await renderMdx(good, plugins, '/course/docs/leccion.md');
  assert.match(html, /<figure class="diagram" id="figura-cliente-y-servidor"/);
  assert.match(html, /<figcaption><span class="diagram__number">Figura 1\.<\/span> Cliente y servidor<\/figcaption>/);
  assert.equal(html.match(/<svg /g)?.length, 1);
  assert.match(html, /class="diagram__render" data-render="both"[^>]*><svg[^>]*aria-labelledby="fig1-light-/);
  // The dark render's colours, for the dark theme on screen (Astro may write the quotes as &#39;).
  assert.match(html, /@media screen\{(:where\()?:root\[data-theme=('|&#39;)dark('|&#39;)\] #fig1-light-0/);
  assert.match(html, /<title id="fig1-light-[^"]*">Cliente y daemon<\/title>/);
  assert.doesNotMatch(html, /<code class="language-mermaid"/);
});

test('renders are cached by content hash: an unchanged diagram is not rendered again', async () => {
  const before = readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs]);
  assert.equal(before.filter(([f]) => String(f).endsWith('.svg')).length, 2, 'one cached SVG per theme');
  assert.equal(before.filter(([f]) => String(f).endsWith('.size.json')).length, 1, 'and the measure of one');
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

// Twelve nodes side by side: about 1,500 px wide with 16 px labels, three times what a phone can show at 12 px.
const tooWide = (meta: string) =>
  diagram(
    meta,
    'flowchart LR\n  accTitle: Ancho\n  accDescr: Doce pasos en fila.\n  ' +
      Array.from({ length: 12 }, (_, i) => `P${i}[paso ${i}]`).join(' --> '),
  );

test('a diagram too wide for a phone fails at its line, naming the figure, its smallest label and what fits', async () => {
  const message = await renderError(tooWide('caption="Doce pasos"'), plugins, '/c/docs/z.mdx');
  assert.match(
    message,
    /^\/c\/docs\/z\.mdx:3:1: Figure 1 \(«Doce pasos»\) is too small to read on a phone: at 390 px its smallest label \(«paso \d+»\) renders at \d+\.\d px, below 12 px\. It is \d+ px wide; at most 498 px fits\./,
  );
});

test('a wide diagram scrolls on a phone at the width where its labels measure 12 px', async () => {
  const html = await renderMdx(tooWide('caption="Doce pasos" wide'), plugins, '/course/docs/leccion.md');
  const width = Number(/style="--diagram-readable-width: (\d+)px"/.exec(html)?.[1]);
  const natural = Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+) /.exec(html)?.[1]);
  assert.match(html, /<figure class="diagram diagram--wide"/);
  // Labels of 16 px drawn at 12 px: three quarters of the natural width.
  assert.ok(Math.abs(width - natural * 0.75) < 2, `${width} vs ${natural}`);
});

test("a node's class gives it the module's colours for its kind, in each theme", async () => {
  const body = 'flowchart TB\n  accTitle: Uno\n  accDescr: Un contenedor.\n  C("web"):::contenedor';
  const html = await renderMdx(diagram('caption="Clases"', body), plugins, '/course/docs/leccion.md');
  // The light colour in the node, the dark one in the custom property it falls back from.
  const property = /fill:var\((--dark-\d+), #d1fae5\)/.exec(html)?.[1];
  assert.ok(property, 'the light fill, themed');
  assert.match(html, new RegExp(`${property}:#064e3b`));
});

test('a block diagram (whose grammar has no accTitle) gets its accessible title and description all the same', async () => {
  const body =
    'block-beta\n  columns 2\n  accTitle: Dos pilas\n  accDescr: Una VM y un contenedor, lado a lado.\n  V["VM"] C["Contenedor"]\n  class V vm\n  class C contenedor';
  const html = await renderMdx(diagram('caption="Bloques"', body), plugins, '/course/docs/leccion.md');
  assert.match(
    html,
    /<svg [^>]*aria-labelledby="fig1-light-[^"]*-title"[^>]*><title id="fig1-light-[^"]*-title">Dos pilas<\/title>/,
  );
  assert.match(html, /<desc id="fig1-light-[^"]*-desc">Una VM y un contenedor, lado a lado\.<\/desc>/);
  assert.match(html, /fill:var\(--dark-\d+, #ffedd5\)/);
});

test('a stadium node, 43 kB of SVG in Mermaid 11, fails at its line', async () => {
  const body = 'flowchart TB\n  accTitle: Uno\n  accDescr: Un contenedor.\n  C(["web"]):::contenedor';
  const message = await renderError(diagram('caption="Estadio"', body), plugins, '/c/docs/e.mdx');
  assert.match(message, /^\/c\/docs\/e\.mdx:3:1: A stadium node \(\[…\]\) weighs about 43 kB/);
});
