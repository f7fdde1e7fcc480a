import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { lessonBlocks } from '../../labs/runner/plan.ts';
import { writeResults, type BlockStatus } from '../../lesson-model/results.ts';
import remarkLabResults from '../../src/plugins/remark-lab-results.ts';
import { renderError, renderMdx } from './markdown.ts';

// The fixture lessons, with results whose hashes the runner's planner computed: the plugin must find the same blocks.
const docsDir = resolve('tests/fixtures/labs/docs');
const resultsFile = join(mkdtempSync(join(tmpdir(), 'lab-marks-')), 'labs-results.json');
const plugins = [[remarkLabResults, { docsDir, resultsFile }]] as never;

function record(lesson: string, statuses: BlockStatus[], docker = true) {
  const blocks = lessonBlocks(join(docsDir, lesson)).map((block, i) => ({
    line: block.line,
    hash: block.hash,
    status: statuses[i],
    docker: docker && block.docker,
  }));
  writeResults(resultsFile, {
    lessons: {
      [lesson]: {
        engine: '20.10.24+dfsg1',
        system: 'Debian GNU/Linux 12 (bookworm)',
        date: '2026-11-30',
        sandbox: true,
        blocks,
      },
    },
  });
}

const render = (lesson: string, source = readFileSync(join(docsDir, lesson), 'utf8')) =>
  renderMdx(source, plugins, join(docsDir, lesson));
const marks = (html: string) =>
  [...html.matchAll(/<p class="lab-run" data-pagefind-ignore="">(.*?)<\/p>/g)].map((m) => m[1]);

test('a passed block gets the mark right after it; failed and skipped blocks get none', async () => {
  record('modulo-01/segunda.mdx', ['passed', 'failed']);
  const html = await render('modulo-01/segunda.mdx');
  assert.deepEqual(marks(html), [
    '<span class="lab-run__icon" aria-hidden="true">✓ </span>Ejecutado con Docker Engine 20.10.24 el <time datetime="2026-11-30">2026-11-30</time>',
  ]);
  assert.match(html, /<\/code><\/pre>\n<p class="lab-run" data-pagefind-ignore="">/);
  assert.equal(
    html.indexOf('lab-run') < html.lastIndexOf('<pre>'),
    true,
    'the mark follows the first block, not the second',
  );
});

test('a block that does not use Docker names the system it ran on; blocks in lists are marked too', async () => {
  record('modulo-01/primera.mdx', ['passed', 'passed', 'skipped', 'passed'], false);
  const html = await render('modulo-01/primera.mdx');
  assert.deepEqual(
    marks(html).map((m) => m.replace(/<[^>]+>/g, '')),
    [
      '✓ Ejecutado en Debian GNU/Linux 12 (bookworm) el 2026-11-30',
      '✓ Ejecutado en Debian GNU/Linux 12 (bookworm) el 2026-11-30',
      '✓ Ejecutado en Debian GNU/Linux 12 (bookworm) el 2026-11-30',
    ],
  );
});

test('a block changed after the run loses its mark: command, expectation or fence', async () => {
  record('modulo-01/segunda.mdx', ['passed', 'passed']);
  const source = readFileSync(join(docsDir, 'modulo-01/segunda.mdx'), 'utf8');
  assert.equal(marks(await render('modulo-01/segunda.mdx', source)).length, 2);
  assert.equal(marks(await render('modulo-01/segunda.mdx', source.replace('echo hola', 'echo  hola'))).length, 1);
  assert.equal(
    marks(await render('modulo-01/segunda.mdx', source.replace('expect="^hola$"', 'expect="hola"'))).length,
    1,
  );
});

test('a lesson without results, or a page outside the docs, is left as it is', async () => {
  record('modulo-01/segunda.mdx', ['passed', 'passed']);
  assert.deepEqual(marks(await render('modulo-01/anexo.mdx')), []);
  const html = await renderMdx('```console expect="x"\n$ echo x\n```', plugins, '/elsewhere/x.mdx');
  assert.deepEqual(marks(html), []);
});

test('a malformed results file fails the page naming the results file', async () => {
  writeFileSync(resultsFile, '{"lessons": 3}');
  const message = await renderError(
    '```console expect="x"\n$ echo x\n```',
    plugins,
    join(docsDir, 'modulo-01/anexo.mdx'),
  );
  assert.match(message, /labs-results\.json: no "lessons" object/);
});

test('the mark names Compose when the block used it, and the stand-in images it ran with', async () => {
  const lesson = 'modulo-01/segunda.mdx';
  const blocks = lessonBlocks(join(docsDir, lesson));
  writeResults(resultsFile, {
    lessons: {
      [lesson]: {
        engine: '29.1.2',
        system: 'Debian GNU/Linux 13 (trixie)',
        date: '2026-12-02',
        sandbox: true,
        containerd: '2.2.0',
        runc: '1.3.3',
        compose: '5.0.0',
        buildx: '0.30.1',
        imageStore: 'containerd (overlayfs)',
        blocks: [
          {
            line: blocks[0].line,
            hash: blocks[0].hash,
            status: 'passed',
            docker: true,
            compose: true,
            standIns: [
              { image: 'apache/spark:4.0.1', builtFrom: 'PySpark 4.0.1 de PyPI, Java 17 y Python 3 de Debian' },
            ],
          },
          {
            line: blocks[1].line,
            hash: blocks[1].hash,
            status: 'skipped',
            docker: true,
            reason: 'abre un terminal interactivo',
          },
        ],
      },
    },
  });
  const html = await render(lesson);
  assert.deepEqual(
    marks(html).map((m) => m.replace(/<[^>]+>/g, '')),
    [
      '✓ Ejecutado con Docker Engine 29.1.2 y Compose 5.0.0 el 2026-12-02, con una imagen apache/spark construida desde PySpark 4.0.1 de PyPI, Java 17 y Python 3 de Debian',
    ],
  );
  assert.match(
    html,
    /<p class="lab-run lab-run--skipped" data-pagefind-ignore="">Sin ejecutar en el laboratorio: abre un terminal interactivo<\/p>/,
  );
});
