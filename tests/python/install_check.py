"""ctest `python.install`: installs the package the way a user does, offline.

Copies the source tree (without build directories, .git and databases) to a
scratch directory, creates a venv with Debian's python3 and
--system-site-packages, runs `python -m pip install --no-build-isolation .`
there with the package index switched off, then imports the installed package
from outside the source tree and loads its SQLite extension.

    /usr/bin/python3 tests/python/install_check.py SOURCE_DIR SCRATCH_DIR
"""

import os
import shutil
import subprocess
import sys
import textwrap

SMOKE = textwrap.dedent(
    """
    import os, sqlite3, sys
    import reciprocity, reciprocity.sqlite
    here = os.path.dirname(reciprocity.__file__)
    assert here.startswith(sys.prefix), (here, sys.prefix)
    assert os.path.isfile(os.path.join(here, "py.typed"))
    assert os.path.isfile(os.path.join(here, "__init__.pyi"))
    expected = open(sys.argv[1]).read().strip()
    assert reciprocity.__version__ == expected, (reciprocity.__version__, expected)
    a = reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}})
    b = reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 1}})
    s = reciprocity.score(a, b)
    assert abs(s - 0.8) < 1e-12, s
    conn = sqlite3.connect(":memory:")
    reciprocity.sqlite.load(conn)
    (v, t) = conn.execute("SELECT reciprocity_version(), reciprocity_score(?, ?)", (a, b)).fetchone()
    assert v == reciprocity.__version__ and t == s, (v, t, s)
    print("installed reciprocity", v, "at", here, "score", round(t, 6))
    """
)


def ignore(directory, names):
    skip = {".git", "__pycache__", ".pytest_cache", ".hypothesis", ".venv", "dist"}
    return [n for n in names if n in skip or n.startswith("build") or n.endswith((".db", ".egg-info"))]


def main():
    source, scratch = (os.path.abspath(p) for p in sys.argv[1:3])
    if os.path.exists(scratch):
        shutil.rmtree(scratch)
    tree = os.path.join(scratch, "src")
    shutil.copytree(source, tree, ignore=ignore)
    venv = os.path.join(scratch, "venv")
    subprocess.check_call(["/usr/bin/python3", "-m", "venv", "--system-site-packages", venv])
    py = os.path.join(venv, "bin", "python")
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    subprocess.check_call([py, "-m", "pip", "install", "--no-build-isolation", "."], cwd=tree, env=env)
    subprocess.check_call([py, "-c", SMOKE, os.path.join(source, "VERSION")], cwd=scratch, env=env)
    listing = subprocess.check_output([py, "-m", "pip", "show", "-f", "reciprocity"], cwd=scratch, env=env, text=True)
    for needed in ("reciprocity/_ext/reciprocity.so", "reciprocity/py.typed", "reciprocity/sqlite.py"):
        if needed not in listing:
            sys.exit(f"install_check: {needed} is not in the installed package:\n{listing}")
    shutil.rmtree(scratch)
    print("install_check: OK")


if __name__ == "__main__":
    main()
