import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { Engine } from '../../labs/runner/engine.ts';
import { lockEngine, lockPath } from '../../labs/runner/engine-lock.ts';
import { noEngine } from './labs-engine.ts';

const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8' });

test(
  'restore removes the volumes, containers and tags made after the snapshot, and nothing else',
  { skip: noEngine },
  async () => {
    // Like a lab run, it undoes what appears on the engine: never at the same time as one.
    const release = await lockEngine(lockPath(), () => {});
    try {
      roundTrip();
    } finally {
      release();
    }
  },
);

function roundTrip() {
  const engine = new Engine('docker');
  assert.match(engine.version().version ?? '', /^\d+\.\d+/);
  // What the results record: the same engine version as `docker version`, its containerd and runc, the image store.
  const versions = engine.versions();
  assert.equal(versions.engine, engine.version().version);
  assert.match(versions.containerd ?? '', /\d+\.\d+/);
  assert.match(versions.runc ?? '', /\d+\.\d+/);
  assert.match(versions.imageStore ?? '', /^(containerd \(|graph driver )/);
  const before = engine.snapshot();
  assert.equal(docker('volume', 'create', 'labs-engine-test').status, 0);
  const image = before.tags.find((tag) => tag === 'debian:trixie');
  if (image) {
    assert.equal(docker('tag', image, 'labs-engine-test:1').status, 0);
    assert.equal(docker('create', '--network', 'none', '--name', 'labs-engine-test', image, 'true').status, 0);
  }
  assert.equal(engine.hasImage('labs-engine-test:1'), !!image);
  assert.deepEqual(engine.restore(before), []);
  assert.deepEqual(engine.snapshot(), before);
  assert.equal(engine.hasImage('labs-engine-test:1'), false);
}
