"""The reciprocity SQL functions in Python's own ``sqlite3``.

The package carries the loadable SQLite extension (``reciprocity.so``, entry
point ``sqlite3_reciprocity_init``); :func:`load` puts its functions
(``reciprocity_profile``, ``reciprocity_score``, ``reciprocity_explain``,
``best_partners``, ...) into a connection without the caller finding the file.

>>> import sqlite3, reciprocity.sqlite
>>> conn = sqlite3.connect(":memory:")
>>> reciprocity.sqlite.load(conn)
>>> conn.execute("SELECT reciprocity_version()").fetchone()[0] == reciprocity.__version__
True
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

__all__ = ["extension_path", "load", "connect"]

_EXT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ext")
_EXT_NAME = "reciprocity.so"  # SQLite derives sqlite3_reciprocity_init from it


def extension_path() -> str:
    """The path of the SQLite extension shipped inside the package.

    Use it with any SQLite client that loads extensions, e.g. the ``sqlite3``
    shell's ``.load``. Raises ``FileNotFoundError`` if the package was
    installed without it.

    >>> import os, reciprocity.sqlite
    >>> os.path.basename(reciprocity.sqlite.extension_path())
    'reciprocity.so'
    """
    path = os.path.join(_EXT_DIR, _EXT_NAME)
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"extension_path: the reciprocity SQLite extension is missing from the package (expected {path})"
        )
    return path


def load(conn: sqlite3.Connection) -> None:
    """Load the reciprocity SQL functions into ``conn``.

    Enables extension loading on the connection, loads the extension bundled
    in this package, then disables extension loading again (also when loading
    fails), so SQL run later on ``conn`` cannot load other extensions.

    Raises ``TypeError`` if ``conn`` is not a ``sqlite3.Connection``,
    ``RuntimeError`` if this Python's ``sqlite3`` cannot load extensions, and
    ``sqlite3.OperationalError`` if SQLite refuses the file.

    >>> import sqlite3, reciprocity.sqlite
    >>> conn = sqlite3.connect(":memory:")
    >>> reciprocity.sqlite.load(conn)
    >>> conn.execute(
    ...     "SELECT round(reciprocity_score(reciprocity_profile_json(?), reciprocity_profile_json(?)), 3)",
    ...     ('{"finance": {"level": 5}, "python": {"want": 1}}',
    ...      '{"python": {"level": 4}, "finance": {"level": 1, "want": 1}}'),
    ... ).fetchone()
    (0.8,)
    """
    if not isinstance(conn, sqlite3.Connection):
        raise TypeError(f"load: conn must be a sqlite3.Connection, not {type(conn).__name__}")
    if not hasattr(conn, "enable_load_extension"):
        raise RuntimeError(
            "load: this Python's sqlite3 module was built without extension loading "
            "(SQLITE_OMIT_LOAD_EXTENSION); use a Python whose sqlite3 supports it, e.g. Debian's /usr/bin/python3"
        )
    path = extension_path()
    conn.enable_load_extension(True)
    try:
        conn.load_extension(path)
    finally:
        conn.enable_load_extension(False)


def connect(database: str | os.PathLike[str], **kwargs: Any) -> sqlite3.Connection:
    """``sqlite3.connect(database, **kwargs)`` with the reciprocity functions loaded.

    >>> import reciprocity.sqlite
    >>> conn = reciprocity.sqlite.connect(":memory:")
    >>> conn.execute("SELECT reciprocity_profile_to_json(reciprocity_profile_json('{\\"Go\\": {\\"level\\": 3}}'))").fetchone()
    ('{"go":{"level":3}}',)
    """
    conn = sqlite3.connect(database, **kwargs)
    try:
        load(conn)
    except BaseException:
        conn.close()
        raise
    return conn
