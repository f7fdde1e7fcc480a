// `npm run test:labs [-- --record] [lesson…]`: runs every console block of the lessons against a real Docker engine,
// checks what each declares and that its output lines still match the page (record.ts, normalise.ts), and records
// the results. With --record, each passing block's outputs are written into the lesson instead of checked.
//
// Environment: DOCKER_HOST (else the default socket); LABS_SANDBOX=1 on the lab machines (`sudo` runs as is, no
// traffic to other hosts, no package installs on the machine: block-needs.ts); LABS_HUB_MIRROR=1 when the engine
// pulls from Docker Hub through a mirror (else blocks that would pull from it are skipped); LABS_DOCKER (the docker
// client, else the first on PATH); LABS_BLOCK_TIMEOUT (seconds per block, 600); LABS_RESULTS (the results file to
// write, content/labs-results.json; "0" to write none); LABS_STAND_INS (the stand-in images' file,
// labs/images/stand-ins.json); LABS_WORKDIR (where each lesson's folder is copied to and run, as a student's
// ~/curso; CI uses /home/ana/curso, the path the pages show; else a temporary folder); COURSE_CONTENT_DIR (another
// content folder, as for the site). The last line of the output is `N passed, N failed, N skipped`.
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
import { blockNeeds, onDockerHub } from './block-needs.ts';
import { Engine, type EngineVersions } from './engine.ts';
import { lockEngine, lockPath } from './engine-lock.ts';
import { checkRun, verdict } from './expectations.ts';
import { LessonShell } from './lesson-shell.ts';
import { lessonBlocks, planLabs, type LabBlock, type LabLesson } from './plan.ts';
import { sameImage } from './image-ref.ts';
import { outputDrift, recordLesson, type RecordedBlock } from './record.ts';
import {
  mergeResults,
  readResults,
  readStandIns,
  type StandIn,
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
const hub = process.env.LABS_HUB_MIRROR === '1';
const standInsFile = resolve(process.env.LABS_STAND_INS ?? join(ROOT, 'labs/images/stand-ins.json'));
const args = process.argv.slice(2);
/** `--record`: write what each passing block printed into its output lines (record.ts) instead of checking them. */
const recording = args.includes('--record');
const only = args.filter((a) => a !== '--record');
const workRoot = process.env.LABS_WORKDIR ? resolve(process.env.LABS_WORKDIR) : undefined;
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
    console.error(
      'On the lab machines, run labs/provision/provision.sh first (as root) and the runner inside the lab namespace (DEVELOPING.md, «The lab machine»).',
    );
    return 2;
  }
  const lessons = planLabs(DOCS, only);
  const release = await lockEngine(lockPath(), (pid) =>
    console.log(`test:labs: waiting for another lab run on this engine (pid ${pid})`),
  );
  console.log(
    `test:labs: ${lessons.length} lessons, ${lessons.reduce((n, l) => n + l.blocks.length, 0)} blocks; ` +
      `engine ${version}, client ${engine.clientVersion()} (${docker})` +
      (sandbox ? '; lab machine (LABS_SANDBOX=1)' : '') +
      (hub ? '; Docker Hub through a mirror' : '; no Docker Hub') +
      (recording ? '; recording outputs into the lessons' : ''),
  );
  const versions = engine.versions();
  console.log(
    `test:labs: containerd ${versions.containerd ?? '?'}, runc ${versions.runc ?? '?'}, ` +
      `Compose ${versions.compose ?? 'none'}, Buildx ${versions.buildx ?? 'none'}, image store ${versions.imageStore ?? '?'}`,
  );
  try {
    return await runAll(lessons, engine, version, versions, readStandIns(standInsFile));
  } finally {
    release();
  }
}

async function runAll(
  lessons: LabLesson[],
  engine: Engine,
  version: string,
  versions: EngineVersions,
  standIns: StandIn[],
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
      const blocks = await runLesson(lesson, engine, scratch, standIns, counts, () => interrupted);
      const { engine: _, ...components } = versions;
      results[lesson.id] = { engine: version, system, date, sandbox, ...components, blocks };
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
  standIns: StandIn[],
  counts: Record<'passed' | 'failed' | 'skipped', number>,
  interrupted: () => boolean,
): Promise<BlockResult[]> {
  // The working directory: a copy of the lesson folder, named like it (Compose takes the project name from it).
  // With LABS_WORKDIR, the copy is LABS_WORKDIR/<folder> (a path like a student's, which the recorded outputs show).
  const lessonDir = join(scratch, lesson.id.replace(/\W+/g, '_'));
  const workdir = join(workRoot ?? lessonDir, basename(lesson.folder));
  if (workRoot) rmSync(workdir, { recursive: true, force: true });
  if (existsSync(lesson.folder)) cpSync(lesson.folder, workdir, { recursive: true });
  else mkdirSync(workdir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'xterm-256color',
    // On the lab machines the runner is root: `sudo` (bin/sudo) drops its options and runs the command.
    ...(sandbox ? { PATH: `${SHIM_BIN}${delimiter}${process.env.PATH}` } : {}),
  };
  const shell = new LessonShell(workdir, join(lessonDir, 'state'), env);
  await shell.init();
  const before = engine.snapshot();
  const cacheProblem = engine.clearBuildCache();
  if (cacheProblem) {
    console.log(`  ✗ FAIL ${lesson.id}: ${cacheProblem}`);
    counts.failed++;
  }
  const made = new Map<string, { line: number; passed: boolean }>();
  const out: BlockResult[] = [];
  const recorded: RecordedBlock[] = [];
  const record = (
    block: LabBlock,
    status: BlockResult['status'],
    reason?: string,
    used: { compose?: boolean; images?: string[] } = {},
  ) => {
    counts[status]++;
    const stood = standIns.filter((s) => used.images?.some((image) => sameImage(image, s.image)));
    out.push({
      line: block.line,
      hash: block.hash,
      status,
      ...(reason ? { reason } : {}),
      docker: block.docker,
      ...(used.compose ? { compose: true } : {}),
      ...(stood.length > 0 ? { standIns: stood } : {}),
    });
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
      const needs = blockNeeds(block.commands, { cwd: shell.cwd, sandbox, hub, env });
      let skip = needs.skip;
      for (const image of skip ? [] : needs.images) {
        const maker = made.get(image);
        if (maker && !maker.passed)
          skip = `usa la imagen ${image}, que construye el bloque de la línea ${maker.line}, que no pasó`;
        else if (!maker && (!hub || !onDockerHub(image)) && !engine.hasImage(image))
          skip = onDockerHub(image)
            ? `usa la imagen ${image}, que no está en el motor y vendría de Docker Hub (LABS_HUB_MIRROR=1 si el motor tiene un espejo)`
            : `usa la imagen ${image}, que no está en el motor ni la construye un bloque anterior`;
        if (skip) break;
      }
      // A block that shows a first pull: without a registry to pull from, it cannot run as the page shows it.
      if (!skip && block.fresh && !(hub && onDockerHub(block.fresh)))
        skip = `descarga ${block.fresh} de Docker Hub (LABS_HUB_MIRROR=1 si el motor tiene un espejo)`;
      if (skip) {
        console.log(`  - skip ${block.where}: ${skip}`);
        record(block, 'skipped', skip);
        noteMade(needs.produces);
        continue;
      }
      const freshProblem = block.fresh ? engine.removeImage(block.fresh) : undefined;
      if (freshProblem) {
        console.log(`  ✗ FAIL ${block.where}: ${freshProblem}`);
        record(block, 'failed', freshProblem);
        continue;
      }
      const started = Date.now();
      const run = await shell.run(block.commands, timeout);
      const problems = checkRun(block, run);
      // The page's outputs: checked in a normal run, rewritten (once the block has passed) with --record.
      if (problems.length === 0 && !recording)
        problems.push(...outputDrift(relative(process.cwd(), lesson.file), block.line, block.code, run.outputs ?? []));
      if (problems.length === 0 && recording) recorded.push({ line: block.line, outputs: run.outputs ?? [] });
      const result = verdict(problems);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      for (const image of needs.produces) made.set(image, { line: block.line, passed: result.status === 'passed' });
      if (result.status === 'passed') {
        console.log(`  ✓ pass ${block.where} (${seconds} s)`);
        record(block, 'passed', undefined, { compose: needs.compose, images: needs.images });
      } else if (result.status === 'skipped') {
        console.log(`  - skip ${block.where}: ${result.reason}`);
        record(block, 'skipped', result.reason);
      } else {
        console.log(`  ✗ FAIL ${block.where} (${seconds} s)`);
        for (const problem of result.problems) console.log(`    ${problem}`);
        console.log(`    commands:\n${indent(block.commands.join('\n'))}`);
        console.log(`    output:\n${indent(run.output || '(none)')}`);
        record(block, 'failed', result.problems.join('; '));
      }
    }
  } finally {
    if (workRoot) rmSync(workdir, { recursive: true, force: true });
    const problems = engine.restore(before);
    for (const problem of problems) {
      console.log(`  ✗ FAIL ${lesson.id}: cleanup: ${problem}`);
      counts.failed++;
    }
  }
  if (recording && recorded.length > 0) {
    const source = readFileSync(lesson.file, 'utf8');
    let rewritten = source;
    try {
      rewritten = recordLesson(source, recorded, relative(process.cwd(), lesson.file));
    } catch (error) {
      const message = `${(error as Error).message} (the lesson was not rewritten)`;
      console.log(`  ✗ FAIL ${message}`);
      // Their outputs on the page were not observed: the blocks get no mark.
      for (const result of out.filter((r) => recorded.some((b) => b.line === r.line))) {
        Object.assign(result, { status: 'failed', reason: message });
        counts.passed--;
        counts.failed++;
      }
    }
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
