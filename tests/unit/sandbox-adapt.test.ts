import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { adaptDockerCall, sandboxOverride, type SandboxContext } from '../../labs/runner/sandbox-adapt.ts';

const project = mkdtempSync(join(tmpdir(), 'adapt-'));
const context: SandboxContext = {
  cwd: project,
  env: {},
  stdinIsTTY: false,
  stdoutIsTTY: false,
  docker: '/usr/bin/docker',
  dockerCompose: '/usr/bin/docker-compose',
};
const tempDirs: string[] = [project];
const adapt = (line: string, extra: Partial<SandboxContext> = {}) => {
  const adapted = adaptDockerCall(line.split(' '), { ...context, ...extra });
  if (adapted.tempDir) tempDirs.push(adapted.tempDir);
  return adapted;
};
after(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('docker run and docker create get --network none when they name no network', () => {
  assert.deepEqual(adapt('run --rm debian:bookworm uname -r').args, [
    'run',
    '--network',
    'none',
    '--rm',
    'debian:bookworm',
    'uname',
    '-r',
  ]);
  assert.deepEqual(adapt('container create img').args, ['container', 'create', '--network', 'none', 'img']);
  assert.deepEqual(adapt('-H unix:///x.sock run img').args, [
    '-H',
    'unix:///x.sock',
    'run',
    '--network',
    'none',
    'img',
  ]);
  assert.equal(adapt('run img').program, '/usr/bin/docker');
});

test('a network the lesson names is kept, and a --network in the container command is not one', () => {
  assert.deepEqual(adapt('run --network host img hostname').args, ['run', '--network', 'host', 'img', 'hostname']);
  assert.deepEqual(adapt('run --net=none img').args, ['run', '--net=none', 'img']);
  assert.deepEqual(adapt('run img sh --network x').args, ['run', '--network', 'none', 'img', 'sh', '--network', 'x']);
});

test('docker build gets --network host; other commands pass unchanged', () => {
  assert.deepEqual(adapt('build -t x .').args, ['build', '--network', 'host', '-t', 'x', '.']);
  assert.deepEqual(adapt('image build --network none .').args, ['image', 'build', '--network', 'none', '.']);
  assert.deepEqual(adapt('ps -a'), { program: '/usr/bin/docker', args: ['ps', '-a'], notes: [] });
});

test('creating or joining a network is refused', () => {
  assert.match(adapt('network create red').refused ?? '', /never create or join networks/);
  assert.match(adapt('network connect red c').refused ?? '', /never create or join networks/);
  assert.equal(adapt('network ls').refused, undefined);
});

const composeDir = join(project, 'lab');
mkdirSync(join(composeDir, 'app'), { recursive: true });
writeFileSync(
  join(composeDir, 'compose.yaml'),
  [
    'name: demo',
    'services:',
    '  db:',
    '    image: debian:bookworm',
    '  web:',
    '    build: ./app',
    '    network_mode: host',
    '  solo:',
    '    image: debian:bookworm',
    '    network_mode: none',
    '',
  ].join('\n'),
);
writeFileSync(join(composeDir, 'compose.prod.yaml'), 'services:\n  db:\n    restart: always\n');

test('docker compose runs docker-compose on copies without `name:`, with -p, the project folder and a network override', () => {
  const adapted = adapt('compose up -d', { cwd: composeDir });
  assert.equal(adapted.program, '/usr/bin/docker-compose');
  const [f1, copy, f2, override, dirFlag, dir, p, name, ...rest] = adapted.args;
  assert.deepEqual(
    [f1, f2, dirFlag, dir, p, name, ...rest],
    ['-f', '-f', '--project-directory', composeDir, '-p', 'demo', 'up', '--no-color', '-d'],
  );
  assert.doesNotMatch(readFileSync(copy, 'utf8'), /^name:/m);
  assert.match(readFileSync(copy, 'utf8'), /build: \.\/app/);
  assert.deepEqual(parse(readFileSync(override, 'utf8')), {
    services: { db: { network_mode: 'none' }, web: { build: { context: './app', network: 'host' } } },
  });
  assert.ok(existsSync(adapted.tempDir!));
});

test('compose config gets the name translation but no override; -f files keep their order; -p wins over name:', () => {
  const adapted = adapt('compose -f compose.yaml -f compose.prod.yaml -p mio config', { cwd: composeDir });
  const files = adapted.args.filter((_, i, all) => all[i - 1] === '-f');
  assert.deepEqual(
    files.map((f) => f.replace(/.*\//, '')),
    ['0-compose.yaml', '1-compose.prod.yaml'],
  );
  assert.deepEqual(adapted.args.slice(-3), ['-p', 'mio', 'config']);
});

test('compose exec and run get -T without a terminal; --no-TTY is written -T; logs get --no-color', () => {
  assert.deepEqual(adapt('compose exec db cat /x', { cwd: composeDir }).args.slice(-5), [
    'exec',
    '-T',
    'db',
    'cat',
    '/x',
  ]);
  assert.deepEqual(adapt('compose exec --no-TTY db ls', { cwd: composeDir }).args.slice(-4), [
    'exec',
    '-T',
    'db',
    'ls',
  ]);
  assert.deepEqual(adapt('compose exec db ls', { cwd: composeDir, stdinIsTTY: true }).args.slice(-3), [
    'exec',
    'db',
    'ls',
  ]);
  assert.deepEqual(adapt('compose logs db', { cwd: composeDir }).args.slice(-3), ['logs', '--no-color', 'db']);
});

test('without a Compose file, docker-compose gets the words as written and says so itself', () => {
  const adapted = adapt('compose ls', { cwd: project });
  assert.deepEqual(adapted, {
    program: '/usr/bin/docker-compose',
    args: ['ls'],
    notes: ['docker compose: ran Compose v1 (docker-compose)'],
  });
});

test('the override leaves services that name a network mode or networks alone', () => {
  assert.deepEqual(sandboxOverride({ services: { a: { networks: ['x'] }, b: { network_mode: 'host' }, c: {} } }), {
    services: { c: { network_mode: 'none' } },
  });
});
