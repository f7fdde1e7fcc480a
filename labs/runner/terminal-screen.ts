// What a terminal shows once a command has finished, from the bytes the command wrote to it.
//
// The lab runner runs each block in a pseudo-terminal (lesson-shell.ts), as a student types it, so programs that
// redraw their progress in place when they write to a terminal (Compose's «[+] up 3/3», BuildKit's «[+] Building»)
// print what a student sees. Their raw output is a series of frames; the xterm.js emulator (@xterm/headless)
// plays it back on a screen of the same size and the screen's final text is the output.
import xterm from '@xterm/headless';

/** The terminal size the lab runner gives each block (a common default for a terminal window). */
export const COLUMNS = 80;
export const ROWS = 40;

/** The final text of a terminal after `raw` is written to it: one string per line, trailing spaces removed. */
export function terminalScreen(raw: string): Promise<string> {
  if (raw === '') return Promise.resolve('');
  const terminal = new xterm.Terminal({ cols: COLUMNS, rows: ROWS, scrollback: 100_000, allowProposedApi: true });
  return new Promise((resolve) => {
    // A terminal ignores NUL bytes (`docker compose exec` may write one first); xterm.js would draw them.
    terminal.write(raw.replaceAll('\0', ''), () => {
      const buffer = terminal.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        if (!line) continue;
        // A line the terminal wrapped at the right edge continues the one before it.
        if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += line.translateToString(true);
        else lines.push(line.translateToString(true));
      }
      terminal.dispose();
      while (lines.length > 0 && lines.at(-1) === '') lines.pop();
      resolve(lines.join('\n') + (lines.length > 0 ? '\n' : ''));
    });
  });
}
