"""At start, a database that is damaged or not ours: offer the newest good backup or a fresh profile.

Nothing happens to the file unless the user picks an option; then it is renamed aside with a timestamp
(never deleted or overwritten) so it can still be rescued by hand.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from jobfollow import paths
from jobfollow.i18n import _, format_datetime, format_number
from jobfollow.store.backups import BackupError, BackupFile, newest_good_backup, recover_damaged
from jobfollow.store.db_check import DamagedDatabaseError, NotJobfollowDatabaseError
from jobfollow.ui.plain_text import plain_label, warn

RESTORE, FRESH = "restore", "fresh"


class RecoveryDialog(QDialog):
    def __init__(self, db_path: Path, problem: str, backup: BackupFile | None, parent: QWidget | None = None, *,
                 before_recovery: Callable[[], None] | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.backup = backup
        self.before_recovery = before_recovery  # an open window closes its connection to the damaged file
        self.moved_to: Path | None = None
        self.setWindowTitle(_("jobfollow cannot open your data"))
        self.setMinimumWidth(560)
        outer = QHBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(icon)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        layout.setSpacing(10)
        heading = QLabel(_("<b>The database could not be opened.</b>"))
        layout.addWidget(heading)
        detail = plain_label(problem)  # it names the file: a folder name is text, not markup
        detail.setWordWrap(True)
        layout.addWidget(detail)
        explain = QLabel(_("Nothing has been changed yet. Whatever you choose, the damaged file is kept: it is "
                           "renamed with today's date beside the new one, so it can still be rescued."))
        explain.setWordWrap(True)
        layout.addWidget(explain)

        self.choices = QButtonGroup(self)
        if backup is not None:
            text = _("Restore the newest good backup, from {when} ({size} KB)").format(
                when=format_datetime(backup.taken_at, "short"), size=format_number(max(1, backup.size // 1024)))
        else:
            text = _("Restore a backup (there is no usable backup)")
        self.restore_choice = QRadioButton(text)
        self.restore_choice.setEnabled(backup is not None)
        self.fresh_choice = QRadioButton(_("Start a fresh, empty profile"))
        for button in (self.restore_choice, self.fresh_choice):
            self.choices.addButton(button)
            layout.addWidget(button)
        (self.restore_choice if backup is not None else self.fresh_choice).setChecked(True)

        self.buttons = QDialogButtonBox()
        self.continue_button = self.buttons.addButton(_("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(_("Quit without changing anything"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.continue_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

    @property
    def choice(self) -> str:
        return RESTORE if self.restore_choice.isChecked() else FRESH

    def accept(self) -> None:
        if self.before_recovery is not None:
            self.before_recovery()
        try:
            self.moved_to = recover_damaged(self.db_path, self.backup.path if self.choice == RESTORE else None)
        except (BackupError, OSError) as exc:
            warn(self, _("Cannot recover"), str(exc))
            return
        super().accept()


def open_profile_or_recover(folder: Path, *, ask: bool = True, full_check: bool = True):
    """open_profile_at, but a damaged or foreign database opens the recovery dialog instead of failing.

    Re-raises the original error when the user quits (or when ``ask`` is False, e.g. for --self-test).
    ``full_check=False``: only the cheap checks now; the window checks the pages after its first paint.
    """
    from jobfollow.profile import open_profile_at

    try:
        return open_profile_at(folder, full_check=full_check)
    except (DamagedDatabaseError, NotJobfollowDatabaseError) as exc:
        if not ask:
            raise
        dialog = RecoveryDialog(paths.database_path(folder), str(exc), newest_good_backup(paths.backup_dir(folder)))
        if not dialog.exec():
            raise
        print(_("jobfollow: the damaged database was kept as {path}").format(path=dialog.moved_to), file=sys.stderr)
        return open_profile_at(folder)

