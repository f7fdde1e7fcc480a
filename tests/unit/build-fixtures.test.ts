// Builds small fixture sites with the real configuration: bad input must fail the build, naming the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

function build(fixture: string) {
  const outDir = mkdtempSync(join(tmpdir(), `fixture-${fixture}-`));
  const result = spawnSync('astro', ['build', '--outDir', outDir], {
    env: { ...process.env, COURSE_CONTENT_DIR: `tests/fixtures/${fixture}`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
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

  test('a module gets its print page and PDF, made before the link check that checks the links to it', () => {
    const { status, output, outDir } = build('print-module');
    assert.equal(status, 0, output);
    assert.ok(existsSync(join(outDir, 'modulo-01/imprimir/index.html')));
    assert.ok(existsSync(join(outDir, 'modulo-01/curso-bigdata-modulo-01.pdf')));
    assert.match(output, /modulo-01\/curso-bigdata-modulo-01\.pdf: 4 pages,[^\n]*\n.*All internal links and anchors resolve/);
  });

  test('missing required frontmatter fails the build with the file', () => {
    const { status, output } = build('bad-frontmatter');
    assert.notEqual(status, 0);
    assert.match(output, /title\W+Required/);
    assert.match(output, /tests\/fixtures\/bad-frontmatter\/docs\/index\.mdx/);
  });
});
