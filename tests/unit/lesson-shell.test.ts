import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockScript, LessonShell } from '../../labs/runner/lesson-shell.ts';

async function shell() {
  const root = mkdtempSync(join(tmpdir(), 'shell-'));
  const lesson = new LessonShell(root, join(root, '.state'), { PATH: process.env.PATH, HOME: root });
  await lesson.init();
  return { root, lesson };
}

test('each command exit code is recorded; stdout and stderr land in one output', async () => {
  const { lesson } = await shell();
  const run = await lesson.run(['echo uno', 'echo dos >&2', 'false', 'sh -c "exit 7"'], 10);
  assert.deepEqual(run.exitCodes, [0, 0, 1, 7]);
  assert.equal(run.output, 'uno\ndos\n');
});

test('like one terminal: variables, the folder and $? carry over to the next block', async () => {
  const { root, lesson } = await shell();
  await lesson.run(['NOMBRE=mundo', 'mkdir sub && cd sub', 'sh -c "exit 3"'], 10);
  assert.equal(lesson.cwd, join(root, 'sub'));
  const run = await lesson.run(['echo "$? hola $NOMBRE en $(basename "$PWD")"'], 10);
  assert.equal(run.output, '3 hola mundo en sub\n');
});

test("only the lesson's own variables are carried, never bash's or the environment's", async () => {
  const { root, lesson } = await shell();
  await lesson.run(['true'], 10);
  assert.equal(readFileSync(join(root, '.state/vars'), 'utf8'), '');
  await lesson.run(['MIO=1', 'export OTRO=2'], 10);
  assert.equal(readFileSync(join(root, '.state/vars'), 'utf8'), 'declare -- MIO="1"\ndeclare -x OTRO="2"\n');
});

test('continuation lines run as one command; nobody types: a command that reads stdin waits until stopped', async () => {
  const { lesson } = await shell();
  const run = await lesson.run(['echo a \\\n  b', 'cat'], 2);
  assert.deepEqual(run, { output: 'a b\n', outputs: ['a b\n'], exitCodes: [0], timedOutAfter: 2 });
});

test('a block that exits early has fewer exit codes; one that hangs is stopped', async () => {
  const { lesson } = await shell();
  assert.deepEqual((await lesson.run(['exit 4', 'echo nunca'], 10)).exitCodes, []);
  const hung = await lesson.run(['sleep 30'], 1);
  assert.equal(hung.timedOutAfter, 1);
});

test('the script inserts commands as written and quotes the state folder', () => {
  const script = blockScript(["echo 'a b'"], "/tmp/it's");
  assert.match(script, /^__labs_state='\/tmp\/it'\\''s'$/m);
  assert.match(script, /^echo 'a b'$/m);
  assert.equal(readFileSync(new URL(import.meta.url), 'utf8').includes('blockScript'), true);
});

test('each command’s output is kept apart, even without a final newline; the marker never shows', async () => {
  const { lesson } = await shell();
  const run = await lesson.run(['echo uno', 'printf dos', 'echo tres >&2', 'true'], 10);
  assert.deepEqual(run.outputs, ['uno\n', 'dos\n', 'tres\n', '']);
  assert.equal(run.output, 'uno\ndostres\n');
});

test('a block runs in an 80-column terminal, as typed; a pipe is still a pipe; what is redrawn shows once', async () => {
  const { lesson } = await shell();
  const run = await lesson.run(
    ['[ -t 1 ] && echo terminal', 'stty size', '[ -t 1 ] | cat; echo "${PIPESTATUS[0]}"', "printf '1/2\\r2/2\\n'"],
    10,
  );
  assert.deepEqual(run.outputs, ['terminal\n', '40 80\n', '1\n', '2/2\n']);
});
