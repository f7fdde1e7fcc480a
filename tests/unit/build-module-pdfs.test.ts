import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import config from '../../astro.config.mjs';
import buildModulePdfs from '../../src/integrations/build-module-pdfs.ts';
import { site } from './print-dist.ts';

async function runHook(dist: string) {
  const messages: string[] = [];
  const logger = { info: (message: string) => messages.push(message) } as unknown as AstroIntegrationLogger;
  const hook = buildModulePdfs({ siteUrl: 'https://curso.example.org', courseTitle: 'Curso' }).hooks['astro:build:done']!;
  await hook({ dir: pathToFileURL(`${dist}/`), logger, pages: [], assets: new Map() } as never);
  return messages;
}

test('once the site is built, prints each module print page to its PDF and reports it', async () => {
  const dist = site();
  const messages = await runHook(dist);
  assert.ok(existsSync(join(dist, 'modulo-x/curso-bigdata-modulo-x.pdf')));
  assert.equal(messages.length, 1);
  assert.match(messages[0], /modulo-x\/curso-bigdata-modulo-x\.pdf: 3 pages, [\d.]+ MB, in [\d.]+ s$/);
});

test('a site without a module print page gets no PDF, and is told so', async () => {
  const messages = await runHook(mkdtempSync(join(tmpdir(), 'no-print-page-')));
  assert.deepEqual(messages, ['No module print page was built: no PDF to make.']);
});

test('runs before the link check in the site configuration, so the check finds the PDFs', () => {
  const names = config.integrations!.flat().map((integration) => (integration as { name: string }).name);
  assert.ok(names.includes('build-module-pdfs'));
  assert.ok(names.indexOf('build-module-pdfs') < names.indexOf('check-site-links'), names.join(', '));
});
