#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/).

Usage: /usr/bin/python3 tests/fuzz/make_corpus.py path/to/reciprocity.so
Profile blobs are made by the extension itself (reciprocity_profile_json), so
the seeds are valid v1 blobs; the input formats of fuzz_sql and fuzz_match are
described at the top of fuzz_sql.cpp and fuzz_match.cpp.
"""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JSON = [
    '{}',
    '{"python": {"level": 4}}',
    '{"finance": {"level": 1, "want": 3}, "python": {"level": 4}, "strategy": {"level": 2, "want": 1}}',
    '{"Stakeholder Management": {"level": 5, "want": 0.5}, "stakeholder mapping": {"want": 2},'
    ' "ai": {"level": 0.25, "want": 0.001}, "ai tools": {"level": 3.75}, "\u00e9tude": {"level": 2, "want": 7}}',
    '{"a": {"level": null, "want": null}, " A ": {"level": 5}}',
    '{"x": {"level": 1e-300, "want": 1e300}}',
]


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(sys.argv[1])
    blobs = [db.execute("SELECT reciprocity_profile_json(?)", (j,)).fetchone()[0] for j in JSON]
    for i, (j, b) in enumerate(zip(JSON, blobs)):
        write("fuzz_blob", f"blob{i}", bytes(b))
        write("fuzz_json", f"json{i}", j.encode())
    write("fuzz_json", "nested", b'{"a": {"level": [[[{"x": 1}]]]}}')
    write("fuzz_json", "escapes", b'{"\\u00e9\\ud83d\\ude00\\n": {"level": 1.5e0, "want": 2E-1}}')

    US = b"\x1f"

    def sql(q, *fields):
        return bytes([q]) + US.join(fields)

    b1, b2, b3 = bytes(blobs[1]), bytes(blobs[2]), bytes(blobs[3])
    seeds = {
        "score": sql(0, b"b" + b1, b"b" + b2),
        "score_mode": sql(1, b"b" + b2, b"b" + b3, b"tgeometric"),
        "benefit": sql(2, b"b" + b3, b"b" + b2),
        "explain": sql(4, b"b" + b2, b"b" + b3, b"tuninorm"),
        "profile_json": sql(5, b"t" + JSON[3].encode()),
        "to_json": sql(6, b"b" + b3),
        "score_json": sql(8, b"t" + JSON[2].encode(), b"t" + JSON[1].encode(), b"tmin"),
        "aggregate": sql(11, b"tPython", b"r4.5", b"i2", b"tfinance"),
        "best_partners": sql(13, b"i5", b"r0.75", b"i2"),
        "top_partners": sql(16, b"i2", b'b' + b2, b"i3", b"i1") ,
        "top_partners_opts": sql(16, b"i1", b't{"mode": "min", "threads": 1}'),
        "top_partners_select": sql(17, b"tSELECT id, profile FROM people WHERE id > 1", b"i2",
                                   b't{"exclude": "SELECT 1, 2", "threads": 1}'),
        "match": sql(18, b't{"objective": "fair"}', b"r0.5", b"i1", b"i4"),
        "match_stable": sql(18, b't{"objective": "stable"}'),
        "match_mentors": sql(18, b't{"mentors": "mentors"}'),
        "match_select": sql(19, b"tVALUES (1, 2, 0.5), (2, 3, 1), (3, 4, 0.25)",
                            b't{"pinned": "SELECT 2, 3"}'),
        "audit": sql(21, b't{"objective": "total"}', b"tSELECT 1, 2"),
        "audit_select": sql(22, b"tcands", b'tnull', b"tVALUES (1, 3)"),
    }
    for name, data in seeds.items():
        write("fuzz_sql", name, data)

    def cands(*rows):
        out = b""
        for a, b, s, ga, gb in rows:
            out += bytes([a, b, s, ga, gb])
        return out

    ring = cands((0, 1, 16, 32, 8), (1, 2, 32, 16, 16), (2, 3, 8, 8, 32), (3, 0, 24, 1, 2), (0, 2, 40, 5, 5))
    write("fuzz_match", "total", bytes([0]) + ring)
    write("fuzz_match", "fair", bytes([1]) + ring)
    write("fuzz_match", "stable_gains", bytes([2 | 4]) + ring)
    # 1 and 2 are mentors (capacities 2 and 1); everyone else a mentee.
    write("fuzz_match", "mentors", bytes([8, 0b110, 0b0001]) +
          cands((1, 3, 16, 0, 0), (1, 4, 32, 0, 0), (2, 3, 48, 0, 0), (2, 5, 8, 0, 0), (4, 1, 8, 0, 0)))
    write("fuzz_match", "pinned", bytes([16, 1, 2]) + ring)
    # Stable roommates without a stable matching (a classic 4-person instance, by gains).
    write("fuzz_match", "no_stable", bytes([2 | 4]) +
          cands((0, 1, 16, 96, 32), (1, 2, 16, 96, 32), (2, 0, 16, 96, 32),
                (3, 0, 16, 0, 8), (3, 1, 16, 0, 8), (3, 2, 16, 0, 8)))


if __name__ == "__main__":
    main()
