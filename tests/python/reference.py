"""A pure-Python reference of the model in DESIGN.md §1, written from the text
(not from the C++), for property tests and the benchmark.

A profile here is a plain dict {canonical topic: (level, want)}.
"""

import math

ASCII_SPACE = " \t\n\v\f\r"
MAX_LEVEL = 5.0
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def canonical(topic):
    """Trimmed (ASCII white space) and ASCII-lower-cased."""
    return topic.strip(ASCII_SPACE).translate(_LOWER)


def make(spec):
    """{topic: {"level": L, "want": W}} -> {canonical: (level, want)}; a topic
    given twice after canonicalisation keeps the larger level and want."""
    out = {}
    for topic, fields in spec.items():
        c = canonical(topic)
        level = float(fields.get("level") or 0.0)
        want = float(fields.get("want") or 0.0)
        if c in out:
            level, want = max(level, out[c][0]), max(want, out[c][1])
        out[c] = (level, want)
    return out


def benefit(receiver, giver):
    """sum over t of w^_A(t) * max(0, level_B(t) - level_A(t)) / 5."""
    total = sum(want for _, want in receiver.values())
    if total == 0:
        return 0.0
    gain = 0.0
    for topic, (level, want) in receiver.items():
        if want > 0:
            other = giver.get(topic, (0.0, 0.0))[0]
            gain += (want / total) * max(0.0, other - level) / MAX_LEVEL
    return gain


def combine(x, y, mode="harmonic"):
    if mode == "harmonic":
        return 2 * x * y / (x + y) if x + y > 0 else 0.0
    if mode == "geometric":
        return math.sqrt(x * y)
    if mode == "min":
        return min(x, y)
    if mode == "mean":
        return (x + y) / 2
    if mode == "uninorm":
        p, q = x * y, (1 - x) * (1 - y)
        return p / (p + q) if p + q > 0 else 0.0
    raise ValueError(mode)


def score(a, b, mode="harmonic"):
    return combine(benefit(a, b), benefit(b, a), mode)


MODES = ("harmonic", "geometric", "min", "mean", "uninorm")
