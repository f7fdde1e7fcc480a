import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namespaceSvgIds } from '../../src/plugins/namespace-svg-ids.ts';

test('prefixes ids and every reference to them, leaving the root id alone', () => {
  const svg =
    '<svg id="fig1-dark-0" aria-labelledby="t1 d1"><title id="t1">T</title><desc id="d1">D</desc>' +
    '<marker id="arrow"/><path marker-end="url(#arrow)"/><use href="#arrow"/><g data-id="arrow"/></svg>';
  const out = namespaceSvgIds(svg, 'fig1-dark');
  assert.match(out, /<svg id="fig1-dark-0" aria-labelledby="fig1-dark-t1 fig1-dark-d1">/);
  assert.match(out, /<marker id="fig1-dark-arrow"\/>/);
  assert.match(out, /url\(#fig1-dark-arrow\)/);
  assert.match(out, /href="#fig1-dark-arrow"/);
  assert.match(out, /data-id="arrow"/, 'data attributes that merely look like ids are untouched');
});

test('two renders of one diagram share no id', () => {
  const svg = '<svg id="x"><g id="a"/><g id="b"/></svg>';
  const ids = (s: string) => [...s.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const light = ids(namespaceSvgIds(svg, 'light'));
  const dark = ids(namespaceSvgIds(svg, 'dark'));
  assert.equal(light.filter((id) => dark.includes(id)).length, 0);
});

test('ids are folded to lowercase ASCII, in the SVG and in its own <style>', () => {
  const svg =
    '<svg id="fig1-dark-0"><style>#fig1-dark-0_flowchart-v2-pointEnd{fill:red}#fig1-dark-0 .x{}</style>' +
    '<marker id="fig1-dark-0_flowchart-v2-pointEnd"/><marker id="stickTopArrowHead"/>' +
    '<path marker-end="url(#fig1-dark-0_flowchart-v2-pointEnd)" marker-start="url(#stickTopArrowHead)"/><text>#stickTopArrowHead</text></svg>';
  const out = namespaceSvgIds(svg, 'fig1-dark');
  const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['fig1-dark-0', 'fig1-dark-0-flowchart-v2-pointend', 'fig1-dark-sticktoparrowhead']);
  assert.match(out, /<style>#fig1-dark-0-flowchart-v2-pointend\{fill:red\}#fig1-dark-0 \.x\{\}<\/style>/);
  assert.match(
    out,
    /marker-end="url\(#fig1-dark-0-flowchart-v2-pointend\)" marker-start="url\(#fig1-dark-sticktoparrowhead\)"/,
  );
  assert.match(out, /<text>#stickTopArrowHead<\/text>/, 'text that merely looks like a reference is untouched');
});

test('ids that differ only in case stay distinct', () => {
  const out = namespaceSvgIds('<svg id="p-0"><g id="L_a_b"/><g id="L_A_B"/><use href="#L_A_B"/></svg>', 'p');
  assert.match(out, /<g id="p-l-a-b"\/><g id="p-l-a-b-2"\/><use href="#p-l-a-b-2"\/>/);
});
