#!/usr/bin/env bash
# libFuzzer targets (tests/fuzz/) built with Debian's clang 14 in build-fuzz,
# with ASan+UBSan, each run for a bounded time from the committed seed corpus
# (tests/fuzz/corpus/<target>/). New corpus entries go to build-fuzz/corpus/
# (the committed seeds are never modified); a crash leaves its input in
# build-fuzz/artifacts/ and makes the script fail.
#
# Usage: scripts/fuzz.sh [seconds-per-target [target...]]
#   default: 45 s for each of fuzz_blob fuzz_json fuzz_sql fuzz_match
#   Reproduce a crash: build-fuzz/tests/fuzz/<target> build-fuzz/artifacts/<file>
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-45}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_blob fuzz_json fuzz_sql fuzz_match)
BUILD_DIR=build-fuzz
CXX_BIN=$(command -v clang++-14 || command -v clang++)
CC_BIN=$(command -v clang-14 || command -v clang)

san="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_CXX_COMPILER="$CXX_BIN" -DCMAKE_C_COMPILER="$CC_BIN" \
  -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer $san" \
  -DCMAKE_C_FLAGS="-O1 -g -fno-omit-frame-pointer $san" \
  -DRCP_BUILD_TESTS=OFF -DRCP_BUILD_PYTHON=OFF -DRCP_BUILD_FUZZ=ON >/dev/null
cmake --build "$BUILD_DIR" -j2 --target "${targets[@]}"

mkdir -p "$BUILD_DIR/artifacts"
status=0
summary=()
for t in "${targets[@]}"; do
  seeds="tests/fuzz/corpus/$t"
  work="$BUILD_DIR/corpus/$t"
  mkdir -p "$work"
  log="$BUILD_DIR/$t.log"
  echo "== $t: ${secs}s" >&2
  rc=0
  # -timeout: one input over 10 s is a hang; -rss_limit_mb: a memory blow-up.
  "$BUILD_DIR/tests/fuzz/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$BUILD_DIR/artifacts/$t-" \
    "$work" "$seeds" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  summary+=("$t: rc=$rc execs=${execs:-?} ${cov} corpus=$(ls "$work" | wc -l)")
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "FAILED: $t (log: $log)" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
  fi
done
printf '%s\n' "${summary[@]}" >&2
exit $status
