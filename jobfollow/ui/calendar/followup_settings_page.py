"""Preferences page "Follow-ups": the rule timings (each within the guides' range), the tray, start at login."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from jobfollow import autostart
from jobfollow.core import settings_registry as keys
from jobfollow.core.followup_settings import TIMINGS, FollowUpSettings
from jobfollow.core.stages import CHANNEL_LABELS, Channel
from jobfollow.i18n import N_, _
from jobfollow.store.followups import followup_settings, save_followup_settings
from jobfollow.store.settings import get_user_details, profile_folder, read, write
from jobfollow.ui.calendar.quiet_hours_box import QuietHoursBox
from jobfollow.ui.forms.widgets import count_suffix, unit_text
from jobfollow.ui.retranslation import set_row_labels
from jobfollow.ui.settings.settings_dialog import SettingsPage


class FollowUpSettingsPage(SettingsPage):
    title = N_("Follow-ups")

    def __init__(self, parent: QWidget | None = None, autostart_where: dict | None = None):
        super().__init__(parent)
        self.autostart_where = autostart_where or {}  # tests point this at a temporary home
        self.timings_box = QGroupBox()
        self.form = form = QFormLayout(self.timings_box)
        self.spins: dict[str, QSpinBox] = {}
        for timing in TIMINGS:
            spin = QSpinBox()
            spin.setRange(timing.low, timing.high)
            count_suffix(spin, timing.unit)
            self.spins[timing.key] = spin
            form.addRow("", spin)
        self.business_day_check = QCheckBox()
        form.addRow(self.business_day_check)
        self.channel_combo = QComboBox()
        for channel in (Channel.PHONE, Channel.EMAIL):
            self.channel_combo.addItem("", channel.value)
        form.addRow("", self.channel_combo)
        self.rejection_each_check = QCheckBox()
        form.addRow(self.rejection_each_check)
        self.holidays_label = QLabel()
        self.holidays_label.setWordWrap(True)
        # Room for two lines: a form row does not grow for a label that wraps, so in French the second
        # line pushed the first up under the combo box above.
        self.holidays_label.setMinimumHeight(2 * self.holidays_label.fontMetrics().lineSpacing() + 2)
        form.addRow(self.holidays_label)

        self.running_box = QGroupBox()
        box = QVBoxLayout(self.running_box)
        self.tray_check = QCheckBox()
        self.notify_check = QCheckBox()
        self.login_check = QCheckBox()
        for check in (self.tray_check, self.notify_check, self.login_check):
            box.addWidget(check)
        self.quiet_box = QuietHoursBox()
        box.addWidget(self.quiet_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timings_box)
        layout.addWidget(self.running_box)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.timings_box.setTitle(_("Timings (the career guides' ranges; defaults in brackets)"))
        labels = {}
        for timing in TIMINGS:
            spin = self.spins[timing.key]
            spin.setSuffix(" " + unit_text(timing.unit, spin.value()))
            spin.setToolTip(_("From {low} to {high}; default {default}").format(
                low=timing.low, high=timing.high, default=timing.default))
            labels[spin] = _("{label} [{default}]:").format(label=_(timing.label), default=timing.default)
        labels[self.channel_combo] = _("Status checks, unless they said otherwise:")
        set_row_labels(self.form, labels)
        self.business_day_check.setText(_("Move a thank-you that falls on a weekend or holiday to the next "
                                          "working day"))
        for index, channel in enumerate((Channel.PHONE, Channel.EMAIL)):
            self.channel_combo.setItemText(index, _(CHANNEL_LABELS[channel]))
        self.rejection_each_check.setText(_("After a rejection, thank each person you met"))
        self.rejection_each_check.setToolTip(_("Otherwise one letter, which asks its reader to pass your thanks on "
                                               "to the others"))
        self._set_holidays_text()
        self.running_box.setTitle(_("Reminders"))
        self.tray_check.setText(_("Keep running in the system tray when the window is closed"))
        self.notify_check.setText(_("Show a notification when a follow-up falls due"))
        self.login_check.setText(_("Start jobfollow when I log in (minimised to the tray)"))

    def _set_holidays_text(self) -> None:
        country = get_user_details().country
        self.holidays_label.setText(
            _("Business days skip weekends and the public holidays of {country} (change it in Your details).").format(
                country=country) if country else
            _("Business days skip weekends; pick a country in Your details to skip its public holidays too."))

    def load(self) -> None:
        settings = followup_settings()
        for key, spin in self.spins.items():
            spin.setValue(getattr(settings, key))
        self.business_day_check.setChecked(settings.thank_you_on_business_day)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(settings.status_check_channel)))
        self.rejection_each_check.setChecked(settings.rejection_thanks_each)
        self._set_holidays_text()
        self.tray_check.setChecked(read(keys.TRAY_ENABLED))
        self.notify_check.setChecked(read(keys.TRAY_NOTIFY))
        self.login_check.setChecked(autostart.is_enabled(**self.autostart_where))
        self.quiet_box.load()

    def save(self) -> list[str]:
        values = {key: spin.value() for key, spin in self.spins.items()}
        values["thank_you_on_business_day"] = self.business_day_check.isChecked()
        values["status_check_channel"] = self.channel_combo.currentData()
        values["rejection_thanks_each"] = self.rejection_each_check.isChecked()
        changed = self.quiet_box.save()
        new = FollowUpSettings.from_dict(values)
        if new != followup_settings():
            save_followup_settings(new)
            changed.append(keys.FOLLOWUP_SETTINGS.name)
        for key, check in ((keys.TRAY_ENABLED, self.tray_check), (keys.TRAY_NOTIFY, self.notify_check)):
            if read(key) != check.isChecked():
                write(key, check.isChecked())
                changed.append(key.name)
        if autostart.is_enabled(**self.autostart_where) != self.login_check.isChecked():
            try:
                autostart.set_enabled(self.login_check.isChecked(), profile=profile_folder(), **self.autostart_where)
                changed.append("autostart")
            except OSError as exc:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, _("Start at login"),
                                    _("Could not change the start-at-login entry: {error}").format(error=exc))
        return changed


