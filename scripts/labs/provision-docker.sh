#!/usr/bin/env bash
# Provisions a real Docker Engine for the lab suite on Debian 12, as root, without a registry and without bridge networks.
#
# Idempotent: every step checks first and skips what is already there.
#   1. /etc/docker/daemon.json with no default bridge, no iptables, no forwarding — written BEFORE docker.io
#      is installed, so the daemon never creates docker0 or touches the host's firewall;
#   2. apt-get install docker.io docker-compose qemu-utils debootstrap (only the missing ones);
#   3. dockerd in the background when no engine answers on the socket; its PID goes to $LABS_DOCKERD_PIDFILE
#      (the caller stops it by that PID; an engine that was already running is left alone);
#   4. a local debian:bookworm base image made with debootstrap from Debian's mirror and `docker import`
#      (no registry); the root file system tarball is cached in $LABS_CACHE_DIR for the next run.
# Prints how long each step took.
set -euo pipefail

PIDFILE=${LABS_DOCKERD_PIDFILE:-/run/curso-labs-dockerd.pid}
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
LOG=${LABS_DOCKERD_LOG:-/var/log/curso-labs-dockerd.log}
BASE_IMAGE=debian:bookworm
# Debian's own client talks to Debian's 20.10 daemon; /usr/local/bin/docker, if any, is not ours.
DOCKER=/usr/bin/docker
DAEMON_JSON='{"bridge":"none","iptables":false,"ip6tables":false,"ip-forward":false,"ip-masq":false}'

step_start=0
step() { step_start=$SECONDS; echo "provision: $*"; }
done_step() { echo "provision:   … $(( SECONDS - step_start )) s"; }

if [ "$(id -u)" != 0 ]; then
  echo "provision-docker.sh must run as root (it installs packages and starts dockerd)" >&2
  exit 1
fi

# 1. The daemon configuration, before the daemon exists.
step "daemon.json (no bridge, no iptables)"
mkdir -p /etc/docker
if [ "$(cat /etc/docker/daemon.json 2>/dev/null)" != "$DAEMON_JSON" ]; then
  if [ -s /etc/docker/daemon.json ]; then
    echo "provision: /etc/docker/daemon.json exists with other settings; refusing to overwrite it:" >&2
    cat /etc/docker/daemon.json >&2
    exit 1
  fi
  printf '%s\n' "$DAEMON_JSON" > /etc/docker/daemon.json
fi
done_step

# 2. Packages.
step "packages"
packages=(docker.io docker-compose qemu-utils debootstrap)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "provision: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
done_step

# 3. The engine.
step "dockerd"
if "$DOCKER" version > /dev/null 2>&1; then
  echo "provision: an engine already answers on the socket; leaving it as it is"
else
  # A stale socket or pid file from a killed daemon would stop a new one from starting.
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE"; fi
  if [ -f "$PIDFILE" ]; then
    echo "provision: dockerd $(cat "$PIDFILE") is starting"
  else
    rm -f /var/run/docker.sock /var/run/docker.pid
    nohup /usr/sbin/dockerd > "$LOG" 2>&1 &
    echo $! > "$PIDFILE"
    echo "provision: started dockerd, pid $(cat "$PIDFILE"), log $LOG"
  fi
  for _ in $(seq 1 60); do
    "$DOCKER" version > /dev/null 2>&1 && break
    sleep 0.5
  done
  if ! "$DOCKER" version > /dev/null 2>&1; then
    echo "provision: dockerd did not answer in 30 s; its log:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
fi
# The network rule: never a bridge. Fail loudly if the daemon has one (another configuration is in force).
if "$DOCKER" network ls --format '{{.Driver}} {{.Name}}' | grep -q '^bridge '; then
  echo "provision: the engine has a bridge network; it must run with $DAEMON_JSON" >&2
  "$DOCKER" network ls >&2
  exit 1
fi
echo "provision: engine $("$DOCKER" version --format '{{.Server.Version}}')"
done_step

# 4. The base image, without a registry.
step "base image $BASE_IMAGE"
if "$DOCKER" image inspect "$BASE_IMAGE" > /dev/null 2>&1; then
  echo "provision: $BASE_IMAGE is present"
else
  tarball="$CACHE_DIR/debian-bookworm-minbase.tar"
  if [ ! -s "$tarball" ]; then
    mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)\/\?$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
    mirror=${mirror:-http://deb.debian.org/debian}
    mkdir -p "$CACHE_DIR"
    rootfs=$(mktemp -d /tmp/curso-labs-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    echo "provision: debootstrap --variant=minbase bookworm from $mirror"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$CACHE_DIR/debootstrap.log" 2>&1 || {
      tail -n 30 "$CACHE_DIR/debootstrap.log" >&2
      exit 1
    }
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
    tar --numeric-owner -C "$rootfs" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
    trap - EXIT
  fi
  "$DOCKER" import --change 'CMD ["bash"]' "$tarball" "$BASE_IMAGE" > /dev/null
  echo "provision: imported $BASE_IMAGE ($("$DOCKER" image inspect --format '{{.Size}}' "$BASE_IMAGE") bytes)"
fi
done_step
