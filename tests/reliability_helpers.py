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
    except (sqlite3.Error, ValueError):  # ValueError: SQLite's own report may hold bytes that are not text
        return False


# -- mutated imports ---------------------------------------------------------------------------------
HOSTILE_VALUES = (
    None, True, -1, 0, 10**12, -(10**12), 2**63, 10**40, 1e308, float("inf"), float("nan"), 0.5, "", " ",
    "9999-12-31", "0001-01-01", "2026-02-30", "2026-05-04T10:00:00Z", "2026-05-04 10:00:00-07:00",
    "9999-12-31 23:59:59+14:00", "not a date", "\ud800", "A\udfffB", "<img src=x width=8000 height=8000>",
    "=1+1", "x;=1+1", "supervillain", "fortnight", "x" * 200_000, [], {}, [1, "a"], {"a": 1}, "{}", "[1]",
    "1e30", "NaN", "-0", "\x00", "😀" * 10, "12:00", "{not json",
)


def mutate_json(data: dict, rng: random.Random) -> dict:
    """A copy of an export with one to four of the changes a hand edit or a broken tool makes."""
    import copy

    data = copy.deepcopy(data)
    tables = data["tables"]
    for _ in range(rng.randint(1, 4)):
        table = rng.choice([name for name, rows in tables.items() if rows] or list(tables))
        rows = tables[table]
        choice = rng.random()
        if not rows or choice < 0.05:
            tables[table] = rng.choice([None, "rows", {}, [None], [[1, 2]]]) if choice < 0.02 else []
            continue
        row = rng.choice(rows)
        if not isinstance(row, dict) or not row:
            continue
        column = rng.choice(sorted(row))
        if choice < 0.75:
            row[column] = rng.choice(HOSTILE_VALUES)
        elif choice < 0.85:
            del row[column]
        elif choice < 0.9:
            rows.append(copy.deepcopy(row))  # a duplicated id
        elif choice < 0.95:
            rows.remove(row)  # whatever pointed at it now points nowhere
        else:
            row[rng.choice(["extra", "id ", "Company"])] = 1
    if rng.random() < 0.05:
        data["format_version"] = rng.choice([0, 2, "1", None, 1.5])
    return data


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    """A file damaged on the way: flipped bits, a cut, inserted junk or a stray encoding."""
    out = bytearray(raw)
    kind = rng.choice(("flip", "cut", "insert", "recode", "stray"))
    if kind == "flip" and out:
        for _ in range(rng.randint(1, 20)):
            position = rng.randrange(len(out))
            out[position] ^= 1 << rng.randrange(8)
    elif kind == "cut":
        out = out[: rng.randrange(len(out) + 1)]
    elif kind == "insert":
        position = rng.randrange(len(out) + 1)
        out[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
    elif kind == "recode":
        try:
            return raw.decode("utf-8-sig").encode(rng.choice(["cp1252", "latin-1", "utf-16", "mac_roman"]), "replace")
        except UnicodeDecodeError:
            return bytes(out)
    elif kind == "stray" and out:
        out[rng.randrange(len(out))] = rng.choice((0x80, 0xFF, 0xC3, 0xE9))
    return bytes(out)


def mutate_csv_cells(text: str, rng: random.Random) -> str:
    """A CSV export with some cells replaced by hostile text (quoting kept valid)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    for _ in range(rng.randint(1, 6)):
        if len(rows) < 2:
            break
        row = rng.choice(rows[1:])
        if row:
            value = rng.choice(HOSTILE_VALUES)
            row[rng.randrange(len(row))] = "" if value is None else str(value).replace("\x00", "")
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def table_counts(db_path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()


LATER_COMMANDS = (("due", "--today", "2026-05-04"), ("due", "--json"), ("check",), ("export", "later.json"),
                  ("export", "later.csv"), ("export", "later.ics"))


def later_commands_fail(folder: Path, scratch: Path) -> list[str]:
    """Run every later command on the profile; returns what went wrong (empty when all worked)."""
    failures = []
    for command in LATER_COMMANDS:
        argv = [command[0], "--profile", str(folder), *command[1:]]
        if command[0] == "export":
            target = scratch / command[1]
            target.unlink(missing_ok=True)
            argv[-1] = str(target)
        outcome = run_cli(*argv)
        if outcome.code != 0 or outcome.traceback:
            failures.append(f"{' '.join(command)}: {outcome.stderr.strip()[:300]}")
    return failures
