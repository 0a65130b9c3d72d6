"""The test folder mirrors the package: tests/store/ tests jobfollow/store/, tests/ui/board/ tests
jobfollow/ui/board/, and so on. A folder here with no package of the same path means a test was filed by
accident, and the next reader looks for it in the wrong place."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent / "jobfollow"
NOT_MIRRORS = {"benchmarks", "fakes", "__pycache__"}


def _test_folders():
    for folder in sorted(TESTS.rglob("*")):
        relative = folder.relative_to(TESTS)
        if folder.is_dir() and not NOT_MIRRORS & set(relative.parts):
            yield relative


def test_every_test_folder_names_a_package():
    strays = [str(relative) for relative in _test_folders() if not (PACKAGE / relative / "__init__.py").is_file()]
    assert strays == []


def test_every_test_folder_is_importable_as_a_package():
    # Two test files may share a base name in different folders only when each folder is a package.
    missing = [str(relative) for relative in _test_folders() if not (TESTS / relative / "__init__.py").is_file()]
    assert missing == []
