# The Docker that the lab suite runs: what a student installs in December 2026 (Engine 29 with the containerd image
# store, Compose v5, Buildx), each built with Go from its module on the Go module proxy. Sourced by build-docker.sh;
# changing a line here rebuilds only what it names (the cache key is the module and version).
#
# Moby's daemon is the module github.com/moby/moby/v2 since Engine 29; its semver tags v2.0.0-beta.N follow the
# docker-29.x releases (the proxy refuses the docker-v29.x.y tags, which are not semver). beta.24 is the newest the
# proxy lists; its releases/versions.yaml names 29.8.0 as the last release, so the daemon reports that version.
MOBY_MODULE=github.com/moby/moby/v2
MOBY_VERSION=v2.0.0-beta.24
ENGINE_VERSION=29.8.0
# The Docker CLI has no go.mod (CalVer, +incompatible); it is built from its own vendor.mod.
CLI_VERSION=v29.8.2
COMPOSE_VERSION=v5.6.0 # v5.7.x needs Go 1.27
BUILDX_VERSION=v0.38.2
CONTAINERD_VERSION=v2.2.9
RUNC_VERSION=v1.5.3
