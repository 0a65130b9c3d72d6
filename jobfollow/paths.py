"""Where the profile lives.

Order of precedence: an explicit ``--profile DIR``, then ``JOBFOLLOW_HOME``, then the platform's
user data folder. The test suite sets ``JOBFOLLOW_FORBID_DEFAULT_PROFILE`` so that any code path that
would fall through to the real profile fails loudly instead (subprocesses inherit it too).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs

DATABASE_NAME = "jobfollow.sqlite3"
BACKUP_DIR_NAME = "backups"
LOCK_NAME = "jobfollow.lock"
ENV_HOME = "JOBFOLLOW_HOME"
ENV_FORBID_DEFAULT = "JOBFOLLOW_FORBID_DEFAULT_PROFILE"


class ProfileError(Exception):
    """A profile folder that cannot be used; the message is meant for the user."""


class RealProfileForbiddenError(RuntimeError):
    """Raised when a test (or a test's subprocess) tries to resolve the real profile."""


def platform_profile_dir() -> Path:
    if os.environ.get(ENV_FORBID_DEFAULT):
        raise RealProfileForbiddenError(
            "the real user profile was resolved while JOBFOLLOW_FORBID_DEFAULT_PROFILE is set; "
            "point JOBFOLLOW_HOME or --profile at a temporary folder"
        )
    return platformdirs.user_data_path("jobfollow", appauthor=False, roaming=True)


def resolve_profile_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env_home = os.environ.get(ENV_HOME)
    if env_home:
        return Path(env_home).expanduser().resolve()
    return platform_profile_dir()


def ensure_profile_dir(profile_dir: Path) -> Path:
    """Create the folder (0700 on POSIX) and check that we can write to it."""
    from jobfollow.i18n import _
    try:
        profile_dir.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32":
            mode = stat.S_IMODE(profile_dir.stat().st_mode)
            if mode & 0o077:
                profile_dir.chmod(0o700)
    except OSError as exc:
        raise ProfileError(_("Cannot create the profile folder {folder}: {error}.").format(
            folder=profile_dir, error=exc.strerror or exc)) from exc
    if not os.access(profile_dir, os.W_OK | os.X_OK):
        raise ProfileError(_("The profile folder {folder} is not writable; choose another with --profile.").format(
            folder=profile_dir))
    return profile_dir


def database_path(profile_dir: Path) -> Path:
    return profile_dir / DATABASE_NAME


def backup_dir(profile_dir: Path) -> Path:
    return profile_dir / BACKUP_DIR_NAME


def lock_path(profile_dir: Path) -> Path:
    return profile_dir / LOCK_NAME


def resources_dir() -> Path:
    """The shipped resources folder (icons, templates, catalogs).

    In the source tree it is the top-level ``resources/`` beside ``jobfollow/``; a wheel and the
    PyInstaller bundle carry it as ``jobfollow/resources`` (setup.py maps it there). An editable
    install imports ``jobfollow`` from the source tree, so the same two places cover all four ways of running.
    """
    if getattr(sys, "frozen", False):
        frozen = Path(getattr(sys, "_MEIPASS", "")) / "jobfollow" / "resources"
        if frozen.is_dir():
            return frozen
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file shipped with the program (works from source, editable install, wheel and PyInstaller bundle)."""
    return resources_dir().joinpath(*parts)
