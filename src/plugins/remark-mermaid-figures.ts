// Renders ```mermaid fences at build time into numbered, captioned figures holding one inline SVG for both themes
// (the light render, with the dark render's colours as CSS: themed-svg.ts), with the module's diagram classes, and
// fails a diagram whose labels a phone would show too small.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Code, Root } from 'mdast';
import { createMermaidRenderer, type MermaidRenderer } from 'mermaid-isomorphic';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-browser.mjs';
import { parseFenceMeta } from '../../lesson-model/fence-meta.ts';
import { dropUnusedSymbols } from './drop-unused-symbols.ts';
import { labelOnPhone, MIN_LABEL_PX, widestForPhone } from './diagram-label-size.ts';
import { renderableSource, withAccessibleText } from './diagram-source.ts';
import { measureDiagram, type DiagramSize } from './measure-diagram.ts';
import { MERMAID_CONFIG, THEMES, type Theme } from './mermaid-config.ts';
import { namespaceSvgIds } from './namespace-svg-ids.ts';
import { pruneSvgRules } from './prune-svg-rules.ts';
import { roundSvgGeometry } from './round-svg-geometry.ts';
import { slugify } from './slugify.ts';
import { themedSvg } from './themed-svg.ts';

export interface MermaidFiguresOptions {
  /** Folder of the render cache, keyed by content hash. */
  cacheDir?: string;
}

/** Bump when the post-processing of rendered SVGs changes, to invalidate the cache. */
const RENDER_VERSION = 6;
const mermaidVersion: string = createRequire(import.meta.url)('mermaid/package.json').version;

let renderer: MermaidRenderer | undefined;

/**
 * Astro compiles many lessons at once; each render opens a Chromium page. More than a few at a time only
 * slows every one down (and on a busy 2-core machine, past Playwright's 30 s navigation timeout).
 */
const MAX_CONCURRENT_RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its slot straight to the next waiting one.
  if (running < MAX_CONCURRENT_RENDERS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
function getRenderer(): MermaidRenderer {
  renderer ??= createMermaidRenderer({
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
  });
  return renderer;
}

interface Diagram {
  node: Code;
  source: string;
  caption: string;
  id: string;
  number: number;
  /** The author allows the figure to scroll sideways on a phone (`wide`), when it truly cannot fit. */
  wide: boolean;
}

/** Checks what every diagram must declare; fails the file at the fence's line otherwise. */
function readDiagram(node: Code, number: number, file: VFile): Diagram {
  const meta = parseFenceMeta(node.meta ?? '');
  const source = node.value;
  const missing: string[] = [];
  if (!meta.caption) missing.push('a caption (```mermaid caption="…")');
  if (!/^\s*accTitle\s*:/m.test(source)) missing.push('an accessible title (accTitle: …)');
  if (!/^\s*accDescr\s*(:|\{)/m.test(source)) missing.push('an accessible description (accDescr: …)');
  if (missing.length > 0) {
    file.fail(`Mermaid diagram is missing ${missing.join(', ')}.`, node, 'mermaid-figures:metadata');
  }
  // Mermaid 11 draws a stadium as a polygon of hundreds of points: about 43 kB per node, in each theme.
  if (/\(\[[^\]\n]*\]\)|shape:\s*stadium/.test(source)) {
    file.fail(
      'A stadium node ([…]) weighs about 43 kB of SVG in Mermaid 11: use a rounded box (…) instead ' +
        '(CONTRIBUTING.md, «Un lenguaje visual para todo el módulo»).',
      node,
      'mermaid-figures:heavy-shape',
    );
  }
  const id = meta.id ?? slugify(meta.caption!);
  return { node, source, caption: meta.caption!, id, number, wide: meta.wide !== undefined };
}

function cacheKey(source: string, theme: Theme, prefix: string): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDER_VERSION, mermaidVersion, MERMAID_CONFIG[theme], prefix, source]))
    .digest('hex');
}

/** The prefix of a render's ids: several figures, and a figure's two renders, share a page. */
const prefixOf = (d: Diagram, theme: Theme) => `fig${d.number}-${theme}`;

async function renderSvgs(diagrams: Diagram[], theme: Theme, file: VFile, cacheDir: string): Promise<string[]> {
  const sources = diagrams.map((d) => renderableSource(d.source, theme));
  // The written source too: a block diagram's accessible text is not in what Mermaid renders.
  const keys = diagrams.map((d, i) => cacheKey(`${d.source}\n${sources[i]}`, theme, prefixOf(d, theme)));
  const cached = await Promise.all(
    keys.map((key) => readFile(join(cacheDir, `${key}.svg`), 'utf8').catch(() => undefined)),
  );
  const todo = diagrams.filter((_, i) => cached[i] === undefined);
  // One render call per diagram, since each needs its own id prefix.
  const results = await Promise.all(
    todo.map((d) =>
      limited(() =>
        getRenderer()([sources[diagrams.indexOf(d)]], {
          prefix: prefixOf(d, theme),
          mermaidConfig: MERMAID_CONFIG[theme],
        }),
      ).then(([result]) => ({ d, result })),
    ),
  );
  await mkdir(cacheDir, { recursive: true });
  for (const { d, result } of results) {
    if (result.status === 'rejected') {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      file.fail(`Mermaid could not render this diagram: ${reason}`, d.node, 'mermaid-figures:parse');
    }
    const index = diagrams.indexOf(d);
    const named = namespaceSvgIds(withAccessibleText(result.value.svg, d.source), prefixOf(d, theme));
    cached[index] = roundSvgGeometry(pruneSvgRules(dropUnusedSymbols(named)));
    await writeFile(join(cacheDir, `${keys[index]}.svg`), cached[index]!);
  }
  return cached as string[];
}

/** The size of each render (width, smallest label), measured once per render and cached beside it. */
async function measureSvgs(svgs: string[], cacheDir: string): Promise<DiagramSize[]> {
  return Promise.all(
    svgs.map(async (svg) => {
      const file = join(cacheDir, `${createHash('sha256').update(svg).digest('hex')}.size.json`);
      const cached = await readFile(file, 'utf8').catch(() => undefined);
      if (cached) return JSON.parse(cached) as DiagramSize;
      const size = await measureDiagram(svg);
      await writeFile(file, JSON.stringify(size));
      return size;
    }),
  );
}

/**
 * How wide a figure must be drawn for its smallest label to measure MIN_LABEL_PX; fails a figure that would be
 * smaller on a phone, unless its author allowed it to scroll (`wide`).
 */
function readableWidth(d: Diagram, size: DiagramSize, file: VFile): number {
  const readable = Math.ceil((size.width * MIN_LABEL_PX) / size.label.px);
  const onPhone = labelOnPhone(size.width, size.label.px);
  if (onPhone < MIN_LABEL_PX && !d.wide) {
    const fits = widestForPhone(size.label.px);
    file.fail(
      `Figure ${d.number} («${d.caption}») is too small to read on a phone: at 390 px its smallest label ` +
        `(«${size.label.text}») renders at ${onPhone.toFixed(1)} px, below ${MIN_LABEL_PX} px. It is ` +
        `${Math.round(size.width)} px wide; at most ${fits} px fits. Draw it for a portrait screen (top to bottom, ` +
        'fewer nodes per rank, shorter labels, or split it in two); if it truly cannot fit, add `wide` to the fence ' +
        'so that it scrolls sideways at a readable size.',
      d.node,
      'mermaid-figures:too-small',
    );
  }
  return readable;
}

/**
 * The SVG exactly as Mermaid wrote it. In MDX it goes through Astro's `set:html`: as hast it would be turned
 * into JSX, which renames SVG attributes (`marker-end` → `markerEnd`) and collapses its <style>. In plain
 * Markdown it is a raw node.
 */
function rawSvg(svg: string, theme: Theme | 'both', mdx: boolean): ElementContent {
  const className = theme === 'both' ? 'diagram__render' : `diagram__render diagram__render--${theme}`;
  if (!mdx)
    return h('div', { className, dataRender: theme }, [{ type: 'raw', value: svg } as unknown as ElementContent]);
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'class', value: className },
      { type: 'mdxJsxAttribute', name: 'data-render', value: theme },
      { type: 'mdxJsxAttribute', name: 'set:html', value: svg },
    ],
    children: [],
  } as unknown as ElementContent;
}

function figure(d: Diagram, svgs: Record<Theme, string>, readable: number, mdx: boolean): Element {
  // One SVG themed for both; the two renders only if they differ in more than colours.
  const both = themedSvg(svgs.light, svgs.dark, prefixOf(d, 'light'), prefixOf(d, 'dark'));
  const renders = both ? [rawSvg(both, 'both', mdx)] : THEMES.map((theme) => rawSvg(svgs[theme], theme, mdx));
  // Zoom and edit need JavaScript: hidden until src/scripts/diagram-viewer.ts enables them.
  const action = (name: string, label: string) =>
    h(
      'button.diagram__action',
      { type: 'button', [`data-diagram-${name}`]: '', ariaLabel: `${label} la figura ${d.number}` },
      label,
    );
  // A wide figure keeps the width at which its labels are readable, and its canvas scrolls (course.css).
  const wide = d.wide ? { className: ['diagram--wide'], style: `--diagram-readable-width: ${readable}px` } : {};
  return h(`figure.diagram#figura-${d.id}`, { dataDiagram: '', dataSource: d.source, ...wide }, [
    h('div.diagram__canvas', renders),
    h('figcaption', [h('span.diagram__number', `Figura ${d.number}.`), ` ${d.caption}`]),
    h('div.diagram__actions.no-print', { hidden: true, dataPagefindIgnore: 'all' }, [
      action('zoom', 'Ampliar'),
      action('edit', 'Editar'),
    ]),
  ]);
}

export default function remarkMermaidFigures(options: MermaidFiguresOptions = {}) {
  const cacheDir = options.cacheDir ?? join(process.cwd(), 'node_modules/.cache/mermaid-figures');
  return async function transformer(tree: Root, file: VFile) {
    const diagrams: Diagram[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'mermaid') diagrams.push(readDiagram(node, diagrams.length + 1, file));
    });
    if (diagrams.length === 0) return;
    const seen = new Map<string, Diagram>();
    for (const d of diagrams) {
      const twin = seen.get(d.id);
      if (twin) {
        file.fail(
          `Two diagrams share the id "figura-${d.id}" (the other is at line ${twin.node.position?.start.line}); give one an id="…".`,
          d.node,
          'mermaid-figures:duplicate-id',
        );
      }
      seen.set(d.id, d);
    }
    const [light, dark] = await Promise.all(THEMES.map((theme) => renderSvgs(diagrams, theme, file, cacheDir)));
    // Both themes share one layout: the light render's size stands for both.
    const sizes = await measureSvgs(light, cacheDir);
    diagrams.forEach((d, i) => {
      const node = d.node as unknown as { type: string; data: unknown; children: [] };
      const readable = readableWidth(d, sizes[i], file);
      const hast = figure(d, { light: light[i], dark: dark[i] }, readable, file.extname === '.mdx');
      node.type = 'paragraph';
      node.children = [];
      node.data = { hName: hast.tagName, hProperties: hast.properties, hChildren: hast.children };
    });
  };
}
