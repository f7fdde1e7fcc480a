// Talks to the Docker engine for the runner: its version, whether an image is present, and a snapshot to undo a lesson.
import { spawnSync } from 'node:child_process';

export interface EngineSnapshot {
  containers: string[];
  volumes: string[];
  networks: string[];
  /** Image IDs, intermediate ones included. */
  images: string[];
  /** `repository:tag` of every tagged image. */
  tags: string[];
}

export interface EngineVersions {
  engine?: string;
  containerd?: string;
  runc?: string;
  compose?: string;
  buildx?: string;
  /** `containerd (overlayfs)`, or `graph driver overlay2`. */
  imageStore?: string;
}

export class Engine {
  readonly docker: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(docker: string, env: NodeJS.ProcessEnv = process.env) {
    this.docker = docker;
    this.env = env;
  }

  private run(args: string[]): { ok: boolean; stdout: string; stderr: string } {
    const result = spawnSync(this.docker, args, { encoding: 'utf8', env: this.env, timeout: 120_000 });
    return {
      ok: result.status === 0,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? String(result.error ?? ''),
    };
  }

  private lines(args: string[]): string[] {
    const result = this.run(args);
    if (!result.ok) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr.trim()}`);
    return [
      ...new Set(
        result.stdout
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ].sort();
  }

  /** The engine's version (`20.10.24+dfsg1`), or the error that says why there is no engine. */
  version(): { version?: string; error?: string } {
    const result = this.run(['version', '--format', '{{.Server.Version}}']);
    return result.ok ? { version: result.stdout.trim() } : { error: result.stderr.trim() || result.stdout.trim() };
  }

  /**
   * What runs the blocks, for the results and the marks: the engine's components (`docker version`), the image
   * store (`docker info`: containerd's snapshotter, or the old graph driver), Compose and Buildx (their plugins).
   */
  versions(): EngineVersions {
    const components = this.run(['version', '--format', '{{json .Server.Components}}']);
    const version = (name: string) => {
      try {
        const list = JSON.parse(components.stdout) as { Name: string; Version: string }[] | null;
        return list?.find((c) => c.Name.toLowerCase() === name.toLowerCase())?.Version;
      } catch {
        return undefined;
      }
    };
    const info = this.run(['info', '--format', '{{.Driver}}|{{json .DriverStatus}}']);
    const [driver, status = ''] = info.stdout.trim().split('|');
    const imageStore = !info.ok
      ? undefined
      : status.includes('io.containerd.snapshotter')
        ? `containerd (${driver})`
        : `graph driver ${driver}`;
    const compose = this.run(['compose', 'version', '--short']);
    const buildx = /\bv?(\d+\.\d+\.\d+\S*)/.exec(this.run(['buildx', 'version']).stdout);
    return {
      engine: version('Engine'),
      containerd: version('containerd'),
      runc: version('runc'),
      compose: compose.ok ? compose.stdout.trim().replace(/^v/, '') : undefined,
      buildx: buildx?.[1],
      imageStore,
    };
  }

  clientVersion(): string {
    return this.run(['version', '--format', '{{.Client.Version}}']).stdout.trim();
  }

  hasImage(ref: string): boolean {
    return this.run(['image', 'inspect', '--format', '{{.Id}}', ref]).ok;
  }

  /** Removes an image (its tag and, when nothing else uses them, its content), as `docker image rm -f`. */
  removeImage(ref: string): string | undefined {
    const result = this.run(['image', 'rm', '-f', ref]);
    return result.ok || !this.hasImage(ref) ? undefined : `could not remove ${ref}: ${result.stderr.trim()}`;
  }

  /**
   * Empties BuildKit's cache, so that a lesson's first build runs every step as on a student's first try (not
   * «CACHED» because of an earlier run). Returns the error, if any.
   */
  clearBuildCache(): string | undefined {
    const result = this.run(['builder', 'prune', '--all', '--force']);
    return result.ok ? undefined : `could not clear the build cache: ${result.stderr.trim()}`;
  }

  snapshot(): EngineSnapshot {
    return {
      containers: this.lines(['ps', '-aq', '--no-trunc']),
      volumes: this.lines(['volume', 'ls', '-q']),
      networks: this.lines(['network', 'ls', '-q', '--no-trunc']),
      images: this.lines(['images', '-aq', '--no-trunc']),
      tags: this.lines(['images', '--format', '{{.Repository}}:{{.Tag}}']).filter((t) => !t.includes('<none>')),
    };
  }

  /**
   * Removes what appeared since `before`: containers (with their anonymous volumes), networks, volumes, tags,
   * then images. Returns what could not be removed, and what `before` had that is now gone (a lesson that
   * removes something it did not create makes the next run differ).
   */
  restore(before: EngineSnapshot): string[] {
    const problems: string[] = [];
    const added = (now: string[], then: string[]) => now.filter((x) => !then.includes(x));
    const remove = (what: string, args: string[], items: string[]) => {
      if (items.length === 0) return;
      const result = this.run([...args, ...items]);
      if (!result.ok) problems.push(`could not remove ${what}: ${result.stderr.trim()}`);
    };
    remove('containers', ['rm', '-f', '-v'], added(this.lines(['ps', '-aq', '--no-trunc']), before.containers));
    remove('networks', ['network', 'rm'], added(this.lines(['network', 'ls', '-q', '--no-trunc']), before.networks));
    remove('volumes', ['volume', 'rm', '-f'], added(this.lines(['volume', 'ls', '-q']), before.volumes));
    const now = this.snapshot();
    remove('image tags', ['rmi'], added(now.tags, before.tags));
    // Removing an image removes its untagged parents; repeat until nothing new is left or nothing more goes.
    for (let left = added(this.lines(['images', '-aq', '--no-trunc']), before.images); left.length > 0;) {
      this.run(['rmi', '-f', ...left]);
      const next = added(this.lines(['images', '-aq', '--no-trunc']), before.images);
      if (next.length === left.length) {
        problems.push(`could not remove images ${next.join(' ')}`);
        break;
      }
      left = next;
    }
    const after = this.snapshot();
    for (const key of ['containers', 'volumes', 'networks', 'images', 'tags'] as const) {
      const gone = before[key].filter((x) => !after[key].includes(x));
      if (gone.length > 0) problems.push(`the lesson removed ${key} that existed before it ran: ${gone.join(' ')}`);
    }
    return problems;
  }
}
