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
  /** Whether the block calls Docker Compose (the page names its version). */
  compose?: boolean;
  /** Stand-in images the block used (labs/images/stand-ins.json): the page says what each was built from. */
  standIns?: StandIn[];
}

/** An image built here in place of the one a lesson names (labs/images/stand-ins.json). */
export interface StandIn {
  image: string;
  /** «PySpark 4.0.1 de PyPI, Java 17 y Python 3 de Debian». */
  builtFrom: string;
}

export interface LessonResult {
  /** The engine's version (`20.10.24+dfsg1`). */
  engine: string;
  /** The machine the blocks ran on (`Debian GNU/Linux 12 (bookworm)`). */
  system: string;
  /** YYYY-MM-DD of the run. */
  date: string;
  /** Run on a lab machine (LABS_SANDBOX=1: no traffic to other hosts, no package installs on it). */
  sandbox: boolean;
  /** containerd, runc, Compose and Buildx versions and the image store, when the run could read them. */
  containerd?: string;
  runc?: string;
  compose?: string;
  buildx?: string;
  imageStore?: string;
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
  /** Compose's version, when the block used Compose and the run recorded it. */
  compose?: string;
  standIns?: StandIn[];
}

/** Reads labs/images/stand-ins.json (an array of {image, builtFrom}); an absent file means no stand-ins. */
export function readStandIns(file: string): StandIn[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error(`${file}: must be an array of {"image", "builtFrom"}`);
  data.forEach((entry, i) => {
    if (typeof entry?.image !== 'string' || typeof entry?.builtFrom !== 'string')
      throw new Error(`${file}: entry ${i + 1} needs "image" and "builtFrom" strings`);
  });
  return data as StandIn[];
}

export interface SkippedMark {
  reason: string;
}

/** Why the `occurrence`-th block of the lesson with this hash was skipped by the last run, if it was. */
export function skippedMark(
  results: LabResults,
  lesson: string,
  hash: string,
  occurrence = 0,
): SkippedMark | undefined {
  const block = results.lessons[lesson]?.blocks.filter((b) => b.hash === hash)[occurrence];
  if (block?.status !== 'skipped' || !block.reason) return undefined;
  return { reason: block.reason };
}

/**
 * The run that verified a block, if it passed: the `occurrence`-th block of the lesson with this hash (identical
 * blocks in one lesson are told apart by their order). A block whose content changed has a new hash: no mark.
 */
export function passedMark(results: LabResults, lesson: string, hash: string, occurrence = 0): PassedMark | undefined {
  const run = results.lessons[lesson];
  const block = run?.blocks.filter((b) => b.hash === hash)[occurrence];
  if (!run || block?.status !== 'passed') return undefined;
  return {
    engine: run.engine,
    system: run.system,
    date: run.date,
    docker: block.docker,
    ...(block.compose && run.compose ? { compose: run.compose } : {}),
    ...(block.standIns?.length ? { standIns: block.standIns } : {}),
  };
}
