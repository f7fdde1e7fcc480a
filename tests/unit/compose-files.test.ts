import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { composeFilesOf, loadComposeProject, serviceBuild } from '../../labs/runner/compose-files.ts';
import { parseDockerCall } from '../../labs/runner/docker-call.ts';

const root = mkdtempSync(join(tmpdir(), 'compose-files-'));
mkdirSync(join(root, 'sub/deeper'), { recursive: true });
writeFileSync(join(root, 'sub/docker-compose.yml'), 'services:\n  a:\n    image: x\n');
writeFileSync(join(root, 'sub/compose.yaml'), 'name: demo\nservices:\n  a:\n    image: debian:bookworm\n');
writeFileSync(join(root, 'sub/compose.override.yaml'), 'services:\n  a:\n    build: ./a\nnetworks:\n  n: {}\n');
const call = (line: string) => parseDockerCall(line.split(' '));

test('without -f: compose.yaml first, looked for upwards, with its override file', () => {
  const { files, projectDir } = composeFilesOf(call('compose up'), join(root, 'sub/deeper'));
  assert.deepEqual(files, [join(root, 'sub/compose.yaml'), join(root, 'sub/compose.override.yaml')]);
  assert.equal(projectDir, join(root, 'sub'));
});

test('-f files in order, COMPOSE_FILE, --project-directory; a missing file throws', () => {
  assert.deepEqual(composeFilesOf(call('compose -f docker-compose.yml up'), join(root, 'sub')).files, [
    join(root, 'sub/docker-compose.yml'),
  ]);
  assert.deepEqual(composeFilesOf(call('compose up'), root, { COMPOSE_FILE: 'sub/docker-compose.yml' }).files, [
    join(root, 'sub/docker-compose.yml'),
  ]);
  assert.equal(composeFilesOf(call('compose --project-directory sub up'), root).projectDir, join(root, 'sub'));
  assert.throws(() => composeFilesOf(call('compose -f nada.yaml up'), root), /compose file not found/);
  assert.throws(() => composeFilesOf(call('compose up'), root), /no compose file/);
});

test('services and networks are merged over the files; name is read', () => {
  const project = loadComposeProject(call('compose up'), join(root, 'sub'));
  assert.equal(project.name, 'demo');
  assert.deepEqual(project.services, { a: { image: 'debian:bookworm', build: './a' } });
  assert.deepEqual(Object.keys(project.networks), ['n']);
  assert.deepEqual(serviceBuild(project.services.a, project.projectDir), {
    context: join(root, 'sub/a'),
    dockerfile: join(root, 'sub/a/Dockerfile'),
  });
});
