// Splits the words of a `docker …` call into global flags, the (sub)command, its options and its positional arguments.
import { COMPOSE_FLAGS, DOCKER_COMMANDS, GLOBAL_FLAGS, MANAGEMENT_COMMANDS } from '../../src/snippets/docker-cli.ts';

export interface DockerOption {
  /** The flag as named (`--network`, `-p`); combined short flags (`-it`) are split into `-i`, `-t`. */
  flag: string;
  value?: string;
}

export interface DockerCall {
  /** The command as the CLI reference names it: `run`, `container run`, `network create`, `compose up`… ('' for none). */
  command: string;
  /** The same, with management forms folded: `container run` → `run`, `image build` → `build`, `image rm` → `rmi`. */
  canonical: string;
  /** Index in the words of the first command word (`run`, `container`, `compose`): global flags sit before it. */
  commandIndex: number;
  /** Index in the words of the first argument after the command words: where options of the command can be inserted. */
  argsStart: number;
  /** For `compose`: index of the subcommand word (options of `docker compose` itself sit before it). */
  composeSubcommandIndex?: number;
  /** Options of `docker compose` itself (`-f`, `-p`…), when the command is a compose one. */
  composeOptions: DockerOption[];
  options: DockerOption[];
  positionals: string[];
}

/** Commands whose options end at the first positional: what follows is the container's command. */
const OPTIONS_END_AT_POSITIONAL = new Set(['run', 'create', 'exec', 'compose exec', 'compose run', 'top']);

const FOLDED: Record<string, string> = {
  'image build': 'build',
  'buildx build': 'build',
  'builder build': 'build',
  'image pull': 'pull',
  'image push': 'push',
  'image tag': 'tag',
  'image load': 'load',
  'image import': 'import',
  'image save': 'save',
  'image rm': 'rmi',
  'image ls': 'images',
  'image list': 'images',
  'image history': 'history',
  'container commit': 'commit',
  'container ls': 'ps',
  'container list': 'ps',
};

function canonicalOf(command: string): string {
  if (FOLDED[command]) return FOLDED[command];
  if (command.startsWith('container ')) return command.slice('container '.length);
  return command;
}

/** Reads options from `words[i]` on with the table `valued` (flags that take a value); returns them and where they ended. */
function readOptions(words: string[], i: number, valued: Set<string>, endAtPositional: boolean) {
  const options: DockerOption[] = [];
  const positionals: string[] = [];
  while (i < words.length) {
    const word = words[i];
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      return { options, positionals, end: i + 1 };
    }
    if (!word.startsWith('-') || word === '-') {
      if (endAtPositional) return { options, positionals, end: i };
      positionals.push(word);
      i++;
      continue;
    }
    i++;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      if (eq > 0) options.push({ flag: word.slice(0, eq), value: word.slice(eq + 1) });
      else if (valued.has(word)) options.push({ flag: word, value: words[i++] });
      else options.push({ flag: word });
      continue;
    }
    // Short flags, possibly combined (-it) or with an attached value (-p8080:80, -fjson).
    for (let c = 1; c < word.length; c++) {
      const flag = `-${word[c]}`;
      if (valued.has(flag)) {
        const attached = word.slice(c + 1).replace(/^=/, '');
        options.push({ flag, value: attached !== '' ? attached : words[i++] });
        break;
      }
      options.push({ flag });
    }
  }
  return { options, positionals, end: i };
}

/**
 * Long flags of `docker run/create/build` that take a value but that no lesson uses yet (so they are not in the
 * course's CLI table): knowing them keeps the command adaptation right for commands written outside the lessons.
 */
const MORE_VALUED = [
  '--net',
  '--network-alias',
  '--add-host',
  '--dns',
  '--ip',
  '--ip6',
  '--mac-address',
  '--device',
  '--ulimit',
  '--log-driver',
  '--log-opt',
  '--shm-size',
  '--gpus',
  '--cidfile',
  '--stop-signal',
  '--health-cmd',
  '--label-file',
  '--link',
  '--volumes-from',
  '--expose',
  '--memory-reservation',
  '--cpuset-cpus',
  '--cpu-shares',
  '--cgroupns',
  '--ipc',
  '--pid',
  '--uts',
  '--userns',
  '--runtime',
  '--cache-from',
  '--iidfile',
  '--secret',
  '--ssh',
  '--output',
  '--progress',
  '--detach-keys',
  '--group-add',
  '--sysctl',
  '--storage-opt',
  '--tmpfs',
  '--workdir',
];

const valuedFlags = (flags: string[]) =>
  new Set([...flags.filter((f) => f.endsWith('=')).map((f) => f.slice(0, -1)), ...MORE_VALUED]);

/**
 * Parses the words after `docker`. Flags the course's CLI table knows are read with their values; an unknown
 * `--flag` is taken as a switch (an unknown flag with a separate value would be misread, and the snippet
 * validator already rejects unknown flags in lessons).
 */
export function parseDockerCall(words: string[]): DockerCall {
  const global = readOptions(words, 0, valuedFlags(GLOBAL_FLAGS), true);
  let i = global.end;
  if (i >= words.length)
    return {
      command: '',
      canonical: '',
      commandIndex: i,
      argsStart: i,
      composeOptions: [],
      options: [],
      positionals: [],
    };
  const commandIndex = i;
  let command = words[i++];
  let composeOptions: DockerOption[] = [];
  let composeSubcommandIndex: number | undefined;
  if (MANAGEMENT_COMMANDS.has(command)) {
    if (command === 'compose') {
      const read = readOptions(words, i, valuedFlags(COMPOSE_FLAGS), true);
      composeOptions = read.options;
      i = read.end;
      composeSubcommandIndex = i;
    }
    if (i < words.length) command = `${command} ${words[i++]}`;
  }
  const canonical = canonicalOf(command);
  const valued = valuedFlags([...(DOCKER_COMMANDS[command] ?? DOCKER_COMMANDS[canonical] ?? [])]);
  const endsAtPositional = OPTIONS_END_AT_POSITIONAL.has(canonical);
  const read = readOptions(words, i, valued, endsAtPositional);
  // Where options end at the first positional, everything from there on (image, container command) is positional.
  const positionals = endsAtPositional ? words.slice(read.end) : read.positionals;
  return {
    command,
    canonical,
    commandIndex,
    argsStart: i,
    composeSubcommandIndex,
    composeOptions,
    options: read.options,
    positionals,
  };
}

/** The value of the last occurrence of any of `flags` (`--network`, `--net`), or undefined. */
export function optionValue(call: { options: DockerOption[] }, ...flags: string[]): string | undefined {
  return call.options.filter((o) => flags.includes(o.flag)).at(-1)?.value;
}

/** Every value of any of `flags`, in order (`-t a -t b`). */
export function optionValues(call: { options: DockerOption[] }, ...flags: string[]): string[] {
  return call.options.filter((o) => flags.includes(o.flag) && o.value !== undefined).map((o) => o.value!);
}

export function hasOption(call: { options: DockerOption[] }, ...flags: string[]): boolean {
  return call.options.some((o) => flags.includes(o.flag));
}
