import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAnchorIndex, entryHref, fold, sidebarHrefs } from '../../src/anchors/anchor-index.ts';

test('docs entry ids become Starlight URLs', () => {
  assert.equal(entryHref('index'), '/');
  assert.equal(entryHref('modulo-01'), '/modulo-01/');
  assert.equal(entryHref('modulo-01/redes'), '/modulo-01/redes/');
});

test('the sidebar is flattened in the order shown', () => {
  const sidebar = [
    {
      type: 'group',
      entries: [
        { type: 'link', href: '/modulo-01/' },
        { type: 'group', entries: [{ type: 'link', href: '/modulo-01/redes/' }] },
      ],
    },
    { type: 'link', href: '/instructores/' },
  ];
  assert.deepEqual(sidebarHrefs(sidebar), ['/modulo-01/', '/modulo-01/redes/', '/instructores/']);
});

test('pages follow the sidebar (the home page first), rows follow the page, aliases join their heading', () => {
  const pages = buildAnchorIndex(
    [
      { id: 'instructores', title: 'Guía', description: '', anchors: [] },
      {
        id: 'modulo-01/redes',
        title: 'Redes',
        description: 'd',
        anchors: [
          { id: 'redes', kind: 'heading', label: 'Redes en Docker', depth: 2 },
          { id: 'networking', kind: 'alias', label: 'Redes en Docker', target: 'redes' },
          { id: 'figura-bridges', kind: 'figure', label: 'Figura 1. Dos redes' },
        ],
      },
      { id: 'index', title: 'Inicio', description: '', anchors: [] },
    ],
    ['/modulo-01/redes/', '/instructores/'],
  );
  assert.deepEqual(
    pages.map((p) => p.href),
    ['/', '/modulo-01/redes/', '/instructores/'],
  );
  const [heading, figure] = pages[1].rows;
  assert.deepEqual(heading, {
    href: '/modulo-01/redes/#redes',
    id: 'redes',
    kind: 'heading',
    label: 'Redes en Docker',
    depth: 2,
    aliases: ['networking'],
    search: 'seccion redes en docker redes redes networking',
  });
  assert.equal(figure.href, '/modulo-01/redes/#figura-bridges');
  assert.equal(pages[1].rows.length, 2);
});

test('an alias whose heading is missing is a bug, and says so', () => {
  assert.throws(
    () =>
      buildAnchorIndex(
        [
          {
            id: 'x',
            title: 'X',
            description: '',
            anchors: [{ id: 'viejo', kind: 'alias', label: '', target: 'nuevo' }],
          },
        ],
        [],
      ),
    /\/x\/: alias #viejo names #nuevo/,
  );
});

test('the filter text ignores case and accents', () => {
  assert.equal(fold('Máquinas Virtuales ¿Qué?'), 'maquinas virtuales ¿que?');
});
