import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { checkDockerCall, DOCKER_COMMANDS } from '../../src/snippets/docker-cli.ts';

const call = (line: string) => checkDockerCall(line.split(' '));

test('accepts known subcommands with combined, attached and valued flags', () => {
  assert.deepEqual(call('run -it --rm --name web -p8080:80 --mount type=tmpfs,dst=/x debian:bookworm ls -la'), []);
  assert.deepEqual(call('compose -f compose.yaml up -d'), []);
  assert.deepEqual(call('--context remoto ps -a'), []);
});

test('flags after the image belong to the container command, not to docker', () => {
  assert.deepEqual(call('exec web ls --color=never -la'), []);
});

test('a placeholder verb in prose (docker volume …) is not an error', () => {
  assert.deepEqual(call('volume …'), []);
});

test('rejects unknown flags and subcommands', () => {
  assert.deepEqual(call('run --mout type=volume,dst=/d img'), ['docker run: unknown flag --mout']);
  assert.deepEqual(call('ps -z'), ['docker ps: unknown flag -z']);
  assert.deepEqual(call('volume crate datos'), ['unknown docker subcommand "docker volume crate" (not in src/snippets/docker-cli.ts)']);
});

// The table is checked against the Docker CLI itself where one is installed (the client alone is enough).
// A client with no daemon to ask hides flags gated on a newer API version: those are checked in the reference.
const HIDDEN_WITHOUT_DAEMON = new Set(['volume prune -a', 'volume prune --all']); // API 1.42+, docs: docker volume prune
const docker = spawnSync('docker', ['--version'], { encoding: 'utf8' });
test('every command and flag in the table exists in `docker <command> --help`', { skip: docker.status !== 0 && 'no docker client on PATH' }, () => {
  const missing: string[] = [];
  for (const [command, flags] of Object.entries(DOCKER_COMMANDS)) {
    if (command.startsWith('compose ') || command.startsWith('buildx ')) continue; // plugins, absent from the bare client
    // The client alone: with an engine to talk to, it hides the flags that engine's API is too old for.
    const help = spawnSync('docker', [...command.split(' '), '--help'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    if (help.status !== 0) {
      missing.push(`docker ${command}: ${help.stderr.trim().split('\n')[0]}`);
      continue;
    }
    for (const flag of flags) {
      const name = flag.replace(/=$/, '');
      const pattern = name.startsWith('--') ? new RegExp(`(^|[\\s,])${name}(?![\\w-])`, 'm') : new RegExp(`(^|\\s)${name},`, 'm');
      if (!pattern.test(help.stdout) && !HIDDEN_WITHOUT_DAEMON.has(`${command} ${name}`)) missing.push(`docker ${command} ${name}`);
    }
  }
  assert.deepEqual(missing, []);
});
