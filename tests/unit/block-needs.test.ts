import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockNeeds, onDockerHub } from '../../labs/runner/block-needs.ts';

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

const mirrored = (...commands: string[]) => blockNeeds(commands, { cwd, sandbox: true, hub: true });

test('bridge networks, published ports, Compose and Buildx run; Docker Hub and swarm mode are skipped, with the reason', () => {
  for (const command of [
    'docker network create red',
    'docker run --network red img',
    "docker network inspect --format '{{.Driver}}' bridge",
    'docker run -d -p 8080:80 img',
    'docker compose ls',
    'docker compose ps --format json',
    'docker buildx ls',
    'docker push localhost:5000/curso/web:1',
    'docker pull localhost:5000/curso/web:1',
    'docker login localhost:5000',
  ])
    assert.equal(sandbox(command).skip, undefined, command);
  assert.match(sandbox('docker pull debian:trixie').skip!, /^«docker pull» descarga de Docker Hub \(LABS_HUB_MIRROR=1/);
  assert.equal(mirrored('docker pull debian:trixie').skip, undefined);
  assert.match(sandbox('docker run --pull always img').skip!, /Docker Hub/);
  assert.match(sandbox('docker build --pull .').skip!, /Docker Hub/);
  assert.match(sandbox('docker compose pull').skip!, /Docker Hub/);
  assert.match(mirrored('sudo docker push curso/web:1').skip!, /sube la imagen a Docker Hub/);
  assert.match(mirrored('docker login').skip!, /sesión en Docker Hub/);
  assert.match(mirrored('docker search nginx').skip!, /busca en Docker Hub/);
  assert.match(mirrored('docker swarm init').skip!, /modo swarm/);
  assert.equal(onDockerHub('nginx:1.29'), true);
  assert.equal(onDockerHub('docker.io/apache/spark:4.0.1'), true);
  assert.equal(onDockerHub('localhost:5000/curso/web:1'), false);
  assert.equal(onDockerHub('registro.example.com/x'), false);
});

test('off the lab machines too, an interactive terminal and Docker Hub are skipped', () => {
  assert.match(elsewhere('docker pull debian:bookworm').skip!, /Docker Hub/);
  assert.equal(elsewhere('docker network create red').skip, undefined);
  assert.match(elsewhere('docker run -it --rm debian:bookworm bash').skip!, /abre un terminal interactivo/);
  assert.match(elsewhere('docker exec -it c bash').skip!, /abre un terminal interactivo/);
  assert.equal(elsewhere('docker run -i --rm img cat').skip, undefined);
});

test('traffic to other hosts and package installs on the machine are skipped in the sandbox', () => {
  assert.match(sandbox('curl -s https://example.org/').skip!, /se conecta a example\.org, fuera de esta máquina/);
  assert.equal(sandbox('curl --unix-socket /var/run/docker.sock http://localhost/_ping').skip, undefined);
  assert.equal(sandbox('curl http://127.0.0.1:8080/').skip, undefined);
  assert.match(sandbox('sudo apt-get install -y qemu-utils').skip!, /cambia los paquetes/);
});

test('Compose: images of services, the base of built ones, and what the files would create', () => {
  assert.deepEqual(sandbox('docker compose up -d'), {
    images: ['debian:bookworm', 'postgres:17'],
    produces: ['curso/app:1'],
    compose: true,
  });
  assert.deepEqual(sandbox('docker compose config'), { images: [], produces: [], compose: true });
  assert.deepEqual(sandbox('cd web', 'docker compose up -d'), { images: ['nginx:1.27'], produces: [], compose: true });
  assert.equal(sandbox('docker compose -f red/compose.yaml up -d').skip, undefined);
  assert.deepEqual(sandbox('docker compose -f no-existe.yaml up').images, []);
});
