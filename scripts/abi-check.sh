#!/usr/bin/env bash
# ABI check of the C API: builds libreciprocity with debug info (-g -Og), dumps
# its ABI with abi-dumper (public header capi/include/reciprocity.h only) and
# compares it with the committed baseline using abi-compliance-checker.
# Exits non-zero on any incompatible change (a removed function, a changed
# signature, a changed type or enum value, ...); additions pass.
#
# Usage: scripts/abi-check.sh [WORK_DIR]          (default: build-abi)
#   ABI_BASELINE=path    baseline dump (default capi/abi/reciprocity-1.0.0.dump)
#   ABI_WRITE_BASELINE=1 write the dump of this tree as the baseline instead of
#                        comparing (only when cutting a release: see docs/c-api.md)
# Needs the Debian packages abi-dumper and abi-compliance-checker
# (scripts/install-deps.sh installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$root/build-abi}
baseline=${ABI_BASELINE:-$root/capi/abi/reciprocity-1.0.0.dump}
version=$(tr -d ' \n\r' <"$root/VERSION")

for tool in abi-dumper abi-compliance-checker; do
  command -v "$tool" >/dev/null || { echo "abi-check: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done

mkdir -p "$work"
echo "abi-check: building libreciprocity $version with -g -Og in $work/build"
cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS_DEBUG="-g -Og" -DCMAKE_CXX_FLAGS_DEBUG="-g -Og" \
  -DRCP_BUILD_TESTS=OFF -DRCP_BUILD_PYTHON=OFF -DRCP_BUILD_BENCH=OFF >"$work/cmake.log"
cmake --build "$work/build" --target reciprocity -j2 >>"$work/cmake.log"
lib=$(ls "$work"/build/capi/libreciprocity.so.*.*.* | head -n1)

new=$work/reciprocity-$version.dump
abi-dumper "$lib" -o "$new" -lver "$version" -public-headers "$root/capi/include" >"$work/abi-dumper.log" 2>&1 || {
  cat "$work/abi-dumper.log" >&2; exit 2; }

if [ "${ABI_WRITE_BASELINE:-0}" = 1 ]; then
  mkdir -p "$(dirname "$baseline")"
  # Keep the committed file free of this machine's paths.
  sed -e "s|$root/|reciprocity/|g" "$new" >"$baseline"
  echo "abi-check: wrote the baseline $baseline"
  exit 0
fi

[ -f "$baseline" ] || { echo "abi-check: no baseline at $baseline" >&2; exit 2; }
echo "abi-check: comparing $(basename "$baseline") (old) with $lib (new)"
set +e
abi-compliance-checker -l reciprocity -old "$baseline" -new "$new" \
  -report-path "$work/compat_report.html" >"$work/acc.log" 2>&1
rc=$?
set -e
cat "$work/acc.log"
if [ $rc -eq 0 ]; then
  echo "abi-check: OK, compatible with the baseline"
else
  echo "abi-check: FAILED (abi-compliance-checker exit $rc); report: $work/compat_report.html" >&2
  # The report's problem lists, as text, for CI logs.
  sed -e 's/<[^>]*>/ /g' "$work/compat_report.html" 2>/dev/null |
    grep -E -i "removed symbols|problems with|changed|incompatib|rcp_[a-z_]+" | tr -s ' ' | head -40 >&2 || true
fi
exit $rc
