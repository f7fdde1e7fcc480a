import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasOption, optionValue, optionValues, parseDockerCall } from '../../labs/runner/docker-call.ts';

const parse = (line: string) => parseDockerCall(line.split(' '));

test('run: options end at the image; the container command is positional, flags and all', () => {
  const call = parse('run --rm -it --name web -p8080:80 debian:bookworm ls --network x');
  assert.equal(call.canonical, 'run');
  assert.equal(call.argsStart, 1);
  assert.deepEqual(call.positionals, ['debian:bookworm', 'ls', '--network', 'x']);
  assert.equal(optionValue(call, '--name'), 'web');
  assert.equal(optionValue(call, '-p'), '8080:80');
  assert.ok(hasOption(call, '-i') && hasOption(call, '-t'));
  assert.ok(!hasOption(call, '--network'));
});

test('global flags and management commands: `container run` is run, after --host and its value', () => {
  const call = parse('--host unix:///run/d.sock container run --network=host img');
  assert.equal(call.command, 'container run');
  assert.equal(call.canonical, 'run');
  assert.equal(call.commandIndex, 2);
  assert.equal(call.argsStart, 4);
  assert.equal(optionValue(call, '--network'), 'host');
  assert.deepEqual(call.positionals, ['img']);
});

test('build: options and positionals mix; every -t is kept', () => {
  const call = parse('build -t a:1 . --tag b:2 -f Dockerfile.dev');
  assert.deepEqual(optionValues(call, '-t', '--tag'), ['a:1', 'b:2']);
  assert.equal(optionValue(call, '-f'), 'Dockerfile.dev');
  assert.deepEqual(call.positionals, ['.']);
});

test('compose: its own flags, then the subcommand and its flags', () => {
  const call = parse('compose -f a.yaml -p demo up -d --scale lector=2');
  assert.equal(call.command, 'compose up');
  assert.equal(call.composeSubcommandIndex, 5);
  assert.deepEqual(call.composeOptions, [
    { flag: '-f', value: 'a.yaml' },
    { flag: '-p', value: 'demo' },
  ]);
  assert.equal(optionValue(call, '--scale'), 'lector=2');
});

test('folded forms and `--`', () => {
  assert.equal(parse('image build .').canonical, 'build');
  assert.equal(parse('image rm x').canonical, 'rmi');
  assert.deepEqual(parse('run -- img').positionals, ['img']);
  assert.equal(parse('--debug').command, '');
});

test('flags a lesson does not use yet but that take a value are still read with it', () => {
  const call = parse('run --net none --add-host a:127.0.0.1 img');
  assert.equal(optionValue(call, '--net'), 'none');
  assert.deepEqual(call.positionals, ['img']);
});
