// One lab run per Docker engine at a time: each run undoes what appeared on the engine during a lesson, so two would undo each other.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The lock folder for an engine address (DOCKER_HOST, or the default socket). */
export function lockPath(
  dockerHost = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
  dir = tmpdir(),
): string {
  return join(dir, `curso-labs-${createHash('sha256').update(dockerHost).digest('hex').slice(0, 12)}.lock`);
}

/**
 * Takes the lock (a folder holding the owner's PID), waiting while another live run holds it; a lock left by a
 * process that no longer exists is taken over. Returns the function that releases it.
 */
export async function lockEngine(
  path: string,
  onWait: (pid: number) => void,
  timeoutMs = 3_600_000,
): Promise<() => void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      /* being written or removed: try again */
    }
    if (Number.isInteger(owner) && !alive(owner)) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`another lab run (pid ${owner}) has held ${path} for too long`);
    if (!told && Number.isInteger(owner)) {
      onWait(owner);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
