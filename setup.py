"""Packages, the shipped resources, and a build hook that compiles the translation catalogs (.po -> .mo).

The top-level ``resources/`` folder (icons, templates, catalogs) is shipped as ``jobfollow/resources``
through a package-dir mapping, so the wheel, an editable install and the source tree all find it
(``jobfollow.paths.resources_dir``). Everything else about the package is in pyproject.toml. The .mo files are build output only: they are
written into the build folder, never into the source tree (a source checkout compiles .po in memory).
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale_dir = Path(self.build_lib) / "jobfollow" / "resources" / "locale"
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            with po_path.open("rb") as handle:
                catalog = read_po(handle, abort_invalid=True)
            with po_path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            self.announce(f"compiled {po_path.with_suffix('.mo')}", level=2)


setup(
    packages=[*find_packages(include=["jobfollow", "jobfollow.*"]), "jobfollow.resources"],
    package_dir={"jobfollow.resources": "resources"},
    package_data={"jobfollow.resources": ["**/*"]},
    exclude_package_data={"jobfollow.resources": ["**/*.mo"]},
    cmdclass={"build_py": BuildPyWithCatalogs},
)
