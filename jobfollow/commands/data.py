"""`jobfollow export | import | backup | restore`: the user's data in and out, without a window."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

from jobfollow.cli import CliError, subcommand
from jobfollow.i18n import _, ngettext

EXPORT_FORMATS = (".json", ".csv", ".ics")
IMPORT_FORMATS = (".json", ".csv")


@subcommand("export", _("export the profile: .json (everything), .csv (the cards) or .ics (calendar)"))
def _configure_export(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("the file to write; its extension chooses the format"))
    parser.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    parser.set_defaults(handler=run_export)


@subcommand("import", _("import a .json export or a .csv spreadsheet into the profile (all or nothing)"))
def _configure_import(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("a .json or .csv file"))
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help=_("CSV only: import the readable rows and list the others"))
    parser.set_defaults(handler=run_import)


@subcommand("backup", _("copy the profile database to FILE, or into the profile's backups folder"))
def _configure_backup(parser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", help=_("where to write the copy"))
    parser.set_defaults(handler=run_backup)


@subcommand("restore", _("replace the profile database with a backup (the current one is kept as a backup)"))
def _configure_restore(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("a jobfollow backup (.sqlite3)"))
    parser.set_defaults(handler=run_restore)


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise CliError(_("{path}: unknown format; use one of {formats}.").format(
            path=path.name, formats=", ".join(allowed)))
    return suffix


def _open(args, *, must_exist: bool = False):
    from jobfollow import paths
    from jobfollow.profile import open_profile

    if must_exist:
        folder = paths.resolve_profile_dir(args.profile)
        if not paths.database_path(folder).exists():
            raise CliError(_("There is no jobfollow profile in {folder}.").format(folder=folder))
    return open_profile(args.profile)


def run_export(args) -> int:
    from jobfollow.store.safe_write import DiskWriteError

    target = Path(args.file).expanduser()
    suffix = _suffix(target, EXPORT_FORMATS)
    if target.exists() and not args.force:
        raise CliError(_("{path} already exists; use --force to overwrite it.").format(path=target))
    if not target.parent.is_dir():
        raise CliError(_("The folder {folder} does not exist.").format(folder=target.parent))
    with _open(args, must_exist=True):
        try:
            if suffix == ".json":
                from jobfollow.store.io_json import export_json

                count = export_json(target)
                message = ngettext("Exported {count} application and everything else to {path}",
                                   "Exported {count} applications and everything else to {path}", count)
            elif suffix == ".csv":
                from jobfollow.store.io_csv import export_csv

                count = export_csv(target)
                message = ngettext("Exported {count} application to {path}",
                                   "Exported {count} applications to {path}", count)
            else:
                from jobfollow.store.io_ics import export_ics

                count = export_ics(target)
                message = ngettext("Exported {count} calendar event to {path}",
                                   "Exported {count} calendar events to {path}", count)
        except DiskWriteError as exc:
            raise CliError(str(exc)) from exc
    print(message.format(count=count, path=target))
    return 0


def run_import(args) -> int:
    source = Path(args.file).expanduser()
    if source.suffix.lower() == ".ics":
        raise CliError(_("Calendar files can be exported but not imported; import a .json or .csv file."))
    suffix = _suffix(source, IMPORT_FORMATS)
    if source.is_dir():
        raise CliError(_("Cannot read {path}: {error}.").format(path=source, error=os.strerror(errno.EISDIR)))
    if not source.is_file():
        raise CliError(_("{path} does not exist.").format(path=source))
    from jobfollow.core.csv_mapping import CsvFormatError
    from jobfollow.store.io_json import DataImportError

    with _open(args):
        try:
            if suffix == ".json":
                from jobfollow.store.io_json import import_json

                counts = import_json(source)
                count = counts.get("job_application", 0)
                print(ngettext("Imported {count} application from {path}",
                               "Imported {count} applications from {path}", count).format(count=count, path=source))
            else:
                from jobfollow.store.io_csv import import_csv

                warnings: list[str] = []
                ids, errors = import_csv(source, skip_bad_rows=args.skip_bad_rows, warnings=warnings)
                for warning in warnings:
                    print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
                print(ngettext("Imported {count} application from {path}",
                               "Imported {count} applications from {path}", len(ids)).format(
                    count=len(ids), path=source))
                for error in errors:
                    print(_("Row {row} skipped: {problem}").format(row=error.row, problem=error.message))
                from jobfollow.store.import_followups import due_after_import, due_summary

                summary = due_summary(due_after_import(ids))
                if summary:
                    print(summary)
        except (DataImportError, CsvFormatError) as exc:
            raise CliError(str(exc)) from exc
    return 0


def run_backup(args) -> int:
    from jobfollow.store.backups import BackupError, back_up

    target = Path(args.file).expanduser() if args.file else None
    if target is not None:
        if target.exists():
            raise CliError(_("{path} already exists; choose a new file name.").format(path=target))
        if not target.parent.is_dir():
            raise CliError(_("The folder {folder} does not exist.").format(folder=target.parent))
    with _open(args, must_exist=True) as profile:
        try:
            path = back_up(profile.db, profile.backup_dir, kind="manual", target=target)
        except BackupError as exc:
            raise CliError(str(exc)) from exc
    print(_("Backed up to {path}").format(path=path))
    return 0


def run_restore(args) -> int:
    """Put a backup in place without opening the current database first: it may be the damaged one."""
    from jobfollow import paths
    from jobfollow.profile import open_profile_at
    from jobfollow.store.backups import BackupError, check_backup_file, move_aside, restore_file
    from jobfollow.store.db_check import DatabaseLockedError, DatabaseOpenError, inspect_file

    source = Path(args.file).expanduser().resolve()
    try:
        check_backup_file(source)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    folder = paths.resolve_profile_dir(args.profile)
    paths.ensure_profile_dir(folder)
    db_path = paths.database_path(folder)
    if source == db_path.resolve():
        raise CliError(_("{path} is the profile's own database.").format(path=source))
    with profile_lock(folder):
        try:
            inspect_file(db_path)
            usable = True
        except DatabaseLockedError:
            raise
        except DatabaseOpenError:  # damaged, empty or not ours: renamed aside below, never deleted
            usable = False
        try:
            if usable:
                kept = restore_file(source, db_path, paths.backup_dir(folder))
            else:
                kept = move_aside(db_path)
                restore_file(source, db_path, paths.backup_dir(folder))
        except (BackupError, OSError) as exc:
            raise CliError(str(exc)) from exc
        open_profile_at(folder).close()  # brings an older backup up to this version's schema
    if kept is None:
        print(_("Restored {path}; there was no database to keep.").format(path=source))
    else:
        print(_("Restored {path}; the previous database was kept as {kept}").format(path=source, kept=kept))
    return 0


@contextlib.contextmanager
def profile_lock(folder: Path):
    """Hold the window's single-instance lock while a command replaces the database under it."""
    from jobfollow.profile_lock import LockHeldError, ProfileLock

    lock = ProfileLock(folder)
    try:
        lock.acquire()
    except LockHeldError as exc:
        raise CliError(_("jobfollow is running on this profile (process {pid}); use File > Restore… in its window "
                         "or close it first.").format(pid=exc.pid)) from exc
    try:
        yield
    finally:
        lock.release()
