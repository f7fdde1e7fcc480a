// `npm run anchors:update` / `anchors:check`: regenerates or checks content/anchors.json, the manifest of published anchors, against dist/.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compareAnchors,
  explainDiff,
  formatManifest,
  isClean,
  readBuiltAnchors,
  readManifest,
  updateManifest,
} from '../src/anchors/published-anchors.ts';
import { contentDir } from '../src/course.config.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    manifest: { type: 'string', default: `${contentDir}/anchors.json` },
    'remove-missing': { type: 'boolean', default: false },
  },
});
const [command] = positionals;
const manifestFile = resolve(values.manifest);
const name = relative(process.cwd(), manifestFile);
const built = readBuiltAnchors(resolve(values.dist), `${contentDir}/docs`);
const published = readManifest(manifestFile);
const count = (m: typeof built) => Object.values(m).reduce((n, ids) => n + Object.keys(ids).length, 0);

if (command === 'check') {
  const diff = compareAnchors(published, built);
  if (!isClean(diff)) {
    console.error(explainDiff(diff, name));
    process.exit(1);
  }
  console.log(`${name}: all ${count(published)} published anchors are in the build, and nothing else.`);
} else if (command === 'update') {
  try {
    const { manifest, diff } = updateManifest(published, built, { removeMissing: values['remove-missing'] });
    writeFileSync(manifestFile, formatManifest(manifest));
    for (const key of diff.removed) console.log(`  removed  ${key}`);
    for (const key of diff.added) console.log(`  added    ${key}`);
    for (const key of diff.changed) console.log(`  changed  ${key}`);
    console.log(
      `${name}: ${count(manifest)} anchors on ${Object.keys(manifest).length} pages. Commit it with your change.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
} else {
  console.error(
    'usage: node scripts/anchors.ts check|update [--remove-missing] [--dist dist] [--manifest content/anchors.json]',
  );
  process.exit(2);
}
