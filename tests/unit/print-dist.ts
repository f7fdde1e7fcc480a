// Test helper: a fresh copy of the tiny built site in tests/fixtures/print-dist (a module print page and one other page).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '../fixtures/print-dist');

/** Copies the site to a temporary folder, adding `head` to the print page's <head>; returns the folder. */
export function site(head = ''): string {
  const dist = mkdtempSync(join(tmpdir(), 'print-dist-'));
  cpSync(FIXTURE, dist, { recursive: true });
  const page = join(dist, 'modulo-x/imprimir/index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', `${head}</head>`));
  return dist;
}
