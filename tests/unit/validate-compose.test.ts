import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isComposeFile, validateCompose } from '../../src/snippets/validate-compose.ts';

test('a valid Compose file has no problem', () => {
  const file =
    'name: demo\nservices:\n  web:\n    image: debian:bookworm\n    volumes:\n      - datos:/datos\nvolumes:\n  datos: {}\n';
  assert.deepEqual(validateCompose(file), []);
});

test('the obsolete top-level version is rejected at its line', () => {
  assert.deepEqual(validateCompose('services:\n  a:\n    image: x\nversion: "3.8"\n'), [
    { line: 4, message: 'top-level `version` is obsolete in the Compose Specification: remove it' },
  ]);
});

test('a misspelt key is reported at its line', () => {
  const [problem] = validateCompose('services:\n  web:\n    image: x\n    port:\n      - "80:80"\n');
  assert.equal(problem.line, 4);
  assert.match(problem.message, /additional properties: "port"/);
});

test('YAML syntax errors are reported', () => {
  assert.match(validateCompose('services:\n  web:\n    image: [x\n')[0].message, /^YAML:/);
});

test('recognises Compose files by name or by a top-level services key', () => {
  assert.ok(isComposeFile('', 'web/compose.yaml'));
  assert.ok(isComposeFile('services:\n  a: {}\n'));
  assert.ok(!isComposeFile('key: value\n', 'daemon.yaml'));
});
