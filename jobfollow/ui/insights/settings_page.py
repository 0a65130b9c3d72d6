"""Preferences > Job search: the weekly goal for applications and the usual layout of the work-search log."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from jobfollow.core.settings_registry import WEEKLY_GOAL, WORKLOG_PRESET
from jobfollow.core.worklog.presets import PRESETS
from jobfollow.i18n import N_, _
from jobfollow.store.settings import read, write
from jobfollow.ui.plain_text import plain_label
from jobfollow.ui.retranslation import set_row_labels
from jobfollow.ui.settings.settings_dialog import SettingsPage


class JobSearchPage(SettingsPage):
    title = N_("Job search")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        self.intro = plain_label()
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.goal_spin = QSpinBox()
        self.goal_spin.setRange(WEEKLY_GOAL.minimum, WEEKLY_GOAL.maximum)
        form.addRow("", self.goal_spin)
        self.preset_combo = QComboBox()
        for preset in PRESETS:
            self.preset_combo.addItem("", preset.key)
        form.addRow("", self.preset_combo)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(_("Keep applying while you wait: Insights shows each week against this goal and how "
                             "many weeks in a row you met it."))
        self.goal_spin.setSpecialValueText(_("no goal"))
        self.goal_spin.setSuffix(_(" a week"))
        for index, preset in enumerate(PRESETS):
            self.preset_combo.setItemText(index, _(preset.name))
        set_row_labels(self.form, {self.goal_spin: _("Applications &goal:"),
                                   self.preset_combo: _("Work-search &log layout:")})

    def load(self) -> None:
        self.goal_spin.setValue(read(WEEKLY_GOAL))
        self.preset_combo.setCurrentIndex(max(self.preset_combo.findData(read(WORKLOG_PRESET)), 0))

    def save(self) -> list[str]:
        changed = []
        if self.goal_spin.value() != read(WEEKLY_GOAL):
            write(WEEKLY_GOAL, self.goal_spin.value())
            changed.append(WEEKLY_GOAL.name)
        if self.preset_combo.currentData() != read(WORKLOG_PRESET):
            write(WORKLOG_PRESET, self.preset_combo.currentData())
            changed.append(WORKLOG_PRESET.name)
        return changed
