import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from '../../src/plugins/slugify.ts';

test('folds accents, drops ¿? and punctuation, lowercases', () => {
  assert.equal(slugify('¿Qué es un contenedor?'), 'que-es-un-contenedor');
  assert.equal(slugify('Máquinas virtuales'), 'maquinas-virtuales');
  assert.equal(slugify('Año: 2026 — ñandú'), 'ano-2026-nandu');
  assert.equal(slugify('  Bind   mounts (-v)  '), 'bind-mounts-v');
});

test('ids are always lowercase ASCII', () => {
  for (const text of ['Über Straße', 'Çà et là', 'tmpfs, ¡en memoria!']) {
    assert.match(slugify(text), /^[a-z0-9-]+$/);
  }
});
