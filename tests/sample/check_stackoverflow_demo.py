#!/usr/bin/python3
"""Runs examples/stackoverflow_demo.py (the real-data demo on the Stack
Overflow survey extract) with the built extension and checks what a user sees:

  * it exits 0 and prints nothing on stderr;
  * the objective table has one row for each of total, fair and stable, each
    with pairs formed > 0, and `fair` pairs at least as many people as `total`
    and `stable`, and `total` has the largest total (what the objectives mean);
  * the five most reciprocal pairs, numbered 1 to 5, each with what both sides
    learn;
  * the reverse-mentoring summary line and the licence attribution.

Usage: check_stackoverflow_demo.py --python PY --demo examples/stackoverflow_demo.py --extension reciprocity.so
"""
import argparse
import re
import subprocess
import sys


def fail(message, output):
    sys.stderr.write(output)
    sys.exit(f"check_stackoverflow_demo: {message}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", required=True)
    ap.add_argument("--demo", required=True)
    ap.add_argument("--extension", required=True)
    args = ap.parse_args()

    run = subprocess.run([args.python, args.demo, "--ext", args.extension],
                         capture_output=True, text=True, timeout=240)
    out = run.stdout
    if run.returncode != 0:
        fail(f"the demo exited with {run.returncode}:\n{run.stderr}", out)
    if run.stderr.strip():
        fail(f"the demo wrote to stderr:\n{run.stderr}", out)

    rows = {}
    for objective in ("total", "fair", "stable"):
        m = re.search(rf"^  {objective} +([\d,]+) +([\d,]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d,]+) +([\d,]+) +(yes|no)",
                      out, re.M)
        if not m:
            fail(f"no row for objective '{objective}' in the summary table", out)
        pairs, people, total = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", "")), float(m.group(3))
        if pairs <= 0 or people != 2 * pairs:
            fail(f"objective '{objective}': {pairs} pairs, {people} people paired", out)
        rows[objective] = (pairs, total)
    if not (rows["fair"][0] >= rows["total"][0] and rows["fair"][0] >= rows["stable"][0]):
        fail(f"'fair' pairs fewer people than another objective: {rows}", out)
    if not (rows["total"][1] >= rows["fair"][1] - 0.01 and rows["total"][1] >= rows["stable"][1] - 0.01):
        fail(f"'total' does not have the largest total: {rows}", out)

    for rank in range(1, 6):
        m = re.search(rf"^  {rank}\. Respondent #(\d+) and respondent #(\d+) +score ([\d.]+)", out, re.M)
        if not m:
            fail(f"pair {rank} of the five most reciprocal pairs is missing", out)
        if not 0 < float(m.group(3)) <= 1:
            fail(f"pair {rank} has score {m.group(3)}", out)
    if re.search(r"^  6\. Respondent", out, re.M):
        fail("more than five pairs listed", out)
    learns = re.findall(r"^ +learns (.+) +\(gain ([\d.]+)\)$", out, re.M)
    if len(learns) != 10 or any(text.strip() == "nothing" or float(g) <= 0 for text, g in learns):
        fail(f"expected 10 'learns ... (gain ...)' lines, each with a gain > 0; got {learns}", out)
    for text in ("reverse mentoring by that rule", "ODbL 1.0 / DbCL 1.0"):
        if text not in out:
            fail(f"missing {text!r}", out)
    print(out)
    print("check_stackoverflow_demo: ok")


if __name__ == "__main__":
    main()
