#!/usr/bin/env bash
# README command 2: installs what is missing (Debian packages), builds every
# part in ${BUILD_DIR:-build-test} and runs every test under ctest: GoogleTest
# for the core and the C API, SQL tests through the loadable extension, the C99
# client against the installed library, pytest for the Python package, the
# ABI check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build-test}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DRCP_BUILD_TESTS=ON -DRCP_BUILD_PYTHON=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
cd "$BUILD_DIR"
ctest --output-on-failure -j"$(nproc)" "$@"
