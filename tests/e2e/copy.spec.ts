// Code blocks: every one has a copy button, and the clipboard gets exactly the commands (no prompt, no output).
import { expect, test } from '@playwright/test';
import { PAGES, builtHtml, allowForLongPage } from './site.ts';

/** What a reader expects to paste: for a `$ ` session, the command lines (and their `\` continuations) without prompt. */
function expectedClipboard(lines: string[]): string {
  if (!lines.some((line) => line.startsWith('$ '))) return lines.join('\n');
  const commands: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (continuing) commands.push(line);
    else if (line.startsWith('$ ')) commands.push(line.slice(2));
    continuing = (continuing || line.startsWith('$ ')) && line.endsWith('\\');
  }
  return commands.join('\n');
}

const pagesWithCode = PAGES.filter((p) => builtHtml(p.path).querySelector('.expressive-code'));

test('some pages have code blocks to check', () => {
  expect(pagesWithCode.length).toBeGreaterThan(0);
});

for (const { path } of pagesWithCode) {
  test(`${path}: the copy button of every code block copies exactly its commands`, async ({ page, context }) => {
    allowForLongPage(path);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(path);
    const blocks = page.locator('.expressive-code');
    const count = await blocks.count();
    for (let i = 0; i < count; i++) {
      const block = blocks.nth(i);
      // Expressive Code keeps empty lines' height with a newline inside them: that is not part of the text.
      const lines = await block
        .locator('.ec-line')
        .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\n$/, '')));
      const button = block.locator('.copy button');
      await expect(button, `code block ${i + 1} on ${path} has a copy button`).toHaveCount(1);
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `clipboard after block ${i + 1}` })
        .toBe(expectedClipboard(lines));
    }
  });
}
