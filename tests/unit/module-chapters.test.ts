import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moduleChapters, printableModules, type DocEntry } from '../../src/print/module-chapters.ts';

const entry = (id: string, title: string, sidebar: DocEntry['data']['sidebar'] = {}, draft = false): DocEntry => ({
  id,
  data: { title, sidebar, draft },
});

const entries = [
  entry('index', 'Inicio'),
  entry('modulo-01/referencia-rapida', 'Referencia rápida', { order: 12 }),
  entry('modulo-01/glosario', 'Glosario', { order: 11 }),
  entry('modulo-01/docker-engine', 'Docker Engine', { order: 3 }),
  entry('modulo-01', 'Módulo 01: Máquinas virtuales y Docker', { order: 0, label: 'Introducción' }),
  entry('modulo-01/maquinas-virtuales', 'Máquinas virtuales', { order: 1 }),
  entry('modulo-01/sin-orden', 'Sin orden'),
  entry('modulo-01/borrador', 'Borrador', { order: 2 }, true),
  entry('modulo-01/oculta', 'Oculta', { order: 2, hidden: true }),
  entry('modulo-01/b-empate', 'Empate B', { order: 5 }),
  entry('modulo-01/a-empate', 'Empate A', { order: 5 }),
  entry('modulo-02/leccion', 'Otra'),
];

test('chapters follow the sidebar: by sidebar.order, ties by id, pages without order last', () => {
  const chapters = moduleChapters(entries, 'modulo-01');
  assert.deepEqual(
    chapters.map((c) => `${c.number} ${c.prefix} ${c.title}`),
    [
      '1 introduccion Introducción',
      '2 maquinas-virtuales Máquinas virtuales',
      '3 docker-engine Docker Engine',
      '4 a-empate Empate A',
      '5 b-empate Empate B',
      '6 glosario Glosario',
      '7 referencia-rapida Referencia rápida',
      '8 sin-orden Sin orden',
    ],
  );
  assert.equal(chapters[2].path, '/modulo-01/docker-engine/');
  assert.equal(chapters[0].path, '/modulo-01/');
});

test('drafts, hidden pages and other modules are left out', () => {
  const prefixes = moduleChapters(entries, 'modulo-01').map((c) => c.prefix);
  for (const left of ['borrador', 'oculta', 'leccion']) assert.ok(!prefixes.includes(left), left);
});

test('a module needs its index page', () => {
  assert.throws(() => moduleChapters(entries, 'modulo-02'), /Module "modulo-02" has no index page/);
});

test('a lesson cannot take the introduction chapter id', () => {
  assert.throws(
    () => moduleChapters([entry('m', 'M'), entry('m/introduccion', 'I')], 'm'),
    /would share the id "introduccion"/,
  );
});

test('printable modules are folders with an index page', () => {
  assert.deepEqual(printableModules(entries), ['modulo-01']);
  assert.deepEqual(printableModules([entry('index', 'Inicio')]), []);
});
