import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFenceMeta } from '../../lesson-model/fence-meta.ts';

test('reads quoted, single-quoted, bare and flag values', () => {
  assert.deepEqual(parseFenceMeta(`caption="Figura con \\"comillas\\"" id=x skip='no hay red' ro`), {
    caption: 'Figura con "comillas"',
    id: 'x',
    skip: 'no hay red',
    ro: '',
  });
});

test('backslashes other than \\" are kept, so regular expressions survive', () => {
  assert.deepEqual(parseFenceMeta(String.raw`expect="^\[\d+\]$"`), { expect: String.raw`^\[\d+\]$` });
});

test('an empty meta string gives no keys', () => {
  assert.deepEqual(parseFenceMeta(''), {});
});
