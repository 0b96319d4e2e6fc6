#!/usr/bin/python3
"""Runs a user-facing SQL script (sql/examples.sql, sql/demo.sql) through the
sqlite3 shell with the reciprocity extension loaded, on a freshly generated
sample HR database, and checks that every query in it succeeds and returns rows.

Usage: run_sql_file.py --sqlite3 SHELL --extension reciprocity.so
                       --generator sql/generate_sample_hr.py --workdir DIR
                       [--expect-rows 'TEXT=N' ...] [--expect-text TEXT ...] FILE.sql

Two runs, each in one shell session (later statements use the tables and
temp tables that earlier ones create):
  1. the file as it is, as a user runs it: the shell must succeed (-bail) and
     print nothing on stderr; every --expect-text must appear in the output;
  2. the file with every query wrapped in markers and shown in JSON mode: each
     query must return at least one row; with --expect-rows 'TEXT=N', the first
     query whose text contains TEXT must return exactly N rows.
A query is a statement that starts with SELECT, WITH or VALUES; dot-commands
(lines starting with '.' between statements) are passed through.
Exit status 77 (skipped) when there is no sqlite3 shell.
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys


def split_script(text):
    """[(kind, text)]: kind 'dot' for a shell command, 'sql' for a statement."""
    units, buf = [], []
    for line in text.splitlines(keepends=True):
        only_comments = not re.sub(r"--[^\n]*", "", "".join(buf)).strip()
        if only_comments and line.lstrip().startswith("."):
            units.append(("dot", line.strip()))
            buf = []
            continue
        if not buf and not line.strip():
            continue
        buf.append(line)
        if sqlite3.complete_statement("".join(buf)):
            units.append(("sql", "".join(buf)))
            buf = []
    rest = "".join(buf)
    if re.sub(r"--[^\n]*", "", rest).strip():
        raise SystemExit("incomplete statement at the end of the file:\n" + rest)
    return units


def first_word(sql):
    code = re.sub(r"--[^\n]*|/\*.*?\*/", " ", sql, flags=re.S)
    m = re.match(r"\s*([A-Za-z]+)", code)
    return m.group(1).upper() if m else ""


def shell(args, db, script):
    cmd = [args.sqlite3, "-init", os.devnull, "-bail", db, "-cmd", ".load " + args.extension]
    return subprocess.run(cmd, input=script, capture_output=True, text=True, timeout=600)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlite3", required=True)
    ap.add_argument("--extension", required=True)
    ap.add_argument("--generator", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--expect-rows", action="append", default=[])
    ap.add_argument("--expect-text", action="append", default=[])
    ap.add_argument("file")
    args = ap.parse_args()

    if not args.sqlite3 or args.sqlite3.endswith("-NOTFOUND") or not shutil.which(args.sqlite3):
        print("SKIP: no sqlite3 shell (apt-get install sqlite3)")
        return 77

    with open(args.file, encoding="utf-8") as f:
        text = f.read()
    units = split_script(text)
    queries = [i for i, (k, s) in enumerate(units) if k == "sql" and first_word(s) in ("SELECT", "WITH", "VALUES")]
    if not queries:
        print("FAIL: no query in " + args.file)
        return 1
    print("%s: %d statements, %d queries, %d shell commands"
          % (args.file, sum(k == "sql" for k, _ in units), len(queries), sum(k == "dot" for k, _ in units)))

    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    failures = 0

    def fresh_db(name):
        db = os.path.join(args.workdir, name)
        r = subprocess.run([args.python, args.generator, "--force", db], capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit("generator failed: " + r.stderr)
        return db

    # 1. As a user runs it.
    r = shell(args, fresh_db("as_is.db"), text)
    sys.stdout.write(r.stdout[:6000] + ("\n[... %d more characters]\n" % (len(r.stdout) - 6000)
                                        if len(r.stdout) > 6000 else ""))
    if r.returncode != 0 or r.stderr.strip():
        print("FAIL: the shell exited with %d; stderr:\n%s" % (r.returncode, r.stderr))
        failures += 1
    if not r.stdout.strip():
        print("FAIL: no output")
        failures += 1
    for t in args.expect_text:
        if t not in r.stdout:
            print("FAIL: %r not in the output" % t)
            failures += 1

    # 2. Every query, row by row.
    script = []
    for i, (kind, s) in enumerate(units):
        if i in queries:
            script += [".print @@begin %d@@" % i, ".mode json", s.rstrip() + "\n", ".print @@end %d@@" % i]
        else:
            script.append(s if kind == "sql" else s + "\n")
    r = shell(args, fresh_db("by_query.db"), "\n".join(script))
    if r.returncode != 0 or r.stderr.strip():
        print("FAIL: instrumented run exited with %d; stderr:\n%s" % (r.returncode, r.stderr))
        return 1
    rows = {}
    for i in queries:
        m = re.search(r"@@begin %d@@\n(.*?)@@end %d@@" % (i, i), r.stdout, re.S)
        body = m.group(1).strip() if m else None
        try:
            rows[i] = len(json.loads(body)) if body else 0
        except ValueError:
            print("FAIL: query %d: output is not JSON:\n%s" % (i, body[:500]))
            failures += 1
            continue
        label = " ".join(re.sub(r"--[^\n]*", "", units[i][1]).split())[:90]
        ok = rows[i] > 0
        print("%s query at unit %d: %d rows  [%s ...]" % ("ok  " if ok else "FAIL", i, rows[i], label))
        failures += not ok

    for spec in args.expect_rows:
        needle, _, count = spec.rpartition("=")
        match = [i for i in queries if needle in units[i][1]]
        if not match:
            print("FAIL: no query contains %r" % needle)
            failures += 1
        elif rows.get(match[0]) != int(count):
            print("FAIL: the query with %r returned %s rows, expected %s" % (needle, rows.get(match[0]), count))
            failures += 1
        else:
            print("ok   the query with %r returned %s rows" % (needle, count))

    print("%d failure(s)" % failures if failures else "all queries succeeded and returned rows")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
