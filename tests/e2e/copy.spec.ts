// Code blocks: every one has a copy button, and the clipboard gets exactly the commands (no prompt, no output).
import { expect, test } from '@playwright/test';
import { PAGES, builtHtml, allowForLongPage } from './site.ts';

/**
 * What a reader expects to paste: for a `$ ` session, the command lines (and their `\` continuations) without prompt;
 * for a script in a terminal frame (`sh`), its lines without comment lines (and the blank lines after them), as
 * Expressive Code copies them: zsh, macOS's shell, runs a pasted `# …` line as a command.
 */
function expectedClipboard(lines: string[], terminal: boolean): string {
  if (!lines.some((line) => line.startsWith('$ ')))
    return terminal
      ? lines
          .join('\n')
          .replace(/(?<=^|\n)\s*#.*($|\n+)/g, '')
          .trim()
      : lines.join('\n');
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
      // A block in a platform tab that is not shown: the reader first picks that tab.
      const panel = await block.evaluate((el) => {
        const tabPanel = el.closest<HTMLElement>('[role="tabpanel"]');
        return tabPanel?.hidden ? tabPanel.id : undefined;
      });
      if (panel) await page.locator(`[role="tab"][href="#${panel}"]`).click();
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `clipboard after block ${i + 1}` })
        .toBe(expectedClipboard(lines, (await block.locator('.frame.is-terminal').count()) > 0));
    }
  });
}
