#!/usr/bin/env bash
# Installs what building, testing and the demo need, from Debian packages only.
# Usage: scripts/install-deps.sh [--demo]   (--demo: only what the demo needs)
set -euo pipefail

demo_pkgs=(build-essential cmake pkg-config sqlite3 libsqlite3-dev python3)
test_pkgs=(libgtest-dev googletest libbenchmark-dev
           python3-dev python3-pytest python3-hypothesis pybind11-dev python3-pybind11
           python3-setuptools python3-venv python3-pip python3-wheel
           abi-compliance-checker abi-dumper valgrind clang libclang-rt-14-dev liblemon-dev
           python3-networkx)

pkgs=("${demo_pkgs[@]}")
[ "${1:-}" = "--demo" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
