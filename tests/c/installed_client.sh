#!/usr/bin/env bash
# Builds and runs tests/c/client.c against the INSTALLED C API.
#   installed_client.sh install   BUILD_DIR PREFIX            cmake --install the C API into PREFIX
#   installed_client.sh pkgconfig PREFIX WORK SQLITE_MODULE   cc + pkg-config, then run
#   installed_client.sh cmake     PREFIX WORK SQLITE_MODULE   find_package(reciprocity), then run
#   installed_client.sh example   PREFIX WORK DOC             the example programs of docs/c-api.md
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=$1

if [ "$mode" = install ]; then
  build=$2 prefix=$3
  rm -rf "$prefix"
  cmake --install "$build" --prefix "$prefix" --component capi
  exit 0
fi

prefix=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
[ -d "$prefix" ] || { echo "no install prefix $prefix (run the install step first)" >&2; exit 1; }
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name reciprocity.pc | head -n1)")

if [ "$mode" = example ]; then
  # Every ```c block that follows an "<!-- example" marker of the doc, each
  # compiled and run on its own: example1.c (the pair), example2.c, ...
  awk -v dir="$work" '/<!-- example/ {armed = 1; next}
    armed && /^```c$/ {on = 1; armed = 0; out = dir "/example" ++count ".c"; next}
    on && /^```$/ {on = 0; next}
    on {print > out}' "$4"
  [ -s "$work/example1.c" ] || { echo "no example found in $4" >&2; exit 1; }
  for src in "$work"/example*.c; do
    exe=${src%.c}
    echo "== $(basename "$src")"
    # shellcheck disable=SC2046
    cc -std=c99 -Wall -Wextra -pedantic -Werror "$src" -o "$exe" \
      $(pkg-config --cflags --libs reciprocity) -Wl,-rpath,"$(pkg-config --variable=libdir reciprocity)"
    "$exe" | tee "$exe.out"
  done
  grep -q '^expected error: rcp_score: unknown mode' "$work/example1.out"
  if [ -f "$work/example2.c" ]; then
    # The top partners example: 1 and 3 may not pair, so 1 gets 2 and 3 gets 4.
    grep -qx '1: 2 (0.800)' "$work/example2.out"
    grep -qx '3: 4 (0.686)' "$work/example2.out"
    grep -qx '5:' "$work/example2.out"
  fi
  if [ -f "$work/example3.c" ]; then
    # The cohort matching example: its output is the one the doc shows.
    awk '/^## Cohort matching/ {sec = 1} sec && /^Output:/ {armed = 1; next}
      armed && /^```$/ {if (on) exit; on = 1; next} on {print}' "$4" >"$work/example3.expected"
    [ -s "$work/example3.expected" ] || { echo "no output block for the cohort example in $4" >&2; exit 1; }
    diff -u "$work/example3.expected" "$work/example3.out"
  fi
  exit 0
fi

module=$4
command -v sqlite3 >/dev/null || { echo "the sqlite3 shell is missing (apt-get install sqlite3)" >&2; exit 1; }

# Two BLOBs written by the SQLite extension, and SQL's own score of them.
read -r hex_a hex_b sql_score < <(sqlite3 -separator ' ' :memory: ".load $module" "
  WITH a(p) AS (SELECT reciprocity_profile(column1, column2, column3)
                FROM (VALUES ('python', 4, 0), ('Finance', 1, 3))),
       b(p) AS (SELECT reciprocity_profile_json('{\"python\": {\"level\": 1, \"want\": 2}, \"finance\": {\"level\": 5}}'))
  SELECT hex(a.p), hex(b.p), printf('%.17g', reciprocity_score(a.p, b.p)) FROM a, b;")
echo "SQL wrote A=$hex_a"
echo "SQL wrote B=$hex_b, reciprocity_score(A, B)=$sql_score"

case $mode in
  pkgconfig)
    echo "pkg-config --cflags --libs reciprocity: $(pkg-config --cflags --libs reciprocity)"
    echo "pkg-config --modversion reciprocity: $(pkg-config --modversion reciprocity)"
    libdir=$(pkg-config --variable=libdir reciprocity)
    # shellcheck disable=SC2046
    cc -std=c99 -Wall -Wextra -pedantic -Werror "$here/client.c" -o "$work/client" \
      $(pkg-config --cflags --libs reciprocity) -lm -Wl,-rpath,"$libdir"
    ;;
  cmake)
    cmake -S "$here/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=cc >"$work/cmake.log"
    cmake --build "$work/build" >>"$work/cmake.log"
    cp "$work/build/client" "$work/client"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

# It must load the installed library, not the build tree's.
resolved=$(ldd "$work/client" | awk '/libreciprocity/ {print $3}')
echo "client loads $resolved"
case $(readlink -f "$resolved") in
  "$(readlink -f "$prefix")"/*) ;;
  *) echo "FAIL: the client did not load the library installed in $prefix" >&2; exit 1 ;;
esac
"$work/client" "$hex_a" "$hex_b" "$sql_score"
