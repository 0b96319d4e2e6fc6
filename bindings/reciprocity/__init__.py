"""reciprocity: score and rank two-way ("reverse") mentoring pairs.

A pair lasts when *both* people gain. A :class:`Profile` says what one person
knows (``level`` per topic, 0-5) and wants to learn (``want`` per topic);
:func:`benefit` is what one side gains from the other, :func:`score` combines
the two directions so that a one-sided pair scores low, :func:`explain` says
what each side gets, :func:`best_partners` ranks candidates for one person
and :func:`top_partners` finds the best partners of everyone in an
organisation at once; :func:`match` pairs a whole cohort (exact, fair or
stable, with mentor capacities and pinned pairs) and :func:`audit` says who
would rather be with someone else in any matching.
:mod:`reciprocity.sqlite` loads the same functions into a ``sqlite3``
connection.

>>> import reciprocity
>>> cfo = reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}})
>>> dev = reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 1}})
>>> round(reciprocity.score(cfo, dev), 3)
0.8
"""

from ._core import (
    Cancelled,
    MAX_LEVEL,
    MatchAudit,
    Matching,
    MODES,
    PROFILE_FORMAT_VERSION,
    Profile,
    __version__,
    audit,
    benefit,
    best_partners,
    explain,
    match,
    score,
    top_partners,
)
from . import sqlite

__all__ = [
    "Cancelled",
    "MAX_LEVEL",
    "MODES",
    "MatchAudit",
    "Matching",
    "PROFILE_FORMAT_VERSION",
    "Profile",
    "__version__",
    "audit",
    "benefit",
    "best_partners",
    "explain",
    "match",
    "score",
    "sqlite",
    "top_partners",
]

# The public names belong to this package, not to the private module.
for _name in ("Profile", "benefit", "best_partners", "explain", "score", "top_partners",
              "match", "audit", "Matching", "MatchAudit"):
    try:
        globals()[_name].__module__ = __name__
    except (AttributeError, TypeError):  # pragma: no cover - builtins that refuse
        pass
del _name
