import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findChromium, requireChromium } from '../../scripts/find-browser.mjs';

test('CHROMIUM_PATH wins when it exists', () => {
  assert.deepEqual(findChromium({ CHROMIUM_PATH: process.execPath }), {
    path: process.execPath,
    source: 'CHROMIUM_PATH',
  });
});

test('a CHROMIUM_PATH that does not exist is an error, not a silent fallback', () => {
  assert.throws(
    () => findChromium({ CHROMIUM_PATH: '/nonexistent/chrome' }),
    /CHROMIUM_PATH=\/nonexistent\/chrome does not exist/,
  );
});

test('without CHROMIUM_PATH a browser is found on this machine (npm run setup:browser installs one)', () => {
  assert.ok(requireChromium({}));
});
