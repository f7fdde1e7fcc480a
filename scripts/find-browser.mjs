// Finds a Chromium for Playwright and Mermaid: $CHROMIUM_PATH, then Playwright's own browser cache, then the system's.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep Chromium quiet on a closed network (no background requests to other hosts). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];

function playwrightCachedChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the path of the Chromium to use, or undefined when none is found.
 * @returns {{ path: string, source: string } | undefined}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const cached = playwrightCachedChromium();
  if (cached) return { path: cached, source: "Playwright's browser cache" };
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  return system ? { path: system, source: 'system' } : undefined;
}

/** The path of the Chromium to use; throws a message that says how to get one. */
export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (!found) {
    throw new Error(
      "No Chromium found. Run `npm run setup:browser` (installs Debian's chromium as root), " +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found.path;
}
