"""reciprocity.sqlite: the SQL functions in Python's sqlite3, and BLOBs that
cross between SQL and Python both ways."""

import json
import os
import random
import re
import sqlite3

import pytest

import reciprocity
import reciprocity.sqlite
from reciprocity import Profile


def raises(exc, message):
    return pytest.raises(exc, match="^" + re.escape(message) + "$")


def test_extension_ships_inside_the_package():
    path = reciprocity.sqlite.extension_path()
    assert os.path.basename(path) == "reciprocity.so"
    assert os.path.dirname(os.path.dirname(path)) == os.path.dirname(reciprocity.__file__)


def test_load_registers_the_functions_and_disables_loading_again(conn):
    assert conn.execute("SELECT reciprocity_version()").fetchone() == (reciprocity.__version__,)
    with pytest.raises(sqlite3.OperationalError, match="not authorized"):
        conn.execute("SELECT load_extension(?)", (reciprocity.sqlite.extension_path(),)).fetchone()
    with pytest.raises(sqlite3.OperationalError):
        conn.load_extension(reciprocity.sqlite.extension_path())


def test_load_twice_is_harmless(conn):
    reciprocity.sqlite.load(conn)
    assert conn.execute("SELECT reciprocity_version()").fetchone()[0] == reciprocity.__version__


def test_load_errors():
    with raises(TypeError, "load: conn must be a sqlite3.Connection, not str"):
        reciprocity.sqlite.load(":memory:")
    c = sqlite3.connect(":memory:")
    c.close()
    with pytest.raises(sqlite3.ProgrammingError):  # a closed connection
        reciprocity.sqlite.load(c)


def test_missing_extension_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(reciprocity.sqlite, "_EXT_DIR", str(tmp_path))
    with raises(FileNotFoundError, f"extension_path: the reciprocity SQLite extension is missing from the package (expected {tmp_path}/reciprocity.so)"):
        reciprocity.sqlite.load(sqlite3.connect(":memory:"))


def test_connect(tmp_path):
    db = tmp_path / "hr.db"
    conn = reciprocity.sqlite.connect(db)
    assert conn.execute("SELECT reciprocity_version()").fetchone()[0] == reciprocity.__version__
    conn.close()
    conn = reciprocity.sqlite.connect(str(db), isolation_level=None)
    assert conn.isolation_level is None
    conn.close()


def test_blob_made_in_sql_reads_back_in_python(conn):
    conn.executescript(
        """
        CREATE TABLE skills(person INTEGER, skill TEXT, proficiency REAL);
        CREATE TABLE goals(person INTEGER, skill TEXT, priority REAL);
        INSERT INTO skills VALUES (1, 'Python', 4), (1, 'sql', 3), (2, 'finance', 5), (2, 'python', 1);
        INSERT INTO goals VALUES (1, 'Finance ', 3), (2, 'python', 2), (2, 'SQL', 1);
        """
    )
    rows = conn.execute(
        """
        SELECT person, reciprocity_profile(skill, level, want) FROM (
          SELECT person, skill, proficiency AS level, 0 AS want FROM skills
          UNION ALL SELECT person, skill, 0, priority FROM goals)
        GROUP BY person ORDER BY person
        """
    ).fetchall()
    got = {person: Profile.from_bytes(blob) for person, blob in rows}
    assert got[1] == Profile({"python": {"level": 4}, "sql": {"level": 3}, "finance": {"want": 3}})
    assert got[2] == Profile({"finance": {"level": 5}, "python": {"level": 1, "want": 2}, "sql": {"want": 1}})
    # The BLOB is exactly the Python bytes, and SQL scores equal Python scores.
    assert rows[0][1] == got[1].to_bytes()
    (s,) = conn.execute("SELECT reciprocity_score(?, ?)", (rows[0][1], rows[1][1])).fetchone()
    assert s == reciprocity.score(got[1], got[2]) == reciprocity.score(rows[0][1], rows[1][1])
    # The same rows through Profile.from_rows.
    skills = conn.execute("SELECT skill, proficiency, 0 FROM skills WHERE person = 2 UNION ALL SELECT skill, 0, priority FROM goals WHERE person = 2").fetchall()
    assert Profile.from_rows(skills) == got[2]


def test_blob_made_in_python_reads_back_in_sql(conn):
    p = Profile({"Python": {"level": 4}, "finance": {"level": 1, "want": 3}})
    conn.execute("CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB)")
    conn.execute("INSERT INTO people VALUES (1, ?), (2, ?)", (p, p.to_bytes()))  # Profile binds as its BLOB
    rows = conn.execute("SELECT typeof(profile), reciprocity_profile_to_json(profile), profile FROM people").fetchall()
    assert rows == [("blob", p.to_json(), p.to_bytes())] * 2
    assert json.loads(rows[0][1]) == p.to_dict()
    (same,) = conn.execute("SELECT reciprocity_profile_json(?) = ?", (p.to_json(), p)).fetchone()
    assert same == 1


def _random_spec(rnd):
    topics = ["python", "finance", "go", "sql", "design", "sales", "coaching kids' football"]
    return {t: {"level": rnd.choice([0, 1, 2.5, 3, 4, 5]), "want": rnd.choice([0, 0, 1, 2, 0.5])} for t in rnd.sample(topics, rnd.randint(0, 5))}


@pytest.mark.parametrize("mode", reciprocity.MODES)
def test_sql_and_python_give_the_same_numbers(conn, mode):
    rnd = random.Random(11)
    for _ in range(60):
        a, b = Profile(_random_spec(rnd)), Profile(_random_spec(rnd))
        s, ba, ab, e = conn.execute(
            "SELECT reciprocity_score(?1, ?2, ?3), reciprocity_benefit(?1, ?2), reciprocity_benefit(?2, ?1), reciprocity_explain(?1, ?2, ?3)",
            (a, b, mode),
        ).fetchone()
        assert s == reciprocity.score(a, b, mode)
        assert ba == reciprocity.benefit(a, b) and ab == reciprocity.benefit(b, a)
        assert json.loads(e) == reciprocity.explain(a, b, mode=mode)


def test_best_partners_in_sql_and_python_agree(conn):
    rnd = random.Random(5)
    me = Profile({"python": {"level": 5}, "finance": {"level": 1, "want": 2}, "sql": {"want": 1}})
    cands = {i: Profile(_random_spec(rnd)) for i in range(1, 200)}
    conn.execute("CREATE TABLE c(id INTEGER, profile BLOB)")
    conn.executemany("INSERT INTO c VALUES (?, ?)", cands.items())
    (text,) = conn.execute("SELECT best_partners(id, reciprocity_score(?, profile), 7) FROM c", (me,)).fetchone()
    ours = reciprocity.best_partners(me, cands, 7)
    sql = json.loads(text)
    assert len(sql) == len(ours) == 7
    assert [(row["id"], row["score"]) for row in sql] == ours
    (best,) = conn.execute("SELECT best_partner(id, reciprocity_score(?, profile)) FROM c", (me,)).fetchone()
    assert best == ours[0][0]


def test_error_messages_match_the_sql_face(conn):
    with pytest.raises(sqlite3.OperationalError) as sql:
        conn.execute("SELECT reciprocity_profile('python', 7, 0)").fetchone()
    with pytest.raises(ValueError) as py:
        Profile.from_rows([("python", 7, 0)])
    assert str(sql.value) == "reciprocity_profile: level 7 for topic 'python' is outside [0, 5]"
    assert str(py.value) == "Profile.from_rows: level 7 for topic 'python' is outside [0, 5]"

    p = Profile({"go": {"level": 1}})
    with pytest.raises(sqlite3.OperationalError) as sql:
        conn.execute("SELECT reciprocity_score(?, ?, 'x')", (p, p)).fetchone()
    with pytest.raises(ValueError) as py:
        reciprocity.score(p, p, "x")
    assert str(sql.value).split(": ", 1)[1] == str(py.value).split(": ", 1)[1]

    with pytest.raises(sqlite3.OperationalError) as sql:
        conn.execute("SELECT reciprocity_benefit(?, x'00')", (p,)).fetchone()
    with pytest.raises(ValueError) as py:
        reciprocity.benefit(p, b"\0")
    assert str(sql.value) == "reciprocity_benefit: argument 2 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16"
    assert str(py.value) == "benefit: argument 2 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16"
