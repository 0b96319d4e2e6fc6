#!/usr/bin/env bash
# The C++ tests under sanitizers (issue 7):
#   1. ASan+UBSan (-DRCP_SANITIZE=ON, GCC) in build-asan: every GoogleTest
#      executable (core, top partners, matching, matching extra, match, C API,
#      C API matching, the C bad-input catalogue) and the SQL tests of tests/sql and tests/bad_inputs/sql,
#      whose Python host process is not instrumented, so libasan is preloaded
#      into it (LD_PRELOAD) and leak checking is off there (CPython's own
#      allocations would be reported).
#   2. TSan (-fsanitize=thread, GCC) in build-tsan: the multi-threaded C API
#      tests (concurrent scoring of shared profiles, top partners in every
#      thread count) and the threaded top-partners tests.
# Any sanitizer report fails the run (-fno-sanitize-recover=all, halt_on_error).
#
# Usage: scripts/sanitize.sh [asan|tsan|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${RCP_SANITIZE_JOBS:-2}
fail=0
run() {  # name, command...
  local name=$1; shift
  local t0=$SECONDS
  if "$@" >"$logdir/$name.log" 2>&1; then
    echo "ok    $name ($((SECONDS - t0)) s)" >&2
  else
    echo "FAIL  $name ($((SECONDS - t0)) s): $logdir/$name.log" >&2
    tail -30 "$logdir/$name.log" >&2
    fail=1
  fi
}

if [ "$what" = all ] || [ "$what" = asan ]; then
  B=build-asan
  logdir=$B/sanitize-logs; mkdir -p "$logdir"
  cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRCP_SANITIZE=ON \
    -DRCP_BUILD_PYTHON=OFF -DRCP_BUILD_TESTS=ON >/dev/null
  gtests=(core_tests top_partners_tests matching_tests matching_extra_tests match_tests capi_test capi_match_test capi_bad_inputs)
  cmake --build $B -j"$jobs" --target reciprocity_sqlite "${gtests[@]}"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  for t in "${gtests[@]}"; do
    exe=$(find $B/tests -name "$t" -type f -executable | head -1)
    # The C API tests replace operator new/delete with malloc/free on purpose
    # (allocation-failure injection): ASan's new/delete mismatch check is off.
    if [ "$t" = capi_test ] || [ "$t" = capi_match_test ]; then
      run "asan.$t" env ASAN_OPTIONS="$ASAN_OPTIONS:alloc_dealloc_mismatch=0" "$exe"
    else
      run "asan.$t" "$exe"
    fi
  done
  # SQL tests: the ASan-built extension inside Debian's (uninstrumented) python3.
  # libstdc++ is preloaded too: python3 does not link it, and ASan must find
  # the real __cxa_throw at start-up to intercept C++ exceptions.
  preload="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libstdc++.so)"
  shopt -s nullglob
  for f in tests/sql/*.sql tests/bad_inputs/sql/*.sql; do
    n=$(basename "$f" .sql)
    case $f in tests/bad_inputs/*) n=bad_inputs.$n ;; esac
    run "asan.sql.$n" env LD_PRELOAD="$preload" ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0:verify_asan_link_order=0" \
      /usr/bin/python3 tests/sql/run_sql_test.py --extension "$B/reciprocity.so" "$f"
  done
fi

if [ "$what" = all ] || [ "$what" = tsan ]; then
  B=build-tsan
  logdir=$B/sanitize-logs; mkdir -p "$logdir"
  cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRCP_BUILD_PYTHON=OFF -DRCP_BUILD_TESTS=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_C_FLAGS="-fsanitize=thread" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
  cmake --build $B -j"$jobs" --target capi_test top_partners_tests
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  run tsan.capi_test env TSAN_OPTIONS="$TSAN_OPTIONS:report_signal_unsafe=0" \
    $B/tests/capi/capi_test --gtest_filter='CApiThreads.*:CApiTopPartners.*:CApiErrmsg.*'
  # The three large organisations (minutes under TSan) run under ASan only; the
  # rest, every one multi-threaded, run here.
  run tsan.top_partners_tests $B/tests/top_partners/top_partners_tests \
    --gtest_filter='-TopPartners.ZipfOrganisationsAllModes:TopPartners.LargeOrganisation3000:TopPartners.DenseOrganisationSeedsAFloor'
fi
exit $fail
