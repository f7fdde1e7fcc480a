#!/usr/bin/env bash
# Builds the stand-in images declared in stand-ins.json (the lessons' images, which no registry gives us here) on
# the lab engine, under the names and tags the lessons use. Idempotent: an image whose recipe has not changed since
# it was built (label curso.labs.recipe, a hash of its recipe's files) is kept.
#
# Recipes: "debootstrap SUITE" (debootstrap-image.sh) or "dockerfile DIR" (docker build of labs/images/DIR; with
# "prepare": "SCRIPT ARGS", the context is a copy of DIR in the cache that DIR/SCRIPT completes first). An entry with
# "base": true is only the base of a later one (the lessons do not use it): it is removed from the engine at the
# end, so that `docker image ls` in a lesson lists what a student has; the next run imports it again first. An entry
# with "mirrorOnly": true (an image that only a build pulls, not a lesson) is pushed to the mirror and then removed
# from the engine for the same reason; it is rebuilt only when its recipe changes.
# Every other stand-in is also pushed, under its Docker Hub name (library/… for official images), to the engine's
# Docker Hub mirror (LABS_HUB_MIRROR_ADDRESS, default 10.200.0.1:5001, see lab-network.sh), so that a lesson's
# `docker pull` gets it as a student gets the real one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
DOCKER=${LABS_DOCKER:-docker}
export LABS_CACHE_DIR=$CACHE_DIR LABS_DOCKER=$DOCKER
MIRROR=${LABS_HUB_MIRROR_ADDRESS:-10.200.0.1:5001}
PUSHED=$CACHE_DIR/hub-mirror-pushed
mkdir -p "$PUSHED"

# mirror IMAGE HASH: pushes IMAGE to the Docker Hub mirror unless this very image (recipe and id) is there already.
mirror() {
  local image=$1 name=$1 marker id
  case "${name%%:*}" in */*) ;; *) name=library/$name ;; esac
  marker="$PUSHED/$(echo "$name" | tr '/:' '__')"
  # The mirror must hold this very image (same recipe and id), or a lesson's pull would replace it.
  id="$2 $("$DOCKER" image inspect --format '{{.Id}}' "$image")"
  if [ "$(cat "$marker" 2> /dev/null)" = "$id" ] && curl -fs -o /dev/null "http://$MIRROR/v2/${name%%:*}/tags/list"; then
    return 0
  fi
  "$DOCKER" tag "$image" "$MIRROR/$name"
  "$DOCKER" push -q "$MIRROR/$name" > /dev/null
  "$DOCKER" image rm "$MIRROR/$name" > /dev/null
  echo "$id" > "$marker"
  echo "stand-ins: $image pushed to the Docker Hub mirror ($MIRROR/$name)"
}

# mirrored IMAGE HASH: whether the mirror holds IMAGE as built from this recipe.
mirrored() {
  local name=$1 marker
  case "${name%%:*}" in */*) ;; *) name=library/$name ;; esac
  marker="$PUSHED/$(echo "$name" | tr '/:' '__')"
  [ "$(cut -d' ' -f1 "$marker" 2> /dev/null)" = "$2" ] && curl -fs -o /dev/null "http://$MIRROR/v2/${name%%:*}/tags/list"
}

# One line per stand-in: image, recipe, prepare, kind of entry (base, mirror or "-"; tab-separated, and tabs
# collapse), in the file's order (a base before what uses it).
entries=$(python3 -c '
import json, sys
for e in json.load(open(sys.argv[1])):
    kind = "base" if e.get("base") else "mirror" if e.get("mirrorOnly") else "-"
    print("\t".join([e["image"], e["recipe"], e.get("prepare") or "-", kind]))
' "$here/stand-ins.json")

while IFS=$'\t' read -r image recipe prepare base; do
  [ "$prepare" = - ] && prepare=
  start=$SECONDS
  kind=${recipe%% *}
  arg=${recipe#* }
  case "$kind" in
    debootstrap) hash=$(sha256sum "$here/debootstrap-image.sh" | cut -c1-16)-$arg ;;
    dockerfile) hash=$( (cd "$here/$arg" && find . -type f | sort | xargs sha256sum; echo "$prepare") | sha256sum | cut -c1-16) ;;
    *) echo "stand-ins.json: $image: unknown recipe «$recipe»" >&2; exit 1 ;;
  esac
  if [ "$base" = mirror ] && mirrored "$image" "$hash"; then
    echo "stand-ins: $image is up to date in the Docker Hub mirror"
    continue
  fi
  if [ "$("$DOCKER" image inspect --format '{{index .Config.Labels "curso.labs.recipe"}}' "$image" 2> /dev/null)" = "$hash" ]; then
    echo "stand-ins: $image is up to date"
    [ "$base" = base ] || mirror "$image" "$hash"
    [ "$base" != mirror ] || "$DOCKER" image rm "$image" > /dev/null
    continue
  fi
  case "$kind" in
    debootstrap)
      "$here/debootstrap-image.sh" "$arg" "$image.tmp"
      # The recipe's label, so that the next run knows the image (docker import cannot set labels).
      printf 'FROM %s\nLABEL curso.labs.recipe=%s\n' "$image.tmp" "$hash" | "$DOCKER" build -q -t "$image" - > /dev/null
      "$DOCKER" image rm "$image.tmp" > /dev/null
      ;;
    dockerfile)
      context="$here/$arg"
      if [ -n "$prepare" ]; then
        context="$CACHE_DIR/images/context-$arg"
        mkdir -p "$context"
        cp -r "$here/$arg/." "$context/"
        # shellcheck disable=SC2086 # the arguments are words of stand-ins.json
        "$here/$arg/${prepare%% *}" ${prepare#* } "$context"
      fi
      echo "stand-ins: docker build -t $image labs/images/$arg"
      "$DOCKER" build --progress=plain --label "curso.labs.recipe=$hash" -t "$image" "$context" > "$CACHE_DIR/images/build-$arg.log" 2>&1 || {
        tail -n 40 "$CACHE_DIR/images/build-$arg.log" >&2
        exit 1
      }
      ;;
  esac
  echo "stand-ins: $image built in $((SECONDS - start)) s"
  [ "$base" = base ] || mirror "$image" "$hash"
  if [ "$base" = mirror ]; then
    "$DOCKER" image rm "$image" > /dev/null
    echo "stand-ins: $image removed from the engine (only in the mirror)"
  fi
done <<< "$entries"

for base in $(python3 -c '
import json, sys
print(" ".join(e["image"] for e in json.load(open(sys.argv[1])) if e.get("base")))
' "$here/stand-ins.json"); do
  "$DOCKER" image rm "$base" > /dev/null
  echo "stand-ins: $base removed (only a base)"
done
