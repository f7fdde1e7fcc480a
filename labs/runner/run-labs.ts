// `npm run test:labs [lesson…]`: runs every console block of the lessons against a real Docker engine and records the results.
//
// Environment: DOCKER_HOST (else the default socket); LABS_SANDBOX=1 on the lab machines (adapted commands,
// see sandbox-adapt.ts; registry- and bridge-bound blocks skipped); LABS_DOCKER (the docker client, else the
// first on PATH); LABS_BLOCK_TIMEOUT (seconds per block, 600); LABS_RESULTS (the results file to write,
// content/labs-results.json; "0" to write none); COURSE_CONTENT_DIR (another content folder, as for the site). The last line of the output is `N passed, N failed, N skipped`.
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, relative, resolve } from 'node:path';
import { blockNeeds } from './block-needs.ts';
import { Engine } from './engine.ts';
import { lockEngine, lockPath } from './engine-lock.ts';
import { checkRun, verdict } from './expectations.ts';
import { LessonShell } from './lesson-shell.ts';
import { lessonBlocks, planLabs, type LabBlock, type LabLesson } from './plan.ts';
import { outputDrift, recordLesson, type RecordedBlock } from './record.ts';
import {
  mergeResults,
  readResults,
  writeResults,
  type BlockResult,
  type LessonResult,
} from '../../lesson-model/results.ts';
import { lessonsIn } from '../../src/snippets/collect.ts';
import { contentDir } from '../../src/course.config.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = join(contentDir, 'docs');
const SHIM_BIN = join(ROOT, 'labs/runner/bin');
const sandbox = process.env.LABS_SANDBOX === '1';
const args = process.argv.slice(2);
/** `--record`: write what each passing block printed into its output lines (record.ts) instead of checking them. */
const recording = args.includes('--record');
const only = args.filter((a) => a !== '--record');
const timeout = Number(process.env.LABS_BLOCK_TIMEOUT ?? 600);
const resultsFile =
  process.env.LABS_RESULTS === '0'
    ? undefined
    : resolve(process.env.LABS_RESULTS ?? join(contentDir, 'labs-results.json'));

/** The first executable `name` on PATH, leaving out the sandbox's own shims. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || resolve(dir) === SHIM_BIN) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      /* not here */
    }
  }
  return undefined;
}

function systemName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
  } catch {
    return process.platform;
  }
}

const indent = (text: string) => text.replace(/\n$/, '').replace(/^/gm, '    │ ');

async function main(): Promise<number> {
  const docker = process.env.LABS_DOCKER ?? onPath('docker');
  if (!docker) {
    console.error('test:labs: no docker client on PATH (set LABS_DOCKER)');
    return 2;
  }
  const engine = new Engine(docker);
  const { version, error } = engine.version();
  if (!version) {
    console.error(
      `test:labs: no Docker engine answers at ${process.env.DOCKER_HOST ?? 'the default socket'}: ${error}`,
    );
    console.error('On the lab machines, run scripts/labs/provision-docker.sh first (as root).');
    return 2;
  }
  const dockerCompose = onPath('docker-compose');
  if (sandbox && !dockerCompose) {
    console.error('test:labs: LABS_SANDBOX=1 needs docker-compose (Compose v1) on PATH');
    return 2;
  }
  const lessons = planLabs(DOCS, only);
  const release = await lockEngine(lockPath(), (pid) =>
    console.log(`test:labs: waiting for another lab run on this engine (pid ${pid})`),
  );
  console.log(
    `test:labs: ${lessons.length} lessons, ${lessons.reduce((n, l) => n + l.blocks.length, 0)} blocks; ` +
      `engine ${version}, client ${engine.clientVersion()} (${docker})` +
      (sandbox ? `; sandbox: --network none, builds on host network, Compose v1 (${dockerCompose})` : ''),
  );
  try {
    return await runAll(lessons, engine, version, docker, dockerCompose);
  } finally {
    release();
  }
}

async function runAll(
  lessons: LabLesson[],
  engine: Engine,
  version: string,
  docker: string,
  dockerCompose?: string,
): Promise<number> {
  const runStarted = Date.now();
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const results: Record<string, LessonResult> = {};
  const date = new Date().toISOString().slice(0, 10);
  const system = systemName();
  const scratch = mkdtempSync(join(tmpdir(), 'labs-'));
  let interrupted = false;
  const stop = () => {
    interrupted = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    for (const lesson of lessons) {
      if (interrupted) break;
      const started = Date.now();
      console.log(`\n${lesson.id}`);
      const blocks = await runLesson(lesson, engine, scratch, { docker, dockerCompose }, counts, () => interrupted);
      results[lesson.id] = { engine: version, system, date, sandbox, blocks };
      console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (interrupted) {
    console.log('\ninterrupted: cleaned up the lesson in progress; no results written');
    counts.failed++;
  } else if (resultsFile) {
    writeResults(
      resultsFile,
      mergeResults(
        readResults(resultsFile),
        results,
        lessonsIn(DOCS).map((f) => f.slice(DOCS.length + 1)),
      ),
    );
    console.log(`\nresults: ${relative(process.cwd(), resultsFile)}`);
  }
  const seconds = Math.round((Date.now() - runStarted) / 1000);
  console.log(`time: ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts.failed > 0 ? 1 : 0;
}

async function runLesson(
  lesson: LabLesson,
  engine: Engine,
  scratch: string,
  tools: { docker: string; dockerCompose?: string },
  counts: Record<'passed' | 'failed' | 'skipped', number>,
  interrupted: () => boolean,
): Promise<BlockResult[]> {
  // The working directory: a copy of the lesson folder, named like it (Compose takes the project name from it).
  const lessonDir = join(scratch, lesson.id.replace(/\W+/g, '_'));
  const workdir = join(lessonDir, basename(lesson.folder));
  if (existsSync(lesson.folder)) cpSync(lesson.folder, workdir, { recursive: true });
  else mkdirSync(workdir, { recursive: true });
  const adaptLog = join(lessonDir, 'adaptations.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    ...(sandbox
      ? {
          PATH: `${SHIM_BIN}${delimiter}${process.env.PATH}`,
          LABS_NODE: process.execPath,
          LABS_ROOT: ROOT,
          LABS_REAL_DOCKER: tools.docker,
          LABS_DOCKER_COMPOSE: tools.dockerCompose,
          LABS_ADAPT_LOG: adaptLog,
          // The shim runs on every docker call: cache its compiled TypeScript (≈ 0.7 s saved per call).
          NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(ROOT, 'node_modules/.cache/labs-compile-cache'),
        }
      : {}),
  };
  const shell = new LessonShell(workdir, join(lessonDir, 'state'), env);
  await shell.init();
  const before = engine.snapshot();
  const made = new Map<string, { line: number; passed: boolean }>();
  const out: BlockResult[] = [];
  const recorded: RecordedBlock[] = [];
  const record = (block: LabBlock, status: BlockResult['status'], reason?: string) => {
    counts[status]++;
    out.push({ line: block.line, hash: block.hash, status, ...(reason ? { reason } : {}), docker: block.docker });
  };
  try {
    for (const block of lesson.blocks) {
      if (interrupted()) break;
      // Images a skipped block would have made are «made by a block that did not pass», not «from a registry».
      const noteMade = (images: string[]) =>
        images.forEach((image) => made.set(image, { line: block.line, passed: false }));
      if (block.skip !== undefined) {
        console.log(`  - skip ${block.where}: ${block.skip}`);
        record(block, 'skipped', block.skip);
        noteMade(blockNeeds(block.commands, { cwd: shell.cwd, sandbox: false, env }).produces);
        continue;
      }
      const needs = blockNeeds(block.commands, { cwd: shell.cwd, sandbox, env });
      let skip = needs.skip;
      if (!skip && sandbox) {
        for (const image of needs.images) {
          const maker = made.get(image);
          if (maker && !maker.passed)
            skip = `needs image ${image}, made by the block at line ${maker.line}, which did not pass`;
          else if (!maker && !engine.hasImage(image)) skip = `needs image ${image} from a registry`;
          if (skip) break;
        }
      }
      if (skip) {
        console.log(`  - skip ${block.where}: ${skip}`);
        record(block, 'skipped', skip);
        noteMade(needs.produces);
        continue;
      }
      rmSync(adaptLog, { force: true });
      const started = Date.now();
      const run = await shell.run(block.commands, timeout);
      const problems = checkRun(block, run);
      // The page's outputs: checked in a normal run, rewritten (once the block has passed) with --record.
      if (problems.length === 0 && !recording)
        problems.push(...outputDrift(relative(process.cwd(), lesson.file), block.line, block.code, run.outputs ?? []));
      if (problems.length === 0 && recording) recorded.push({ line: block.line, outputs: run.outputs ?? [] });
      const result = verdict(problems, sandbox && needs.composeConfig === true);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      for (const image of needs.produces) made.set(image, { line: block.line, passed: result.status === 'passed' });
      if (result.status === 'passed') {
        console.log(`  ✓ pass ${block.where} (${seconds} s)`);
        record(block, 'passed');
      } else if (result.status === 'skipped') {
        console.log(`  - skip ${block.where}: ${result.reason}`);
        record(block, 'skipped', result.reason);
      } else {
        console.log(`  ✗ FAIL ${block.where} (${seconds} s)`);
        for (const problem of result.problems) console.log(`    ${problem}`);
        console.log(`    commands:\n${indent(block.commands.join('\n'))}`);
        console.log(`    output:\n${indent(run.output || '(none)')}`);
        if (existsSync(adaptLog)) console.log(`    sandbox adaptations:\n${indent(readFileSync(adaptLog, 'utf8'))}`);
        record(block, 'failed', result.problems.join('; '));
      }
    }
  } finally {
    const problems = engine.restore(before);
    for (const problem of problems) {
      console.log(`  ✗ FAIL ${lesson.id}: cleanup: ${problem}`);
      counts.failed++;
    }
  }
  if (recording && recorded.length > 0) {
    const source = readFileSync(lesson.file, 'utf8');
    const rewritten = recordLesson(source, recorded, relative(process.cwd(), lesson.file));
    if (rewritten !== source) {
      writeFileSync(lesson.file, rewritten);
      console.log(`  recorded ${recorded.length} blocks' outputs into ${relative(process.cwd(), lesson.file)}`);
    }
    // Outputs are part of a block's hash (what the page shows is what was verified): the results take the hashes
    // and lines of the rewritten blocks, so that each mark stays under its block.
    const now = lessonBlocks(lesson.file);
    if (now.length !== out.length && !interrupted())
      throw new Error(`${lesson.file}: recording changed the number of console blocks (${out.length} → ${now.length})`);
    out.forEach((result, i) => {
      if (now[i]) Object.assign(result, { line: now[i].line, hash: now[i].hash });
    });
  }
  return out;
}

process.exitCode = await main();
