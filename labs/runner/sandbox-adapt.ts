// Adapts a `docker …` call to the lab sandbox: no bridge network, no registry, Compose v1 (Debian's docker-compose).
//
// Each adaptation, and why (README.md, «Laboratorios», says the same for readers):
//   1. `docker run` / `docker create` without --network get `--network none`: the sandbox's daemon has no
//      default bridge, and a container must never get a network that reaches other hosts.
//   2. `docker build` without --network gets `--network host`: RUN steps reach Debian's package mirror.
//   3. `docker compose …` runs Debian's `docker-compose` (Compose v1), with:
//      a. copies of the Compose files without the top-level `name:` (v1 rejects it), passed as `-p <name>`;
//      b. `--project-directory` set to the folder of the first file, so relative paths mean what they meant;
//      c. for every command but `config`, an override file giving each service without `network_mode` or
//         `networks` the setting `network_mode: none`, and each `build:` the setting `network: host`;
//      d. `exec` and `run` get `-T` when there is no terminal (v2 decides that by itself; v1 fails with
//         «the input device is not a TTY»), and v2's `--no-TTY` is written `-T`;
//      e. `logs` and `up` get `--no-color` when the output is not a terminal (v2 drops colours by itself; v1
//         would put escape codes in the output the block's expectation reads).
//   4. `docker network create` and `docker network connect` are refused: the sandbox never creates networks.
//      (The runner skips such blocks before they run; this is the safety net.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { hasOption, optionValue, parseDockerCall, type DockerCall } from './docker-call.ts';
import { loadComposeProject, type ComposeProject } from './compose-files.ts';

export interface SandboxContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when the command has a terminal on stdin. */
  stdinIsTTY: boolean;
  /** True when the command's output goes to a terminal. */
  stdoutIsTTY: boolean;
  /** The real Docker client and Debian's Compose v1. */
  docker: string;
  dockerCompose: string;
}

export interface Adapted {
  program: string;
  args: string[];
  /** Set when the call is refused: the message to print, and the call exits 125 like the CLI's own errors. */
  refused?: string;
  /** Human-readable notes of what changed, for the runner's report. */
  notes: string[];
  /** A temporary folder to remove once the command has run. */
  tempDir?: string;
}

/** Compose subcommands after which no container is created or started: they get no network override. */
const COMPOSE_NO_OVERRIDE = new Set(['config', 'convert', 'version', 'help']);

export function adaptDockerCall(words: string[], context: SandboxContext): Adapted {
  const call = parseDockerCall(words);
  const same: Adapted = { program: context.docker, args: words, notes: [] };
  switch (call.canonical) {
    case 'run':
    case 'create':
      if (hasOption(call, '--network', '--net')) return same;
      return {
        ...same,
        args: insertAt(words, call.argsStart, ['--network', 'none']),
        notes: [`docker ${call.command}: added --network none`],
      };
    case 'build':
      if (hasOption(call, '--network')) return same;
      return {
        ...same,
        args: insertAt(words, call.argsStart, ['--network', 'host']),
        notes: [`docker ${call.command}: added --network host`],
      };
    case 'network create':
    case 'network connect':
      return {
        ...same,
        refused: `labs sandbox: «docker ${call.command}» is refused: the lab machines never create or join networks`,
      };
  }
  if (call.command === 'compose' || call.command.startsWith('compose ')) return adaptCompose(words, call, context);
  return same;
}

function insertAt(words: string[], index: number, inserted: string[]): string[] {
  return [...words.slice(0, index), ...inserted, ...words.slice(index)];
}

/** `docker [global flags] compose [compose flags] sub [args]` → `docker-compose [global] [compose flags] sub [args]`. */
function adaptCompose(words: string[], call: DockerCall, context: SandboxContext): Adapted {
  const composeAt = call.commandIndex;
  const globalWords = words.slice(0, composeAt);
  const subAt = call.composeSubcommandIndex ?? words.length;
  const subcommand = words[subAt] ?? '';
  const notes = ['docker compose: ran Compose v1 (docker-compose)'];
  let subArgs = words.slice(subAt);
  if ((subcommand === 'exec' || subcommand === 'run') && !context.stdinIsTTY) {
    const rest = subArgs.slice(1).map((word) => (word === '--no-TTY' ? '-T' : word));
    if (!rest.includes('-T')) {
      rest.unshift('-T');
      notes.push(`docker compose ${subcommand}: added -T (no terminal)`);
    }
    subArgs = [subcommand, ...rest];
  }
  if ((subcommand === 'logs' || subcommand === 'up') && !context.stdoutIsTTY && !subArgs.includes('--no-color')) {
    subArgs = [subcommand, '--no-color', ...subArgs.slice(1)];
    notes.push(`docker compose ${subcommand}: added --no-color (no terminal)`);
  }
  // docker-compose takes -H/--host but not the other global flags of docker.
  const hostOption = optionValue(parseDockerCall([...globalWords, 'version']), '-H', '--host');
  const hostWords = hostOption ? ['--host', hostOption] : [];

  let project: ComposeProject;
  try {
    project = loadComposeProject(call, context.cwd, context.env);
  } catch {
    // No files (or unreadable ones): let docker-compose say so in its own words.
    return { program: context.dockerCompose, args: [...hostWords, ...words.slice(composeAt + 1)], notes };
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'labs-compose-'));
  const fileWords: string[] = [];
  project.documents.forEach(({ file, document }, i) => {
    const copy = join(tempDir, `${i}-${basename(file)}`);
    const translated = document.clone();
    translated.delete('name');
    writeFileSync(copy, String(translated));
    fileWords.push('-f', copy);
  });
  if (project.name !== undefined) notes.push(`docker compose: top-level name «${project.name}» passed as -p`);
  if (!COMPOSE_NO_OVERRIDE.has(subcommand)) {
    const override = sandboxOverride(project);
    if (Object.keys(override.services).length > 0) {
      const file = join(tempDir, 'labs-sandbox.override.yaml');
      writeFileSync(file, stringify(override));
      fileWords.push('-f', file);
      notes.push(`docker compose: override ${JSON.stringify(override)}`);
    }
  }
  // Compose flags other than -f/--file and --project-directory are kept as written.
  const kept: string[] = [];
  for (const option of call.composeOptions) {
    if (['-f', '--file', '--project-directory'].includes(option.flag)) continue;
    kept.push(option.flag, ...(option.value !== undefined ? [option.value] : []));
  }
  const hasProjectName =
    call.composeOptions.some((o) => o.flag === '-p' || o.flag === '--project-name') ||
    !!context.env.COMPOSE_PROJECT_NAME;
  const nameWords = project.name !== undefined && !hasProjectName ? ['-p', project.name] : [];
  return {
    program: context.dockerCompose,
    args: [...hostWords, ...fileWords, '--project-directory', project.projectDir, ...nameWords, ...kept, ...subArgs],
    notes,
    tempDir,
  };
}

/** The override the sandbox needs: no network for services that would get the default one, host network for builds. */
export function sandboxOverride(project: Pick<ComposeProject, 'services'>): {
  services: Record<string, Record<string, unknown>>;
} {
  const services: Record<string, Record<string, unknown>> = {};
  for (const [name, service] of Object.entries(project.services)) {
    const entry: Record<string, unknown> = {};
    if (service.network_mode === undefined && service.networks === undefined) entry.network_mode = 'none';
    if (service.build !== undefined) {
      const build =
        typeof service.build === 'string' ? { context: service.build } : (service.build as Record<string, unknown>);
      if (build.network === undefined) entry.build = { ...build, network: 'host' };
    }
    if (Object.keys(entry).length > 0) services[name] = entry;
  }
  return { services };
}
