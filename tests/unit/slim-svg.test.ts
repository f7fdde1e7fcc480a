// What the build takes out of a rendered diagram (unused symbols and rules) and how it writes its coordinates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropUnusedSymbols } from '../../src/plugins/drop-unused-symbols.ts';
import { pruneSvgRules } from '../../src/plugins/prune-svg-rules.ts';
import { roundSvgGeometry } from '../../src/plugins/round-svg-geometry.ts';

test('a symbol nothing uses goes; a used one stays', () => {
  const svg =
    '<svg><defs><symbol id="f-clock"><path d="M0"/></symbol><symbol id="f-db"><path/></symbol></defs><use href="#f-db"/></svg>';
  assert.equal(dropUnusedSymbols(svg), '<svg><defs><symbol id="f-db"><path/></symbol></defs><use href="#f-db"/></svg>');
});

test('rules that match nothing go, selectors of a list that match nothing too; keyframes and the rest stay', () => {
  const svg =
    '<svg id="f"><style>#f .node rect{fill:red}#f div.tooltip{color:red}#f .label text,#f .nope{fill:blue}' +
    '@keyframes dash{to{stroke-dashoffset:0}}#f .node&gt;rect{stroke:red}#f rect:hover{fill:green}</style>' +
    '<g class="node"><rect/></g><g class="label"><text>a</text></g></svg>';
  assert.equal(
    pruneSvgRules(svg),
    '<svg id="f"><style>#f .node rect{fill:red}#f .label text{fill:blue}' +
      '@keyframes dash{to{stroke-dashoffset:0}}#f .node&gt;rect{stroke:red}#f rect:hover{fill:green}</style>' +
      '<g class="node"><rect/></g><g class="label"><text>a</text></g></svg>',
  );
});

test('coordinates to a hundredth, sizes rounded up; the viewBox and the text as they are', () => {
  const svg =
    '<svg viewBox="0 -4 381.0078125 636"><g transform="translate(-64.734375, 65.234375)"><path d="M2.5063301029115803 -1.1714553645825241e-14 L3 4"/>' +
    '<foreignObject width="86.921875" height="24"><span>3.14159</span></foreignObject></g></svg>';
  assert.equal(
    roundSvgGeometry(svg),
    '<svg viewBox="0 -4 381.0078125 636"><g transform="translate(-64.73, 65.23)"><path d="M2.51 0 L3 4"/>' +
      '<foreignObject width="86.93" height="24"><span>3.14159</span></foreignObject></g></svg>',
  );
});
