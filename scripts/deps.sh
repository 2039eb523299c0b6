#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Linux DJ needs, only those missing.
#   scripts/deps.sh run    what `make run` needs (build + run)
#   scripts/deps.sh test   what `make test` needs (adds servers, Xvfb, VM tools)
set -euo pipefail

run_pkgs=(
	pkg-config gcc
	liblilv-dev
	libjack-jackd2-dev
	libwayland-dev libx11-dev libx11-xcb-dev libxkbcommon-x11-dev libxcursor-dev
	libxfixes-dev libegl1-mesa-dev libgles2-mesa-dev libvulkan-dev libgl1-mesa-dri libegl-mesa0
)
test_pkgs=(
	jackd2 pipewire pipewire-bin pipewire-jack
	xvfb imagemagick xdotool
	libebur128-dev
	qemu-system-x86 busybox-static cpio xz-utils zstd
	sox desktop-file-utils appstream
	lilv-utils x42-plugins lsp-plugins-lv2 swh-lv2
	aubio-tools
	jack-mixer gir1.2-gtk-3.0 python3-gi-cairo mpv
)

case "${1:-run}" in
run) want=("${run_pkgs[@]}") ;;
test) want=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
*) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
	echo "Installing: ${missing[*]}"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	export PATH=/usr/local/go/bin:$PATH
fi
command -v go >/dev/null 2>&1 || {
	echo "Go 1.26 or newer is needed: see https://go.dev/doc/install" >&2
	exit 1
}
