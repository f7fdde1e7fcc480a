import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findBrokenLinks, locate, pagePath } from '../../src/integrations/site-links.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

test('maps built files to URL paths', () => {
  assert.equal(pagePath('/d', '/d/index.html'), '/');
  assert.equal(pagePath('/d', '/d/modulo-01/redes/index.html'), '/modulo-01/redes/');
  assert.equal(pagePath('/d', '/d/404.html'), '/404.html');
});

test('accepts links to pages, anchors and downloads', () => {
  const dir = site({
    'index.html': '<a href="/a/#x">a</a><a href="#top">t</a><h1 id="top"></h1><a href="/a/f.yaml">f</a>',
    'a/index.html': '<h2 id="x"></h2>',
    'a/f.yaml': 'x: 1',
  });
  assert.deepEqual(findBrokenLinks(dir), []);
});

test('checks links inside diagrams (xlink:href) too', () => {
  const dir = site({ 'index.html': '<svg><a xlink:href="/falta/"><text>x</text></a></svg>' });
  assert.deepEqual(findBrokenLinks(dir), [{ page: '/', href: '/falta/', reason: 'no page /falta/' }]);
});

test('reports missing pages and anchors, with the page that links', () => {
  const dir = site({
    'index.html': '<a href="/nope/">n</a><a href="/a/#y">y</a><a href="/a">no slash</a>',
    'a/index.html': '<h2 id="x"></h2>',
  });
  assert.deepEqual(findBrokenLinks(dir), [
    { page: '/', href: '/nope/', reason: 'no page /nope/' },
    { page: '/', href: '/a/#y', reason: 'no element with id "y" in /a/' },
    { page: '/', href: '/a', reason: 'no page /a (did you mean /a/ ?)' },
  ]);
});

test('locates the source line of a link', () => {
  const dir = site({ 'x.mdx': 'uno\n[dos](/nope/)\n' });
  assert.equal(locate(join(dir, 'x.mdx'), '/nope/'), `${join(dir, 'x.mdx')}:2`);
});
