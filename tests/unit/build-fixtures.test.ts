// Builds small fixture sites with the real configuration: bad input must fail the build, naming the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

function build(fixture: string, outDir = mkdtempSync(join(tmpdir(), `fixture-${fixture}-`))) {
  const result = spawnSync('astro', ['build', '--outDir', outDir], {
    env: { ...process.env, COURSE_CONTENT_DIR: `tests/fixtures/${fixture}`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
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
    assert.match(output, /tests\/fixtures\/bad-link\/docs\/index\.mdx:8 \(page \/\): link "\/no-existe\/" → no page \/no-existe\//);
    assert.match(output, /index\.mdx:9 \(page \/\): link "\/#tampoco-existe" → no element with id "tampoco-existe"/);
  });

  test('a block that passed in the lab carries the mark; one that failed does not (labs-results.json of the fixture)', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fixture-lab-marks-'));
    const { status, output } = build('lab-marks', outDir);
    assert.equal(status, 0, output);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const marks = [...html.matchAll(/<p class="lab-run" data-pagefind-ignore="">(.*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    assert.deepEqual(marks, ['✓ Ejecutado con Docker Engine 20.10.24 el 2026-11-30']);
    assert.ok(html.indexOf('lab-run') < html.indexOf('_ping'), 'the mark is on the first block');
  });

  test('missing required frontmatter fails the build with the file', () => {
    const { status, output } = build('bad-frontmatter');
    assert.notEqual(status, 0);
    assert.match(output, /title\W+Required/);
    assert.match(output, /tests\/fixtures\/bad-frontmatter\/docs\/index\.mdx/);
  });
});
