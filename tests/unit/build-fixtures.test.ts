// Builds small fixture sites with the real configuration: bad input must fail the build, naming the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const fixtureEnv = (fixture: string) => ({
  ...process.env,
  COURSE_CONTENT_DIR: `tests/fixtures/${fixture}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
});

function build(fixture: string) {
  const outDir = mkdtempSync(join(tmpdir(), `fixture-${fixture}-`));
  const result = spawnSync('astro', ['build', '--outDir', outDir], { env: fixtureEnv(fixture), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** `node scripts/anchors.ts …` over a fixture's content folder. */
function anchors(fixture: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/anchors.ts', ...args], {
    env: fixtureEnv(fixture),
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

// Astro builds share .astro/ in the project root: run them one after another.
describe('fixture builds', { concurrency: 1 }, () => {
  test('a valid page builds', () => {
    const { status, output } = build('good');
    assert.equal(status, 0, output);
  });

  test('a broken diagram fails the build with the file and line', () => {
    const { status, output } = build('bad-diagram');
    assert.notEqual(status, 0);
    assert.match(output, /Mermaid could not render this diagram: Parse error/);
    assert.match(output, /tests\/fixtures\/bad-diagram\/docs\/index\.mdx:8:1/);
  });

  test('links to a missing page or anchor fail the build with the file and line', () => {
    const { status, output } = build('bad-link');
    assert.notEqual(status, 0);
    assert.match(
      output,
      /tests\/fixtures\/bad-link\/docs\/index\.mdx:8 \(page \/\): link "\/no-existe\/" → no page \/no-existe\//,
    );
    assert.match(output, /index\.mdx:9 \(page \/\): link "\/#tampoco-existe" → no element with id "tampoco-existe"/);
  });

  test('a block that passed in the lab carries the mark; one that failed does not (labs-results.json of the fixture)', () => {
    const { status, output, outDir } = build('lab-marks');
    assert.equal(status, 0, output);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const marks = [...html.matchAll(/<p class="lab-run" data-pagefind-ignore="">(.*?)<\/p>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, ''),
    );
    assert.deepEqual(marks, ['✓ Ejecutado con Docker Engine 20.10.24 el 2026-11-30']);
    assert.ok(html.indexOf('lab-run') < html.indexOf('_ping'), 'the mark is on the first block');
  });

  test('a module gets its print page and PDF, made before the link check that checks the links to it', () => {
    const { status, output, outDir } = build('print-module');
    assert.equal(status, 0, output);
    assert.ok(existsSync(join(outDir, 'modulo-01/imprimir/index.html')));
    assert.ok(existsSync(join(outDir, 'modulo-01/curso-bigdata-modulo-01.pdf')));
    assert.match(
      output,
      /modulo-01\/curso-bigdata-modulo-01\.pdf: 4 pages,[^\n]*\n.*All internal links and anchors resolve/,
    );
  });

  test('missing required frontmatter fails the build with the file', () => {
    const { status, output } = build('bad-frontmatter');
    assert.notEqual(status, 0);
    assert.match(output, /title\W+Required/);
    assert.match(output, /tests\/fixtures\/bad-frontmatter\/docs\/index\.mdx/);
  });

  test('the anchors check catches a published anchor that disappeared, accepts one kept as an alias, and asks to record new ones', () => {
    const { status, output, outDir } = build('anchors');
    assert.equal(status, 0, output);
    const published = 'tests/fixtures/anchors/anchors.json';
    const check = anchors('anchors', 'check', '--dist', outDir);
    assert.equal(check.status, 1, check.output);
    const [removed, added] = check.output.trim().split(/\n\n/);
    assert.match(removed, /^3 published anchor\(s\) disappeared from the build/);
    assert.deepEqual(removed.match(/^  \S+$/gm), ['  /retirada/', '  /#borrada', '  /#figura-vieja']);
    assert.match(removed, /keep it as an alias \(\{\/\* #new-id, #old-id \*\/\}\)/);
    assert.doesNotMatch(check.output, /#se-queda/);
    assert.match(added, /3 anchor\(s\) of the build are not in tests\/fixtures\/anchors\/anchors\.json yet:/);
    assert.match(added, /  \/#renombrada\n  \/#seccion-nueva\n  \/#original \(heading → alias\)/);
    assert.match(added, /Run `npm run anchors:update` and commit/);

    // Updating refuses to forget a published anchor, and leaves the manifest as it was.
    const before = readFileSync(published, 'utf8');
    const refused = anchors('anchors', 'update', '--dist', outDir);
    assert.equal(refused.status, 1);
    assert.match(refused.output, /The manifest was not changed/);
    assert.equal(readFileSync(published, 'utf8'), before);

    // Told explicitly, it records the build as it is; then the check passes.
    const copy = join(mkdtempSync(join(tmpdir(), 'anchors-')), 'anchors.json');
    copyFileSync(published, copy);
    const updated = anchors('anchors', 'update', '--remove-missing', '--dist', outDir, '--manifest', copy);
    assert.equal(updated.status, 0, updated.output);
    assert.match(updated.output, /removed  \/#borrada/);
    assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8'))['/'], {
      original: 'alias',
      renombrada: 'heading',
      'se-queda': 'heading',
      'seccion-nueva': 'heading',
    });
    const recheck = anchors('anchors', 'check', '--dist', outDir, '--manifest', copy);
    assert.equal(recheck.status, 0, recheck.output);
  });
});
