// What a console block needs to run (images, a registry, a bridge network, a terminal, Compose v2), read from its commands.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseShell, DYNAMIC } from '../../src/snippets/validate-shell.ts';
import { loadComposeProject, serviceBuild } from './compose-files.ts';
import { hasOption, optionValue, optionValues, parseDockerCall, type DockerCall } from './docker-call.ts';
import { dockerfileImages } from './dockerfile-images.ts';

export interface BlockNeeds {
  /** Why the block cannot run in this environment; undefined when it can. */
  skip?: string;
  /** Images the block uses and does not make itself, in order of use. */
  images: string[];
  /** Images the block makes: `build -t`, `tag`, `commit`, `import`, Compose `image:` of a built service. */
  produces: string[];
  /** The block prints a Compose configuration (`docker compose config`), whose format differs between v1 and v2. */
  composeConfig?: boolean;
}

export interface NeedsContext {
  /** The folder the block starts in (the lesson's copy, or where an earlier block `cd`-ed to). */
  cwd: string;
  /** In the lab sandbox (no registry, no bridge, Compose v1); elsewhere only what no machine can do is skipped. */
  sandbox: boolean;
  env?: NodeJS.ProcessEnv;
}

const REGISTRY_COMMANDS = new Set(['pull', 'push', 'login', 'logout', 'search', 'compose pull', 'compose push']);
const SWARM = /^(swarm|service|stack|node|secret|config)( |$)/;
/** Compose subcommands that only Compose v2 has. */
const COMPOSE_V2_ONLY = new Set([
  'ls',
  'cp',
  'wait',
  'watch',
  'alpha',
  'attach',
  'stats',
  'commit',
  'export',
  'publish',
  'viz',
]);
/** Flags that only Compose v2 has, per subcommand. */
const COMPOSE_V2_FLAGS: Record<string, string[]> = {
  ps: ['--format', '--status'],
  up: ['--wait', '--wait-timeout', '--pull', '--watch'],
  exec: ['--index'],
  config: ['--format', '--output', '-o', '--images', '--hash', '--variables'],
  logs: ['-n', '--since', '--until', '--index'],
};
/** Compose subcommands that create (and start) containers: they need the images, and a network the sandbox lacks. */
const COMPOSE_CREATES = new Set(['up', 'create', 'run', 'build']);
const LOOPBACK = /^(localhost|127(\.\d+){0,3}|\[::1\]|::1)$/i;

class Skip extends Error {}

/** Strips `sudo` and its options. */
function withoutSudo(args: string[]): string[] {
  if (args[0] !== 'sudo') return args;
  let i = 1;
  while (i < args.length && args[i].startsWith('-'))
    i += ['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U'].includes(args[i]) ? 2 : 1;
  return args.slice(i);
}

export function blockNeeds(commands: string[], context: NeedsContext): BlockNeeds {
  const images: string[] = [];
  const produces: string[] = [];
  let unknownImagesLoaded = false;
  let composeConfig = false;
  let cwd = context.cwd;
  const use = (image: string | undefined) => {
    if (!image || image.includes(DYNAMIC) || unknownImagesLoaded) return;
    if (!produces.includes(image) && !images.includes(image)) images.push(image);
  };
  const sandboxOnly = (reason: string) => {
    if (context.sandbox) throw new Skip(reason);
  };
  try {
    const { calls } = parseShell(commands.join('\n'));
    for (const call of calls) {
      const args = withoutSudo(call.args);
      if (args.length === 0) continue;
      for (const arg of args) {
        for (const match of arg.matchAll(/\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"]+)/g)) {
          if (!LOOPBACK.test(match[1]) && !match[1].includes(DYNAMIC))
            sandboxOnly(`reaches ${match[1]} over the network, which the lab machines must not do`);
        }
      }
      if (args[0] === 'cd' && args[1] && !args[1].includes(DYNAMIC)) cwd = resolve(cwd, args[1]);
      if (
        (args[0] === 'apt-get' || args[0] === 'apt') &&
        /^(install|update|upgrade|dist-upgrade|full-upgrade)$/.test(args[1] ?? '')
      ) {
        sandboxOnly(`«${args[0]} ${args[1]}» changes the packages of the machine that runs the labs`);
      }
      if (args[0] !== 'docker') continue;
      const docker = parseDockerCall(args.slice(1));
      if (docker.command === 'compose config') composeConfig = true;
      dockerNeeds(docker, { use, produces, cwd, context, sandboxOnly, loaded: () => (unknownImagesLoaded = true) });
    }
  } catch (error) {
    if (error instanceof Skip) return { skip: error.message, images, produces };
    throw error;
  }
  return { images, produces, ...(composeConfig ? { composeConfig } : {}) };
}

interface CallScope {
  use: (image: string | undefined) => void;
  produces: string[];
  cwd: string;
  context: NeedsContext;
  sandboxOnly: (reason: string) => void;
  loaded: () => void;
}

function dockerNeeds(call: DockerCall, scope: CallScope) {
  const { use, produces, sandboxOnly } = scope;
  const command = call.canonical;
  if (REGISTRY_COMMANDS.has(command) || command.startsWith('manifest') || command.startsWith('trust')) {
    sandboxOnly(`«docker ${call.command}» needs a container registry`);
  }
  if (SWARM.test(command)) sandboxOnly(`«docker ${call.command}» needs swarm mode`);
  if (command.startsWith('buildx') || command === 'builder build')
    sandboxOnly('needs Docker Buildx, which the lab machines lack');
  if (command === 'network create' || command === 'network connect') {
    sandboxOnly(`«docker ${call.command}» makes or joins a network; the lab machines never create bridge networks`);
  }
  if (command.startsWith('network ') && call.positionals.includes('bridge')) {
    sandboxOnly(`«docker ${call.command} bridge» needs the default bridge network, which the lab machines do not have`);
  }
  if (
    command === 'attach' ||
    ((command === 'run' || command === 'create' || command === 'exec') &&
      hasOption(call, '-i', '--interactive') &&
      hasOption(call, '-t', '--tty'))
  ) {
    throw new Skip(`«docker ${call.command} -it» opens an interactive terminal`);
  }
  switch (command) {
    case 'run':
    case 'create': {
      const network = optionValue(call, '--network', '--net');
      if (network !== undefined && !/^(none|host|container:.+)$/.test(network) && !network.includes(DYNAMIC)) {
        sandboxOnly(`needs the network «${network}» (a bridge network, which the lab machines never create)`);
      }
      if (network === undefined && hasOption(call, '-p', '--publish', '-P', '--publish-all')) {
        sandboxOnly('publishes a port, which needs a bridge network (the lab machines have none)');
      }
      if (optionValue(call, '--pull') === 'always') sandboxOnly('«--pull always» needs a container registry');
      use(call.positionals[0]);
      break;
    }
    case 'build': {
      if (hasOption(call, '--pull')) sandboxOnly('«docker build --pull» needs a container registry');
      const contextArg = call.positionals[0];
      if (contextArg && !contextArg.includes(DYNAMIC) && contextArg !== '-' && !/^[a-z]+:\/\//.test(contextArg)) {
        const buildContext = resolve(scope.cwd, contextArg);
        const file = resolve(buildContext, optionValue(call, '-f', '--file') ?? 'Dockerfile');
        const buildArgs = Object.fromEntries(
          optionValues(call, '--build-arg').map((a) => a.split(/=(.*)/s).slice(0, 2)),
        );
        if (existsSync(file)) for (const image of dockerfileImages(readFileSync(file, 'utf8'), buildArgs)) use(image);
      }
      produces.push(...optionValues(call, '-t', '--tag'));
      break;
    }
    case 'tag':
      use(call.positionals[0]);
      if (call.positionals[1]) produces.push(call.positionals[1]);
      break;
    case 'commit':
      if (call.positionals[1]) produces.push(call.positionals[1]);
      break;
    case 'import':
      if (call.positionals[1]) produces.push(call.positionals[1]);
      break;
    case 'load':
      scope.loaded();
      break;
  }
  if (command.startsWith('compose ')) composeNeeds(call, scope);
}

function composeNeeds(call: DockerCall, scope: CallScope) {
  const { use, produces, sandboxOnly } = scope;
  const sub = call.command.slice('compose '.length);
  if (COMPOSE_V2_ONLY.has(sub))
    sandboxOnly(`«docker compose ${sub}» needs Compose v2; the lab machines have Compose v1`);
  const v2Flag = (COMPOSE_V2_FLAGS[sub] ?? []).find((flag) => hasOption(call, flag));
  if (v2Flag) sandboxOnly(`«docker compose ${sub} ${v2Flag}» needs Compose v2; the lab machines have Compose v1`);
  if (!COMPOSE_CREATES.has(sub)) return;
  let project;
  try {
    project = loadComposeProject(call, scope.cwd, scope.context.env ?? {});
  } catch {
    return; // No compose file: the command fails by itself, and the block with it.
  }
  const external = (network: unknown) =>
    !!network && typeof network === 'object' && (network as { external?: unknown }).external;
  const created = Object.entries(project.networks).filter(([, network]) => !external(network));
  if (created.length > 0)
    sandboxOnly(
      `the Compose file declares the network «${created[0][0]}» (a bridge network, which the lab machines never create)`,
    );
  for (const [name, service] of Object.entries(project.services)) {
    if (service.networks !== undefined)
      sandboxOnly(`the service «${name}» joins networks (bridge networks, which the lab machines never create)`);
    if (service.ports !== undefined && service.network_mode === undefined) {
      sandboxOnly(`the service «${name}» publishes ports, which needs a bridge network (the lab machines have none)`);
    }
    const build = serviceBuild(service, project.projectDir);
    if (build) {
      if (existsSync(build.dockerfile))
        for (const image of dockerfileImages(readFileSync(build.dockerfile, 'utf8'))) use(image);
      if (typeof service.image === 'string') produces.push(service.image);
    } else if (typeof service.image === 'string' && sub !== 'build') {
      use(service.image);
    }
  }
}
