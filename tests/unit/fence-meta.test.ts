import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFenceMeta } from '../../src/plugins/fence-meta.ts';

test('reads quoted, single-quoted, bare and flag values', () => {
  assert.deepEqual(parseFenceMeta(`caption="Figura con \\"comillas\\"" id=x skip='no hay red' ro`), {
    caption: 'Figura con "comillas"',
    id: 'x',
    skip: 'no hay red',
    ro: '',
  });
});

test('an empty meta string gives no keys', () => {
  assert.deepEqual(parseFenceMeta(''), {});
});
