#!/usr/bin/python3
"""Best two-way mentoring partners from an HR database, in Python.

Reads the sample HR database (make it with
`/usr/bin/python3 sql/generate_sample_hr.py sql/sample_hr.db`), builds one
profile per person from their skills (level = proficiency) and learning goals
(want = priority) with the SQL aggregate reciprocity_profile, then prints the
top 3 partners of the first N people with what each side gains.

    /usr/bin/python3 examples/python_quickstart.py sql/sample_hr.db [--people 5] [--mode harmonic]

Needs the `reciprocity` package: installed with pip, or from a CMake build
with PYTHONPATH=<build>/python.
"""

import argparse
import sqlite3
import sys

import reciprocity
import reciprocity.sqlite

PROFILES = """
SELECT employee_id, reciprocity_profile(skill, level, want)
FROM (SELECT employee_id, skill, proficiency AS level, 0 AS want FROM employee_skills
      UNION ALL
      SELECT employee_id, skill, 0, priority FROM learning_goals)
GROUP BY employee_id
"""


def gains(direction, spelling, limit=3):
    """'Finance (2 -> 5), SQL (0 -> 4)': the topics that carry a benefit, with
    the receiver's level and the giver's."""
    parts = [
        f"{spelling.get(t['topic'], t['topic'])} ({t['receiver_level']:g} -> {t['giver_level']:g})"
        for t in direction["topics"][:limit]
    ]
    more = len(direction["topics"]) - limit
    if more > 0:
        parts.append(f"+{more} more")
    return ", ".join(parts) or "nothing"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="the HR database (sql/generate_sample_hr.py makes one)")
    parser.add_argument("--people", type=int, default=5, help="how many people to show (default 5)")
    parser.add_argument("--top", type=int, default=3, help="partners per person (default 3)")
    parser.add_argument("--mode", default="harmonic", choices=reciprocity.MODES, help="how to combine the two benefits")
    args = parser.parse_args(argv)

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    reciprocity.sqlite.load(conn)
    people = {i: (name, title) for i, name, title in conn.execute("SELECT id, name, title FROM employees")}
    profiles = {i: reciprocity.Profile.from_bytes(blob) for i, blob in conn.execute(PROFILES)}
    # Profiles hold canonical (lower-case) topic names; show the catalogue's spelling
    # (the skills table's spelling wins over the goals').
    spelling = {}
    for table in ("learning_goals", "employee_skills"):
        for (skill,) in conn.execute(f"SELECT DISTINCT skill FROM {table}"):
            spelling[skill.strip().lower()] = skill
    conn.close()
    print(f"reciprocity {reciprocity.__version__}: {len(profiles)} profiles from {args.db}, mode {args.mode}\n")

    for me in sorted(profiles)[: args.people]:
        name, title = people[me]
        others = {i: p for i, p in profiles.items() if i != me}
        print(f"{name} ({title})")
        top = reciprocity.best_partners(profiles[me], others, args.top, mode=args.mode)
        if not top:
            print("  no two-way partner found\n")
            continue
        for rank, (other, score) in enumerate(top, 1):
            e = reciprocity.explain(profiles[me], profiles[other], mode=args.mode)
            other_name, other_title = people[other]
            print(f"  {rank}. {other_name} ({other_title})  score {score:.3f}  balance {e['balance']:.2f}")
            print(f"       {name.split()[0]} gains: {gains(e['a_gets'], spelling)}")
            print(f"       {other_name.split()[0]} gains: {gains(e['b_gets'], spelling)}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
