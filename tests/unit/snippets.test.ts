// Every snippet of the course validates; fixtures prove that each kind of mistake is caught with its file and line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFiles, checkSnippets } from '../../src/snippets/check-snippets.ts';
import { collectSnippets } from '../../src/snippets/collect.ts';

test('every snippet of the course is valid: Compose, Dockerfiles, shell, docker commands, expectations', () => {
  assert.deepEqual(checkSnippets('content/docs'), []);
});

test('the classroom Dockerfile and compose.yaml at the top of the repository are valid', () => {
  assert.deepEqual(checkFiles(['Dockerfile', 'compose.yaml']), []);
});

test('a mistake in a file outside the lessons is named with its file and line', () => {
  assert.deepEqual(checkFiles(['tests/fixtures/snippets/docs/modulo-01/leccion/Dockerfile']), [
    'tests/fixtures/snippets/docs/modulo-01/leccion/Dockerfile:2: Unknown instruction: RUNN',
  ]);
});

test('the course has snippets of every kind that is checked', () => {
  const langs = new Set(collectSnippets('content/docs').map((s) => s.lang));
  for (const lang of ['console', 'json']) assert.ok(langs.has(lang), `no ${lang} snippet found`);
});

test('the fixture mistakes are each caught, naming the lesson file and line', () => {
  const lesson = 'tests/fixtures/snippets/docs/modulo-01/leccion.mdx';
  assert.deepEqual(checkSnippets('tests/fixtures/snippets/docs'), [
    `${lesson}:6: in compose.yaml:4: /services/web must NOT have additional properties: "comand"`,
    `${lesson}:9: in Dockerfile:2: Unknown instruction: RUNN`,
    `${lesson}:13: shell syntax: reached EOF without closing quote '`,
    `${lesson}:17: docker run: unknown flag --mout`,
    `${lesson}:20: console block declares no verification: add expect="regex", exit=N or skip="reason"`,
    `${lesson}:24: unknown docker subcommand "docker contanier" (not in src/snippets/docker-cli.ts)`,
    'tests/fixtures/snippets/docs/modulo-01/leccion/Dockerfile:2: Unknown instruction: RUNN',
    'tests/fixtures/snippets/docs/modulo-01/leccion/compose.yaml:4: /services/web must NOT have additional properties: "comand"',
  ]);
});
