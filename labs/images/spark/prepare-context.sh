#!/usr/bin/env bash
# Prepares the build context of the apache/spark stand-in from PyPI's pyspark source distribution (downloaded with
# pip into $LABS_CACHE_DIR/pypi): the files a Spark binary release puts under /opt/spark.
# Usage: prepare-context.sh SPARK_VERSION CONTEXT_DIR
set -euo pipefail
version=$1
context=$2
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
sdist="$CACHE_DIR/pypi/pyspark-$version.tar.gz"
if [ ! -s "$sdist" ]; then
  mkdir -p "$CACHE_DIR/pypi"
  pip download --quiet --no-deps --no-binary :all: "pyspark==$version" -d "$CACHE_DIR/pypi"
fi
rm -rf "$context/spark" "$context/unpacked"
mkdir -p "$context/unpacked" "$context/spark/python" "$context/spark/examples/src/main"
tar -xzf "$sdist" -C "$context/unpacked"
src="$context/unpacked/pyspark-$version"
mv "$src/deps/bin" "$src/deps/sbin" "$src/deps/jars" "$src/deps/data" "$src/deps/licenses" "$context/spark/"
mv "$src/lib" "$context/spark/python/lib"
mv "$src/deps/examples" "$context/spark/examples/src/main/python"
rm -rf "$context/unpacked"
# Windows scripts are not in the Linux image.
find "$context/spark/bin" "$context/spark/sbin" -name '*.cmd' -delete
echo "stand-ins: apache/spark context from pyspark-$version ($(ls "$context/spark/jars" | wc -l) jars)"
