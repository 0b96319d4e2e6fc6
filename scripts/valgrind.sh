#!/usr/bin/env bash
# The SQL test files under valgrind memcheck (issue 7): every tests/sql/*.sql
# and tests/bad_inputs/sql/*.sql runs in tests/valgrind/sql_driver (a small C
# program: Debian's libsqlite3, the extension loaded with
# sqlite3_load_extension, no Python) built in build-vg, a normal
# RelWithDebInfo build without sanitizers. run_sql_test.py checks the rows and
# messages under ctest; here valgrind checks that there is no memory error and
# no definite or indirect leak. The driver also reports each statement that
# fails when the file expects success or the reverse (exit 3): under ctest,
# without valgrind, that fails; here it is only shown, because valgrind has no
# 80-bit long double and SQLite reads a REAL literal with one
# (1.7976931348623157e308 becomes Inf under valgrind). "Still reachable" blocks (the
# dynamic loader's, libstdc++'s emergency pool) do not count: the driver
# closes the connection and calls sqlite3_shutdown(), so SQLite keeps nothing.
# A file whose first lines say "-- valgrind: skip (why)" is left out.
#
# Usage: scripts/valgrind.sh [file.sql...]   (default: every SQL test file)
# Logs: build-vg/valgrind-logs/<dir>.<name>.log
set -euo pipefail
cd "$(dirname "$0")/.."
# RCP_VALGRIND_BUILD names an existing build directory to use as it is (CI
# passes scripts/test.sh's Release build, to save a build; stacks then have
# no line numbers); by default build-vg is configured RelWithDebInfo.
B=${RCP_VALGRIND_BUILD:-build-vg}
jobs=${RCP_VALGRIND_JOBS:-2}
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed (scripts/install-deps.sh)" >&2; exit 1; }
if [ -z "${RCP_VALGRIND_BUILD:-}" ]; then
  cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRCP_BUILD_PYTHON=OFF -DRCP_BUILD_TESTS=ON >/dev/null
fi
cmake --build $B -j"$jobs" --target reciprocity_sqlite sql_driver
logdir=$B/valgrind-logs
mkdir -p "$logdir"

if [ $# -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=(tests/sql/*.sql tests/bad_inputs/sql/*.sql)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 total_errors=0 total_lost=0 n=0 skipped=0 notes=0 t_all=$SECONDS
for f in "${files[@]}"; do
  name=$(basename "$(dirname "$(dirname "$f")")").$(basename "$f" .sql)
  log=$logdir/$name.log
  # A file may opt out in its first lines ("-- valgrind: skip (why)"): inputs
  # sized to take seconds natively take minutes here.
  if head -3 "$f" | grep -q '^-- valgrind: skip'; then
    echo "skip  $name: $(head -3 "$f" | grep -m1 '^-- valgrind: skip' | sed 's/^-- valgrind: skip *//')" >&2
    skipped=$((skipped + 1))
    continue
  fi
  db=:memory:
  # Shell-engine files run on a database file, as the sqlite3 shell runs them.
  if head -1 "$f" | grep -qx -- '-- engine: shell'; then db=$tmp/$name.db; rm -f "$db"; fi
  t0=$SECONDS
  rc=0
  valgrind --tool=memcheck --error-exitcode=1 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --keep-debuginfo=yes --num-callers=30 --log-file="$log" \
    $B/tests/valgrind/sql_driver $B/reciprocity.so "$f" "$db" >"$log.out" 2>&1 || rc=$?
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d , | tail -1)
  definite=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
  indirect=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
  errors=${errors:-?} definite=${definite:-0} indirect=${indirect:-0}
  summary="$(tail -1 "$log.out"); valgrind: $errors errors, $definite + $indirect bytes definitely + indirectly lost"
  n=$((n + 1))
  if { [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; } && [ "$errors" = 0 ]; then
    echo "ok    $name ($((SECONDS - t0)) s): $summary" >&2
    if [ "$rc" -eq 3 ]; then
      grep -A1 -E ': (unexpected error|expected an error, got none)' "$log.out" | sed 's/^/      note: /' >&2
      notes=$((notes + 1))
    fi
  else
    echo "FAIL  $name ($((SECONDS - t0)) s, exit $rc): $summary: $log" >&2
    cat "$log.out" >&2
    grep -A30 -E "Invalid|uninitialised|definitely lost in|indirectly lost in|Mismatched|overlap" "$log" | head -80 >&2 || true
    fail=1
  fi
  [ "$errors" = "?" ] || total_errors=$((total_errors + errors))
  total_lost=$((total_lost + definite + indirect))
done
echo "valgrind: $n files ($skipped skipped), $total_errors errors, $total_lost bytes definitely/indirectly lost," \
  "$notes files with a statement that ran otherwise than expected ($((SECONDS - t_all)) s)" >&2
exit $fail
