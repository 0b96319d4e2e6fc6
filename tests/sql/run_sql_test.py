#!/usr/bin/python3
"""Runs one SQL test file against the reciprocity extension.

Test file format (plain SQL, expectations in comments):

    -- any comment
    SELECT reciprocity_score(a, b) FROM pairs ORDER BY id;
    -- => 0.7466666666666667
    -- => NULL
    SELECT reciprocity_score(x'00', NULL);
    -- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16

A statement ends at the line where it is a complete SQL statement (it ends
with ';'). The lines right after it say what it must do:

    -- => v1|v2|...   one expected row, in order; values as the sqlite3 shell
                      prints them in list mode, but exact: NULL, integers,
                      REALs in Python's shortest round-trip form (repr),
                      text as is, BLOBs as X'HEX'
    -- => (no rows)   the statement returns no row
    -- !! message     the statement fails with exactly this error message

A statement with no expectation must succeed and return no row (set-up).

    -- limit: length 1000    (a line of its own between statements) sets
                      sqlite3_limit(SQLITE_LIMIT_LENGTH, 1000) for the
                      statements after it; any SQLITE_LIMIT_<NAME> by its
                      lower-case name (python engine only)

Engines:
    default           Python's sqlite3 (Debian's /usr/bin/python3) with
                      enable_load_extension + load_extension, one in-memory
                      database per file
    "-- engine: shell" as the first line: every statement runs in a new
                      `sqlite3` shell process on one temporary database file,
                      after `.load <extension>`; rows are compared with the
                      shell's own output (list mode), errors with the end of
                      what the shell prints on stderr. A line starting with
                      "." is a dot-command statement of its own; {extension}
                      in it stands for the extension's path.

Exit status: 0 when every expectation holds (or, with --expect-failures N,
when exactly N fail), 1 otherwise, 77 (skipped) in
shell mode when no sqlite3 shell is available.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile


class Case:
    def __init__(self, line, sql, limit=None):
        self.line = line
        self.sql = sql
        self.limit = limit   # (SQLITE_LIMIT_* id, value) for a "-- limit:" line
        self.rows = []       # expected rows (strings)
        self.no_rows = False
        self.error = None    # expected error message


def parse(path):
    cases, buf, start = [], [], None
    engine = "python"
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0].strip() == "-- engine: shell":
        engine = "shell"
    for no, line in enumerate(lines, 1):
        stripped = line.strip()
        if not buf and stripped.startswith("-- limit:"):
            words = stripped.split(":", 1)[1].split()
            category = getattr(sqlite3, "SQLITE_LIMIT_" + words[0].upper(), None) if len(words) == 2 else None
            if category is None or not words[1].isdigit() or engine != "python":
                raise SystemExit(f"{path}:{no}: expected '-- limit: <name> <value>' (python engine only)")
            cases.append(Case(no, stripped, limit=(category, int(words[1]))))
            continue
        if not buf and (stripped.startswith("-- =>") or stripped.startswith("-- !!")) and cases and cases[-1].limit:
            raise SystemExit(f"{path}:{no}: expectation after a limit line")
        if not buf and stripped.startswith("-- =>"):
            if not cases:
                raise SystemExit(f"{path}:{no}: expectation before any statement")
            value = line.split("-- =>", 1)[1]
            value = value[1:] if value.startswith(" ") else value
            if value == "(no rows)":
                cases[-1].no_rows = True
            else:
                cases[-1].rows.append(value)
            continue
        if not buf and stripped.startswith("-- !!"):
            if not cases:
                raise SystemExit(f"{path}:{no}: expectation before any statement")
            cases[-1].error = line.split("-- !!", 1)[1].strip()
            continue
        if not buf and (stripped == "" or stripped.startswith("--")):
            continue
        if not buf:
            start = no
        buf.append(line)
        text = "\n".join(buf)
        if sqlite3.complete_statement(text) or (engine == "shell" and len(buf) == 1 and stripped.startswith(".")):
            cases.append(Case(start, text.strip()))
            buf = []
    if buf:
        raise SystemExit(f"{path}:{start}: unterminated statement")
    for c in cases:
        if c.error is not None and (c.rows or c.no_rows):
            raise SystemExit(f"{path}:{c.line}: a statement cannot expect both rows and an error")
    return engine, cases


def fmt(v):
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, bytes):
        return "X'" + v.hex().upper() + "'"
    return str(v)


def run_python(ext, cases):
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.enable_load_extension(False)
    results = []
    for c in cases:
        if c.limit:
            db.setlimit(*c.limit)
            results.append(([], None))
            continue
        try:
            rows = ["|".join(fmt(v) for v in r) for r in db.execute(c.sql).fetchall()]
            results.append((rows, None))
        except sqlite3.Error as e:
            results.append((None, str(e)))
    db.close()
    return results


def run_shell(ext, shell, cases):
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        dbfile = os.path.join(tmp, "test.db")
        for c in cases:
            script = f".load {ext}\n{c.sql.replace('{extension}', ext)}\n"
            p = subprocess.run([shell, "-bail", "-batch", dbfile], input=script, capture_output=True,
                               text=True, errors="replace")
            err = p.stderr.strip()
            if p.returncode != 0 or err:
                results.append((None, err))
            else:
                out = p.stdout.split("\n")
                if out and out[-1] == "":
                    out.pop()
                results.append((out, None))
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extension", required=True, help="path of reciprocity.so")
    ap.add_argument("--sqlite3", default=shutil.which("sqlite3"), help="the sqlite3 shell (shell engine)")
    ap.add_argument("--expect-failures", type=int, default=0,
                    help="succeed only with exactly this many failures (to test the runner)")
    ap.add_argument("file")
    args = ap.parse_args()

    engine, cases = parse(args.file)
    if not cases:
        print(f"{args.file}: no statements")
        return 1
    if not any(c.rows or c.no_rows or c.error is not None for c in cases):
        print(f"{args.file}: no expectations")
        return 1
    ext = os.path.abspath(args.extension)
    if engine == "shell":
        if not args.sqlite3 or not os.path.exists(args.sqlite3):
            print("SKIP: no sqlite3 shell")
            return 77
        results = run_shell(ext, args.sqlite3, cases)
    else:
        results = run_python(ext, cases)

    failures = 0
    checks = 0
    name = os.path.basename(args.file)
    for c, (rows, err) in zip(cases, results):
        where = f"{name}:{c.line}"
        first = c.sql.split("\n")[0][:100]
        if c.error is not None:
            checks += 1
            ok = err is not None and (err == c.error or (engine == "shell" and err.endswith(": " + c.error)))
            if not ok:
                failures += 1
                got = f"error: {err}" if err is not None else "rows: " + repr(rows)
                print(f"FAIL {where}: {first}\n  expected error: {c.error}\n  got {got}")
            continue
        if err is not None:
            failures += 1
            print(f"FAIL {where}: {first}\n  unexpected error: {err}")
            continue
        if c.rows or c.no_rows:
            checks += 1
        if rows != c.rows:
            failures += 1
            print(f"FAIL {where}: {first}\n  expected rows: {c.rows!r}\n  got rows:      {rows!r}")
    print(f"{name}: {sum(1 for c in cases if not c.limit)} statements, {checks} checks, {failures} failures ({engine})")
    return 0 if failures == args.expect_failures else 1


if __name__ == "__main__":
    sys.exit(main())
