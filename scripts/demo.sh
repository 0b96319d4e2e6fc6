#!/usr/bin/env bash
# README command 1: the reciprocity demo on a fresh Debian 12 machine.
#   bash scripts/demo.sh          (as root, or as a user with sudo)
# Installs what is missing (Debian packages only), builds the SQLite extension
# into ${BUILD_DIR:-build}, generates the sample HR database sql/sample_hr.db
# (2,000 people), builds everyone's profile and prints, through the sqlite3
# shell with the extension loaded, the strongest two-way mentoring pairs.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
DB=sql/sample_hr.db
PYTHON=/usr/bin/python3   # Debian's Python, whatever else is first on PATH
start=$(date +%s)

step() { printf '==> %s\n' "$*" >&2; }

# Runs a command quietly; on failure shows the end of its output and stops.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    printf 'demo: failed: %s\n' "$*" >&2
    exit 1
  fi
  rm -f "$log"
}

step "Installing missing Debian packages (build-essential cmake sqlite3 libsqlite3-dev python3)"
bash scripts/install-deps.sh --demo

step "Building the SQLite extension into $BUILD_DIR/"
BUILD_DIR="$BUILD_DIR" quietly bash scripts/build.sh -DRCP_BUILD_TESTS=OFF -DRCP_BUILD_PYTHON=OFF
ext="$BUILD_DIR/reciprocity"
[ -f "$ext.so" ] || { echo "demo: $ext.so was not built" >&2; exit 1; }

step "Generating the sample HR database $DB"
quietly "$PYTHON" sql/generate_sample_hr.py --force "$DB"

step "Scoring every cross-department pair in SQL (sqlite3 with .load $ext)"
# -init /dev/null: ignore any ~/.sqliterc, so the output looks as intended.
sqlite3 -init /dev/null -bail "$DB" -cmd ".load $ext" <sql/demo.sql

step "Done in $(( $(date +%s) - start ))s. Explore: sqlite3 $DB, then .load $ext and .read sql/examples.sql"
