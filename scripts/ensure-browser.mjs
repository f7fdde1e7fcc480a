// Makes sure a Chromium (and fonts that give Mermaid sane text metrics) is present, installing Debian's packages when needed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';

const FONTS_DIR = '/usr/share/fonts/truetype/liberation';

function canUseApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** Installs Debian packages; dpkg's hundred lines of progress are shown only if the install fails. */
function aptInstall(packages) {
  console.log(`[setup:browser] apt-get install ${packages.join(' ')} (once per machine, about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync('apt-get', args, { stdio: 'pipe', env, encoding: 'utf8' });
  try {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } catch (error) {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw error;
  }
}

const found = findChromium();
const missing = [];
if (!found) missing.push('chromium');
if (!existsSync(FONTS_DIR)) missing.push('fonts-liberation');

if (missing.length > 0) {
  if (canUseApt()) {
    aptInstall(missing);
  } else if (!found) {
    console.error(
      '[setup:browser] No Chromium found and cannot install one (needs root and apt-get).\n' +
        '  Install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome, or run `npx playwright install chromium`.',
    );
    process.exit(1);
  } else {
    console.warn(`[setup:browser] ${FONTS_DIR} is missing: diagram text may be measured with another font.`);
  }
}

const browser = findChromium();
if (!browser) {
  console.error('[setup:browser] Chromium still not found after installing it.');
  process.exit(1);
}
console.log(`[setup:browser] Chromium: ${browser.path} (${browser.source})`);
