#!/usr/bin/env bash
# Provisions the lab suite's Docker on a Debian 12 machine, as root: the Docker that students install today, in a
# network namespace of its own, with the lessons' images. Idempotent: every step keeps what is already there (built
# binaries, images, the namespace, a running lab engine), so a second run takes seconds; only what an earlier run of
# the lessons left on the engine (containers, volumes, networks, other images) is removed.
#
#   1. Debian packages the steps need (only the missing ones);
#   2. build-docker.sh       Engine, CLI, Compose, buildx, containerd, runc from their Go modules (versions.sh);
#   3. lab-network.sh up     the namespace curso-labs, its DNS and its apt proxy to Debian's mirror;
#   4. lab-engine.sh start   dockerd inside it (containerd image store); `reset` clears what a run left on it;
#   5. build-stand-ins.sh    the lessons' images (../images/stand-ins.json).
#
# Prints how long each step took. Afterwards: `lab-network.sh exec COMMAND` runs COMMAND where the lab engine's
# published ports are (localhost inside the namespace); `lab-engine.sh stop` and `lab-network.sh down` undo 3–4.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
export LABS_CACHE_DIR=$CACHE_DIR
BIN=${LABS_BIN:-/usr/local/bin}
export PATH="$BIN:$PATH"

if [ "$(id -u)" != 0 ]; then
  echo "provision.sh must run as root (it installs packages, creates a network namespace and starts dockerd)" >&2
  exit 1
fi

step_start=0
step() { step_start=$SECONDS; echo "provision: $*"; }
done_step() { echo "provision:   … $((SECONDS - step_start)) s"; }
total_start=$SECONDS

step "packages"
# iptables, iproute2: the namespace and dockerd's own rules; libseccomp-dev: runc's seccomp (cgo); tini: docker-init;
# debootstrap: Debian base images; apt-cacher-ng, dnsmasq-base: the namespace's path to Debian's mirror;
# docker-registry: the engine's Docker Hub mirror of the stand-ins; qemu-utils: qemu-img and qemu-io for the
# virtual machines lesson; tinyproxy: the namespace's path to the npm registry, for the classroom image's build.
packages=(iptables iproute2 libseccomp-dev pkg-config tini debootstrap apt-cacher-ng dnsmasq-base docker-registry qemu-utils
  tinyproxy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "provision: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  # Debian's apt-cacher-ng package starts its own instance on port 3142 of every interface; lab-network.sh runs
  # one of its own, bound to the veth only.
  # The same for docker-registry (port 5000 of every interface): lab-network.sh runs its own, on the veth only.
  if pgrep -x apt-cacher-ng > /dev/null && [ ! -s /run/curso-labs/apt-cacher-ng.pid ]; then
    service apt-cacher-ng stop > /dev/null 2>&1 || pkill -x apt-cacher-ng || true
  fi
  if pgrep -x docker-registry > /dev/null && [ ! -s /run/curso-labs/hub-mirror.pid ]; then
    service docker-registry stop > /dev/null 2>&1 || pkill -x docker-registry || true
  fi
  # And tinyproxy (port 8888 of every interface): lab-network.sh runs its own, on the veth only.
  if pgrep -x tinyproxy > /dev/null && [ ! -s /run/curso-labs/npm-proxy.pid ]; then
    service tinyproxy stop > /dev/null 2>&1 || pkill -x tinyproxy || true
  fi
fi
done_step

step "Docker from its Go modules"
"$here/build-docker.sh"
done_step

step "network namespace"
"$here/lab-network.sh" up
done_step

step "lab engine"
"$here/lab-engine.sh" start
"$here/lab-engine.sh" reset
done_step

step "stand-in images"
"$here/../images/build-stand-ins.sh"
done_step

echo "provision: done in $((SECONDS - total_start)) s"
