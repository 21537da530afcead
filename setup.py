"""Build hook: compile the interface translations (.ts -> .qm) as part of every build.

Everything else about the package is in pyproject.toml. The .qm is a build
product (see packaging/translations.py): a wheel gets it in its build tree, an
editable install (``pip install -e .``) beside the .ts in the source tree, which
the install points at. PySide6-Essentials, whose lrelease does the work, is a
build requirement in pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        package = ROOT if self.editable_mode else Path(self.build_lib)
        out = package / "haizhu_reader" / "translations"
        if not self.editable_mode:  # build/lib outlives builds: only what this one compiles
            shutil.rmtree(out, ignore_errors=True)
        script = ROOT / "packaging" / "translations.py"
        subprocess.run([sys.executable, str(script), "compile", str(out)], check=True)


setup(cmdclass={"build_py": BuildPyWithTranslations})
