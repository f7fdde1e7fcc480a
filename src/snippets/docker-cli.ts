// The Docker CLI subcommands and flags this course uses, and the check that a `docker …` call stays within them.
//
// Checked against Docker's CLI reference (docs.docker.com/reference/cli/docker/) and, for everything but
// `compose`, against `docker <command> --help` of the Docker 29 client (the lab machine's, labs/provision) by
// tests/unit/docker-cli.test.ts.
// A flag ending in `=` takes a value. Add a command or flag here when a lesson needs it, after checking it.

export const GLOBAL_FLAGS = ['-H=', '--host=', '-c=', '--context=', '-D', '--debug', '-l=', '--log-level='];

/** Flags of `docker compose` itself, before its subcommand. */
export const COMPOSE_FLAGS = [
  '-f=',
  '--file=',
  '-p=',
  '--project-name=',
  '--project-directory=',
  '--profile=',
  '--env-file=',
];

/** Flags that `run` and `exec` share: detached, or attached with stdin and a terminal. */
const ATTACH_FLAGS = ['-d', '--detach', '-i', '--interactive', '-t', '--tty'];

const RUN_FLAGS = [
  ...ATTACH_FLAGS,
  '--rm',
  '--name=',
  '-e=',
  '--env=',
  '--env-file=',
  '-p=',
  '--publish=',
  '-P',
  '--publish-all',
  '-v=',
  '--volume=',
  '--mount=',
  '--tmpfs=',
  '--network=',
  '--memory=',
  '-m=',
  '--memory-swap=',
  '--cpus=',
  '--pids-limit=',
  '--restart=',
  '-w=',
  '--workdir=',
  '-u=',
  '--user=',
  '--entrypoint=',
  '--hostname=',
  '-h=',
  '--read-only',
  '--init',
  '--pid=',
  '-l=',
  '--label=',
  '--platform=',
  '--pull=',
  '--cap-drop=',
  '--cap-add=',
  '--security-opt=',
  '--stop-timeout=',
];

const UPDATE_FLAGS = ['--memory=', '-m=', '--memory-swap=', '--cpus=', '--pids-limit=', '--restart='];

const EXEC_FLAGS = [...ATTACH_FLAGS, '-e=', '--env=', '-u=', '--user=', '-w=', '--workdir='];
const LS_FLAGS = [
  '-a',
  '--all',
  '-q',
  '--quiet',
  '-f=',
  '--filter=',
  '--format=',
  '--no-trunc',
  '-n=',
  '--last=',
  '-l',
  '--latest',
  '-s',
  '--size',
];
const LOGS_FLAGS = ['-f', '--follow', '-n=', '--tail=', '-t', '--timestamps', '--since=', '--until='];
const RM_FLAGS = ['-f', '--force', '-v', '--volumes'];
const INSPECT_FLAGS = ['-f=', '--format=', '-s', '--size', '--type='];
const BUILD_FLAGS = [
  '-t=',
  '--tag=',
  '-f=',
  '--file=',
  '--build-arg=',
  '--target=',
  '--no-cache',
  '--pull',
  '--network=',
  '-q',
  '--quiet',
  '--platform=',
];

/** Subcommand (as written after `docker`, management commands with their verb) → allowed flags. */
export const DOCKER_COMMANDS: Record<string, string[]> = {
  // Engine and system
  version: ['-f=', '--format='],
  info: ['-f=', '--format='],
  'system df': ['-v', '--verbose', '--format='],
  'system prune': ['-a', '--all', '-f', '--force', '--volumes'],
  'system info': ['-f=', '--format='],
  'context ls': ['--format=', '-q', '--quiet'],
  'context use': [],
  'context create': ['--docker=', '--description='],
  'context inspect': ['-f=', '--format='],
  'context show': [],
  'builder prune': ['-a', '--all', '-f', '--force', '--filter='],
  login: ['-u=', '--username=', '-p=', '--password=', '--password-stdin'],
  search: ['--limit=', '-f=', '--filter=', '--format=', '--no-trunc'],
  // Containers
  run: RUN_FLAGS,
  'container run': RUN_FLAGS,
  create: RUN_FLAGS.filter((flag) => flag !== '-d' && flag !== '--detach'),
  'container create': RUN_FLAGS.filter((flag) => flag !== '-d' && flag !== '--detach'),
  ps: LS_FLAGS,
  'container ls': LS_FLAGS,
  'container list': LS_FLAGS,
  start: ['-a', '--attach', '-i', '--interactive'],
  'container start': ['-a', '--attach', '-i', '--interactive'],
  stop: ['-t=', '--timeout=', '-s=', '--signal='],
  'container stop': ['-t=', '--timeout=', '-s=', '--signal='],
  restart: ['-t=', '--timeout=', '-s=', '--signal='],
  'container restart': ['-t=', '--timeout=', '-s=', '--signal='],
  kill: ['-s=', '--signal='],
  'container kill': ['-s=', '--signal='],
  pause: [],
  'container pause': [],
  unpause: [],
  'container unpause': [],
  rm: RM_FLAGS,
  'container rm': RM_FLAGS,
  'container prune': ['-f', '--force', '--filter='],
  exec: EXEC_FLAGS,
  'container exec': EXEC_FLAGS,
  logs: LOGS_FLAGS,
  'container logs': LOGS_FLAGS,
  inspect: INSPECT_FLAGS,
  'container inspect': ['-f=', '--format=', '-s', '--size'],
  top: [],
  'container top': [],
  stats: ['-a', '--all', '--no-stream', '--no-trunc', '--format='],
  'container stats': ['-a', '--all', '--no-stream', '--no-trunc', '--format='],
  port: [],
  'container port': [],
  diff: [],
  'container diff': [],
  cp: ['-a', '--archive', '-L', '--follow-link', '-q', '--quiet'],
  'container cp': ['-a', '--archive', '-L', '--follow-link', '-q', '--quiet'],
  commit: ['-m=', '--message=', '-a=', '--author=', '-c=', '--change=', '--no-pause'],
  'container commit': ['-m=', '--message=', '-a=', '--author=', '-c=', '--change=', '--no-pause'],
  wait: [],
  'container wait': [],
  rename: [],
  attach: ['--no-stdin', '--sig-proxy=', '--detach-keys='],
  update: UPDATE_FLAGS,
  'container update': UPDATE_FLAGS,
  // Images
  build: BUILD_FLAGS,
  'image build': BUILD_FLAGS,
  'buildx build': BUILD_FLAGS,
  images: ['-a', '--all', '-q', '--quiet', '-f=', '--filter=', '--format=', '--no-trunc', '--digests'],
  'image ls': ['-a', '--all', '-q', '--quiet', '-f=', '--filter=', '--format=', '--no-trunc', '--digests'],
  'image list': ['-a', '--all', '-q', '--quiet', '-f=', '--filter=', '--format=', '--no-trunc', '--digests'],
  history: ['--no-trunc', '-q', '--quiet', '--format=', '-H', '--human'],
  'image history': ['--no-trunc', '-q', '--quiet', '--format=', '-H', '--human'],
  'image inspect': ['-f=', '--format='],
  tag: [],
  'image tag': [],
  pull: ['-a', '--all-tags', '-q', '--quiet', '--platform='],
  'image pull': ['-a', '--all-tags', '-q', '--quiet', '--platform='],
  push: ['-a', '--all-tags', '-q', '--quiet'],
  'image push': ['-a', '--all-tags', '-q', '--quiet'],
  rmi: ['-f', '--force', '--no-prune'],
  'image rm': ['-f', '--force', '--no-prune'],
  'image prune': ['-a', '--all', '-f', '--force', '--filter='],
  save: ['-o=', '--output='],
  'image save': ['-o=', '--output='],
  load: ['-i=', '--input=', '-q', '--quiet'],
  'image load': ['-i=', '--input=', '-q', '--quiet'],
  import: ['-c=', '--change=', '-m=', '--message='],
  'image import': ['-c=', '--change=', '-m=', '--message='],
  // Volumes
  'volume create': ['-d=', '--driver=', '-o=', '--opt=', '--label='],
  'volume ls': ['-q', '--quiet', '-f=', '--filter=', '--format='],
  'volume list': ['-q', '--quiet', '-f=', '--filter=', '--format='],
  'volume inspect': ['-f=', '--format='],
  'volume rm': ['-f', '--force'],
  'volume prune': ['-a', '--all', '-f', '--force', '--filter='],
  // Networks
  'network ls': ['-q', '--quiet', '-f=', '--filter=', '--format=', '--no-trunc'],
  'network list': ['-q', '--quiet', '-f=', '--filter=', '--format=', '--no-trunc'],
  'network create': ['-d=', '--driver=', '--subnet=', '--gateway=', '--internal', '--attachable', '--label='],
  'network inspect': ['-f=', '--format=', '-v', '--verbose'],
  'network connect': ['--alias=', '--ip='],
  'network disconnect': ['-f', '--force'],
  'network rm': ['-f', '--force'],
  'network prune': ['-f', '--force', '--filter='],
  // Compose (checked against the Compose CLI reference: the Docker 28 client here has no compose plugin)
  'compose up': [
    '-d',
    '--detach',
    '--build',
    '--no-build',
    '--force-recreate',
    '--remove-orphans',
    '--scale=',
    '--wait',
    '--no-deps',
    '--pull=',
  ],
  'compose down': ['-v', '--volumes', '--remove-orphans', '--rmi=', '-t=', '--timeout='],
  'compose ps': ['-a', '--all', '-q', '--quiet', '--format=', '--services', '--status='],
  'compose logs': ['-f', '--follow', '-n=', '--tail=', '-t', '--timestamps', '--no-color', '--since='],
  'compose exec': [
    '-d',
    '--detach',
    '-T',
    '--no-TTY',
    '-e=',
    '--env=',
    '-u=',
    '--user=',
    '-w=',
    '--workdir=',
    '--index=',
  ],
  'compose run': [
    '-d',
    '--detach',
    '--rm',
    '-e=',
    '--env=',
    '--name=',
    '--no-deps',
    '-T',
    '--no-TTY',
    '-v=',
    '--volume=',
    '-p=',
    '--publish=',
    '--entrypoint=',
  ],
  'compose stop': ['-t=', '--timeout='],
  'compose start': [],
  'compose restart': ['-t=', '--timeout=', '--no-deps'],
  'compose config': ['-q', '--quiet', '--services', '--volumes', '--format=', '-o=', '--output='],
  'compose build': ['--no-cache', '--pull', '-q', '--quiet', '--build-arg='],
  'compose pull': ['-q', '--quiet', '--ignore-pull-failures'],
  'compose top': [],
  'compose port': ['--index=', '--protocol='],
  'compose images': ['-q', '--quiet', '--format='],
  'compose ls': ['-a', '--all', '-q', '--quiet', '--format='],
  'compose rm': ['-f', '--force', '-s', '--stop', '-v', '--volumes'],
  'compose kill': ['-s=', '--signal='],
  'compose pause': [],
  'compose unpause': [],
  'compose scale': ['--no-deps'],
  'compose version': ['--short', '-f=', '--format='],
};

/**
 * Docker's management commands: the command is this word plus the verb that follows (`docker volume create`).
 * All of them, not only those the course uses, so that `docker swarm init` reads as the command «swarm init».
 */
export const MANAGEMENT_COMMANDS: ReadonlySet<string> = new Set(
  `container image volume network system context builder buildx compose
   plugin manifest trust swarm service stack node secret config`.split(/\s+/),
);

/** Commands whose first positional argument is followed by another command's arguments (the container's command). */
const NESTED_COMMAND = new Set([
  'run',
  'container run',
  'create',
  'container create',
  'exec',
  'container exec',
  'compose exec',
  'compose run',
  'top',
  'container top', // docker top CONTAINER [ps OPTIONS]
]);

/** Checks flags from `args[i]` on; returns [problems, index of the first argument not consumed]. */
function consumeFlags(
  args: string[],
  i: number,
  allowed: string[],
  where: string,
  stopAtPositional: boolean,
): [string[], number] {
  const problems: string[] = [];
  const takesValue = (flag: string) => allowed.includes(`${flag}=`);
  const knows = (flag: string) => allowed.includes(flag) || takesValue(flag);
  while (i < args.length) {
    const arg = args[i];
    if (arg === '--') return [problems, i + 1];
    if (!arg.startsWith('-') || arg === '-') {
      if (stopAtPositional) return [problems, i];
      i++;
      continue;
    }
    i++;
    if (arg.startsWith('--')) {
      const [flag, inlineValue] = arg.split(/=(.*)/s);
      if (!knows(flag)) problems.push(`${where}: unknown flag ${flag}`);
      else if (takesValue(flag) && inlineValue === undefined) i++;
      continue;
    }
    // Short flags, possibly combined (-it) or with an attached value (-p8080:80).
    for (let c = 1; c < arg.length; c++) {
      const flag = `-${arg[c]}`;
      if (!knows(flag)) {
        problems.push(`${where}: unknown flag ${flag}${arg.length > 2 ? ` (in ${arg})` : ''}`);
        break;
      }
      if (takesValue(flag)) {
        if (c === arg.length - 1) i++;
        break;
      }
    }
  }
  return [problems, i];
}

/** Problems with one `docker` call, given the words after `docker`. Dynamic words (`…`) are accepted as values. */
export function checkDockerCall(args: string[]): string[] {
  let [problems, i] = consumeFlags(args, 0, GLOBAL_FLAGS, 'docker', true);
  let command = args[i];
  if (command === undefined) return problems;
  if (command === '--help' || command === '--version') return problems;
  i++;
  if (MANAGEMENT_COMMANDS.has(command)) {
    if (command === 'compose') {
      const [composeProblems, next] = consumeFlags(args, i, COMPOSE_FLAGS, 'docker compose', true);
      problems = [...problems, ...composeProblems];
      i = next;
    }
    // `docker context` alone names the command group (in prose) or prints its help; `docker volume …` (prose)
    // and `docker volume $verb` (scripts) name no verb that can be checked.
    if (args[i] === undefined || args[i] === '…') return problems;
    command = `${command} ${args[i]}`;
    i++;
  }
  const allowed = DOCKER_COMMANDS[command];
  if (!allowed)
    return [...problems, `unknown docker subcommand "docker ${command}" (not in src/snippets/docker-cli.ts)`];
  const [flagProblems] = consumeFlags(
    args,
    i,
    [...allowed, '--help'],
    `docker ${command}`,
    NESTED_COMMAND.has(command),
  );
  return [...problems, ...flagProblems];
}
