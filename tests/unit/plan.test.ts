import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lessonBlocks, planLabs, sidebarOrder } from '../../labs/runner/plan.ts';

const docs = 'tests/fixtures/labs/docs';

test('lessons with console blocks, in sidebar order (no order last), each with the folder that becomes its working directory', () => {
  const plan = planLabs(docs);
  assert.deepEqual(
    plan.map((lesson) => [lesson.id, lesson.order, lesson.folder]),
    [
      ['modulo-01/primera.mdx', 1, `${docs}/modulo-01/primera`],
      ['modulo-01/segunda.mdx', 2, `${docs}/modulo-01/segunda`],
      ['modulo-01/anexo.mdx', Infinity, `${docs}/modulo-01/anexo`],
    ],
  );
  assert.deepEqual(
    planLabs(docs, ['segunda']).map((lesson) => lesson.id),
    ['modulo-01/segunda.mdx'],
  );
});

test('blocks: commands without prompts, expect read as written (backslashes kept), exit as a number, skip with its reason', () => {
  const [hola, exit, skip, listed] = lessonBlocks(`${docs}/modulo-01/primera.mdx`);
  assert.deepEqual(
    { where: hola.where, commands: hola.commands, expect: hola.expect, docker: hola.docker },
    { where: `${docs}/modulo-01/primera.mdx:8`, commands: ['echo hola'], expect: '^hola$', docker: false },
  );
  assert.deepEqual([exit.commands, exit.exit], [['true', "sh -c 'exit 3'"], 3]);
  assert.deepEqual([skip.skip, skip.docker], ['abre una shell interactiva en el contenedor', true]);
  assert.equal(listed.line, 28);
  assert.equal(listed.hash, hola.hash, 'an indented fence hashes like the same block at the margin');
  assert.equal(lessonBlocks(`${docs}/modulo-01/anexo.mdx`)[0].expect, '^\\[\\]$');
});

test('the same block in one lesson has one hash; the lesson folder changes it', () => {
  const [a, b] = lessonBlocks(`${docs}/modulo-01/segunda.mdx`);
  assert.equal(a.hash, b.hash);
  const [elsewhere] = lessonBlocks(`${docs}/modulo-01/primera.mdx`);
  assert.notEqual(a.hash, elsewhere.hash, 'segunda has a Dockerfile in its folder; primera has no folder');
});

test('sidebar order: a number, absent, or an error naming the file', () => {
  assert.equal(sidebarOrder('---\ntitle: x\nsidebar:\n  order: 4\n---\n', 'x.mdx'), 4);
  assert.equal(sidebarOrder('---\ntitle: x\n---\n', 'x.mdx'), Infinity);
  assert.throws(
    () => sidebarOrder('---\nsidebar:\n  order: dos\n---\n', 'x.mdx'),
    /x\.mdx: sidebar\.order must be a number/,
  );
});

test('fresh="IMAGE" is kept for the runner; an image without its tag is an error naming the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-fresh-'));
  const lesson = join(dir, 'leccion.mdx');
  const block = (meta: string) =>
    `---\ntitle: x\n---\n\n\`\`\`console ${meta}\n$ docker run --rm debian:trixie true\n\`\`\`\n`;
  writeFileSync(lesson, block('expect="." fresh="debian:trixie"'));
  assert.equal(lessonBlocks(lesson)[0].fresh, 'debian:trixie');
  writeFileSync(lesson, block('expect="." fresh="debian"'));
  assert.throws(() => lessonBlocks(lesson), /leccion\.mdx:5: fresh=debian must name an image with its tag/);
});
