"""Composition root: parse the command line, open the profile, build the window, run."""

from __future__ import annotations

import linecache
import os
import sys
from pathlib import Path

from jobfollow import paths
from jobfollow.cli import CliError, parse_args
from jobfollow.i18n import _, set_language
from jobfollow.paths import ProfileError
from jobfollow.store.db import SQL_ERRORS
from jobfollow.store.db_check import DatabaseOpenError
from jobfollow.store.safe_write import DiskWriteError

SELF_TEST_MS = 400


def _print_error(message: str) -> None:
    print(f"jobfollow: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    set_language(os.environ.get("JOBFOLLOW_LANGUAGE") or None)
    args = parse_args(argv)
    if args.language:
        set_language(args.language)
    if args.command:
        try:
            return args.handler(args)
        except CliError as exc:
            _print_error(str(exc))
            return exc.code
        except DatabaseOpenError as exc:
            _print_error(with_way_forward(exc))
            return 2
        except (ProfileError, DiskWriteError) as exc:
            _print_error(str(exc))
            return 2
        except SQL_ERRORS as exc:  # e.g. another program locked the file after it was opened
            _print_error(_database_failure(args, exc))
            return 2
        except OSError as exc:  # a disk that fills up or a file that vanishes mid-command
            _print_error(_("Cannot write {path}: {error}.").format(path=exc.filename, error=exc.strerror)
                         if exc.filename and exc.strerror else str(exc))
            return 2
        except KeyboardInterrupt:
            return 130
        except Exception as exc:  # the last line of defence: one readable line, never a traceback
            _print_error(_unexpected(args, exc))
            return 1
    return run_gui(args)


def _database_path(args) -> str:
    try:
        return str(paths.database_path(paths.resolve_profile_dir(getattr(args, "profile", None))))
    except Exception:  # the message must come out whatever went wrong
        return "jobfollow.sqlite3"


def _database_failure(args, exc: Exception) -> str:
    """One sentence for an SQLite error raised while a command worked on an open profile."""
    path = _database_path(args)
    if "locked" in str(exc) or "busy" in str(exc):
        return _("{path} is locked by another program; close it and start jobfollow again.").format(path=path)
    if "disk is full" in str(exc):
        return _("The disk holding {path} is full, so nothing was changed; free some space and try again.").format(
            path=path)
    if "readonly" in str(exc) or "read-only" in str(exc):
        return _("{path} has become read-only, so nothing was changed; make it writable and try again.").format(
            path=path)
    return _("{path} cannot be used ({error}); run “jobfollow check”, and restore a backup if it is damaged.").format(
        path=path, error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _unexpected(args, exc: Exception) -> str:
    if isinstance(exc, UnicodeError | ValueError | TypeError | OverflowError):  # a value the file should not hold
        return _("{path} holds a value jobfollow cannot read ({error}); run “jobfollow check”, and restore a "
                 "backup if it is damaged.").format(path=_database_path(args), error=type(exc).__name__)
    return _("unexpected error: {error}").format(error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def with_way_forward(exc: DatabaseOpenError) -> str:
    """The refusal, plus the command that gets the data back when the file is damaged or not ours."""
    from jobfollow.store.db_check import DamagedDatabaseError, NotJobfollowDatabaseError

    message = str(exc)
    if not isinstance(exc, DamagedDatabaseError | NotJobfollowDatabaseError) or exc.path is None:
        return message
    from jobfollow.store.backups import newest_good_backup

    backup = newest_good_backup(paths.backup_dir(exc.path.parent))
    if backup is not None:
        return message + " " + _("To get your data back, run: jobfollow restore {backup}").format(backup=backup.path)
    return message + " " + _("To get your data back, run “jobfollow restore FILE” with a backup or an earlier "
                             "copy; the damaged file is kept aside.")


def _demo_folder(explicit: str | None) -> Path:
    """A throwaway folder, or an explicit one that must not hold a database yet."""
    if not explicit:
        import tempfile  # only a demo needs it: kept out of the normal start

        return Path(tempfile.mkdtemp(prefix="jobfollow-demo-"))
    folder = paths.resolve_profile_dir(explicit)
    if paths.database_path(folder).exists():
        raise ProfileError(
            _("{folder} already holds a jobfollow database; --demo fills only an empty profile.").format(folder=folder)
        )
    return folder


def starts_hidden(minimized: bool, tray) -> bool:
    """--minimized (start at login) hides the window only behind a tray icon: without one (no tray on this
    desktop, or the tray switched off in Preferences) a hidden window could never be reached."""
    return minimized and tray is not None


def _show_fatal(message: str) -> None:
    _print_error(message)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from jobfollow.ui.plain_text import message_box, run

        run(message_box(None, QMessageBox.Icon.Critical, _("jobfollow cannot start"), message))


def _warn_if_incomplete_install(window) -> None:
    """A half-copied install: one sentence after the first paint, and the program goes on."""
    from jobfollow.resource_check import incomplete_install_message

    problem = incomplete_install_message()
    if problem is None:
        return
    _print_error(problem)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    QTimer.singleShot(0, window, lambda: QMessageBox.warning(window, _("jobfollow is not completely installed"),
                                                             problem))


def _open_profile(folder: Path, *, ask: bool, full_check: bool):
    """The profile; a damaged or foreign database opens the recovery dialog (loaded only then)."""
    from jobfollow.profile import open_profile_at
    from jobfollow.store.db_check import DamagedDatabaseError, NotJobfollowDatabaseError

    try:
        return open_profile_at(folder, full_check=full_check)
    except (DamagedDatabaseError, NotJobfollowDatabaseError):
        from jobfollow.ui.data.recovery_dialog import open_profile_or_recover

        return open_profile_or_recover(folder, ask=ask)


def run_gui(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from jobfollow import __version__
    from jobfollow.installer_mutex import announce_running
    from jobfollow.services.events import AppEvents
    from jobfollow.ui.qt_translations import apply_saved_language
    from jobfollow.ui.single_instance import SingleInstance
    from jobfollow.ui.store_errors import install_store_error_hook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("jobfollow")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("jobfollow")
    app.setDesktopFileName("jobfollow")
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "jobfollow.svg"))))
    announce_running()  # the Windows installer waits for a running jobfollow to close
    # a locked or read-only database later on: a message, not a traceback (in --self-test, a failed check)
    install_store_error_hook(interactive=not args.self_test)

    try:
        folder = _demo_folder(args.profile) if args.demo else paths.resolve_profile_dir(args.profile)
        paths.ensure_profile_dir(folder)
    except ProfileError as exc:
        _show_fatal(str(exc))
        return 2

    instance = SingleInstance(folder)
    if not instance.acquire():
        if args.self_test:
            _print_error(_("another jobfollow is running on {folder}").format(folder=folder))
            return 1
        if instance.notify_running_instance():
            print(_("jobfollow is already running on this profile; its window was brought to the front."))
            return 0
        _show_fatal(_("Another jobfollow (process {pid}) holds the profile {folder} but does not answer; end that "
                      "process, or if no jobfollow is running, delete {lock} and start again.").format(
            pid=instance.owner() or "?", folder=folder, lock=instance.lock_file))
        return 1

    # The self-test (like every command) checks every page before the window; the window's own start checks
    # what is cheap now and the pages after its first paint (ui/data/open_check.py), then backs up.
    checked_now = args.self_test or args.demo
    try:
        profile = _open_profile(folder, ask=not args.self_test, full_check=checked_now)
    except (ProfileError, DatabaseOpenError) as exc:
        instance.release()
        _show_fatal(str(exc))
        return 1
    apply_saved_language(app, args.language)  # the saved language, before any window text is built

    if checked_now:
        from jobfollow.store.backups import back_up_at_start

        back_up_at_start(profile.db, profile.backup_dir)  # data: automatic daily backup
    try:
        if args.demo:
            from jobfollow.store.sample_data import fill_sample_data, settle_demo_history

            fill_sample_data()
            settle_demo_history()

        from jobfollow.ui.main_window import MainWindow
        from jobfollow.ui.startup_probe import install_if_requested

        # PySide6's import hook reads the source of every module imported after it (to look for "PySide6")
        # and leaves it in linecache: a few MiB nobody reads. Drop it before the window allocates its own.
        linecache.clearcache()
        def build_window() -> MainWindow:  # the program's own start: the board paints first, the panes next
            return MainWindow(profile, AppEvents(), defer_startup_work=True, panes_after_paint=not args.self_test)

        try:
            window = build_window()
        except (*SQL_ERRORS, ValueError):  # damage the cheap check cannot see: now the whole check decides
            if checked_now:
                raise
            profile.close()
            profile = _open_profile(folder, ask=True, full_check=True)  # damaged: the recovery dialog
            window = build_window()
        if not checked_now:
            from jobfollow.ui.data.open_check import install_open_check

            install_open_check(window, profile)
        instance.activation_requested.connect(window.raise_to_front)
        tray = window.install_tray(app).icon
        install_if_requested(window.board)
        if args.demo:
            window.mark_as_demo(folder)
        window.fit_to_screen()
        if not starts_hidden(args.minimized, tray):
            window.show()
        if not args.self_test:  # the self-test reports it as a failed check instead
            _warn_if_incomplete_install(window)

        result = {"code": 0}
        if args.self_test:
            def finish() -> None:
                from jobfollow.selfcheck import run_checks

                result["code"] = 1
                try:  # whatever happens here, the program must exit: an exception in a slot would hang it
                    from jobfollow.ui.store_errors import UNATTENDED_ERRORS

                    failures = run_checks(window) + [f"error in the window: {e}" for e in UNATTENDED_ERRORS]
                    result["code"] = 1 if failures else 0
                    for failure in failures:
                        _print_error(_("self-test failed: {failure}").format(failure=failure))
                    if not failures:
                        print(_("jobfollow {version}: self-test passed on {folder}").format(
                            version=__version__, folder=folder), flush=True)
                except BrokenPipeError:  # "| grep -q passed" stopped reading: the verdict stands
                    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing may write to the closed pipe
                except Exception as exc:
                    _print_error(_("unexpected error: {error}").format(error=exc))
                    result["code"] = 1
                finally:
                    window.quit_requested()
                    app.exit(result["code"])

            QTimer.singleShot(SELF_TEST_MS, finish)
        code = app.exec()
        return result["code"] if args.self_test else code
    except Exception as exc:  # the last line of defence: one readable line, never a silent crash
        _show_fatal(_("unexpected error: {error}").format(error=exc))
        return 1
    finally:
        from jobfollow.services.worker import wait_for_workers

        wait_for_workers()  # a rules refresh still running finishes before its database closes
        profile.close()
        instance.release()
