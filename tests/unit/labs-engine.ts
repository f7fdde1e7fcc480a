// Test helper: whether a Docker engine answers (tests that need one skip without it, or fail when LABS_REQUIRE_ENGINE=1).
import { spawnSync } from 'node:child_process';

const answers = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).status === 0;
if (!answers && process.env.LABS_REQUIRE_ENGINE === '1')
  throw new Error('LABS_REQUIRE_ENGINE=1 but no Docker engine answers');

/** `false` when an engine answers, else the reason to skip. */
export const noEngine: false | string = answers ? false : 'no Docker engine answers (labs/provision/provision.sh)';
