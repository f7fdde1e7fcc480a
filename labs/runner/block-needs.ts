// What a console block needs to run, read from its commands: the images it uses and makes, and why it cannot run here.
//
// The lab engine (Docker Engine 29, Compose v5, Buildx; bridge networks, DNS, published ports, a local registry)
// runs every block except those needing what no lab machine gives (the reasons are shown on the page, in Spanish):
//   - an interactive terminal (`-it`, `attach`): always;
//   - Docker Hub: `login`/`logout` and `push` to it, `search`: always; a pull from it (`pull`, `--pull always`,
//     `build --pull`, `compose pull`, `manifest`, or an image that is neither on the engine nor made by an earlier
//     block) unless LABS_HUB_MIRROR=1 says the engine pulls through a mirror;
//   - on the lab machines (LABS_SANDBOX=1): traffic to a host other than this one, and `apt-get install` & co. on
//     the machine itself;
//   - swarm mode (`swarm`, `service`, `stack`…), which the lab engine does not run.
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
  /** The block calls Docker Compose (the mark names its version). */
  compose?: boolean;
}

export interface NeedsContext {
  /** The folder the block starts in (the lesson's copy, or where an earlier block `cd`-ed to). */
  cwd: string;
  /** On a lab machine (LABS_SANDBOX=1): no traffic to other hosts, no package installs on the machine. */
  sandbox: boolean;
  /** The engine pulls from Docker Hub (through a mirror: LABS_HUB_MIRROR=1); else pulls from Docker Hub are skipped. */
  hub?: boolean;
  env?: NodeJS.ProcessEnv;
}

const SWARM = /^(swarm|service|stack|node|secret|config)( |$)/;
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
  let compose = false;
  let cwd = context.cwd;
  const use = (image: string | undefined) => {
    if (!image || image.includes(DYNAMIC) || unknownImagesLoaded) return;
    if (!produces.includes(image) && !images.includes(image)) images.push(image);
  };
  const sandboxOnly = (reason: string) => {
    if (context.sandbox) throw new Skip(reason);
  };
  const hubOnly = (reason: string) => {
    if (!context.hub) throw new Skip(`${reason} (LABS_HUB_MIRROR=1 si el motor tiene un espejo de Docker Hub)`);
  };
  try {
    const { calls } = parseShell(commands.join('\n'));
    for (const call of calls) {
      const args = withoutSudo(call.args);
      if (args.length === 0) continue;
      for (const arg of args) {
        for (const match of arg.matchAll(/\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"]+)/g)) {
          if (!LOOPBACK.test(match[1]) && !match[1].includes(DYNAMIC))
            sandboxOnly(`se conecta a ${match[1]}, fuera de esta máquina, y las máquinas del curso no salen a la red`);
        }
      }
      if (args[0] === 'cd' && args[1] && !args[1].includes(DYNAMIC)) cwd = resolve(cwd, args[1]);
      if (
        (args[0] === 'apt-get' || args[0] === 'apt') &&
        /^(install|update|upgrade|dist-upgrade|full-upgrade)$/.test(args[1] ?? '')
      ) {
        sandboxOnly(`«${args[0]} ${args[1]}» cambia los paquetes de la máquina que ejecuta los laboratorios`);
      }
      if (args[0] !== 'docker') continue;
      const docker = parseDockerCall(args.slice(1));
      if (docker.command === 'compose' || docker.command.startsWith('compose ')) compose = true;
      dockerNeeds(docker, { use, produces, cwd, context, hubOnly, loaded: () => (unknownImagesLoaded = true) });
    }
  } catch (error) {
    if (error instanceof Skip) return { skip: error.message, images, produces };
    throw error;
  }
  return { images, produces, ...(compose ? { compose } : {}) };
}

interface CallScope {
  use: (image: string | undefined) => void;
  produces: string[];
  cwd: string;
  context: NeedsContext;
  hubOnly: (reason: string) => void;
  loaded: () => void;
}

/** Whether an image reference (or a registry address) is on Docker Hub: no registry host, or docker.io. */
export function onDockerHub(ref: string): boolean {
  const first = ref.split('/')[0];
  if (!ref.includes('/')) return !/^(localhost|[^:]*\.[^:]*)(:\d+)?$/.test(ref) || /docker\.io$/.test(ref);
  return !(first === 'localhost' || first.includes('.') || first.includes(':')) || /(^|\.)docker\.io$/.test(first);
}

function dockerNeeds(call: DockerCall, scope: CallScope) {
  const { use, produces, hubOnly } = scope;
  const command = call.canonical;
  const hubRef = (ref: string | undefined) => ref !== undefined && !ref.includes(DYNAMIC) && onDockerHub(ref);
  if (command === 'search') throw new Skip('«docker search» busca en Docker Hub, y Docker Hub no se usa aquí');
  if ((command === 'login' || command === 'logout') && (call.positionals.length === 0 || hubRef(call.positionals[0])))
    throw new Skip(`«docker ${call.command}» inicia o cierra una sesión en Docker Hub, que pide una cuenta`);
  if (command === 'push' && hubRef(call.positionals[0]))
    throw new Skip(`«docker push ${call.positionals[0]}» sube la imagen a Docker Hub, que pide una cuenta`);
  if ((command === 'pull' || command === 'compose pull') && (command !== 'pull' || hubRef(call.positionals[0])))
    hubOnly(`«docker ${call.command}» descarga de Docker Hub`);
  if (command.startsWith('manifest') || command.startsWith('trust'))
    hubOnly(`«docker ${call.command}» consulta un registro`);
  if (SWARM.test(command))
    throw new Skip(`«docker ${call.command}» necesita el modo swarm, que el motor del curso no usa`);
  if (
    command === 'attach' ||
    ((command === 'run' || command === 'create' || command === 'exec') &&
      hasOption(call, '-i', '--interactive') &&
      hasOption(call, '-t', '--tty'))
  ) {
    throw new Skip(`«docker ${call.command} -it» abre un terminal interactivo`);
  }
  switch (command) {
    case 'run':
    case 'create': {
      if (optionValue(call, '--pull') === 'always' && hubRef(call.positionals[0]))
        hubOnly('«--pull always» descarga de Docker Hub');
      use(call.positionals[0]);
      break;
    }
    case 'build': {
      if (hasOption(call, '--pull')) hubOnly('«docker build --pull» descarga de Docker Hub');
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

/** Compose subcommands that create (and start) containers: they need the images. */
const COMPOSE_CREATES = new Set(['up', 'create', 'run', 'build']);

function composeNeeds(call: DockerCall, scope: CallScope) {
  const { use, produces } = scope;
  const sub = call.command.slice('compose '.length);
  if (!COMPOSE_CREATES.has(sub)) return;
  let project;
  try {
    project = loadComposeProject(call, scope.cwd, scope.context.env ?? {});
  } catch {
    return; // No compose file: the command fails by itself, and the block with it.
  }
  for (const service of Object.values(project.services)) {
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
