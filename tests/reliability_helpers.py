"""Shared by the damage and hostile-import tests and the reliability benchmark: real demo data, damaged
or mutated the way a failing disk, a bad copy or a hand-edited file would, and one way to run a command
in-process and see what the user would see."""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

DAMAGE_KINDS = ("flip", "truncate", "zero_page", "foreign")


def make_demo_database(folder: Path, cards: int = 25) -> Path:
    """A profile folder holding a checkpointed demo database (one self-contained file); returns the file."""
    from jobfollow.profile import open_profile_at
    from jobfollow.store.sample_data import fill_sample_data, settle_demo_history

    profile = open_profile_at(folder)
    try:
        fill_sample_data(cards, today=None)
        settle_demo_history()
        profile.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        profile.db.execute_sql("PRAGMA journal_mode=DELETE")
    finally:
        profile.close()
    return folder / "jobfollow.sqlite3"


def damage(data: bytes, kind: str, rng: random.Random) -> bytes:
    """A copy of a database file with one kind of damage."""
    out = bytearray(data)
    page = int.from_bytes(out[16:18], "big") or 4096
    if kind == "flip":  # a few dozen random bits, away from the 100-byte header (the header alone is boring)
        for _ in range(rng.randint(8, 60)):
            position = rng.randrange(100, len(out))
            out[position] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        out = out[: rng.randrange(0, len(out))]
    elif kind == "zero_page":
        number = rng.randrange(len(out) // page)
        out[number * page:(number + 1) * page] = bytes(page)
    elif kind == "foreign":
        return foreign_sqlite_file(rng)
    return bytes(out)


def foreign_sqlite_file(rng: random.Random) -> bytes:
    """Another program's SQLite database (sometimes with our application id forged into it)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE songs (title TEXT, plays INTEGER)")
    conn.executemany("INSERT INTO songs VALUES (?, ?)", [(f"song {n}", n) for n in range(rng.randrange(1, 200))])
    if rng.random() < 0.5:
        conn.execute("PRAGMA application_id = 1246708294")  # ours: only the tables can tell
        conn.execute("PRAGMA user_version = 1")
    conn.commit()
    data = conn.serialize()
    conn.close()
    return bytes(data)


@dataclass
class Outcome:
    code: int
    stderr: str
    stdout: str

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr

    @property
    def lines(self) -> int:
        return len(self.stderr.strip().splitlines())


def run_cli(*argv: str) -> Outcome:
    """``jobfollow ARGV`` in this process, as the user would see it."""
    from jobfollow.app import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        except BaseException as exc:  # what would have been a traceback
            import traceback

            err.write("Traceback (most recent call last):\n" + "".join(traceback.format_exception(exc)))
            code = 99
    return Outcome(code, err.getvalue(), out.getvalue())


def integrity_ok(path: Path) -> bool:
    """SQLite's own verdict, read-only, whatever the file is."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.text_factory = bytes
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [(b"ok",)]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
