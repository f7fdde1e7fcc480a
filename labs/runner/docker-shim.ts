// The lab sandbox's `docker` command: adapts the call (sandbox-adapt.ts), runs the real client or docker-compose, exits with its code.
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { adaptDockerCall } from './sandbox-adapt.ts';

const env = process.env;
const words = process.argv.slice(2);
const adapted = adaptDockerCall(words, {
  cwd: process.cwd(),
  env,
  stdinIsTTY: process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  docker: env.LABS_REAL_DOCKER ?? '/usr/bin/docker',
  dockerCompose: env.LABS_DOCKER_COMPOSE ?? '/usr/bin/docker-compose',
});
// The runner shows these notes with a failing block; they never mix with the block's own output.
if (env.LABS_ADAPT_LOG && (adapted.notes.length > 0 || adapted.refused)) {
  appendFileSync(
    env.LABS_ADAPT_LOG,
    [...adapted.notes, ...(adapted.refused ? [adapted.refused] : [])].map((n) => `${n}\n`).join(''),
  );
}
if (adapted.refused) {
  process.stderr.write(`${adapted.refused}\n`);
  process.exit(125);
}
const result = spawnSync(adapted.program, adapted.args, { stdio: 'inherit' });
if (adapted.tempDir) rmSync(adapted.tempDir, { recursive: true, force: true });
if (result.error) {
  process.stderr.write(`labs sandbox: cannot run ${adapted.program}: ${result.error.message}\n`);
  process.exit(127);
}
process.exit(result.status ?? 128 + (result.signal ? constants.signals[result.signal] : 0));
