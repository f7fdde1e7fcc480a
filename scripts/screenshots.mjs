// Takes screenshots of pages of the built site (light and dark, desktop and mobile) into screenshots/, for reviewing a change by eye.
// Usage: npm run screenshots -- /modulo-01/docker-engine/ [/other/page/] [--viewport-only] [--element=CSS]   (serves dist/ itself)
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright';
import { preview } from 'astro';
import { CHROMIUM_ARGS, requireChromium } from './find-browser.mjs';

const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
if (paths.length === 0) paths.push('/');
const fullPage = !process.argv.includes('--viewport-only');
const selector = process.argv.find((arg) => arg.startsWith('--element='))?.slice('--element='.length);

const port = Number(process.env.SCREENSHOTS_PORT ?? 4399);
const server = await preview({ server: { port, host: '127.0.0.1' }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
await mkdir('screenshots', { recursive: true });
try {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['mobile', { width: 390, height: 844 }],
  ]) {
    for (const theme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: theme });
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`http://127.0.0.1:${port}${path}`);
        const name = `screenshots/${path.replace(/\W+/g, '_') || 'home'}-${device}-${theme}.png`;
        if (selector) await page.locator(selector).first().screenshot({ path: name });
        else await page.screenshot({ path: name, fullPage });
        console.log(name);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
