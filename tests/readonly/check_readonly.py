#!/usr/bin/python3
"""No reciprocity function writes to the database (issue 7).

Generates the sample HR database, stores the profiles table in it (the first
part of sql/examples.sql), then takes its SHA-256 and runs, on one connection
with the extension loaded:
  - every statement of sql/examples.sql and sql/demo.sql except the three
    that (re)create main.profiles (temp tables and views are allowed: they
    live outside the file);
  - every pure function over every stored profile and pair of neighbours
    (score in every mode, benefit, explain, profile_to_json, best_partner(s));
  - the table-valued functions reciprocity_top_partners, reciprocity_match and
    reciprocity_match_audit (every objective) over the stored tables;
then closes the connection and checks the file's SHA-256 is unchanged.

Usage: check_readonly.py --extension reciprocity.so --generator sql/generate_sample_hr.py
                         --workdir DIR FILE.sql...
"""
import argparse
import hashlib
import os
import re
import sqlite3
import subprocess
import sys

PROFILES_WRITES = re.compile(r"^\s*(DROP TABLE IF EXISTS profiles|CREATE TABLE profiles|INSERT INTO profiles)\b",
                             re.I)

EXTRA = [
    "WITH m(mode) AS (VALUES ('harmonic'), ('geometric'), ('min'), ('mean'), ('uninorm'))"
    " SELECT count(reciprocity_score(a.profile, b.profile, m.mode)), count(reciprocity_benefit(a.profile, b.profile)),"
    " count(reciprocity_explain(a.profile, b.profile, m.mode))"
    " FROM profiles a JOIN profiles b ON b.employee_id = a.employee_id + 1 CROSS JOIN m",
    "SELECT count(reciprocity_profile_to_json(profile)),"
    " count(reciprocity_profile_json(reciprocity_profile_to_json(profile))) FROM profiles",
    "SELECT a.employee_id, best_partner(b.employee_id, reciprocity_score(a.profile, b.profile)),"
    " best_partners(b.employee_id, reciprocity_score(a.profile, b.profile), 3)"
    " FROM profiles a JOIN profiles b ON b.employee_id BETWEEN a.employee_id + 1 AND a.employee_id + 20"
    " GROUP BY a.employee_id",
    "SELECT reciprocity_version()",
    "SELECT count(*) FROM reciprocity_top_partners('SELECT employee_id AS id, profile FROM profiles', 3,"
    " '{\"threads\": 2}')",
    "CREATE TEMP TABLE ro_cands AS SELECT id AS a, partner AS b, score FROM"
    " reciprocity_top_partners('SELECT employee_id AS id, profile FROM profiles WHERE employee_id <= 300', 5)",
    "SELECT count(*) FROM reciprocity_match('temp.ro_cands')",
    "SELECT count(*) FROM reciprocity_match('temp.ro_cands', '{\"objective\": \"fair\"}')",
    "SELECT count(*) FROM reciprocity_match('temp.ro_cands', '{\"objective\": \"stable\"}')",
    "SELECT * FROM reciprocity_match_audit('temp.ro_cands', '{\"objective\": \"total\"}')",
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def statements(text):
    out, buf = [], ""
    for line in text.splitlines(keepends=True):
        if not re.sub(r"--[^\n]*", "", buf).strip() and line.lstrip().startswith("."):
            buf = ""
            continue  # a sqlite3 shell dot-command
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extension", required=True)
    ap.add_argument("--generator", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    db_path = os.path.join(args.workdir, "sample_hr.db")
    subprocess.run([sys.executable, args.generator, "--force", db_path], check=True, stdout=subprocess.DEVNULL)

    # The profiles table, as sql/examples.sql stores it (a write by the user, before the check).
    con = sqlite3.connect(db_path)
    con.enable_load_extension(True)
    con.load_extension(os.path.abspath(args.extension))
    text = open(args.files[0], encoding="utf-8").read()
    for st in statements(text):
        if PROFILES_WRITES.match(re.sub(r"^(--[^\n]*\n|\s)+", "", st)):
            con.execute(st)
    con.commit()
    con.close()
    before = sha256(db_path)

    con = sqlite3.connect(db_path, isolation_level=None)
    con.enable_load_extension(True)
    con.load_extension(os.path.abspath(args.extension))
    ran = 0
    for path in args.files:
        for st in statements(open(path, encoding="utf-8").read()):
            if PROFILES_WRITES.match(re.sub(r"^(--[^\n]*\n|\s)+", "", st)):
                continue
            con.execute(st).fetchall()
            ran += 1
    for st in EXTRA:
        rows = con.execute(st).fetchall()
        ran += 1
        if "SELECT count(*)" in st and not rows[0][0]:
            print(f"no rows from: {st}", file=sys.stderr)
            return 1
    con.close()
    after = sha256(db_path)
    print(f"{ran} statements; sha256 before {before}, after {after}")
    if before != after:
        print("FAILED: the database file changed", file=sys.stderr)
        return 1
    if os.path.exists(db_path + "-journal") or os.path.exists(db_path + "-wal"):
        print("FAILED: a journal was left behind", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
