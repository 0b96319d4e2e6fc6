#!/usr/bin/env bash
# Checks what libreciprocity exports: only rcp_* functions, each in a
# RECIPROCITY_* version node, exactly the RCP_API functions of the header and
# exactly the list in the linker version script; and the SONAME.
# Usage: check_exports.sh LIBRARY HEADER VERSION_SCRIPT EXPECTED_SONAME
set -euo pipefail
lib=$1 header=$2 map=$3 soname=$4
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== nm -D --defined-only $lib"
nm -D --defined-only "$lib" | tee "$tmp/nm"

# Every defined dynamic symbol is an rcp_ function in a RECIPROCITY_ node, or
# the version node's own absolute symbol.
while read -r _addr type sym; do
  name=${sym%%@*}
  node=${sym#*@@}
  if [ "$type" = A ] && [[ $name == RECIPROCITY_* ]]; then continue; fi
  if [[ $name != rcp_* ]]; then echo "FAIL: exported symbol '$sym' is not rcp_*"; fail=1; continue; fi
  if [ "$type" != T ]; then echo "FAIL: '$sym' has type $type, expected T (a function)"; fail=1; fi
  if [[ $sym != *@@RECIPROCITY_* ]]; then echo "FAIL: '$sym' has no RECIPROCITY_* version node"; fail=1; fi
  echo "$name" >>"$tmp/exported"
done <"$tmp/nm"
sort -o "$tmp/exported" "$tmp/exported"

# The RCP_API functions declared in the header.
# (each declaration starts a line with RCP_API and names the function before '(')
grep -E '^RCP_API ' "$header" | sed -E 's/^[^(]*[^A-Za-z0-9_](rcp_[A-Za-z0-9_]+)[[:space:]]*\(.*/\1/' | sort >"$tmp/declared"
# The globals of the version script.
sed -n '/global:/,/local:/p' "$map" | grep -oE '^[[:space:]]*rcp_[A-Za-z0-9_]+;' | tr -d ' ;' | sort >"$tmp/listed"

[ -s "$tmp/declared" ] || { echo "FAIL: no RCP_API declarations found in $header"; fail=1; }
if ! diff -u "$tmp/declared" "$tmp/exported" >"$tmp/d1"; then
  echo "FAIL: header RCP_API declarations (-) differ from the exported symbols (+):"; cat "$tmp/d1"; fail=1
fi
if ! diff -u "$tmp/declared" "$tmp/listed" >"$tmp/d2"; then
  echo "FAIL: header RCP_API declarations (-) differ from the version script (+):"; cat "$tmp/d2"; fail=1
fi

actual=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ "$actual" != "$soname" ]; then echo "FAIL: SONAME is '$actual', expected '$soname'"; fail=1; fi

n=$(wc -l <"$tmp/declared")
[ $fail -eq 0 ] && echo "OK: $n rcp_* functions exported in RECIPROCITY_*, SONAME $actual, nothing else exported"
exit $fail
