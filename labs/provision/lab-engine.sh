#!/usr/bin/env bash
# Starts or stops the lab suite's Docker Engine inside the lab network namespace (lab-network.sh), as a fresh
# install on a laptop runs it: default socket /var/run/docker.sock, data in /var/lib/docker, the containerd image
# store, BuildKit, the default bridge. dockerd starts and manages its own containerd; the binaries (build-docker.sh)
# come first on its PATH.
#
# Usage: lab-engine.sh start | reset | stop   (root; `start` leaves a running lab engine alone, and refuses to touch
# an engine it did not start; `reset` removes what an earlier run left on the lab engine, see below)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
BIN=${LABS_BIN:-/usr/local/bin}
RUN_DIR=/run/curso-labs
PIDFILE=$RUN_DIR/dockerd.pid
LOG=${LABS_DOCKERD_LOG:-$CACHE_DIR/dockerd.log}
DOCKER="$BIN/docker"

log() { echo "lab-engine: $*"; }
alive() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2> /dev/null; }

start() {
  if alive; then
    log "dockerd $(cat "$PIDFILE") is running"
  else
    if "$DOCKER" version > /dev/null 2>&1; then
      echo "lab-engine: another Docker Engine answers on /var/run/docker.sock; stop it first" >&2
      exit 1
    fi
    mkdir -p "$RUN_DIR"
    rm -f /var/run/docker.sock /var/run/docker.pid
    # A configuration file of our own (only the Docker Hub mirror of lab-network.sh): whatever
    # /etc/docker/daemon.json says does not apply.
    "$here/lab-network.sh" exec env PATH="$BIN:$PATH" \
      "$BIN/dockerd" --config-file "$here/daemon.json" --pidfile "$PIDFILE" > "$LOG" 2>&1 &
    for _ in $(seq 1 120); do
      "$DOCKER" version > /dev/null 2>&1 && break
      sleep 0.5
    done
    if ! "$DOCKER" version > /dev/null 2>&1; then
      echo "lab-engine: dockerd did not answer in 60 s; its log ($LOG):" >&2
      tail -n 40 "$LOG" >&2
      exit 1
    fi
  fi
  # The engine must be the one a student installs: the containerd image store.
  local store
  store=$("$DOCKER" info --format '{{.DriverStatus}}')
  case "$store" in
    *io.containerd.snapshotter*) ;;
    *)
      echo "lab-engine: the engine does not use the containerd image store: $store" >&2
      exit 1
      ;;
  esac
  log "$("$DOCKER" version --format 'Engine {{.Server.Version}}, API {{.Server.APIVersion}}, CLI {{.Client.Version}}'), $("$DOCKER" compose version), $("$DOCKER" buildx version)"
}

# The lab engine as a student's fresh install has it, plus the stand-in images: an interrupted run (a killed session,
# a lesson that failed halfway) leaves containers, volumes, networks, images and build cache in /var/lib/docker, and
# the next run's outputs (`docker ps -a`, `docker network ls`, `docker compose up`) would show them.
reset() {
  alive || { echo "lab-engine: reset: the lab engine is not running (lab-engine.sh start)" >&2; exit 1; }
  local keep containers volumes images
  keep=$(python3 -c 'import json, sys; print("\n".join(e["image"] for e in json.load(open(sys.argv[1]))))' \
    "$here/../images/stand-ins.json")
  containers=$("$DOCKER" container ls -aq)
  volumes=$("$DOCKER" volume ls -q)
  images=$("$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}' | grep -vxF -e '<none>:<none>' -e "$keep" || true)
  # shellcheck disable=SC2086 # one id or name per word
  {
    [ -z "$containers" ] || "$DOCKER" container rm -f -v $containers > /dev/null
    [ -z "$volumes" ] || "$DOCKER" volume rm -f $volumes > /dev/null
    "$DOCKER" network prune -f > /dev/null
    [ -z "$images" ] || "$DOCKER" image rm -f $images > /dev/null
    "$DOCKER" image prune -f > /dev/null
    "$DOCKER" builder prune -af > /dev/null
  }
  log "reset: removed $(echo "$containers" | grep -c . || true) containers, $(echo "$volumes" | grep -c . || true) volumes, $(echo "$images" | grep -c . || true) images that an earlier run left"
}

stop() {
  if alive; then
    local pid
    pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    log "dockerd $pid stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  reset) reset ;;
  stop) stop ;;
  *) echo "usage: $0 start | reset | stop" >&2; exit 2 ;;
esac
