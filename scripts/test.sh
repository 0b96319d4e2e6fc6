#!/usr/bin/env bash
# README command 2: installs what is missing (Debian packages), builds every
# part in ${BUILD_DIR:-build-test} and runs every test under ctest: GoogleTest
# for the core and the C API, SQL tests through the loadable extension, the C99
# client against the installed library, pytest for the Python package, the
# ABI check; then (without arguments) scripts/sanitize.sh, scripts/valgrind.sh
# and scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build-test}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DRCP_BUILD_TESTS=ON -DRCP_BUILD_PYTHON=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
(cd "$BUILD_DIR" && ctest --output-on-failure -j"$(nproc)" "$@")
# The whole run only (no ctest arguments): the C++ tests under ASan+UBSan and
# TSan (build-asan, build-tsan), the SQL test files under valgrind memcheck
# (with the extension of $BUILD_DIR), then each libFuzzer target for a bounded time (build-fuzz).
# RCP_CI_SANITIZE=0 / RCP_CI_VALGRIND=0 / RCP_CI_FUZZ=0 skip them;
# RCP_FUZZ_SECONDS sets the time per target (default 20). See docs/reliability.md.
if [ $# -eq 0 ]; then
  [ "${RCP_CI_SANITIZE:-1}" = 0 ] || bash scripts/sanitize.sh
  [ "${RCP_CI_VALGRIND:-1}" = 0 ] || RCP_VALGRIND_BUILD="$BUILD_DIR" bash scripts/valgrind.sh
  [ "${RCP_CI_FUZZ:-1}" = 0 ] || bash scripts/fuzz.sh "${RCP_FUZZ_SECONDS:-20}"
fi
