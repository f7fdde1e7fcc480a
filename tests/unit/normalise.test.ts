import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseLine, outputDiff, outputLines, outputMatches, recordedOutput } from '../../labs/runner/normalise.ts';

test('what varies between runs is normalised: ids, digests, dates, durations, sizes and their shares, names, addresses, ports, folders, kernels', () => {
  const cases: [string, string][] = [
    ['a1b2c3d4e5f6   nginx', '<id>  nginx'],
    [`sha256:${'ab12'.repeat(16)}`, 'sha256:<digest>'],
    [`Digest: sha256:${'0f'.repeat(32)}`, 'Digest: sha256:<digest>'],
    ['2026-12-02T22:54:16.123456789Z hola', '<datetime> hola'],
    ['2026-12-02 22:54:16 +0000 UTC', '<datetime>'],
    ['el 2026-12-02 a las 22:54:16', 'el <date> a las <time>'],
    ['26/12/03 06:17:10 INFO Worker: hola', '<date> <time> INFO Worker: hola'],
    ['3 seconds ago   Up 2 seconds (healthy)', '<ago>  Up <duration> (healthy)'],
    ['About a minute ago   Up About an hour', '<ago>  Up <duration>'],
    ['Exited (0) Less than a second ago', 'Exited (0) <ago>'],
    ['#5 DONE 0.1s', '#5 DONE <duration>'],
    [' ✔ Container web  Started  12.3s ', ' ✔ Container web  Started  <duration>'],
    ['[+] Building 2.3s (8/8) FINISHED', '[+] Building <duration> (8/8) FINISHED'],
    ['nginx   1.29   192MB   12.5 kB', 'nginx  1.29  <size>  <size>'],
    ['Images          5         2         2.49GB    1.944GB (78%)', 'Images  5  2  <size>  <size> (<percent>)'],
    ['Build Cache  5  0  50.98MB  20.48kB', 'Build Cache  5  0  <size>  <size>'],
    ['quirky_turing', '<name>'],
    ['lector-1  | Thu Dec  3 16:58:16 UTC 2026', 'lector-1  | <date-time>'],
    ['Fri Dec 14 09:01:02 CET 2026', '<date-time>'],
    ['Last-Modified: Thu, 03 Dec 2026 16:59:40 GMT', 'Last-Modified: <http-date>'],
    ['network_mode: none', 'network_mode: none'],
    ['172.18.0.3 y 172.18.0.0/16 y 172.18.0.1', '<ip> y 172.18.0.0/16 y 172.18.0.1'],
    ['0.0.0.0:49153->80/tcp, [::]:49153->80/tcp', '0.0.0.0:<port>->80/tcp, [::]:<port>->80/tcp'],
    ['0.0.0.0:8080->80/tcp', '0.0.0.0:8080->80/tcp'],
    ['app-20261202225416-0000 local-1764715000000', '<spark-app> <spark-app>'],
    ['Pi is roughly 3.141592', 'Pi is roughly 3.1<digits>'],
    ['\u001b[32mverde\u001b[0m  \r', 'verde'],
    ['hola 1234 café', 'hola 1234 café'],
    ['/tmp/labs-Ab12Cd/modulo_01_x_mdx/x/datos', '<curso>/x/datos'],
    ['source path does not exist: /home/ana/curso/x/no-existe', 'source path does not exist: <curso>/x/no-existe'],
    ['/home/ana/proyecto', '/home/ana/proyecto'],
    ['Debian GNU/Linux 13 (trixie) | linux | 6.18.44-fc-v1098', 'Debian GNU/Linux 13 (trixie) | linux | <kernel>'],
    ['6.1.0-28-amd64', '<kernel>'],
    ['-rw-r--r-- 1 root root 29 Dec  3 06:06 web/fecha.txt', '-rw-r--r-- 1 root root 29 <ls-date> web/fecha.txt'],
    ['Version: 29.10.0', 'Version: 29.10.0'],
  ];
  for (const [line, expected] of cases) assert.equal(normaliseLine(line), expected, line);
});

test('Compose’s parallel steps match in any order', () => {
  const page = ['[+] up 2/2', ' ✔ Container b  Started  0.1s', ' ✔ Container a  Started  0.2s'];
  assert.equal(
    outputMatches(page, ['[+] up 2/2', ' ✔ Container a  Started  0.3s', ' ✔ Container b  Started  0.1s']),
    true,
  );
  assert.equal(
    outputMatches(page, ['[+] up 2/2', ' ✔ Container a  Started  0.3s', ' ✔ Container c  Started  0.1s']),
    false,
  );
});

test('elision: a «…» line matches any lines, none included; «…» in a line matches any text there', () => {
  const run = ['uno', 'dos', 'tres', 'cuatro'];
  assert.equal(outputMatches(['uno', '…', 'cuatro'], run), true);
  assert.equal(outputMatches(['uno', 'dos', '…', 'tres', 'cuatro'], run), true);
  assert.equal(outputMatches(['…'], []), true);
  assert.equal(outputMatches(['…'], run), true);
  assert.equal(outputMatches(['uno', '…', 'cinco'], run), false);
  assert.equal(outputMatches(['uno', 'dos'], run), false);
  assert.equal(outputMatches([], ['algo']), false);
  assert.equal(
    outputMatches(['Status: Downloaded newer image for …'], ['Status: Downloaded newer image for nginx:1.29']),
    true,
  );
  assert.equal(outputMatches(['Status: … for nginx'], ['Status: Image is up to date for debian']), false);
});

test('the drift diff shows the page’s lines with -, the run’s with +, and what matches (normalised) once', () => {
  assert.deepEqual(outputDiff(['a1b2c3d4e5f6', 'Hola', 'fin'], ['0f0f0f0f0f0a', 'Adiós', 'fin']), [
    '  a1b2c3d4e5f6',
    '+ Adiós',
    '- Hola',
    '  fin',
  ]);
  assert.deepEqual(outputDiff(['…', 'fin'], ['x', 'y', 'fin']), ['  …', '+ y', '  fin']);
});

test('outputLines drops escapes, trailing spaces and the blank lines around an output', () => {
  assert.deepEqual(outputLines('\n\u001b[1mhola\u001b[0m  \n\nadiós\n\n'), ['hola', '', 'adiós']);
});

test('the recorder writes what the run printed, in the page’s shape: its elisions stay, and nothing else', () => {
  assert.deepEqual(recordedOutput(['1a2b3c4d5e6f  Up 3 seconds'], ['9a8b7c6d5e4f  Up 9 seconds']), [
    '9a8b7c6d5e4f  Up 9 seconds',
  ]);
  assert.deepEqual(recordedOutput(['Pi is roughly 3.1415926', '…'], ['Pi is roughly 3.140212', 'fin']), [
    'Pi is roughly 3.140212',
    '…',
  ]);
  assert.deepEqual(recordedOutput(['…  sleep 600', 'b', '…', 'z'], ['41872  sleep 600', 'b', 'c', 'z']), [
    '…  sleep 600',
    'b',
    '…',
    'z',
  ]);
  assert.deepEqual(
    recordedOutput(
      ['5d8e2a7c41f0   "echo \'Hola…"   4 seconds ago'],
      ['0c1d2e3f4a5b   "echo \'Hola…"   9 seconds ago'],
    ),
    ['0c1d2e3f4a5b   "echo \'Hola…"   9 seconds ago'],
  );
  assert.deepEqual(recordedOutput([' ✔ b  Started', ' ✔ a  Started'], [' ✔ a  Started 0.1s', ' ✔ b  Started']), [
    ' ✔ a  Started 0.1s',
    ' ✔ b  Started',
  ]);
  assert.deepEqual(recordedOutput(['uno', '…', 'tres'], ['uno', 'dos', 'tres', 'CUATRO']), ['uno', '…', 'CUATRO']);
  assert.deepEqual(recordedOutput(['viejo'], ['nuevo', 'más']), ['nuevo', 'más']);
  assert.deepEqual(recordedOutput(['a', 'b', '…', 'c'], ['x', 'y']), ['x', 'y']);
});
