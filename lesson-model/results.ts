// The lab results file (content/labs-results.json): per lesson, each console block's hash and status, the engine and the date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export type BlockStatus = 'passed' | 'failed' | 'skipped';

export interface BlockResult {
  line: number;
  hash: string;
  status: BlockStatus;
  /** Why it was skipped or what failed. */
  reason?: string;
  /** Whether the block calls docker (the page says «con Docker Engine …» only for those). */
  docker: boolean;
}

export interface LessonResult {
  /** The engine's version (`20.10.24+dfsg1`). */
  engine: string;
  /** The machine the blocks ran on (`Debian GNU/Linux 12 (bookworm)`). */
  system: string;
  /** YYYY-MM-DD of the run. */
  date: string;
  /** Run in the lab sandbox (no registry, no bridge network, Compose v1). */
  sandbox: boolean;
  blocks: BlockResult[];
}

export interface LabResults {
  lessons: Record<string, LessonResult>;
}

const STATUSES = new Set(['passed', 'failed', 'skipped']);

/** Reads a results file; an absent file is an empty result, a malformed one fails with the file and what is wrong. */
export function readResults(file: string): LabResults {
  if (!existsSync(file)) return { lessons: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const fail = (what: string): never => {
    throw new Error(
      `${file}: ${what} (the file is written by \`npm run test:labs\`; run it again rather than editing it)`,
    );
  };
  const lessons = (data as LabResults | null)?.lessons;
  if (!lessons || typeof lessons !== 'object') fail('no "lessons" object');
  for (const [id, lesson] of Object.entries(lessons!)) {
    if (typeof lesson?.engine !== 'string' || typeof lesson.date !== 'string' || !Array.isArray(lesson.blocks)) {
      fail(`lesson "${id}" needs engine, date and blocks`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lesson.date)) fail(`lesson "${id}": date "${lesson.date}" is not YYYY-MM-DD`);
    lesson.blocks.forEach((block, i) => {
      if (typeof block?.hash !== 'string' || !STATUSES.has(block.status) || typeof block.line !== 'number') {
        fail(`lesson "${id}", block ${i + 1}: needs line, hash and a status (passed, failed, skipped)`);
      }
    });
  }
  return data as LabResults;
}

/** The old results with the lessons of this run replaced, and lessons that no longer exist dropped. */
export function mergeResults(
  old: LabResults,
  run: Record<string, LessonResult>,
  existingLessons: string[],
): LabResults {
  const lessons: Record<string, LessonResult> = {};
  for (const id of [...new Set([...Object.keys(old.lessons), ...Object.keys(run)])].sort()) {
    if (!existingLessons.includes(id)) continue;
    lessons[id] = run[id] ?? old.lessons[id];
  }
  return { lessons };
}

export function writeResults(file: string, results: LabResults): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

export interface PassedMark {
  engine: string;
  system: string;
  date: string;
  docker: boolean;
}

/**
 * The run that verified a block, if it passed: the `occurrence`-th block of the lesson with this hash (identical
 * blocks in one lesson are told apart by their order). A block whose content changed has a new hash: no mark.
 */
export function passedMark(results: LabResults, lesson: string, hash: string, occurrence = 0): PassedMark | undefined {
  const run = results.lessons[lesson];
  const block = run?.blocks.filter((b) => b.hash === hash)[occurrence];
  if (!run || block?.status !== 'passed') return undefined;
  return { engine: run.engine, system: run.system, date: run.date, docker: block.docker };
}
