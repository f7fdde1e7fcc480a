import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { copyText } from '../../lesson-model/shell-session.ts';
import { lessonBlocks } from '../../labs/runner/plan.ts';
import { outputDrift, recordCode, recordLesson, sessionParts } from '../../labs/runner/record.ts';
import { splitOutput } from '../../labs/runner/lesson-shell.ts';

const FIXTURE = 'tests/fixtures/labs-record/leccion.mdx';

// What a run of the fixture's blocks printed, command by command (the executor faked: no engine here).
const RUN: Record<number, string[]> = {
  7: [
    `${'9f'.repeat(32)}\n`,
    'CONTAINER ID   IMAGE        COMMAND                  CREATED          STATUS          PORTS     NAMES\n' +
      'fe0123456789   nginx:1.29   "/docker-entrypoint.…"   11 seconds ago   Up 10 seconds   80/tcp    web\n',
    '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
  ],
  19: ['hola\nadiós\n'],
};

// The fences' lines move when an output above grows: find them again in the source being recorded.
const record = (source: string) => {
  const fences = source.split('\n').flatMap((line, i) => (/^\s*```console/.test(line) ? [i + 1] : []));
  return recordLesson(
    source,
    Object.values(RUN).map((outputs, i) => ({ line: fences[i], outputs })),
    FIXTURE,
  );
};

test('a block is split into its commands (continuations included) and the output lines of each', () => {
  const { parts } = sessionParts('$ echo a \\\n  b\na b\n$ true');
  assert.deepEqual(parts, [
    { command: ['$ echo a \\', '  b'], start: 0, output: ['a b'] },
    { command: ['$ true'], start: 3, output: [] },
  ]);
});

test('the output of each command is cut at its end marker', () => {
  assert.deepEqual(splitOutput('a\n\x1elabs-end\x1e\nb\x1elabs-end\x1e\ntarde\n'), {
    output: 'a\nb' + 'tarde\n',
    outputs: ['a\n', 'btarde\n'],
  });
});

test('a normal run fails on drift, naming the file and line with a diff; what only varies is no drift', () => {
  const [first, second] = lessonBlocks(FIXTURE);
  assert.deepEqual(outputDrift(FIXTURE, first.line, first.code, RUN[7]), [
    `${FIXTURE}:8: the output of «docker run -d --name web nginx:1.29» drifted from the page (record it with \`npm run test:labs -- --record\`):\n` +
      `      + ${'9f'.repeat(32)}`,
  ]);
  const pageLike = [
    '',
    'CONTAINER ID  IMAGE  COMMAND  CREATED  STATUS  PORTS  NAMES\nabcdef012345   nginx:1.29   "/docker-entrypoint.…"   1 second ago   Up 1 second   80/tcp    web\n',
    'x\nready for start up\n',
  ];
  assert.deepEqual(outputDrift(FIXTURE, first.line, first.code, pageLike), []);
  assert.equal(outputDrift(FIXTURE, second.line, second.code, RUN[19]).length, 1);
  assert.match(outputDrift(FIXTURE, second.line, second.code, RUN[19])[0], /leccion\.mdx:20: .*«echo hola && …»/);
});

test('recording rewrites only output lines, keeps commands, fences, indentation and elisions, and is idempotent', () => {
  const source = readFileSync(FIXTURE, 'utf8');
  const once = record(source);
  assert.equal(record(once), once);
  assert.match(once, /\n\$ docker run -d --name web nginx:1\.29\n(9f){32}\n\$ docker ps\n/);
  // `docker ps` only varied (id, times, column widths): the page gets the run's own lines, none typed by hand.
  assert.match(once, /\nfe0123456789   nginx:1\.29 .*11 seconds ago   Up 10 seconds/);
  assert.doesNotMatch(once, /0123456789ab   nginx/);
  assert.match(once, /\$ docker logs web\n…\n… ready for start up\n```/);
  assert.match(
    once,
    /\n {3}```console expect="hola"\n {3}\$ echo hola && \\\n {5}echo adiós\n {3}hola\n {3}adiós\n {3}```\n/,
  );
  const before = lessonBlocks(FIXTURE);
  const after = lessonBlocks(FIXTURE).map((block) => ({ ...block, code: recordCode(block.code, RUN[block.line]) }));
  after.forEach((block, i) => {
    assert.equal(copyText(block.code), copyText(before[i].code), 'the copy button copies the same commands');
    assert.deepEqual(outputDrift(FIXTURE, block.line, block.code, RUN[block.line]), [], 'no drift once recorded');
  });
});

test('an output line that would read as a command is refused, naming the file and line', () => {
  const source = '```console\n$ cat guion.txt\n```\n';
  assert.throws(
    () => recordLesson(source, [{ line: 1, outputs: ['$ echo hola\n'] }], 'x.mdx'),
    /^Error: x\.mdx:1: an output line starts with «\$ »/,
  );
});
