import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PluggableList } from 'unified';
import remarkCollectAnchors, { FRONTMATTER_KEY, type PublicAnchor } from '../../src/plugins/remark-collect-anchors.ts';
import remarkHeadingIds from '../../src/plugins/remark-heading-ids.ts';
import remarkIncludeFiles from '../../src/plugins/remark-include-files.ts';
import remarkMermaidFigures from '../../src/plugins/remark-mermaid-figures.ts';
import remarkSelfCheck from '../../src/plugins/remark-self-check.ts';
import { processMdx, renderError } from './markdown.ts';

const docsDir = mkdtempSync(join(tmpdir(), 'anchors-'));
mkdirSync(join(docsDir, 'modulo-01/redes'), { recursive: true });
writeFileSync(join(docsDir, 'modulo-01/redes/compose.yaml'), 'services: {}\n');
// Plain Markdown (.md): figures then come out as raw HTML that the test's stringifier can print.
const lesson = join(docsDir, 'modulo-01/redes.md');
// The site's order (astro.config.mjs): the collector runs last, over what the others made.
const plugins: PluggableList = [
  remarkHeadingIds,
  [remarkMermaidFigures, { cacheDir: mkdtempSync(join(tmpdir(), 'mermaid-cache-')) }],
  [remarkIncludeFiles, { docsDir }],
  remarkSelfCheck,
  remarkCollectAnchors,
];

const source = `
## Redes en Docker {/* #redes, #networking */}

\`\`\`mermaid caption="Dos redes bridge" id="bridges"
flowchart TB
  accTitle: Dos redes
  accDescr: Dos contenedores en redes distintas.
  A --> B
\`\`\`

### El archivo *compose*

\`\`\`yaml file="compose.yaml"
\`\`\`

## Autoevaluación

:::autoevaluacion
1. ¿Qué red usa un contenedor por defecto?

   La red \`bridge\`.
:::
`;

test('every public anchor of the page is listed in its frontmatter, in order, with what a reader sees there', async () => {
  const { file } = await processMdx(source, [...plugins], lesson);
  const anchors = (file.data as { astro: { frontmatter: Record<string, PublicAnchor[]> } }).astro.frontmatter[
    FRONTMATTER_KEY
  ];
  assert.deepEqual(anchors, [
    { id: 'redes', kind: 'heading', label: 'Redes en Docker', depth: 2 },
    { id: 'networking', kind: 'alias', label: 'Redes en Docker', target: 'redes' },
    { id: 'figura-bridges', kind: 'figure', label: 'Figura 1. Dos redes bridge' },
    { id: 'el-archivo-compose', kind: 'heading', label: 'El archivo compose', depth: 3 },
    { id: 'archivo-compose-yaml', kind: 'file', label: 'compose.yaml' },
    { id: 'autoevaluacion', kind: 'heading', label: 'Autoevaluación', depth: 2 },
    { id: 'autoevaluacion-1', kind: 'question', label: '¿Qué red usa un contenedor por defecto?' },
  ]);
});

test('an id used by two kinds of anchor fails, naming both lines', async () => {
  const message = await renderError(
    '## Archivo compose {/* #archivo-compose-yaml */}\n\n```yaml file="compose.yaml"\n```',
    [...plugins],
    lesson,
  );
  assert.match(message, /redes\.md:3:1: The id "#archivo-compose-yaml" is used twice on this page \(first at line 1\)/);
});

test('ids written by hand in JSX count too', async () => {
  const message = await renderError('## Uno\n\n<div id="uno">x</div>', [...plugins], lesson);
  assert.match(message, /:3:1: The id "#uno" is used twice/);
});

test('two self-checks on one page would repeat #autoevaluacion-1: that fails', async () => {
  const block = ':::autoevaluacion\n1. ¿P?\n\n   R.\n:::\n';
  const message = await renderError(`${block}\n${block}`, [...plugins], lesson);
  assert.match(message, /The id "#autoevaluacion-1" is used twice on this page \(first at line 2\)/);
});
