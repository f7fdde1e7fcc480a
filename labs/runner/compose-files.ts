// Finds and reads the Compose files a `docker compose …` call uses, the way Compose does (-f, COMPOSE_FILE, compose.yaml up the tree).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { optionValue, optionValues, type DockerCall } from './docker-call.ts';

/** Compose v2's default file names, in the order it looks for them in a folder. */
export const DEFAULT_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** Merged automatically over the default file when no -f is given. */
export const OVERRIDE_COMPOSE_FILES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

export type Service = Record<string, unknown>;

export interface ComposeProject {
  files: string[];
  /** `--project-directory`, or the folder of the first file: relative paths in the files resolve against it. */
  projectDir: string;
  /** The files as parsed, in order. */
  documents: { file: string; document: Document }[];
  /** Services merged over the files, key by key (enough to know images, builds, networks and ports). */
  services: Record<string, Service>;
  /** Top-level `networks:` merged over the files. */
  networks: Record<string, unknown>;
  /** Top-level `name:` (the last file that sets it wins). */
  name?: string;
}

/** The files a compose call reads, as absolute paths; throws when there are none (Compose would fail too). */
export function composeFilesOf(
  call: DockerCall,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { files: string[]; projectDir: string } {
  const given = optionValues({ options: call.composeOptions }, '-f', '--file');
  const projectDirOption = optionValue({ options: call.composeOptions }, '--project-directory');
  let files: string[];
  if (given.length > 0) files = given.map((f) => resolve(cwd, f));
  else if (env.COMPOSE_FILE) files = env.COMPOSE_FILE.split(':').map((f) => resolve(cwd, f));
  else files = defaultFiles(projectDirOption ? resolve(cwd, projectDirOption) : cwd);
  const missing = files.find((f) => !existsSync(f));
  if (missing) throw new Error(`compose file not found: ${missing}`);
  return { files, projectDir: projectDirOption ? resolve(cwd, projectDirOption) : dirname(files[0]) };
}

function defaultFiles(start: string): string[] {
  for (let dir = start; ; dir = dirname(dir)) {
    const main = DEFAULT_COMPOSE_FILES.map((name) => join(dir, name)).find(existsSync);
    if (main) {
      const override = OVERRIDE_COMPOSE_FILES.map((name) => join(dir, name)).find(existsSync);
      return override ? [main, override] : [main];
    }
    if (dirname(dir) === dir)
      throw new Error(`no compose file (${DEFAULT_COMPOSE_FILES.join(', ')}) in ${start} or above`);
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Reads and merges the files of a compose call. Throws with the file name on a YAML error. */
export function loadComposeProject(call: DockerCall, cwd: string, env: NodeJS.ProcessEnv = {}): ComposeProject {
  const { files, projectDir } = composeFilesOf(call, cwd, env);
  const documents = files.map((file) => {
    const document = parseDocument(readFileSync(file, 'utf8'));
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    return { file, document };
  });
  const services: Record<string, Service> = {};
  const networks: Record<string, unknown> = {};
  let name: string | undefined;
  for (const { document } of documents) {
    const model = asRecord(document.toJS());
    for (const [service, definition] of Object.entries(asRecord(model.services))) {
      services[service] = { ...services[service], ...asRecord(definition) };
    }
    Object.assign(networks, asRecord(model.networks));
    if (typeof model.name === 'string') name = model.name;
  }
  return { files, projectDir, documents, services, networks, name };
}

/** The build context and Dockerfile of a service's `build:` (string or mapping), resolved against the project folder. */
export function serviceBuild(
  service: Service,
  projectDir: string,
): { context: string; dockerfile: string } | undefined {
  if (service.build === undefined) return undefined;
  const build = typeof service.build === 'string' ? { context: service.build } : asRecord(service.build);
  const context = resolve(projectDir, String(build.context ?? '.'));
  return { context, dockerfile: resolve(context, String(build.dockerfile ?? 'Dockerfile')) };
}
