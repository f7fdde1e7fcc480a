import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  compareAnchors,
  explainDiff,
  formatManifest,
  isClean,
  readBuiltAnchors,
  readManifest,
  updateManifest,
  type AnchorManifest,
} from '../../src/anchors/published-anchors.ts';

/** A small dist/ and the docs folder it was built from. */
function site() {
  const root = mkdtempSync(join(tmpdir(), 'published-anchors-'));
  const dist = join(root, 'dist');
  const docs = join(root, 'docs');
  const page = (path: string, body: string) => {
    mkdirSync(join(dist, path), { recursive: true });
    writeFileSync(
      join(dist, path, 'index.html'),
      `<html><body><h1 id="_top">T</h1><main><div class="sl-markdown-content">${body}</div></main></body></html>`,
    );
  };
  mkdirSync(join(docs, 'modulo-01'), { recursive: true });
  writeFileSync(join(docs, 'index.mdx'), '');
  writeFileSync(join(docs, 'modulo-01/redes.mdx'), '');
  page('', '<p>Sin anclas.</p>');
  page(
    'modulo-01/redes',
    `
    <div class="sl-heading-wrapper level-h2"><h2 id="redes"><span id="networking" class="heading-alias"></span>Redes</h2></div>
    <h3 id="bridge">Bridge</h3>
    <figure class="diagram" id="figura-bridges"><svg><g id="fig1-light-x"></g></svg></figure>
    <div class="file-snippet" id="archivo-compose-yaml" data-file="compose.yaml"><pre>…</pre></div>
    <ol><li class="self-check__item" id="autoevaluacion-1">¿?</li></ol>
    <div id="algo-del-autor"></div>`,
  );
  // Built, but from no lesson: not part of the contract.
  page('modulo-01/imprimir', '<h2 id="redes--redes">Redes</h2>');
  writeFileSync(join(dist, '404.html'), '<h2 id="no-encontrada">404</h2>');
  return { dist, docs };
}

const published: AnchorManifest = {
  '/': {},
  '/modulo-01/redes/': {
    'archivo-compose-yaml': 'file',
    'autoevaluacion-1': 'question',
    bridge: 'heading',
    'figura-bridges': 'figure',
    networking: 'alias',
    redes: 'heading',
  },
};

test('reads every public anchor of the pages built from lessons, and nothing else', () => {
  const { dist, docs } = site();
  assert.deepEqual(readBuiltAnchors(dist, docs), published);
});

test('an empty dist/ is an error that says to build first', () => {
  assert.throws(() => readBuiltAnchors(mkdtempSync(join(tmpdir(), 'empty-')), '/docs'), /run `npm run build` first/);
});

test('the same anchors compare clean', () => {
  assert.ok(isClean(compareAnchors(published, structuredClone(published))));
});

test('a removed anchor or page, a new one and a changed kind are each reported', () => {
  const built = structuredClone(published);
  delete built['/'];
  delete built['/modulo-01/redes/'].bridge;
  built['/modulo-01/redes/'].networking = 'heading';
  built['/modulo-01/redes/']['nueva'] = 'heading';
  built['/modulo-01/almacenamiento/'] = { volumenes: 'heading' };
  const diff = compareAnchors(published, built);
  assert.deepEqual(diff, {
    removed: ['/', '/modulo-01/redes/#bridge'],
    added: ['/modulo-01/almacenamiento/', '/modulo-01/redes/#nueva', '/modulo-01/almacenamiento/#volumenes'],
    changed: ['/modulo-01/redes/#networking (alias → heading)'],
  });
  const message = explainDiff(diff);
  assert.match(
    message,
    /2 published anchor\(s\) disappeared[^]*  \/modulo-01\/redes\/#bridge\n[^]*keep it as an alias/,
  );
  assert.match(
    message,
    /4 anchor\(s\) of the build are not in content\/anchors\.json yet[^]*Run `npm run anchors:update`/,
  );
});

test('an update records new anchors but refuses to forget a published one, unless told to', () => {
  const built = structuredClone(published);
  delete built['/modulo-01/redes/'].bridge;
  built['/modulo-01/redes/']['nueva'] = 'heading';
  assert.throws(() => updateManifest(published, built), /#bridge[^]*The manifest was not changed[^]*--remove-missing/);
  assert.deepEqual(updateManifest(published, built, { removeMissing: true }).manifest, built);
  const onlyNew = structuredClone(published);
  onlyNew['/modulo-01/redes/']['nueva'] = 'heading';
  assert.deepEqual(updateManifest(published, onlyNew).diff.added, ['/modulo-01/redes/#nueva']);
});

test('the manifest file is sorted, one anchor per line, with a comment that readManifest skips', () => {
  const text = formatManifest({ '/z/': { b: 'heading', a: 'figure' }, '/': {} });
  assert.match(
    text,
    /^\{\n  "\$comment": "[^"]+",\n  "\/": \{\},\n  "\/z\/": \{\n    "a": "figure",\n    "b": "heading"\n  \}\n\}\n$/,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'anchors.json');
  writeFileSync(file, text);
  assert.deepEqual(readManifest(file), { '/': {}, '/z/': { a: 'figure', b: 'heading' } });
  assert.deepEqual(readManifest(`${file}.missing`), {});
});
