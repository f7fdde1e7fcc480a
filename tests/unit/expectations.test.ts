import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRun, verdict } from '../../labs/runner/expectations.ts';

const block = { commands: ['docker run --rm img echo hola', 'echo adiós'], expect: '^hola$' };

test('passes when every command exits 0 and the output matches (multiline: ^ and $ mark lines)', () => {
  assert.deepEqual(checkRun(block, { output: 'x\nhola\nadiós\n', exitCodes: [0, 0] }), []);
});

test('a command that fails is named with its exit code', () => {
  assert.deepEqual(checkRun(block, { output: 'hola\n', exitCodes: [125, 0] }), [
    'command 1 («docker run --rm img echo hola») exited with 125, expected 0',
  ]);
});

test('exit=N applies to the last command only', () => {
  const failing = { commands: ['true', 'false'], exit: 1 };
  assert.deepEqual(checkRun(failing, { output: '', exitCodes: [0, 1] }), []);
  assert.deepEqual(checkRun(failing, { output: '', exitCodes: [0, 0] }), [
    'command 2 («false») exited with 0, expected 1',
  ]);
  assert.deepEqual(checkRun(failing, { output: '', exitCodes: [1, 1] }), [
    'command 1 («true») exited with 1, expected 0',
  ]);
});

test('an output that does not match, a shell that stopped early, a timeout, a block without commands', () => {
  assert.deepEqual(checkRun(block, { output: 'holas\n', exitCodes: [0, 0] }), [
    'the output does not match expect=/^hola$/m',
  ]);
  assert.deepEqual(checkRun(block, { output: 'hola\n', exitCodes: [0] }), [
    'only 1 of 2 commands ran: the shell stopped (exit, or a syntax error)',
  ]);
  assert.deepEqual(checkRun(block, { output: 'hola\n', exitCodes: [0], timedOutAfter: 5 }), [
    'stopped after 5 s (LABS_BLOCK_TIMEOUT)',
  ]);
  assert.deepEqual(checkRun({ commands: [] }, { output: '', exitCodes: [] }), [
    'the block has no command (no line starts with "$ ")',
  ]);
});

test('multi-line commands are named by their first line', () => {
  const problems = checkRun({ commands: ['docker run \\\n  img'] }, { output: '', exitCodes: [1] });
  assert.deepEqual(problems, ['command 1 («docker run …») exited with 1, expected 0']);
});

test('verdict: passed without problems, else failed with them (no exception for any Compose version)', () => {
  assert.deepEqual(verdict([]), { status: 'passed' });
  const mismatch = ['the output does not match expect=/target: \\/x/m'];
  assert.deepEqual(verdict(mismatch), { status: 'failed', problems: mismatch });
});
