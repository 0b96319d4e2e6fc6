#!/usr/bin/python3
"""Pair 1,000 real developers for two-way mentoring: the Stack Overflow demo.

Data: the first 1,000 respondents of the Stack Overflow Developer Survey 2025
(data/stackoverflow/so_survey_2025_first1000.csv; ODbL 1.0 / DbCL 1.0, see
data/stackoverflow/README.md). Each respondent lists the technologies they
have worked with and those they want to work with next year, in five
families: languages, databases, cloud platforms, web frameworks and
development environments (the *HaveWorkedWith / *WantToWorkWith columns).

Everything below runs in SQLite with the reciprocity extension loaded; Python
only reads the CSV and prints.

The rules (also printed in the output header):

* Experience (years) = WorkExp (years of professional work experience); when
  that is missing, YearsCode (years of coding, education included); when both
  are missing, 0.
* Level: a technology someone HAS worked with gets level
  1 + min(4, years / 3), on the 0-5 scale: 1 for a beginner, +1 per three
  years of experience, 5 from twelve years on. A technology they have not
  worked with is level 0.
* Want: a technology someone WANTS to work with and has not worked with gets
  want 2; one they want and already have (to go deeper) gets want 1. Wants
  are relative: each person's wants are normalised to add up to 1.
* A pair's score is reciprocity_score (harmonic mean of what each side gains,
  0 to 1: 0 when either side gains nothing). The candidate pairs are ALL
  pairs of respondents with a score above 0 (both sides gain something),
  with each side's own gain (reciprocity_benefit) for the stable objective.
* Reverse mentoring: in a pair whose experience differs by at least
  REVERSE_GAP (10) years, the less experienced person teaches the more
  experienced one something they want (with these rules always a
  technology the senior has never used: a junior's level of a shared
  technology is never above the senior's).

Then the cohort is matched with each objective of reciprocity_match
(total, fair, stable), compared side by side with reciprocity_match_audit,
and the five strongest pairs of the `total` matching are shown with what each
side gains (reciprocity_explain).

    /usr/bin/python3 examples/stackoverflow_demo.py [--ext build/reciprocity.so] [--csv PATH]

Standard library only; needs a Python whose sqlite3 can load extensions
(Debian's /usr/bin/python3 can). Takes a few seconds.
"""

import argparse
import csv
import json
import os
import sqlite3
import sys
import textwrap
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CSV = os.path.join(ROOT, "data", "stackoverflow", "so_survey_2025_first1000.csv")
DEFAULT_EXT = os.path.join("build", "reciprocity.so")

FAMILIES = ("Language", "Database", "Platform", "Webframe", "DevEnvs")
REVERSE_GAP = 10  # years
OBJECTIVES = (
    ("total", "largest total benefit"),
    ("fair", "most people paired, then the weakest pair as strong as possible"),
    ("stable", "no two people who would both rather be together than with their partners "
               "(or as few as can be found, when that is impossible)"),
)


def level_for(years):
    """The documented rule: 1 + min(4, years / 3), in [1, 5]."""
    return 1.0 + min(4.0, years / 3.0)


def parse_years(text):
    if text is None or text.strip() in ("", "NA"):
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value >= 0 else None


def split_list(text):
    if text is None or text.strip() in ("", "NA"):
        return []
    return [t.strip() for t in text.split(";") if t.strip()]


def load(db, csv_path):
    """respondents, have(respondent, topic, level), want(respondent, topic, want)."""
    db.executescript("""
        CREATE TABLE respondents(id INTEGER PRIMARY KEY, years REAL, years_source TEXT,
                                 dev_type TEXT, country TEXT);
        CREATE TABLE have(respondent INTEGER, topic TEXT, level REAL, PRIMARY KEY (respondent, topic));
        CREATE TABLE want(respondent INTEGER, topic TEXT, want REAL, PRIMARY KEY (respondent, topic));
        CREATE TABLE spelling(topic TEXT PRIMARY KEY, shown TEXT);
    """)
    spelling = {}
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        needed = ["ResponseId", "WorkExp", "YearsCode", "DevType", "Country"]
        for fam in FAMILIES:
            needed += [fam + "HaveWorkedWith", fam + "WantToWorkWith"]
        missing = [c for c in needed if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"{csv_path}: missing columns {', '.join(missing)}")
        for row in reader:
            rid = int(row["ResponseId"])
            work, code = parse_years(row["WorkExp"]), parse_years(row["YearsCode"])
            if work is not None:
                years, source = work, "WorkExp"
            elif code is not None:
                years, source = code, "YearsCode"
            else:
                years, source = 0.0, "none"
            dev = row["DevType"] if row["DevType"] not in ("", "NA") else "no role given"
            country = row["Country"] if row["Country"] not in ("", "NA") else "no country given"
            db.execute("INSERT INTO respondents VALUES (?, ?, ?, ?, ?)", (rid, years, source, dev, country))
            level = level_for(years)
            has, wants = set(), set()
            for fam in FAMILIES:
                for t in split_list(row[fam + "HaveWorkedWith"]):
                    has.add(t.lower())
                    spelling.setdefault(t.lower(), t)
                for t in split_list(row[fam + "WantToWorkWith"]):
                    wants.add(t.lower())
                    spelling.setdefault(t.lower(), t)
            db.executemany("INSERT INTO have VALUES (?, ?, ?)", [(rid, t, level) for t in sorted(has)])
            db.executemany("INSERT INTO want VALUES (?, ?, ?)",
                           [(rid, t, 1.0 if t in has else 2.0) for t in sorted(wants)])
    db.executemany("INSERT INTO spelling VALUES (?, ?)", sorted(spelling.items()))
    return spelling


def build_candidates(db):
    db.executescript("""
        CREATE TABLE profiles(id INTEGER PRIMARY KEY, profile BLOB);
        INSERT INTO profiles
        SELECT r.id, reciprocity_profile(t.topic, t.level, t.want)
        FROM respondents r LEFT JOIN (
            SELECT respondent, topic, level, 0 AS want FROM have
            UNION ALL
            SELECT respondent, topic, 0, want FROM want) t ON t.respondent = r.id
        GROUP BY r.id;

        -- Every pair once (a < b) where both sides gain: the candidate pairs.
        CREATE TABLE candidates(a INTEGER, b INTEGER, score REAL, a_gain REAL, b_gain REAL,
                                PRIMARY KEY (a, b)) WITHOUT ROWID;
        INSERT INTO candidates
        SELECT a, b, score, reciprocity_benefit(pa, pb), reciprocity_benefit(pb, pa)
        FROM (SELECT x.id AS a, y.id AS b, x.profile AS pa, y.profile AS pb,
                     reciprocity_score(x.profile, y.profile) AS score
              FROM profiles x JOIN profiles y ON y.id > x.id)
        WHERE score > 0;
    """)


def pct(x):
    return f"{100 * x:.0f}%"


def table(headers, rows, aligns):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]

    def fmt(cells):
        return "  ".join(str(c).rjust(w) if a == "r" else str(c).ljust(w)
                         for c, w, a in zip(cells, widths, aligns)).rstrip()

    out = ["  " + fmt(headers), "  " + "  ".join("-" * w for w in widths)]
    out += ["  " + fmt(r) for r in rows]
    return "\n".join(out)


def describe(person):
    years, source, dev, country = person
    unit = "yr" if years == 1 else "yrs"
    how = "" if source == "WorkExp" else (" coding" if source == "YearsCode" else " (unknown)")
    return f"{years:g} {unit}{how}, {dev}, {country}"


def gains_text(side, spelling, limit=3):
    topics = side["topics"]
    parts = [f"{spelling.get(t['topic'], t['topic'])} ({t['receiver_level']:.0f}->{t['giver_level']:.0f})"
             for t in topics[:limit]]
    if len(topics) > limit:
        parts.append(f"+{len(topics) - limit} more")
    return ", ".join(parts) if parts else "nothing"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ext", default=DEFAULT_EXT,
                    help="the reciprocity SQLite extension (default: build/reciprocity.so, from the "
                         "current directory or else the repository root)")
    ap.add_argument("--csv", default=DEFAULT_CSV, help="the survey extract (default: %(default)s)")
    ap.add_argument("--db", default=":memory:",
                    help="a new SQLite database file to build the tables in, to explore them afterwards "
                         "(default: in memory)")
    args = ap.parse_args()
    if args.db != ":memory:" and os.path.exists(args.db):
        sys.exit(f"stackoverflow_demo: {args.db} exists; give a new file name for --db")

    ext = args.ext
    if not os.path.exists(ext) and not os.path.isabs(ext) and os.path.exists(os.path.join(ROOT, ext)):
        ext = os.path.join(ROOT, ext)
    if not os.path.exists(ext):
        sys.exit(f"stackoverflow_demo: extension {args.ext!r} not found; build it with "
                 f"`bash scripts/build.sh` or pass --ext PATH")

    started = time.perf_counter()
    db = sqlite3.connect(args.db)
    db.enable_load_extension(True)
    db.load_extension(os.path.abspath(ext))
    db.enable_load_extension(False)

    spelling = load(db, args.csv)
    build_candidates(db)
    built = time.perf_counter()

    people, = db.execute("SELECT count(*) FROM respondents").fetchone()
    with_wants, = db.execute("SELECT count(DISTINCT respondent) FROM want").fetchone()
    with_haves, = db.execute("SELECT count(DISTINCT respondent) FROM have").fetchone()
    topics, = db.execute("SELECT count(*) FROM (SELECT topic FROM have UNION SELECT topic FROM want)").fetchone()
    n_cands, in_cands = db.execute(
        "SELECT count(*), (SELECT count(*) FROM (SELECT a FROM candidates UNION SELECT b FROM candidates)) "
        "FROM candidates").fetchone()
    all_pairs = people * (people - 1) // 2

    print("=" * 100)
    print("  Two-way mentoring for 1,000 real developers (Stack Overflow Developer Survey 2025)")
    print("=" * 100)
    print(f"""
  Who: the first {people:,} respondents of the survey. For each, the technologies they HAVE worked with
  and those they WANT to work with: languages, databases, cloud platforms, web frameworks, dev tools
  ({topics} technologies in all). {with_haves:,} list something they have, {with_wants:,} something they want.

  How skills are read:
    * Experience = years of professional work (WorkExp); if not given, years of coding (YearsCode).
    * Level of a technology someone has used = 1 + min(4, years / 3) on a 0-5 scale:
      1 for a newcomer, one step per three years, 5 (expert) from twelve years on. Not used: 0.
    * A technology someone wants and has not used weighs 2; one they want and already use weighs 1.
    * What A gains from B: for each technology A wants, how far B's level is above A's (0-1 overall).
    * Score of a pair: both gains combined (harmonic mean, 0-1); 0 if either side gains nothing.

  Candidates: all {all_pairs:,} possible pairs were scored; the {n_cands:,} pairs in which BOTH people
  gain ({pct(n_cands / all_pairs)}) are candidates, covering {in_cands:,} people. The others cannot be paired.
""")

    # Objectives side by side.
    rows = []
    audits = {}
    for objective, _ in OBJECTIVES:
        options = json.dumps({"objective": objective})
        audit = db.execute(
            "SELECT people, pairs, total, weakest_score, worst_off, worst_off_score, unmatched, "
            "blocking_pairs, stable, explanation FROM reciprocity_match_audit('candidates', ?)",
            (options,)).fetchone()
        audits[objective] = audit
        _, pairs, total, weakest, _, _, unmatched, blocking, stable, _ = audit
        verdict = "yes" if stable else "no"
        if objective == "stable" and not stable:
            verdict = "no (none exists)" if "no stable matching exists" in (audit[9] or "") else "no"
        rows.append((objective, f"{pairs:,}", f"{2 * pairs:,}", f"{total:.2f}", f"{total / pairs:.3f}",
                     f"{weakest:.3f}", f"{unmatched:,}", f"{blocking:,}", verdict))
    matched = time.perf_counter()

    print("  Matching the cohort three ways (reciprocity_match, audited with reciprocity_match_audit):")
    print()
    print(table(["objective", "pairs formed", "people paired", "total", "average pair", "weakest pair",
                 "left unpaired", "blocking pairs", "stable?"],
                rows, ["l", "r", "r", "r", "r", "r", "r", "r", "l"]))
    print()
    for objective, meaning in OBJECTIVES:
        print(textwrap.fill(meaning, width=100, initial_indent=f"  {objective:<7} ",
                            subsequent_indent=" " * 10))
    print("""
  total: sum of the pair scores.  weakest pair: the lowest pair score.  left unpaired: candidates with no
  partner.  blocking pairs: two people who would both rather be with each other (each ranks partners by
  what THEY gain) than with the partner they were given - a pair likely to swap. stable?: no blocking pair.""")
    for objective, _ in OBJECTIVES:
        explanation = audits[objective][9]
        if objective == "stable" and explanation:
            print(textwrap.fill(f"Note on stable: {explanation}.", width=100,
                                initial_indent="  ", subsequent_indent="  "))
    print()

    # The five most reciprocal pairs of the total matching.
    db.execute("CREATE TEMP TABLE total_matching AS "
               "SELECT a, b, score FROM reciprocity_match('candidates', '{\"objective\": \"total\"}')")
    top = db.execute("""
        SELECT m.a, m.b, m.score, reciprocity_explain(pa.profile, pb.profile),
               ra.years, ra.years_source, ra.dev_type, ra.country,
               rb.years, rb.years_source, rb.dev_type, rb.country
        FROM total_matching m
        JOIN profiles pa ON pa.id = m.a JOIN profiles pb ON pb.id = m.b
        JOIN respondents ra ON ra.id = m.a JOIN respondents rb ON rb.id = m.b
        ORDER BY m.score DESC, m.a LIMIT 5""").fetchall()
    reverse_total, = db.execute("""
        SELECT count(*) FROM total_matching m
        JOIN respondents ra ON ra.id = m.a JOIN respondents rb ON rb.id = m.b
        WHERE abs(ra.years - rb.years) >= ?""", (REVERSE_GAP,)).fetchone()
    total_pairs = audits["total"][1]

    print("-" * 100)
    print("  The five most reciprocal pairs of the `total` matching, and what each learns from the other")
    print("  (technology (learner's level -> teacher's level), strongest first)")
    print("-" * 100)
    for rank, (a, b, score, explain, *people_ab) in enumerate(top, 1):
        ex = json.loads(explain)
        pa, pb = tuple(people_ab[:4]), tuple(people_ab[4:])
        flag = ""
        if abs(pa[0] - pb[0]) >= REVERSE_GAP:
            junior, senior = (a, b) if pa[0] < pb[0] else (b, a)
            gets = ex["b_gets"] if senior == b else ex["a_gets"]
            flag = (f"\n     REVERSE MENTORING: #{junior} ({min(pa[0], pb[0]):g} yrs) teaches "
                    f"#{senior} ({max(pa[0], pb[0]):g} yrs) {gains_text(gets, spelling, 2)}")
        print(f"\n  {rank}. Respondent #{a} and respondent #{b}   score {score:.3f}, "
              f"balance {ex['balance']:.2f}{flag}")
        print(f"     #{a:<5} {describe(pa)}")
        print(f"            learns {gains_text(ex['a_gets'], spelling)}   (gain {ex['a_gets']['benefit']:.2f})")
        print(f"     #{b:<5} {describe(pb)}")
        print(f"            learns {gains_text(ex['b_gets'], spelling)}   (gain {ex['b_gets']['benefit']:.2f})")
    print(f"""
  Score: the two-way benefit (0-1). Balance: the smaller gain over the larger (1 = an even exchange).
  Reverse mentoring: the partner with at least {REVERSE_GAP} fewer years of experience teaches the other.
  In the whole `total` matching, {reverse_total:,} of {total_pairs:,} pairs are reverse mentoring by that rule.
""")
    done = time.perf_counter()
    print(f"  Time: {built - started:.2f} s to load and score all pairs, {matched - built:.2f} s to match "
          f"and audit three ways, {done - started:.2f} s in all.")
    print("  Data: Stack Overflow Developer Survey 2025 (first 1,000 respondents), ODbL 1.0 / DbCL 1.0.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
