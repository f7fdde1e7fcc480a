import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  mergeResults,
  passedMark,
  readResults,
  readStandIns,
  writeResults,
  type LabResults,
  type LessonResult,
} from '../../lesson-model/results.ts';

const dir = mkdtempSync(join(tmpdir(), 'results-'));
const lesson = (date: string, statuses: Array<'passed' | 'failed' | 'skipped'>): LessonResult => ({
  engine: '20.10.24+dfsg1',
  system: 'Debian GNU/Linux 12 (bookworm)',
  date,
  sandbox: true,
  blocks: statuses.map((status, i) => ({ line: 10 + i, hash: i < 2 ? 'aaaa' : `h${i}`, status, docker: true })),
});

test('a run replaces the lessons it ran, keeps the others, drops lessons that no longer exist', () => {
  const old: LabResults = {
    lessons: {
      'a.mdx': lesson('2026-11-01', ['passed']),
      'b.mdx': lesson('2026-11-01', ['passed']),
      'c.mdx': lesson('2026-11-01', []),
    },
  };
  const merged = mergeResults(old, { 'a.mdx': lesson('2026-11-30', ['failed']) }, ['a.mdx', 'b.mdx']);
  assert.deepEqual(Object.keys(merged.lessons), ['a.mdx', 'b.mdx']);
  assert.equal(merged.lessons['a.mdx'].date, '2026-11-30');
  assert.equal(merged.lessons['b.mdx'].date, '2026-11-01');
});

test('written and read back; an absent file is empty', () => {
  const file = join(dir, 'labs-results.json');
  const results = { lessons: { 'a.mdx': lesson('2026-11-30', ['passed']) } };
  writeResults(file, results);
  assert.deepEqual(readResults(file), results);
  assert.deepEqual(readResults(join(dir, 'none.json')), { lessons: {} });
});

test('a malformed file fails naming the file and what is wrong', () => {
  const file = join(dir, 'bad.json');
  writeFileSync(file, '{"lessons": {"a.mdx": {"engine": "x", "date": "30/11/2026", "blocks": []}}}');
  assert.throws(() => readResults(file), /bad\.json: lesson "a\.mdx": date "30\/11\/2026" is not YYYY-MM-DD/);
  writeFileSync(
    file,
    '{"lessons": {"a.mdx": {"engine": "x", "date": "2026-11-30", "blocks": [{"line": 1, "hash": "h", "status": "ok"}]}}}',
  );
  assert.throws(() => readResults(file), /block 1: needs line, hash and a status/);
  writeFileSync(file, '{');
  assert.throws(() => readResults(file), /bad\.json: not valid JSON/);
});

test('only a passed block has a mark; identical blocks are told apart by their order', () => {
  const results = { lessons: { 'a.mdx': lesson('2026-11-30', ['failed', 'passed', 'skipped']) } };
  assert.equal(passedMark(results, 'a.mdx', 'aaaa', 0), undefined);
  assert.deepEqual(passedMark(results, 'a.mdx', 'aaaa', 1), {
    engine: '20.10.24+dfsg1',
    system: 'Debian GNU/Linux 12 (bookworm)',
    date: '2026-11-30',
    docker: true,
  });
  assert.equal(passedMark(results, 'a.mdx', 'h2'), undefined);
  assert.equal(passedMark(results, 'b.mdx', 'aaaa'), undefined);
});

test('stand-ins: an absent file is none; a malformed one fails naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stand-ins-'));
  assert.deepEqual(readStandIns(join(dir, 'no.json')), []);
  const file = join(dir, 'stand-ins.json');
  writeFileSync(file, JSON.stringify([{ image: 'nginx:1.29', builtFrom: 'nginx de Debian' }]));
  assert.deepEqual(readStandIns(file), [{ image: 'nginx:1.29', builtFrom: 'nginx de Debian' }]);
  writeFileSync(file, JSON.stringify([{ image: 'nginx:1.29' }]));
  assert.throws(() => readStandIns(file), /stand-ins\.json: entry 1 needs "image" and "builtFrom"/);
});
