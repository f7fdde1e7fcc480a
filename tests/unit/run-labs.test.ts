import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readResults } from '../../lesson-model/results.ts';
import { noEngine } from './labs-engine.ts';

// The runner end to end, in the sandbox, over a fixture lesson with one block of each kind (tests/fixtures/labs-run).
const hasBase = !noEngine && spawnSync('docker', ['image', 'inspect', 'debian:trixie']).status === 0;
const skip = noEngine || (!hasBase && 'the engine has no debian:trixie (labs/provision/provision.sh makes it)');

function runLabs(resultsFile: string) {
  const result = spawnSync(process.execPath, ['labs/runner/run-labs.ts'], {
    env: {
      ...process.env,
      COURSE_CONTENT_DIR: 'tests/fixtures/labs-run',
      LABS_SANDBOX: '1',
      LABS_HUB_MIRROR: '0',
      LABS_RESULTS: resultsFile,
    },
    encoding: 'utf8',
    timeout: 900_000, // two runs of the fixture lesson; minutes on a loaded shared machine
  });
  return { status: result.status, stdout: result.stdout, lines: result.stdout.trimEnd().split('\n') };
}

const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8' }).stdout.trim();

test('runs every block, reports each kind, cleans up, and gives the same result twice', { skip }, () => {
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'run-labs-')), 'labs-results.json');
  const first = runLabs(resultsFile);
  assert.equal(first.status, 1, first.stdout);
  assert.equal(first.lines.at(-1), '5 passed, 1 failed, 5 skipped', first.stdout);
  const where = 'tests/fixtures/labs-run/docs/modulo-01/prueba.mdx';
  assert.match(
    first.stdout,
    new RegExp(
      `✗ FAIL ${where}:24 .*\\n    the output does not match expect=/\\^adiós\\$/m\\n    commands:\\n    │ echo hola\\n    output:\\n    │ hola\\n`,
    ),
  );
  assert.match(first.stdout, new RegExp(`- skip ${where}:33: abre una shell interactiva en el contenedor`));
  assert.match(first.stdout, new RegExp(`- skip ${where}:37: «docker pull» descarga de Docker Hub`));
  assert.match(
    first.stdout,
    new RegExp(`- skip ${where}:41: usa la imagen curso/no-existe:1, que no está en el motor y vendría de Docker Hub`),
  );
  assert.match(
    first.stdout,
    new RegExp(
      `- skip ${where}:55: usa la imagen curso/prueba-labs:1, que construye el bloque de la línea 51, que no pasó`,
    ),
  );
  // Cleaned up: the container and the volume are gone, the lesson folder is untouched.
  assert.equal(docker('ps', '-aq', '--filter', 'name=prueba-labs'), '');
  assert.equal(docker('volume', 'ls', '-q', '--filter', 'name=datos-prueba-labs'), '');
  assert.deepEqual(readdirSync('tests/fixtures/labs-run/docs/modulo-01/prueba'), ['Dockerfile']);
  const results = readResults(resultsFile).lessons['modulo-01/prueba.mdx'];
  assert.deepEqual(
    results.blocks.map((b) => [b.line, b.status, b.docker]),
    [
      [8, 'passed', false],
      [14, 'passed', true],
      [19, 'passed', true],
      [24, 'failed', false],
      [29, 'passed', false],
      [33, 'skipped', true],
      [37, 'skipped', true],
      [41, 'skipped', true],
      [45, 'passed', true],
      [51, 'skipped', true],
      [55, 'skipped', true],
    ],
  );
  assert.equal(results.sandbox, true);
  const second = runLabs(resultsFile);
  assert.equal(second.lines.at(-1), first.lines.at(-1));
});
