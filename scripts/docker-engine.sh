#!/usr/bin/env bash
# Starts or stops a private Docker Engine for tests: its own socket, data root, exec root and
# pid file under DIR, no iptables rules, no default bridge, so it touches nothing of the host's
# own Docker (if any) and can be removed with the directory.
#
#   scripts/docker-engine.sh start DIR   # prints DOCKER_HOST=unix://DIR/docker.sock
#   scripts/docker-engine.sh stop DIR    # stops it by its pid file and waits for it
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sock="$dir/docker.sock"
pidfile="$dir/docker.pid"

case "$cmd" in
  start)
    command -v dockerd >/dev/null || { echo "dockerd not installed (apt-get install docker.io)" >&2; exit 3; }
    if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "DOCKER_HOST=unix://$sock"
      exit 0
    fi
    mkdir -p "$dir/data" "$dir/exec"
    setsid dockerd --host "unix://$sock" --data-root "$dir/data" --exec-root "$dir/exec" \
      --pidfile "$pidfile" --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
      --userland-proxy=false --default-address-pool base=10.213.0.0/16,size=24 \
      >"$dir/dockerd.log" 2>&1 </dev/null &
    for _ in $(seq 1 100); do
      if docker -H "unix://$sock" version >/dev/null 2>&1; then
        echo "DOCKER_HOST=unix://$sock"
        exit 0
      fi
      sleep 0.2
    done
    echo "dockerd did not come up; see $dir/dockerd.log" >&2
    tail -20 "$dir/dockerd.log" >&2 || true
    exit 1
    ;;
  stop)
    [[ -f "$pidfile" ]] || exit 0
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 0.2
    done
    echo "dockerd $pid did not stop in 30 s" >&2
    exit 1
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
