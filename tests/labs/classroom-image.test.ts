// The course in a container, for the classroom (Dockerfile and compose.yaml at the top of the repository): built and
// started on the lab engine as the README tells an instructor to (`docker compose up -d --build`, on the port of
// PUERTO), then checked as a browser would see it: pages, redirects, the 404 page, compression, and every lesson
// file with the headers of `npm run serve` (dist/_headers); and that it is the exemplary image the course teaches:
// nginx as a user other than root, a read-only file system, a healthcheck, no build tools in it, small.
// Runs with `npm run test:labs:classroom`, inside the lab network in CI, where `npm ci` reaches the npm registry only
// through the proxy of LABS_NPM_PROXY (labs/provision/lab-network.sh). It leaves the engine as it found it, BuildKit's
// cache included: the lessons run next, and one shows `docker system df`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { Engine } from '../../labs/runner/engine.ts';
import { lockEngine, lockPath } from '../../labs/runner/engine-lock.ts';
import { parseHeaders } from '../../scripts/headers-file.ts';
import { headersFile, listLessonFiles } from '../../src/integrations/serve-lesson-files.ts';
import { noEngine } from '../unit/labs-engine.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const DOCS = `${ROOT}content/docs`;
const PORT = 18080;
const IMAGE = 'curso-bigdata-modulo-01';
/** The final stage's base (Dockerfile). */
const BASE_IMAGE = 'nginx:1.30';
/**
 * What the image adds to nginx's: the built site, nothing of the build stage. Measured 2026-12-04: 22.6 MB (on 403.9 MB); the budget
 * leaves room for the site to grow.
 */
const MAX_SITE_BYTES = 40e6;

function compose(args: string[], timeout = 120_000) {
  const result = spawnSync('docker', ['compose', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PUERTO: String(PORT) },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`;
  return { ok: result.status === 0, stdout: result.stdout ?? '', output };
}

function mustCompose(args: string[], timeout?: number): string {
  const result = compose(args, timeout);
  assert.ok(result.ok, `docker compose ${args.join(' ')} failed:\n${result.output.slice(-4000)}`);
  return result.stdout;
}

/** The IDs of the engine's build cache records. */
const buildCacheIds = () =>
  spawnSync('docker', ['buildx', 'du', '--format', '{{.ID}}'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);

const site = (path: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${PORT}${encodeURI(path)}`, { redirect: 'manual', ...init });

test(
  'the classroom image builds, starts healthy and serves the course as `npm run serve` does',
  { skip: noEngine },
  async (t) => {
    const release = await lockEngine(lockPath(), () => {});
    const engine = new Engine('docker');
    // What an earlier run or an instructor's own `docker compose up` left goes first, so that the build is this one's.
    compose(['down', '--rmi', 'all', '--volumes']);
    const before = engine.snapshot();
    const cacheBefore = new Set(buildCacheIds());
    try {
      // An instructor's machine reaches the npm registry itself; the lab network only through its proxy. The proxy
      // is a build argument Docker predefines (not kept in the image's history).
      const proxy = process.env.LABS_NPM_PROXY ? ['--build-arg', `HTTPS_PROXY=${process.env.LABS_NPM_PROXY}`] : [];
      const start = Date.now();
      mustCompose(['build', ...proxy], 30 * 60_000);
      t.diagnostic(`built in ${Math.round((Date.now() - start) / 1000)} s`);
      mustCompose(['up', '-d', '--wait', '--wait-timeout', '60']);

      const [id] = mustCompose(['ps', '-q', 'web']).trim().split('\n');
      const inspect = JSON.parse(spawnSync('docker', ['inspect', id], { encoding: 'utf8' }).stdout)[0];
      assert.equal(inspect.State.Health?.Status, 'healthy', 'the healthcheck passes');
      assert.equal(inspect.HostConfig.ReadonlyRootfs, true, 'read-only root file system');
      assert.deepEqual(inspect.HostConfig.CapDrop, ['ALL']);
      assert.equal(mustCompose(['exec', '-T', 'web', 'id', '-u']).trim(), '101', 'nginx runs as uid 101, not root');
      assert.ok(!compose(['exec', '-T', 'web', 'touch', '/srv/curso/x']).ok, 'the site cannot be changed');
      assert.ok(!compose(['exec', '-T', 'web', 'sh', '-c', 'command -v node']).ok, 'no Node.js in the served image');
      const size = (image: string) =>
        Number(spawnSync('docker', ['image', 'inspect', '--format', '{{.Size}}', image], { encoding: 'utf8' }).stdout);
      const [total, base] = [size(IMAGE), size(BASE_IMAGE)];
      const added = total - base;
      t.diagnostic(
        `image ${IMAGE}: ${(total / 1e6).toFixed(1)} MB, of which ${(added / 1e6).toFixed(1)} MB on ${BASE_IMAGE}`,
      );
      assert.ok(
        base > 0 && added > 0 && added < MAX_SITE_BYTES,
        `the image adds ${added} B to ${BASE_IMAGE}, budget ${MAX_SITE_BYTES} B`,
      );

      // Pages: at their trailing-slash address (a relative redirect keeps the instructor's port), compressed.
      const home = await site('/', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(home.status, 200);
      assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(home.headers.get('content-encoding'), 'gzip');
      assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
      const lesson = await site('/modulo-01/contenedores');
      assert.equal(lesson.status, 301);
      assert.equal(lesson.headers.get('location'), '/modulo-01/contenedores/');
      assert.equal((await site('/modulo-01/contenedores/')).status, 200);
      const missing = await site('/modulo-01/no-existe/');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /<html lang="es"/, 'the Spanish 404 page');

      // Every lesson file: status, type, its own name, no sniffing, and the very bytes of the built file.
      const written = mustCompose(['exec', '-T', 'web', 'cat', '/srv/curso/_headers']);
      assert.equal(written, headersFile(DOCS, listLessonFiles(DOCS)), 'the rules for every lesson file of this commit');
      const rules = parseHeaders(written);
      const files = [...rules.keys()].filter((path) => path !== '/*');
      const sums = new Map(
        mustCompose(['exec', '-T', 'web', 'sha256sum', ...files.map((path) => `/srv/curso${decodeURI(path)}`)])
          .trim()
          .split('\n')
          .map((line) => [line.slice(66 + '/srv/curso'.length), line.slice(0, 64)]),
      );
      for (const path of files) {
        const response = await site(decodeURI(path));
        assert.equal(response.status, 200, path);
        for (const [name, value] of [...rules.get('/*')!, ...rules.get(path)!])
          assert.equal(response.headers.get(name), value, `${path}: ${name}`);
        const body = Buffer.from(await response.arrayBuffer());
        const sum = createHash('sha256').update(body).digest('hex');
        assert.equal(sum, sums.get(decodeURI(path)), `${path}: the bytes of the built file`);
      }

      // The ZIPs and the PDFs, by their type.
      const archives = mustCompose([
        'exec',
        '-T',
        'web',
        'find',
        '/srv/curso',
        '-name',
        '*.zip',
        '-o',
        '-name',
        '*.pdf',
      ])
        .trim()
        .split('\n')
        .map((file) => file.slice('/srv/curso'.length));
      assert.ok(archives.some((file) => file.endsWith('.zip')) && archives.some((file) => file.endsWith('.pdf')));
      for (const file of archives) {
        const response = await site(file);
        assert.equal(response.status, 200, file);
        assert.equal(
          response.headers.get('content-type'),
          file.endsWith('.zip') ? 'application/zip' : 'application/pdf',
        );
        await response.arrayBuffer();
      }
    } finally {
      const down = compose(['down', '--rmi', 'all', '--volumes']);
      const left = engine.restore(before);
      // The build's cache records, a child before its parent, so a few passes; `--all` takes the ones shared with the
      // image store too.
      for (let pass = 0; pass < 10; pass++) {
        const added = buildCacheIds().filter((id) => !cacheBefore.has(id));
        if (added.length === 0) break;
        for (const id of added) spawnSync('docker', ['buildx', 'prune', '--all', '--force', '--filter', `id=${id}`]);
      }
      release();
      assert.ok(down.ok, down.output);
      assert.deepEqual(left, [], 'the engine is left as it was');
      assert.deepEqual(
        buildCacheIds().filter((id) => !cacheBefore.has(id)),
        [],
        'the build cache is left as it was',
      );
    }
  },
);
