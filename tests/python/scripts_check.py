"""ctest `python.examples`: examples/python_quickstart.py on a small HR
database made here, and bench/python_score_bench.py on a few profiles."""

import os
import sqlite3
import subprocess
import sys

import pytest

ROOT = os.environ.get("RCP_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args):
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def hr_db(tmp_path):
    db = tmp_path / "hr.db"
    conn = sqlite3.connect(db)
    conn.executescript(
        """
        CREATE TABLE employees(id INTEGER PRIMARY KEY, name TEXT, title TEXT, grade INTEGER,
                               department_id INTEGER, manager_id INTEGER, hire_date TEXT);
        CREATE TABLE employee_skills(employee_id INTEGER, skill TEXT, proficiency INTEGER);
        CREATE TABLE learning_goals(employee_id INTEGER, skill TEXT, priority INTEGER);
        INSERT INTO employees VALUES
          (1, 'Ada Chief', 'Chief Executive Officer', 8, 1, NULL, '2008-01-01'),
          (2, 'Ben Junior', 'Associate Engineer', 1, 2, 1, '2024-01-01'),
          (3, 'Cy Peer', 'Analyst', 2, 2, 1, '2023-01-01'),
          (4, 'Di Nobody', 'Clerk', 1, 2, 1, '2023-01-01');
        INSERT INTO employee_skills VALUES
          (1, 'Finance', 5), (1, 'Strategy', 5),
          (2, 'Python', 5), (2, 'TikTok', 4), (2, 'Finance', 1),
          (3, 'Python', 2), (3, 'Strategy', 1),
          (4, 'Filing', 3);
        INSERT INTO learning_goals VALUES
          (1, 'Python', 3), (1, 'tiktok', 1),
          (2, 'Finance', 5),
          (3, 'strategy', 2);
        """
    )
    conn.commit()
    conn.close()
    return db


def test_quickstart_prints_partners_and_gains(hr_db):
    out = run(os.path.join(ROOT, "examples", "python_quickstart.py"), str(hr_db), "--people", "4")
    lines = out.splitlines()
    assert lines[0].startswith("reciprocity ") and "4 profiles" in lines[0]
    ada = lines.index("Ada Chief (Chief Executive Officer)")
    assert lines[ada + 1].startswith("  1. Ben Junior (Associate Engineer)  score ")
    assert lines[ada + 2] == "       Ada gains: Python (0 -> 5), TikTok (0 -> 4)"
    assert lines[ada + 3] == "       Ben gains: Finance (1 -> 5)"
    assert lines[ada + 4].startswith("  2. Cy Peer (Analyst)  score ")
    assert "       Cy gains: Strategy (1 -> 5)" in lines
    di = lines.index("Di Nobody (Clerk)")
    assert lines[di + 1] == "  no two-way partner found"


def test_quickstart_rejects_a_bad_mode(hr_db):
    proc = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "python_quickstart.py"), str(hr_db), "--mode", "best"],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2 and "invalid choice: 'best'" in proc.stderr


@pytest.mark.parametrize("source", [["--generate"], ["--db", "HR"]])
def test_bench_runs_and_agrees_with_the_reference(source, hr_db):
    source = [str(hr_db) if s == "HR" else s for s in source]
    out = run(os.path.join(ROOT, "bench", "python_score_bench.py"), "-n", "40", *source)
    assert "ratio (Python / C++):" in out
    assert "pairs" in out
