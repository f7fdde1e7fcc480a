import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyText, parseShellSession } from '../../lesson-model/shell-session.ts';

const session = [
  '$ docker version',
  'Client:',
  ' Version: 29.1.2',
  '$ curl --silent \\',
  '    --unix-socket /var/run/docker.sock \\',
  '    http://localhost/_ping',
  'OK',
  '$',
].join('\n');

test('classifies prompts, continuations and output', () => {
  assert.deepEqual(parseShellSession(session).kinds, [
    'command',
    'output',
    'output',
    'command',
    'command',
    'command',
    'output',
    'command',
  ]);
});

test('copies only the commands, without prompts, keeping continuations', () => {
  assert.equal(
    copyText(session),
    'docker version\ncurl --silent \\\n    --unix-socket /var/run/docker.sock \\\n    http://localhost/_ping\n',
  );
});

test('a line that merely contains $ is output', () => {
  assert.deepEqual(parseShellSession('echo $HOME\n$HOME is set').commands, []);
});
