import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockNeeds } from '../../labs/runner/block-needs.ts';

const cwd = mkdtempSync(join(tmpdir(), 'needs-'));
writeFileSync(join(cwd, 'Dockerfile'), 'FROM debian:bookworm AS base\nFROM base\nCOPY --from=busybox:1 /bin/sh /sh\n');
mkdirSync(join(cwd, 'web'));
writeFileSync(join(cwd, 'web/compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n');
mkdirSync(join(cwd, 'red'));
writeFileSync(
  join(cwd, 'red/compose.yaml'),
  'services:\n  a:\n    image: debian:bookworm\n    networks: [interna]\nnetworks:\n  interna:\n',
);
mkdirSync(join(cwd, 'app'));
writeFileSync(
  join(cwd, 'compose.yaml'),
  'services:\n  app:\n    build: ./app\n    image: curso/app:1\n  db:\n    image: postgres:17\n    network_mode: none\n',
);
writeFileSync(join(cwd, 'app/Dockerfile'), 'FROM debian:bookworm\n');

const sandbox = (...commands: string[]) => blockNeeds(commands, { cwd, sandbox: true });
const elsewhere = (...commands: string[]) => blockNeeds(commands, { cwd, sandbox: false });

test('the images a block uses, from run, create, tag and the Dockerfile of a build; not the ones it makes', () => {
  assert.deepEqual(sandbox('docker run --rm debian:bookworm uname -r', 'docker create --name x debian:bookworm'), {
    images: ['debian:bookworm'],
    produces: [],
  });
  assert.deepEqual(
    sandbox('docker build -t curso/x:1 .', 'docker run --rm curso/x:1', 'docker tag curso/x:1 curso/x:latest'),
    {
      images: ['debian:bookworm', 'busybox:1'],
      produces: ['curso/x:1', 'curso/x:latest'],
    },
  );
  assert.deepEqual(sandbox('ID=$(docker run -d debian:bookworm sleep 9)', 'docker rm -f "$ID"').images, [
    'debian:bookworm',
  ]);
  assert.deepEqual(sandbox('docker load -i x.tar', 'docker run --rm loaded:1').images, []);
});

test('a registry, a bridge network, a published port or Compose v2 are skipped in the sandbox, with the reason', () => {
  assert.match(sandbox('docker pull debian:bookworm').skip!, /«docker pull» needs a container registry/);
  assert.match(sandbox('sudo docker push x').skip!, /registry/);
  assert.match(sandbox('docker network create red').skip!, /never create bridge networks/);
  assert.match(sandbox('docker run --network red img').skip!, /needs the network «red»/);
  assert.match(
    sandbox("docker network inspect --format '{{.Driver}}' bridge").skip!,
    /needs the default bridge network/,
  );
  assert.equal(sandbox('docker network inspect host none').skip, undefined);
  assert.equal(sandbox('docker run --network host img').skip, undefined);
  assert.equal(sandbox('docker run --network container:x img').skip, undefined);
  assert.match(sandbox('docker run -d -p 8080:80 img').skip!, /publishes a port/);
  assert.match(sandbox('docker run --pull always img').skip!, /registry/);
  assert.match(sandbox('docker compose ls').skip!, /needs Compose v2/);
  assert.match(sandbox('docker compose ps --format json').skip!, /«docker compose ps --format» needs Compose v2/);
  assert.match(sandbox('docker swarm init').skip!, /swarm mode/);
});

test('outside the sandbox only what no machine can do unattended is skipped', () => {
  assert.equal(elsewhere('docker pull debian:bookworm').skip, undefined);
  assert.equal(elsewhere('docker network create red').skip, undefined);
  assert.match(elsewhere('docker run -it --rm debian:bookworm bash').skip!, /interactive terminal/);
  assert.match(elsewhere('docker exec -it c bash').skip!, /interactive terminal/);
  assert.equal(elsewhere('docker run -i --rm img cat').skip, undefined);
});

test('traffic to other hosts and package installs on the machine are skipped in the sandbox', () => {
  assert.match(sandbox('curl -s https://example.org/').skip!, /reaches example\.org over the network/);
  assert.equal(sandbox('curl --unix-socket /var/run/docker.sock http://localhost/_ping').skip, undefined);
  assert.equal(sandbox('curl http://127.0.0.1:8080/').skip, undefined);
  assert.match(sandbox('sudo apt-get install -y qemu-utils').skip!, /changes the packages/);
});

test('Compose: images of services, the base of built ones, and what the files would create', () => {
  assert.deepEqual(sandbox('docker compose up -d'), {
    images: ['debian:bookworm', 'postgres:17'],
    produces: ['curso/app:1'],
  });
  assert.deepEqual(sandbox('docker compose config'), { images: [], produces: [], composeConfig: true });
  assert.match(sandbox('cd web', 'docker compose up -d').skip!, /service «web» publishes ports/);
  assert.match(sandbox('docker compose -f red/compose.yaml up -d').skip!, /declares the network «interna»/);
  assert.deepEqual(sandbox('docker compose -f no-existe.yaml up').images, []);
});
