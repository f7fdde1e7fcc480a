#!/usr/bin/env bash
# The lab engine's network: a network namespace of its own, so that Docker's bridge and user-defined networks, its
# DNS and published ports work as on a laptop while no packet reaches an interface of the machine.
#
#   machine (host namespace)                       namespace curso-labs
#   curso-host 10.200.0.1/30  <── veth ──>  curso-ns 10.200.0.2/30, lo; no default route
#     dnsmasq :53     answers deb.debian.org and security.debian.org with 10.200.0.1, nothing else
#     apt-cacher-ng :80  serves Debian's archive and security repositories (ForceManaged: nothing else)
#     docker-registry :5001  the engine's Docker Hub mirror (registry-mirrors in daemon.json), holding only the
#                        stand-in images (build-stand-ins.sh pushes them), so `docker pull debian:trixie` works
#     tinyproxy :3128  an HTTPS proxy (CONNECT) to registry.npmjs.org:443 and nowhere else, for the classroom image's
#                      `npm ci` (tests/unit/classroom-image.test.ts passes it as the build argument HTTPS_PROXY;
#                      `lab-network.sh exec` exports its address as LABS_NPM_PROXY)
#
# So `RUN apt-get install …` in a lesson's Dockerfile reaches Debian's mirror through the cache, with the image's
# own sources unchanged; any other name does not resolve and any other address has no route. The machine does not
# forward (net.ipv4.ip_forward stays as it is; this script refuses to run if it is 1), and its INPUT chain takes
# from the veth only DNS and port 80.
#
# Usage: lab-network.sh up | down | exec COMMAND…   (root; `up` is idempotent)
set -euo pipefail
NS=curso-labs
HOST_IF=curso-host
NS_IF=curso-ns
HOST_IP=10.200.0.1
NS_IP=10.200.0.2
MIRROR_PORT=5001
NPM_PROXY_PORT=3128
CACHE_DIR=${LABS_CACHE_DIR:-/var/cache/curso-labs}
RUN_DIR=/run/curso-labs

log() { echo "lab-network: $*"; }

up() {
  if [ "$(cat /proc/sys/net/ipv4/ip_forward)" != 0 ]; then
    echo "lab-network: this machine forwards IPv4 (net.ipv4.ip_forward=1): the namespace would reach its network" >&2
    exit 1
  fi
  mkdir -p "$RUN_DIR" "$CACHE_DIR/apt-cacher-ng" "/etc/netns/$NS"
  ip netns list | grep -qx "$NS\( (id: [0-9]*)\)\?" || ip netns add "$NS"
  ip -n "$NS" link set lo up
  if ! ip link show "$HOST_IF" > /dev/null 2>&1; then
    ip link add "$HOST_IF" type veth peer name "$NS_IF" netns "$NS"
    ip addr add "$HOST_IP/30" dev "$HOST_IF"
    ip -n "$NS" addr add "$NS_IP/30" dev "$NS_IF"
  fi
  ip link set "$HOST_IF" up
  ip -n "$NS" link set "$NS_IF" up
  # Inside the namespace, the resolver is the host end of the veth (dockerd hands it on to containers).
  echo "nameserver $HOST_IP" > "/etc/netns/$NS/resolv.conf"

  # From the veth the machine accepts DNS and the package cache, nothing else.
  if ! iptables -C INPUT -i "$HOST_IF" -j CURSO-LABS 2> /dev/null; then
    iptables -N CURSO-LABS 2> /dev/null || iptables -F CURSO-LABS
    iptables -A CURSO-LABS -p udp --dport 53 -j ACCEPT
    iptables -A CURSO-LABS -p tcp --dport 53 -j ACCEPT
    iptables -A CURSO-LABS -p tcp --dport 80 -j ACCEPT
    iptables -A CURSO-LABS -p tcp --dport "$MIRROR_PORT" -j ACCEPT
    iptables -A CURSO-LABS -p tcp --dport "$NPM_PROXY_PORT" -j ACCEPT
    iptables -A CURSO-LABS -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
    iptables -A CURSO-LABS -j DROP
    iptables -I INPUT -i "$HOST_IF" -j CURSO-LABS
  fi

  if ! pid_alive "$RUN_DIR/dnsmasq.pid"; then
    dnsmasq --listen-address="$HOST_IP" --bind-interfaces --except-interface=lo --no-resolv --no-hosts \
      --address=/deb.debian.org/"$HOST_IP" --address=/security.debian.org/"$HOST_IP" --address=/#/ \
      --pid-file="$RUN_DIR/dnsmasq.pid" --log-facility="$CACHE_DIR/dnsmasq.log"
    log "dnsmasq on $HOST_IP:53"
  fi
  if ! pid_alive "$RUN_DIR/apt-cacher-ng.pid"; then
    # Debian's package starts its own instance on port 3142 when installed; this one is separate, with its own
    # configuration: Debian's, and deb.debian.org as the archive's backend (the package's default list starts with
    # ftp.debian.org, which does not resolve from these machines).
    local conf="$CACHE_DIR/apt-cacher-ng.conf.d"
    rm -rf "$conf" && cp -r /etc/apt-cacher-ng "$conf"
    echo "http://deb.debian.org/debian/" > "$conf/backends_debian"
    apt-cacher-ng -c "$conf" ForeGround=0 BindAddress="$HOST_IP" Port=80 ForceManaged=1 \
      CacheDir="$CACHE_DIR/apt-cacher-ng" LogDir="$CACHE_DIR" PidFile="$RUN_DIR/apt-cacher-ng.pid" \
      SocketPath="$RUN_DIR/apt-cacher-ng.socket" ExThreshold=30
    for _ in $(seq 1 20); do pid_alive "$RUN_DIR/apt-cacher-ng.pid" && break; sleep 0.25; done
    log "apt-cacher-ng on $HOST_IP:80 (cache $CACHE_DIR/apt-cacher-ng)"
  fi
  if ! pid_alive "$RUN_DIR/hub-mirror.pid"; then
    mkdir -p "$CACHE_DIR/hub-mirror"
    printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\nlog:\n  level: warn\n' \
      "$CACHE_DIR/hub-mirror" "$HOST_IP:$MIRROR_PORT" > "$RUN_DIR/hub-mirror.yml"
    docker-registry serve "$RUN_DIR/hub-mirror.yml" >> "$CACHE_DIR/hub-mirror.log" 2>&1 &
    echo $! > "$RUN_DIR/hub-mirror.pid"
    for _ in $(seq 1 40); do curl -fs "http://$HOST_IP:$MIRROR_PORT/v2/" > /dev/null && break; sleep 0.25; done
    log "Docker Hub mirror (docker-registry) on $HOST_IP:$MIRROR_PORT (storage $CACHE_DIR/hub-mirror)"
  fi
  if ! pid_alive "$RUN_DIR/npm-proxy.pid"; then
    # Only CONNECT to port 443 of the npm registry: FilterDefaultDeny makes the filter a list of the allowed names.
    echo '^registry\.npmjs\.org$' > "$RUN_DIR/npm-proxy.filter"
    printf '%s\n' "Port $NPM_PROXY_PORT" "Listen $HOST_IP" "Allow $NS_IP" "ConnectPort 443" "Timeout 600" \
      "Filter \"$RUN_DIR/npm-proxy.filter\"" "FilterType ere" "FilterDefaultDeny Yes" "User nobody" "Group nogroup" \
      "PidFile \"$RUN_DIR/npm-proxy.pid\"" "LogFile \"$CACHE_DIR/npm-proxy.log\"" "LogLevel Notice" > "$RUN_DIR/npm-proxy.conf"
    # tinyproxy drops to nobody before it opens its log.
    touch "$CACHE_DIR/npm-proxy.log" && chown nobody:nogroup "$CACHE_DIR/npm-proxy.log"
    tinyproxy -c "$RUN_DIR/npm-proxy.conf"
    for _ in $(seq 1 20); do pid_alive "$RUN_DIR/npm-proxy.pid" && break; sleep 0.25; done
    log "npm registry proxy (tinyproxy) on $HOST_IP:$NPM_PROXY_PORT"
  fi
}

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

down() {
  for service in dnsmasq apt-cacher-ng hub-mirror npm-proxy; do
    if pid_alive "$RUN_DIR/$service.pid"; then kill "$(cat "$RUN_DIR/$service.pid")"; fi
    rm -f "$RUN_DIR/$service.pid"
  done
  if iptables -C INPUT -i "$HOST_IF" -j CURSO-LABS 2> /dev/null; then
    iptables -D INPUT -i "$HOST_IF" -j CURSO-LABS
    iptables -F CURSO-LABS && iptables -X CURSO-LABS
  fi
  ip link del "$HOST_IF" 2> /dev/null || true
  ip netns del "$NS" 2> /dev/null || true
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  exec)
    shift
    LABS_NPM_PROXY="http://$HOST_IP:$NPM_PROXY_PORT" exec ip netns exec "$NS" "$(dirname "$0")/in-namespace.sh" "$@"
    ;;
  *) echo "usage: $0 up | down | exec COMMAND…" >&2; exit 2 ;;
esac
