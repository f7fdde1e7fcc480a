import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminalScreen } from '../../labs/runner/terminal-screen.ts';

test('the final screen of a progress display that redraws itself (Compose’s, recorded in a terminal)', async () => {
  const raw =
    '\x1b[?25l\x1b[0G\x1b[2K[+] up 1/2\r\n\x1b[2K \x1b[33m⠋\x1b[0m Container a-1  Creating  \x1b[34m0.0s\x1b[0m\r\n' +
    '\x1b[2K \x1b[33m⠋\x1b[0m Container b-1  Creating  \x1b[34m0.0s\x1b[0m\r\n' +
    '\x1b[?25h\x1b[?25l\x1b[3A\x1b[0G\x1b[2K[+] up 2/2\r\n\x1b[2K \x1b[32m✔\x1b[0m Container a-1  \x1b[32mStarted\x1b[0m  0.3s\r\n' +
    '\x1b[2K \x1b[32m✔\x1b[0m Container b-1  \x1b[32mStarted\x1b[0m  0.4s\r\n\x1b[?25h';
  assert.equal(
    await terminalScreen(raw),
    '[+] up 2/2\n ✔ Container a-1  Started  0.3s\n ✔ Container b-1  Started  0.4s\n',
  );
});

test('a line longer than the terminal stays one line; nothing written, nothing shown', async () => {
  const long = 'x'.repeat(100);
  assert.equal(await terminalScreen(`${long}\r\nfin\r\n`), `${long}\nfin\n`);
  assert.equal(await terminalScreen(''), '');
  assert.equal(await terminalScreen('\0/opt/spark\r\n'), '/opt/spark\n');
});
