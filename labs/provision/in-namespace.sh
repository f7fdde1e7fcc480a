#!/usr/bin/env bash
# Runs a command inside the lab network namespace (called by `lab-network.sh exec`, after `ip netns exec`).
# `ip netns exec` mounts a fresh /sys for the namespace, which hides the machine's cgroup file systems; dockerd and
# runc need them, so they are mounted again as the machine has them (the same hierarchies: cgroup v1 controllers and
# the v2 unified tree, read from PID 1's mount table).
set -euo pipefail
if ! mountpoint -q /sys/fs/cgroup; then
  while read -r _ dir type options _; do
    case "$type" in
      tmpfs | cgroup | cgroup2) ;;
      *) continue ;;
    esac
    case "$dir" in /sys/fs/cgroup | /sys/fs/cgroup/*) ;; *) continue ;; esac
    mkdir -p "$dir"
    mount -t "$type" -o "$options" "$type" "$dir"
  done < /proc/1/mounts
fi
exec "$@"
