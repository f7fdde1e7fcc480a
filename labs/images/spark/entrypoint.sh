#!/bin/bash
# The stand-in's entry point: like Apache's image outside Kubernetes, it runs the container's command as given
# (for example /opt/spark/bin/spark-class org.apache.spark.deploy.master.Master), as PID 1's child under tini so that
# signals reach it and zombies are reaped.
set -e
if [ $# -eq 0 ]; then
  echo "apache/spark: no command given (for example /opt/spark/bin/spark-class org.apache.spark.deploy.master.Master)" >&2
  exit 1
fi
exec /usr/bin/tini -s -- "$@"
