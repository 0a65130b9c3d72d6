"""An open profile: its folder and its database, ready for the store's functions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from jobfollow import paths
from jobfollow.store.db import close_database, open_database
from jobfollow.store.letters import seed_templates
from jobfollow.store.seed import ensure_default_stages


@dataclass
class Profile:
    folder: Path
    db_path: Path
    db: SqliteDatabase

    @property
    def backup_dir(self) -> Path:
        return paths.backup_dir(self.folder)

    def close(self) -> None:
        close_database(self.db)


def open_profile_at(folder: Path, *, full_check: bool = True) -> Profile:
    """Open (creating if needed) the profile in ``folder``; raises ProfileError / DatabaseOpenError.

    ``full_check=False``: the window's start, which checks the pages after its first paint (open_check)."""
    paths.ensure_profile_dir(folder)
    db_path = paths.database_path(folder)
    db = open_database(db_path, backup_dir=paths.backup_dir(folder), full_check=full_check)
    with db.atomic():
        ensure_default_stages()
        seed_templates()
    return Profile(folder=folder, db_path=db_path, db=db)


@contextlib.contextmanager
def open_profile(explicit: str | None = None) -> Iterator[Profile]:
    profile = open_profile_at(paths.resolve_profile_dir(explicit))
    try:
        yield profile
    finally:
        profile.close()
