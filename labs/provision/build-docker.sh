#!/usr/bin/env bash
# Builds the lab suite's Docker from source with `go install`/`go build` through the Go module proxy, into
# $LABS_CACHE_DIR/bin/<module>@<version>/, and installs copies into $LABS_BIN (default /usr/local/bin, where moby's own
# `make install` puts them: processes then show the short paths a student's do, as in `ps`), the CLI plugins into
# /usr/local/lib/docker/cli-plugins.
# Idempotent: a binary already built for its version is kept (the Go module and build caches make a rebuild fast).
#
#   dockerd, docker-proxy    github.com/moby/moby/v2/cmd/…           (go install)
#   containerd, shim, ctr    github.com/containerd/containerd/v2/cmd/…
#   runc                     github.com/opencontainers/runc           (cgo, libseccomp-dev)
#   docker                   github.com/docker/cli (vendor.mod as go.mod; see below)
#   docker-compose, buildx   CLI plugins, linked into $LABS_BIN/cli-plugins and /usr/local/lib/docker/cli-plugins
#   docker-init              Debian's tini-static (what Docker's packages ship as docker-init)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.sh
. "$here/versions.sh"
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
BIN=${LABS_BIN:-/usr/local/bin}
export CGO_ENABLED=1 GOFLAGS=-mod=mod GOTOOLCHAIN=local

log() { echo "build-docker: $*"; }

# built NAME MODULE VERSION: the cached directory of a build, empty until it succeeds.
out_dir() { echo "$CACHE_DIR/bin/$(echo "$1@$2" | tr '/' '_')"; }

# go_install MODULE VERSION LDFLAGS PACKAGE…: `go install PACKAGE@VERSION` for each package into one directory
# (build tags in $GO_TAGS).
go_install() {
  local module=$1 version=$2 ldflags=$3
  shift 3
  local dir
  dir=$(out_dir "$module" "$version")
  if [ -f "$dir/.done" ]; then return 0; fi
  local start=$SECONDS
  mkdir -p "$dir"
  for package in "$@"; do
    local path=$module${package:+/$package}
    log "go install $path@$version"
    GOBIN="$dir" go install -trimpath -tags "${GO_TAGS:-}" -ldflags "-s -w $ldflags" "$path@$version"
  done
  touch "$dir/.done"
  log "  … $module@$version in $((SECONDS - start)) s"
}

# go_build_source MODULE VERSION OUTPUT PACKAGE LDFLAGS [PREPARE]: for modules that `go install …@version` refuses
# (a go.mod with replace directives, or no go.mod at all), a copy of the module's source is built as the main module.
go_build_source() {
  local module=$1 version=$2 output=$3 package=$4 ldflags=$5 prepare=${6:-true}
  local dir
  dir=$(out_dir "$module" "$version")
  if [ -f "$dir/.done" ]; then return 0; fi
  local start=$SECONDS src
  mkdir -p "$dir"
  src=$(go mod download -json "$module@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -d "$src" ] || { echo "build-docker: go mod download $module@$version gave no source directory" >&2; exit 1; }
  local work
  work=$(mktemp -d /tmp/curso-labs-src.XXXXXX)
  cp -r "$src/." "$work"
  chmod -R u+w "$work"
  log "go build $module/$package@$version"
  (cd "$work" && $prepare && go build -trimpath -ldflags "-s -w $ldflags" -o "$dir/$output" "./$package")
  rm -rf "$work"
  touch "$dir/.done"
  log "  … $module@$version in $((SECONDS - start)) s"
}

# The CLI's vendor.mod is its go.mod; its vendor/ tree is not in the module zip. It pins swarmkit v2.1.3, which the
# proxy here refuses (403); the daemon's own pin of the same module, a later commit on that line, is used instead.
cli_prepare() {
  cp vendor.mod go.mod && cp vendor.sum go.sum && rm -rf vendor
  go mod edit -require=github.com/moby/swarmkit/v2@v2.1.3-0.20260828175525-ad0357aedfca
}

go_install "$MOBY_MODULE" "$MOBY_VERSION" \
  "-X $MOBY_MODULE/dockerversion.Version=$ENGINE_VERSION -X $MOBY_MODULE/dockerversion.GitCommit=$MOBY_VERSION" \
  cmd/dockerd cmd/docker-proxy
go_install github.com/containerd/containerd/v2 "$CONTAINERD_VERSION" \
  "-X github.com/containerd/containerd/v2/version.Version=${CONTAINERD_VERSION#v} -X github.com/containerd/containerd/v2/version.Revision=$CONTAINERD_VERSION" \
  cmd/containerd cmd/containerd-shim-runc-v2 cmd/ctr
# runc's own build tags (its Makefile's BUILDTAGS): seccomp, which Docker's default profile needs (cgo, libseccomp).
GO_TAGS="seccomp urfave_cli_no_docs" go_install github.com/opencontainers/runc "$RUNC_VERSION" "-X main.version=${RUNC_VERSION#v} -X main.gitCommit=$RUNC_VERSION" ""
go_install github.com/docker/buildx "$BUILDX_VERSION" \
  "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION -X github.com/docker/buildx/version.Revision=$BUILDX_VERSION" \
  cmd/buildx
go_build_source github.com/docker/compose/v5 "$COMPOSE_VERSION" docker-compose cmd \
  "-X github.com/docker/compose/v5/internal.Version=$COMPOSE_VERSION"
go_build_source github.com/docker/cli "$CLI_VERSION+incompatible" docker cmd/docker \
  "-X github.com/docker/cli/cli/version.Version=${CLI_VERSION#v} -X github.com/docker/cli/cli/version.GitCommit=$CLI_VERSION" \
  cli_prepare

# One directory with everything dockerd looks up on PATH, and the CLI plugins where the CLI looks for them.
PLUGINS=/usr/local/lib/docker/cli-plugins
mkdir -p "$BIN" "$PLUGINS"
put() { cmp -s "$1" "$2" || install -m 0755 "$1" "$2"; }
copy() { put "$(out_dir "$1" "$2")/$3" "$BIN/${4:-$3}"; }
copy "$MOBY_MODULE" "$MOBY_VERSION" dockerd
copy "$MOBY_MODULE" "$MOBY_VERSION" docker-proxy
for b in containerd containerd-shim-runc-v2 ctr; do copy github.com/containerd/containerd/v2 "$CONTAINERD_VERSION" $b; done
copy github.com/opencontainers/runc "$RUNC_VERSION" runc
copy github.com/docker/cli "$CLI_VERSION+incompatible" docker
put "$(out_dir github.com/docker/compose/v5 "$COMPOSE_VERSION")/docker-compose" "$PLUGINS/docker-compose"
put "$(out_dir github.com/docker/buildx "$BUILDX_VERSION")/buildx" "$PLUGINS/docker-buildx"
put /usr/bin/tini-static "$BIN/docker-init"
log "installed in $BIN: dockerd docker-proxy containerd containerd-shim-runc-v2 ctr runc docker docker-init; in $PLUGINS: docker-compose docker-buildx"
