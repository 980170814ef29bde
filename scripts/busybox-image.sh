#!/usr/bin/env bash
# Builds `local/busybox:1` from Debian's busybox-static with `docker import`: no registry is
# needed (none is reachable on CI machines here). Uses DOCKER_HOST like the docker CLI.
set -euo pipefail

image=${1:-local/busybox:1}
busybox=$(command -v busybox || true)
[[ -n "$busybox" ]] || { echo "busybox not installed (apt-get install busybox-static)" >&2; exit 3; }
if docker image inspect "$image" >/dev/null 2>&1; then
  exit 0
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/etc" "$root/tmp" "$root/www"
cp "$busybox" "$root/bin/busybox"
for applet in sh sleep httpd wget nc cat ls echo ps true; do
  ln -s busybox "$root/bin/$applet"
done
echo 'ok' >"$root/www/index.html"
tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - "$image" >/dev/null
echo "$image"
