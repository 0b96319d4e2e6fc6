"""Builds the `reciprocity` Python package by driving CMake.

CMake is the one build description of the project: it builds the core, the
pybind11 module reciprocity._core (bindings/) and the loadable SQLite
extension, and assembles the package in <cmake build>/python/reciprocity.
This script runs that build and copies the two native files into the wheel:

    reciprocity/_core.<EXT_SUFFIX>    the Python module
    reciprocity/_ext/reciprocity.so   the SQLite extension (entry point
                                      sqlite3_reciprocity_init)

Offline, with Debian's python3, cmake and pybind11-dev:

    /usr/bin/python3 -m venv --system-site-packages .venv
    .venv/bin/python -m pip install --no-build-isolation .

Environment: CMAKE_BUILD_PARALLEL_LEVEL (jobs, default 2), RCP_CMAKE (the
cmake program), RCP_CMAKE_ARGS (extra configure arguments).
"""

import glob
import os
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
    VERSION = f.readline().strip()


class CMakeExtension(Extension):
    """An extension built by CMake, not by setuptools' compiler."""

    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def run(self):
        cmake = os.environ.get("RCP_CMAKE") or shutil.which("cmake")
        if not cmake:
            raise RuntimeError("reciprocity: building the package needs cmake (Debian: apt-get install cmake)")
        build_dir = os.path.join(os.path.abspath(self.build_temp), "cmake")
        configure = [
            cmake, "-S", ROOT, "-B", build_dir,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DRCP_BUILD_TESTS=OFF",
            "-DRCP_BUILD_BENCH=OFF",
            "-DRCP_BUILD_PYTHON=ON",
            "-DRCP_REQUIRE_PYTHON=ON",
            "-DRCP_PYTHON=" + sys.executable,
        ]
        try:
            import pybind11

            configure.append("-Dpybind11_DIR=" + pybind11.get_cmake_dir())
        except ImportError:  # Debian's pybind11-dev is found by CMake on its own
            pass
        configure += shlex.split(os.environ.get("RCP_CMAKE_ARGS", ""))
        parallel = self.parallel if isinstance(self.parallel, int) and not isinstance(self.parallel, bool) else 0
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(parallel if parallel > 0 else 2)
        subprocess.check_call(configure)
        subprocess.check_call([cmake, "--build", build_dir, "--target", "reciprocity_python", "-j", jobs])

        built = os.path.join(build_dir, "python", "reciprocity")
        cores = glob.glob(os.path.join(built, "_core.*.so"))
        if len(cores) != 1:
            raise RuntimeError(f"reciprocity: expected one _core module in {built}, found {cores}")
        core_dest = self.get_ext_fullpath("reciprocity._core")
        os.makedirs(os.path.dirname(core_dest), exist_ok=True)
        shutil.copyfile(cores[0], core_dest)
        os.chmod(core_dest, 0o755)
        sqlite_dest = self._sqlite_extension_path()
        os.makedirs(os.path.dirname(sqlite_dest), exist_ok=True)
        shutil.copyfile(os.path.join(built, "_ext", "reciprocity.so"), sqlite_dest)
        os.chmod(sqlite_dest, 0o755)

    def _sqlite_extension_path(self):
        return os.path.join(os.path.dirname(self.get_ext_fullpath("reciprocity._core")), "_ext", "reciprocity.so")

    def get_outputs(self):
        return super().get_outputs() + [self._sqlite_extension_path()]


setup(
    version=VERSION,
    ext_modules=[CMakeExtension("reciprocity._core")],
    cmdclass={"build_ext": CMakeBuild},
    # Keep setuptools' build tree out of CMake's default build/ directory.
    options={"build": {"build_base": "build-pip"}},
    zip_safe=False,
)
