#!/usr/bin/env bash
# Makes a Debian base image as Debian's official images are made (debuerreotype: debootstrap's minbase variant,
# apt lists and caches removed, CMD ["bash"]), without a registry: debootstrap from deb.debian.org on the machine,
# then `docker import`. The root file system tarball is cached in $LABS_CACHE_DIR/images/.
#
# Usage: debootstrap-image.sh SUITE IMAGE   e.g. debootstrap-image.sh trixie debian:trixie
set -euo pipefail
suite=$1
image=$2
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
DOCKER=${LABS_DOCKER:-docker}
tarball="$CACHE_DIR/images/debian-$suite-minbase.tar"
if [ ! -s "$tarball" ]; then
  mkdir -p "$CACHE_DIR/images"
  rootfs=$(mktemp -d /tmp/curso-labs-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  echo "stand-ins: debootstrap --variant=minbase $suite"
  debootstrap --variant=minbase "$suite" "$rootfs" http://deb.debian.org/debian > "$CACHE_DIR/images/debootstrap-$suite.log" 2>&1 || {
    tail -n 30 "$CACHE_DIR/images/debootstrap-$suite.log" >&2
    exit 1
  }
  # The official images' sources: the archive, its updates and the security archive, in deb822 form.
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" << SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/*
  tar --numeric-owner -C "$rootfs" -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
fi
"$DOCKER" import --change 'CMD ["bash"]' "$tarball" "$image" > /dev/null
echo "stand-ins: $image imported from $(basename "$tarball")"
