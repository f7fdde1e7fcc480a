// Runs `astro build`, showing its output and keeping a copy in node_modules/.cache/build-output.log, which the
// build-output test reads: a warning that is not on its short, commented list fails the suite.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const cache = join(import.meta.dirname, '../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const log = createWriteStream(join(cache, 'build-output.log'));
const child = spawn('astro', ['build', ...process.argv.slice(2)], {
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const [stream, out] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  stream.on('data', (chunk) => {
    out.write(chunk);
    log.write(chunk);
  });
}
child.on('close', (code, signal) => {
  log.end(() => process.exit(code ?? (signal ? 1 : 0)));
});
