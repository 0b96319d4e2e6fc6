"""Every public name has a docstring with an example, every example runs, and
the .pyi stubs describe what the module really has."""

import ast
import doctest
import inspect
import os

import pytest

import reciprocity
import reciprocity.sqlite
from reciprocity import Profile

PACKAGE = os.path.dirname(reciprocity.__file__)
DATA = {"MAX_LEVEL", "MODES", "PROFILE_FORMAT_VERSION", "__version__", "sqlite"}
PROFILE_MEMBERS = [
    "from_bytes", "from_json", "from_rows", "to_bytes", "to_dict", "to_json", "level", "want", "topics",
    "__bytes__", "__conform__", "__len__", "__contains__", "__iter__", "__eq__", "__hash__",
]


def documented():
    out = {"reciprocity": reciprocity, "reciprocity.sqlite": reciprocity.sqlite}
    for name in reciprocity.__all__:
        if name not in DATA:
            out["reciprocity." + name] = getattr(reciprocity, name)
    for name in PROFILE_MEMBERS:
        out["Profile." + name] = inspect.getattr_static(Profile, name)
    for name in reciprocity.sqlite.__all__:
        out["reciprocity.sqlite." + name] = getattr(reciprocity.sqlite, name)
    return out


DOCUMENTED = documented()


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_docstring_has_an_example_that_runs(name):
    obj = DOCUMENTED[name]
    doc = getattr(obj, "__func__", obj).__doc__
    assert isinstance(doc, str) and ">>>" in doc, f"{name} has no example in its docstring"
    test = doctest.DocTestParser().get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda s: print(s, end=""))
    results = runner.summarize(verbose=False)
    assert results.attempted > 0 and results.failed == 0, f"{name}: {results}"


def test_public_names_are_the_packages():
    for name in ("Profile", "score", "benefit", "explain", "best_partners", "top_partners", "Cancelled",
                 "match", "audit", "Matching", "MatchAudit"):
        assert getattr(reciprocity, name).__module__ == "reciprocity"
    assert set(reciprocity.__all__) == {n for n in dir(reciprocity) if not n.startswith("_")} | {"__version__"}


def _stub(name):
    with open(os.path.join(PACKAGE, name), encoding="utf-8") as f:
        return ast.parse(f.read())


def test_stubs_and_marker_ship_with_the_package():
    for name in ("py.typed", "__init__.pyi", "_core.pyi"):
        assert os.path.isfile(os.path.join(PACKAGE, name)), name


def test_init_stub_re_exports_every_public_name():
    tree = _stub("__init__.pyi")
    exported = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            exported |= {a.asname or a.name for a in node.names}
    assert set(reciprocity.__all__) <= exported


def test_core_stub_matches_the_module():
    from reciprocity import _core

    tree = _stub("_core.pyi")
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    for name in ("score", "benefit", "explain", "best_partners", "top_partners", "match", "audit"):
        assert name in functions
        stub_params = [a.arg for a in functions[name].args.args]
        doc_signature = getattr(_core, name).__doc__.splitlines()[0]
        assert doc_signature.startswith(name + "(")
        for p in stub_params:
            assert p in doc_signature, (name, p)
    assert "Cancelled" in classes and issubclass(_core.Cancelled, Exception)
    stub_members = {n.name for n in classes["Profile"].body if isinstance(n, ast.FunctionDef)}
    runtime = {n for n in dir(Profile) if not n.startswith("_")} | {
        n for n in PROFILE_MEMBERS + ["__init__", "__ne__"] if n.startswith("__")
    }
    assert runtime <= stub_members, runtime - stub_members
    for name in stub_members:
        assert hasattr(Profile, name), name
    for cls in ("Matching", "MatchAudit"):
        stub_members = {n.name for n in classes[cls].body if isinstance(n, ast.FunctionDef)}
        runtime = {n for n in dir(getattr(_core, cls)) if not n.startswith("_")}
        assert runtime == stub_members - {"__len__", "__iter__"}, (cls, runtime ^ stub_members)


def test_keyword_arguments_match_the_stubs():
    a = Profile({"go": {"level": 3, "want": 1}})
    b = Profile({"go": {"level": 1, "want": 1}, "sql": {"level": 4}})
    assert reciprocity.score(a=a, b=b, mode="mean") == reciprocity.score(a, b, "mean")
    assert reciprocity.benefit(receiver=b, giver=a) == reciprocity.benefit(b, a)
    assert reciprocity.explain(a=a, b=b, mode="min")["mode"] == "min"
    assert reciprocity.best_partners(me=a, candidates={1: b}, k=1, mode="mean") == [(1, reciprocity.score(a, b, "mean"))]
    assert Profile(topics={"go": {"level": 1}}) == Profile.from_bytes(data=Profile.from_json(text='{"go": {"level": 1}}').to_bytes())
    assert Profile.from_rows(rows=[("go", 1, 0)]).level(topic="go") == 1.0
    assert reciprocity.top_partners(profiles={1: a, 2: b}, k=1, exclude=None, threads=1, progress=None, mode="mean") == {
        1: [(2, reciprocity.score(a, b, "mean"))], 2: [(1, reciprocity.score(a, b, "mean"))]}
