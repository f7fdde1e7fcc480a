// What may differ between two runs of the same console block, and how a page's output is compared with a run's.
//
// A block's output on the page was recorded from one run (`npm run test:labs -- --record`); a later run prints
// the same thing except for what varies by nature. Both texts go through `normaliseLine`, which replaces each
// varying part with a placeholder, then the lines are compared. The rules, in the order they apply:
//
//   escapes       ANSI colour/cursor escapes and carriage returns are dropped; trailing spaces are trimmed
//   digest        `sha256:` + 64 hex digits (image and layer digests)              → sha256:<digest>
//   hex id        12 to 64 hex digits with at least one digit and one letter       → <id>   (container/image ids, full and short)
//   datetime      2026-12-02T22:54:16.123Z, 2026-12-02 22:54:16 +0000 UTC          → <datetime>
//   date(1)       `date`'s «Thu Dec  3 16:58:16 UTC 2026» (the weekday changes with the day) → <date-time>
//   http date     an HTTP header's «Thu, 03 Dec 2026 17:00:54 GMT»                 → <http-date>
//   date / time   2026-12-02, 22:54:16(.123); Spark's log date 26/12/03 22:54:16   → <date> / <time>
//   ls date       `ls -l`'s «Dec  3 06:06» (or «Dec  3  2025»)                      → <ls-date>
//   ago           «5 seconds ago», «About a minute ago», «Less than a second ago»  → <ago>
//   up            «Up 5 seconds», «Up About an hour»                               → Up <duration>
//   duration      2.3s, 0.1s, 350ms, 1m2s (BuildKit and Compose timings)           → <duration>
//   size          12.3MB, 4.1 kB, 120B, 1.2GiB                                     → <size>
//   share         the share of a size, `docker system df`'s «1.944GB (78%)»         → <size> (<percent>)
//   name          Docker's random names, adjective_surname (docker-names.ts)      → <name>
//   ip            addresses in 172.16.0.0/12, 192.168.0.0/16 and 10.0.0.0/8, but not network addresses (x.y.z.0)
//                 nor gateways (x.y.z.1), which Docker assigns in a stable order    → <ip>
//   port          ephemeral ports (32768–60999) after an address: 0.0.0.0:49153     → 0.0.0.0:<port>
//   spark app     app-20261202225416-0000, local-1764715000000, application_…_0001 → <spark-app>
//   pi            «Pi is roughly 3.14159…»: only «3.1» is stable                  → Pi is roughly 3.1<digits>
//   folder        where the lesson ran: LABS_WORKDIR=/home/ana/curso (CI), or the runner's temporary folder
//                 /tmp/labs-Ab12Cd/<lesson>/ (run-labs.ts)                         → <curso>/
//   kernel        a Linux kernel release, 6.1.0-28-amd64, 6.18.44-fc-v1098          → <kernel>
//   spaces        runs of two or more spaces (table columns widen with their content) → two spaces
//
// Authors shorten an output with elision: a line that is only `…` matches any number of lines (none included),
// and `…` inside a line matches any text there.
import { NAME_LEFT, NAME_RIGHT } from './docker-names.ts';

export const ELISION = '…';

const NAME = new RegExp(`\\b(?:${NAME_LEFT.join('|')})_(?:${NAME_RIGHT.join('|')})\\d?\\b`, 'g');
const UNIT = '(?:second|minute|hour|day|week|month|year)s?';
const AMOUNT = '(?:\\d+|an?|About an?|Less than a)';

export const RULES: { name: string; pattern: RegExp; replacement: string }[] = [
  { name: 'digest', pattern: /sha256:[0-9a-f]{64}/g, replacement: 'sha256:<digest>' },
  { name: 'hex id', pattern: /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{12,64}\b/g, replacement: '<id>' },
  {
    name: 'datetime',
    pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|\s?[+-]\d{2}:?\d{2})?(?: [A-Z]{2,5}\b)?/g,
    replacement: '<datetime>',
  },
  {
    name: 'date(1)',
    pattern:
      /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{2}:\d{2}:\d{2} [A-Z]{2,5} \d{4}\b/g,
    replacement: '<date-time>',
  },
  {
    name: 'http date',
    pattern:
      /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT\b/g,
    replacement: '<http-date>',
  },
  { name: 'date', pattern: /\b\d{4}-\d{2}-\d{2}\b/g, replacement: '<date>' },
  { name: 'log date', pattern: /\b\d{2}\/\d{2}\/\d{2}(?= \d{2}:\d{2}:\d{2}\b)/g, replacement: '<date>' },
  { name: 'time', pattern: /\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, replacement: '<time>' },
  {
    name: 'ls date',
    pattern: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} {1,2}(?:\d{2}:\d{2}|\d{4})\b/g,
    replacement: '<ls-date>',
  },
  { name: 'ago', pattern: new RegExp(`\\b${AMOUNT} ${UNIT} ago\\b`, 'g'), replacement: '<ago>' },
  { name: 'up', pattern: new RegExp(`\\bUp ${AMOUNT} ${UNIT}`, 'g'), replacement: 'Up <duration>' },
  { name: 'duration', pattern: /\b(?:\d+h)?(?:\d+m)?\d+(?:\.\d+)?(?:s|ms|µs)\b/g, replacement: '<duration>' },
  { name: 'size', pattern: /\b\d+(?:\.\d+)?\s?(?:[kKMGT]i?B|B)\b/g, replacement: '<size>' },
  { name: 'share', pattern: /<size> \(\d+%\)/g, replacement: '<size> (<percent>)' },
  { name: 'name', pattern: NAME, replacement: '<name>' },
  {
    name: 'ip',
    pattern: /\b(?:172\.(?:1[6-9]|2\d|3[01])|192\.168|10\.\d{1,3})\.\d{1,3}\.(?:[2-9]|\d{2,3})\b(?!\/)/g,
    replacement: '<ip>',
  },
  {
    name: 'port',
    pattern:
      /((?:\d{1,3}(?:\.\d{1,3}){3}|\[::\]|::|localhost)):(?:3276[89]|327[7-9]\d|32[89]\d\d|3[3-9]\d{3}|[45]\d{4}|60\d{3})\b/g,
    replacement: '$1:<port>',
  },
  {
    name: 'spark app',
    pattern: /\b(?:app-\d{14}-\d{4}|local-\d{13}|application_\d{13}_\d{4})\b/g,
    replacement: '<spark-app>',
  },
  { name: 'pi', pattern: /\bPi is roughly 3\.1\d*/g, replacement: 'Pi is roughly 3.1<digits>' },
  {
    name: 'folder',
    pattern: /(?:\/tmp\/labs-[A-Za-z0-9]{6}\/\w+_mdx|\/home\/ana\/curso)\//g,
    replacement: '<curso>/',
  },
  { name: 'kernel', pattern: /\b[3-9]\.\d{1,2}\.\d{1,3}-[0-9A-Za-z][0-9A-Za-z.+~_-]*/g, replacement: '<kernel>' },
  { name: 'spaces', pattern: / {2,}/g, replacement: '  ' },
];

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

/** One line with every varying part replaced by its placeholder (see the rules above). */
export function normaliseLine(line: string): string {
  let out = line.replace(ESCAPES, '').trimEnd();
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replacement);
  return out;
}

/** The lines of an output as the page would show them: escapes dropped, trailing spaces and blank lines trimmed. */
export function outputLines(text: string): string[] {
  const lines = text
    .replace(ESCAPES, '')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lineMatches(pageLine: string, runLine: string): boolean {
  const page = normaliseLine(pageLine);
  const run = normaliseLine(runLine);
  if (!page.includes(ELISION)) return page === run;
  const pattern = page.split(ELISION).map((part) => escapeRegExp(normaliseLine(part).trim()));
  return new RegExp(`^${pattern.join('.*')}$`, 's').test(run.trim());
}

const isElision = (line: string) => line.trim() === ELISION;

/**
 * Compose and BuildKit print steps that run in parallel (« ✔ Container a  Started») in the order they end, which
 * varies from run to run: each run of consecutive such lines is compared in sorted order.
 */
function parallelSorted(lines: string[]): string[] {
  const out = [...lines];
  const done = (line: string) => /^\s*✔ /.test(line);
  for (let i = 0; i < out.length;) {
    let j = i;
    while (j < out.length && done(out[j])) j++;
    if (j > i + 1)
      out.splice(i, j - i, ...out.slice(i, j).sort((a, b) => normaliseLine(a).localeCompare(normaliseLine(b))));
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * How a page's output lines match a run's, normalised (`…` lines match any number of lines): for each page line,
 * the index of the run line it matched, or null for a `…` line; undefined when they do not match.
 */
function alignment(page: string[], run: string[]): (number | null)[] | undefined {
  const memo = new Map<string, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === page.length) result = j === run.length;
    else if (isElision(page[i])) result = match(i + 1, j) || (j < run.length && match(i, j + 1));
    else result = j < run.length && lineMatches(page[i], run[j]) && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  if (!match(0, 0)) return undefined;
  const out: (number | null)[] = [];
  for (let i = 0, j = 0; i < page.length;) {
    if (isElision(page[i])) {
      if (match(i + 1, j)) {
        out.push(null);
        i++;
      } else j++;
    } else (out.push(j++), i++);
  }
  return out;
}

/** Whether a page's output lines match a run's, normalised, with `…` lines matching any number of lines. */
export function outputMatches(page: string[], run: string[]): boolean {
  return alignment(parallelSorted(page), parallelSorted(run)) !== undefined;
}

/**
 * A line diff of the page's output against the run's (`-` only on the page, `+` only in the run, two spaces for
 * both), compared normalised; each line is shown as written.
 */
export function outputDiff(page: string[], run: string[]): string[] {
  const n = page.length;
  const m = run.length;
  const same = (i: number, j: number) => isElision(page[i]) || lineMatches(page[i], run[j]);
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(i, j)) {
      out.push(`  ${page[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${run[j++]}`);
    else out.push(`- ${page[i++]}`);
  }
  return out;
}

/**
 * What the recorder writes for a command's output: when the page still matches, the run's lines in the page's
 * shape (its `…` lines, and its lines with `…` in them where the run's has none, stay as the author wrote them),
 * else the run's lines, keeping a whole-line elision where the page had one: as many lines as the page showed
 * before its first `…` and after its last, and the `…` between them.
 */
export function recordedOutput(page: string[], run: string[]): string[] {
  // A page that still matches keeps its elisions (whole lines and within lines); every other line is the run's.
  for (const [p, r] of [
    [page, run],
    [parallelSorted(page), parallelSorted(run)],
  ]) {
    const matched = alignment(p, r);
    // A page line with «…» in it is the author's elision, unless the run's line has one too (Docker's own
    // truncation, as in `docker ps`'s «"echo 'Hola desde un…"»): then it is the run's.
    if (matched)
      return p.map((line, i) => {
        if (matched[i] === null) return line;
        const observed = r[matched[i]!];
        return line.includes(ELISION) && !observed.includes(ELISION) ? line : observed;
      });
  }
  const first = page.findIndex(isElision);
  if (first === -1) return run;
  const last = page.length - 1 - [...page].reverse().findIndex(isElision);
  const head = first;
  const tail = page.length - 1 - last;
  if (head + tail >= run.length) return run;
  return [...run.slice(0, head), page[first], ...run.slice(run.length - tail)];
}
