import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { namespaceChapter, type ChapterContext } from '../../src/print/namespace-chapter.ts';

const context: ChapterContext = {
  prefix: 'docker-engine',
  pagePath: '/modulo-01/docker-engine/',
  chapters: new Map([
    ['/modulo-01/', 'introduccion'],
    ['/modulo-01/docker-engine/', 'docker-engine'],
    ['/modulo-01/glosario/', 'glosario'],
  ]),
};

const ids = (html: string) => parse(html).querySelectorAll('[id]').map((el) => el.id);
const hrefs = (html: string) => parse(html).querySelectorAll('a').map((a) => a.getAttribute('href'));

test('prefixes every id with the lesson slug', () => {
  const out = namespaceChapter('<h2 id="api-rest">API</h2><li id="autoevaluacion-1">¿?</li>', context);
  assert.deepEqual(ids(out), ['docker-engine--api-rest', 'docker-engine--autoevaluacion-1']);
});

test('in-page links follow their renamed target; links to ids the chapter lacks are left for the link check', () => {
  const out = namespaceChapter(
    '<h2 id="api-rest">API</h2><a href="#api-rest">a</a><a href="#autoevaluacion-1">b</a><a href="#_top">c</a>' +
      '<ol><li id="autoevaluacion-1">¿?</li></ol>',
    context,
  );
  assert.deepEqual(hrefs(out), ['#docker-engine--api-rest', '#docker-engine--autoevaluacion-1', '#_top']);
});

test('links to a lesson held by the page point inside it: to the section, or to the chapter', () => {
  const out = namespaceChapter(
    '<a href="/modulo-01/glosario/#contenedor">a</a><a href="/modulo-01/glosario/">b</a>' +
      '<a href="/modulo-01/">c</a><a href="/modulo-01/docker-engine/#api-rest">d</a><a href="../glosario/#imagen">e</a>',
    context,
  );
  assert.deepEqual(hrefs(out), [
    '#glosario--contenedor',
    '#glosario',
    '#introduccion',
    '#docker-engine--api-rest',
    '#glosario--imagen',
  ]);
});

test('other links: external ones are kept, relative ones become absolute paths that work from any page', () => {
  const out = namespaceChapter(
    '<a href="https://docs.docker.com/engine/">a</a><a href="mailto:x@example.org">b</a>' +
      '<a href="daemon.json">c</a><a href="/modulo-01/docker-engine/daemon.json">d</a><a href="/otra/#x">e</a>',
    context,
  );
  assert.deepEqual(hrefs(out), [
    'https://docs.docker.com/engine/',
    'mailto:x@example.org',
    '/modulo-01/docker-engine/daemon.json',
    '/modulo-01/docker-engine/daemon.json',
    '/otra/#x',
  ]);
});

test('inside a diagram SVG: ARIA references, url(#…), xlink:href and the <style> selectors follow the ids', () => {
  const svg =
    '<figure id="figura-secuencia"><svg id="fig1-light-0" aria-labelledby="t d" aria-describedby="d" viewBox="0 0 10 10">' +
    '<style>#fig1-light-0{fill:#333}#fig1-light-0 .node{stroke:#fff}</style>' +
    '<title id="t">T</title><desc id="d">D</desc><marker id="arrow"/>' +
    '<path marker-end="url(#arrow)" style="fill:url(#arrow)"/><use xlink:href="#arrow"/>' +
    '<a href="/modulo-01/glosario/#contenedor"><text>nodo</text></a></svg></figure>';
  const out = namespaceChapter(svg, context);
  const root = parse(out);
  const svgEl = root.querySelector('svg')!;
  assert.equal(svgEl.id, 'docker-engine--fig1-light-0');
  assert.equal(svgEl.getAttribute('aria-labelledby'), 'docker-engine--t docker-engine--d');
  assert.equal(svgEl.getAttribute('aria-describedby'), 'docker-engine--d');
  assert.equal(svgEl.getAttribute('viewBox'), '0 0 10 10', 'SVG attribute names keep their case');
  assert.match(out, /marker-end="url\(#docker-engine--arrow\)"/);
  assert.match(out, /style="fill:url\(#docker-engine--arrow\)"/);
  assert.match(out, /xlink:href="#docker-engine--arrow"/);
  assert.match(out, /<style>#docker-engine--fig1-light-0\{fill:#333\}#docker-engine--fig1-light-0 \.node\{stroke:#fff\}<\/style>/);
  assert.match(out, /<a href="#glosario--contenedor">/);
});

test('label and table references follow the ids', () => {
  const out = namespaceChapter(
    '<label for="q">Q</label><input id="q"><table><tr><th id="h">H</th><td headers="h">1</td></tr></table>',
    context,
  );
  assert.match(out, /<label for="docker-engine--q">/);
  assert.match(out, /<td headers="docker-engine--h">/);
});

test('two chapters made from the same lesson HTML share no id', () => {
  const html = '<h2 id="objetivos">O</h2><svg id="fig1-light-0"><g id="a"/></svg>';
  const a = ids(namespaceChapter(html, { ...context, prefix: 'redes' }));
  const b = ids(namespaceChapter(html, { ...context, prefix: 'imagenes' }));
  assert.equal(a.filter((id) => b.includes(id)).length, 0);
});

test('leaves text alone, including text that looks like an id or a link', () => {
  const out = namespaceChapter('<h2 id="x">x</h2><p>Ve a #x o a /modulo-01/glosario/</p><pre><code>#x url(#x)</code></pre>', context);
  assert.match(out, /<p>Ve a #x o a \/modulo-01\/glosario\/<\/p>/);
  assert.match(out, /<code>#x url\(#x\)<\/code>/);
});
