import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockHash, folderDigest } from '../../lesson-model/block-hash.ts';

test('the hash changes with the fence line, the code and the lesson folder; not with indentation of the fence', () => {
  const base = blockHash('```console expect="^a$"', '$ echo a\na', 'f');
  assert.equal(base, blockHash('   ```console expect="^a$"', '$ echo a\na', 'f'));
  assert.notEqual(base, blockHash('```console expect="^b$"', '$ echo a\na', 'f'));
  assert.notEqual(base, blockHash('```console expect="^a$"', '$ echo  a\na', 'f'));
  assert.notEqual(base, blockHash('```console expect="^a$"', '$ echo a\na', 'g'));
  assert.match(base, /^[0-9a-f]{16}$/);
});

test('the folder digest follows file names and contents; a missing folder has an empty digest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:bookworm\n');
  const first = folderDigest(dir);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:trixie\n');
  assert.notEqual(folderDigest(dir), first);
  assert.equal(folderDigest(join(dir, 'no-existe')), '');
});
