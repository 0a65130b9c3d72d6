"""The open database's pages, checked after the window's first paint.

The window's start looks at the file only as far as is cheap (``db_check.inspect_file(full=False)``); SQLite's
full integrity check and the pass that reads every text value run here, on a worker, once the board is on
screen (about 0.1 s at 2,000 cards, 3 s at 50,000). When they pass, the daily backup follows (a damaged file
must never become a backup). When they find damage, every write is refused from then on (``refuse_writes``:
the next save says so in one sentence) and the recovery choice of a damaged start is offered: the newest good
backup or a fresh profile, the damaged file kept aside. Quitting there leaves the file as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from jobfollow.i18n import _
from jobfollow.profile import Profile
from jobfollow.services.worker import run_in_worker
from jobfollow.store.db import refuse_writes
from jobfollow.store.db_check import DamagedDatabaseError, check_contents
from jobfollow.ui.first_paint import AfterFirstPaint

QUIT_CODE = 1  # the user left a damaged database as it was


def refusal_sentence() -> str:
    return _("Nothing more can be saved because the database turned out to be damaged; what you typed is "
             "still here.")


class OpenCheck:
    """Started by ``app.run_gui``: ``on_passed`` runs when the file is sound, ``on_recovered`` after the user
    chose a backup or a fresh profile (the same Profile object then holds the new database)."""

    def __init__(self, window: QWidget, profile: Profile, *, on_passed: Callable[[], None],
                 on_recovered: Callable[[], None], on_quit: Callable[[], None] | None = None):
        self.window, self.profile = window, profile
        self.on_passed, self.on_recovered = on_passed, on_recovered
        self.on_quit = on_quit or (lambda: QApplication.exit(QUIT_CODE))
        self.verdict: str | None = None  # "passed", "damaged", or an error that stopped the check

    def start_after_paint(self, painted: QWidget) -> AfterFirstPaint:
        return AfterFirstPaint(painted, self.start)

    def start(self) -> None:
        path = self.profile.db_path
        run_in_worker(lambda: check_contents(path), self._passed, self._failed)

    def _passed(self, _result) -> None:
        self.verdict = "passed"
        self.on_passed()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, DamagedDatabaseError):  # e.g. locked by a backup program: next start checks
            self.verdict = str(error)
            print(_("jobfollow: the database could not be checked: {error}").format(error=error), file=sys.stderr)
            return
        self.verdict = "damaged"
        refuse_writes(self.profile.db, refusal_sentence())
        print(f"jobfollow: {error}", file=sys.stderr)
        self._offer_recovery(str(error))

    def _offer_recovery(self, problem: str) -> None:
        from jobfollow.store.backups import newest_good_backup
        from jobfollow.ui.data.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.profile.db_path, problem, newest_good_backup(self.profile.backup_dir),
                                self.window, before_recovery=self._close_database)
        if not dialog.exec():
            self.on_quit()
            return
        print(_("jobfollow: the damaged database was kept as {path}").format(path=dialog.moved_to), file=sys.stderr)
        from jobfollow.profile import open_profile_at

        self.profile.db = open_profile_at(self.profile.folder).db
        self.on_recovered()

    def _close_database(self) -> None:
        from jobfollow.services.worker import wait_for_workers

        wait_for_workers()  # a refresh still reading the damaged file ends first
        self.profile.db.close()


def install_open_check(window, profile: Profile, *, on_quit: Callable[[], None] | None = None) -> OpenCheck:
    """Check ``profile``'s pages once ``window.board`` has painted; then the daily backup, on a worker too."""
    def back_up() -> None:
        from jobfollow.store.backups import back_up_at_start

        run_in_worker(lambda: back_up_at_start(profile.db, profile.backup_dir), lambda _path: None,
                      lambda _error: None)  # back_up_at_start reports its own failure

    check = OpenCheck(window, profile, on_passed=back_up,
                      on_recovered=lambda: window.services.data.reload_everything(None, stages=True, settings=True),
                      on_quit=on_quit)
    check.start_after_paint(window.board)  # the callbacks keep the check alive until its verdict
    return check
