// Every seed point of the slides (S1–S13) is mapped to where the site teaches it, and every mapped anchor exists.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PAGE_BY_PATH } from './site.ts';

const coverage: Record<string, { point: string; taught_at: string[] }> = parse(
  readFileSync(join(import.meta.dirname, '../../content/seed-coverage.yaml'), 'utf8'),
);
const SEED_POINTS = Array.from({ length: 13 }, (_, i) => `S${i + 1}`);

test('content/seed-coverage.yaml maps exactly the seed points S1–S13', () => {
  expect(Object.keys(coverage).sort()).toEqual([...SEED_POINTS].sort());
});

for (const id of SEED_POINTS) {
  test(`${id} is taught at anchors that exist in the built site`, () => {
    const places = coverage[id]?.taught_at ?? [];
    expect(places.length, `${id} has no place`).toBeGreaterThan(0);
    const missing = places.filter((place) => {
      const [path, anchor] = place.split('#');
      return !PAGE_BY_PATH.get(path)?.ids.has(anchor);
    });
    expect(missing, `${id}: anchors not found in dist/`).toEqual([]);
  });
}
