import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lockEngine, lockPath } from '../../labs/runner/engine-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'lock-'));

test('one lock per engine address', () => {
  assert.notEqual(lockPath('unix:///a.sock', dir), lockPath('unix:///b.sock', dir));
  assert.equal(lockPath('unix:///a.sock', dir), lockPath('unix:///a.sock', dir));
});

test('a second run waits for the first; release lets it in', async () => {
  const path = lockPath('unix:///wait.sock', dir);
  const release = await lockEngine(path, () => {});
  let waitedFor = 0;
  let second: (() => void) | undefined;
  const pending = lockEngine(path, (pid) => (waitedFor = pid)).then((r) => (second = r));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(waitedFor, process.pid);
  assert.equal(second, undefined);
  release();
  await pending;
  second!();
  assert.equal(existsSync(path), false);
});

test('a lock left by a process that is gone is taken over; a live one times out', async () => {
  const gone = spawnSync('true').pid!;
  const path = lockPath('unix:///stale.sock', dir);
  mkdirSync(path);
  writeFileSync(join(path, 'pid'), String(gone));
  (await lockEngine(path, () => assert.fail('should not wait')))();
  const held = await lockEngine(path, () => {});
  await assert.rejects(
    lockEngine(path, () => {}, 10),
    /has held .* for too long/,
  );
  held();
});
