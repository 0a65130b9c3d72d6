"""Preferences > Follow-ups > Reminders: quiet hours and the morning digest (two rows, read and saved here)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from jobfollow.core.followup_notify import NOTIFY_SETTINGS_KEY, NotifySettings
from jobfollow.i18n import _
from jobfollow.store.followup_notify import notify_settings, save_notify_settings
from jobfollow.ui.retranslation import Retranslating


def _hour_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 23)
    spin.setSuffix(":00")
    spin.setWrapping(True)
    return spin


class QuietHoursBox(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.quiet_check = QCheckBox()
        self.quiet_from, self.quiet_until = _hour_spin(), _hour_spin()
        self.digest_check = QCheckBox()
        self.to_label = QLabel()
        self.digest_hour = _hour_spin()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        quiet_row = QHBoxLayout()
        for widget in (self.quiet_check, self.quiet_from, self.to_label, self.quiet_until):
            quiet_row.addWidget(widget)
        quiet_row.addStretch(1)
        digest_row = QHBoxLayout()
        digest_row.addWidget(self.digest_check)
        digest_row.addWidget(self.digest_hour)
        digest_row.addStretch(1)
        layout.addLayout(quiet_row)
        layout.addLayout(digest_row)
        self.quiet_check.toggled.connect(self._enable)
        self.digest_check.toggled.connect(self._enable)
        self._enable()
        self.retranslate()

    def retranslate(self) -> None:
        self.quiet_check.setText(_("Quiet hours: no notifications from"))
        self.to_label.setText(_("to"))
        self.digest_check.setText(_("One morning summary of what fell due overnight, at"))

    def _enable(self) -> None:
        for spin in (self.quiet_from, self.quiet_until):
            spin.setEnabled(self.quiet_check.isChecked())
        self.digest_hour.setEnabled(self.digest_check.isChecked())

    def load(self) -> None:
        settings = notify_settings()
        self.quiet_check.setChecked(settings.quiet_hours)
        self.quiet_from.setValue(settings.quiet_from)
        self.quiet_until.setValue(settings.quiet_until)
        self.digest_check.setChecked(settings.digest)
        self.digest_hour.setValue(settings.digest_hour)

    def save(self) -> list[str]:
        new = NotifySettings(self.quiet_check.isChecked(), self.quiet_from.value(), self.quiet_until.value(),
                             self.digest_check.isChecked(), self.digest_hour.value())
        if new == notify_settings():
            return []
        save_notify_settings(new)
        return [NOTIFY_SETTINGS_KEY]
