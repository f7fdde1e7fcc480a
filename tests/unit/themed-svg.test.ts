import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createMermaidRenderer } from 'mermaid-isomorphic';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-browser.mjs';
import { renderableSource } from '../../src/plugins/diagram-source.ts';
import { MERMAID_CONFIG, THEMES } from '../../src/plugins/mermaid-config.ts';
import { dropUnusedSymbols } from '../../src/plugins/drop-unused-symbols.ts';
import { namespaceSvgIds } from '../../src/plugins/namespace-svg-ids.ts';
import { pruneSvgRules } from '../../src/plugins/prune-svg-rules.ts';
import { roundSvgGeometry } from '../../src/plugins/round-svg-geometry.ts';
import { themedSvg } from '../../src/plugins/themed-svg.ts';

const svg = (id: string, css: string, body: string) => `<svg id="${id}-0"><style>${css}</style>${body}</svg>`;

test('colours of inline styles become custom properties whose fallback is the light colour', () => {
  const light = svg('a-light', '', '<rect style="fill:#d1fae5 !important;stroke:#047857"/>');
  const dark = svg('a-dark', '', '<rect style="fill:#064e3b !important;stroke:#047857"/>');
  assert.equal(
    themedSvg(light, dark, 'a-light', 'a-dark'),
    svg(
      'a-light',
      "@media screen{:root[data-theme='dark'] #a-light-0{--dark-0:#064e3b}}",
      '<rect style="fill:var(--dark-0, #d1fae5) !important;stroke:#047857"/>',
    ),
  );
});

test('a presentation attribute gets its dark colour from a rule without specificity', () => {
  const light = svg('a-light', '', '<feDropShadow flood-color="#000000"/><path fill="#000000"/>');
  const dark = svg('a-dark', '', '<feDropShadow flood-color="#FFFFFF"/><path fill="#000000"/>');
  assert.match(
    themedSvg(light, dark, 'a-light', 'a-dark')!,
    /@media screen\{:where\(:root\[data-theme='dark'\] #a-light-0 \[flood-color="#000000"\]\)\{flood-color:#FFFFFF\}\}/,
  );
});

test('rules of the sheet that differ are added for the dark theme, with their !important', () => {
  const light = svg(
    'a-light',
    '#a-light-0 .node rect{fill:#ECECFF;stroke:#9370DB}#a-light-0 .x{fill:red!important}',
    '',
  );
  const dark = svg('a-dark', '#a-dark-0 .node rect{fill:#1f2020;stroke:#9370DB}#a-dark-0 .x{fill:blue}', '');
  const themed = themedSvg(light, dark, 'a-light', 'a-dark')!;
  assert.ok(themed.includes("@media screen{:root[data-theme='dark'] #a-light-0 .node rect{fill:#1f2020}"), themed);
  assert.ok(themed.includes(":root[data-theme='dark'] #a-light-0 .x{fill:blue !important}"), themed);
});

test('renders that differ in more than colours are not merged', () => {
  const ok = (light: string, dark: string) => themedSvg(light, dark, 'a-light', 'a-dark') !== undefined;
  assert.ok(!ok(svg('a-light', '', '<rect width="10"/>'), svg('a-dark', '', '<rect width="12"/>')), 'geometry');
  // The same attribute and value that becomes two dark colours: no rule can tell the elements apart.
  const light = svg('a-light', '', '<path fill="#000"/><path fill="#000"/>');
  assert.ok(!ok(light, svg('a-dark', '', '<path fill="#fff"/><path fill="#eee"/>')), 'ambiguous attribute');
  // A declaration that the dark sheet does not have: no added rule could take it away.
  assert.ok(!ok(svg('a-light', '.a{fill:red;stroke:red}', ''), svg('a-dark', '.a{fill:blue}', '')), 'missing');
});

// The proof on real renders: every element of the merged, pruned SVG looks as in Mermaid's render of each theme.
const renderer = createMermaidRenderer({ launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS } });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
after(() => browser.close());

const DIAGRAMS = {
  flowchart:
    'flowchart TB\n  accTitle: T\n  accDescr: D\n  subgraph H["Equipo"]\n    D("dockerd"):::motor -->|crea| C("web"):::contenedor\n  end\n  V[("datos")]:::volumen -.-> C',
  sequence:
    'sequenceDiagram\n  accTitle: T\n  accDescr: D\n  actor A as Ana\n  A->>+B: docker run\n  Note over B: crea\n  B-->>-A: id',
  state:
    'stateDiagram-v2\n  accTitle: T\n  accDescr: D\n  [*] --> created\n  created --> running: start\n  running --> [*]',
};

/** How every element drawn looks (colours, strokes, type), in document order. */
async function colours(page: Page, html: string, theme: 'light' | 'dark', media: 'screen' | 'print') {
  await page.emulateMedia({ media });
  await page.setContent(`<!doctype html><html data-theme="${theme}"><body>${html}</body></html>`);
  return page.evaluate(() =>
    [...document.querySelectorAll('svg *')]
      // Not drawn: the sheet, the dark theme's unused gradient, symbols (drawn only where used).
      .filter((el) => !el.closest('style, linearGradient, symbol'))
      .map((el) => {
        const style = getComputedStyle(el);
        const shown = ['fill', 'stroke', 'color', 'floodColor', 'stopColor', 'backgroundColor', 'opacity', 'display'];
        const drawn = [
          'strokeWidth',
          'strokeDasharray',
          'fontSize',
          'fontFamily',
          'fontWeight',
          'textAnchor',
          'filter',
        ];
        return [el.tagName, ...[...shown, ...drawn].map((name) => style[name as 'fill'])].join(' ');
      }),
  );
}

for (const [kind, source] of Object.entries(DIAGRAMS)) {
  test(`a merged ${kind} looks as the light render in the light theme and on paper, and as the dark one in the dark`, async () => {
    const [light, dark] = await Promise.all(
      THEMES.map(async (theme) => {
        const [result] = await renderer([renderableSource(source, theme)], {
          prefix: `f-${theme}`,
          mermaidConfig: MERMAID_CONFIG[theme],
        });
        assert.equal(result.status, 'fulfilled');
        return namespaceSvgIds((result as PromiseFulfilledResult<{ svg: string }>).value.svg, `f-${theme}`);
      }),
    );
    // As the build does: unused symbols and rules out, then one SVG for both; compared with the renders as Mermaid
    // made them.
    const pruned = (svg: string) => roundSvgGeometry(pruneSvgRules(dropUnusedSymbols(svg)));
    const themed = themedSvg(pruned(light), pruned(dark), 'f-light', 'f-dark');
    assert.ok(themed, 'the renders merge');
    assert.ok(
      themed.length < (light.length + dark.length) * 0.75,
      `${themed.length} B for ${light.length + dark.length}`,
    );
    const page = await browser.newPage();
    assert.deepEqual(await colours(page, themed, 'light', 'screen'), await colours(page, light, 'light', 'screen'));
    const darkColours = await colours(page, dark, 'dark', 'screen');
    assert.deepEqual(await colours(page, themed, 'dark', 'screen'), darkColours);
    assert.notDeepEqual(darkColours, await colours(page, light, 'light', 'screen'), 'the themes differ');
    assert.deepEqual(await colours(page, themed, 'dark', 'print'), await colours(page, light, 'light', 'print'));
    await page.close();
  });
}
