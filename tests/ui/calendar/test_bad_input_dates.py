"""Date fields stop at a sane year: year 9999 (one slip on the keyboard) overflowed the date arithmetic of
snoozing and the rules, so the editors no longer accept it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from jobfollow.ui.calendar.followup_dialogs import CustomFollowUpDialog
from jobfollow.ui.forms.widgets import OptionalDateEdit
from tests.conftest import TODAY


def test_own_followup_cannot_be_due_in_year_9999_so_snoozing_it_works(qtbot, profile):
    from jobfollow.store.applications import create_application
    from jobfollow.store.followups import snooze
    from jobfollow.store.models import FollowUp

    app = create_application("Contoso", "Analyst")
    dialog = CustomFollowUpDialog([(app.id, "Contoso", "Analyst")], TODAY)
    qtbot.addWidget(dialog)
    dialog.due_edit.setDate(QDate(9999, 12, 30))
    due = dialog.values()["due_on"]
    assert due.year <= 2199
    followup = FollowUp.create(application=app, kind="custom", title="Call", due_on=due)
    snooze(followup.id, due + dt.timedelta(days=7))  # overflowed past 9999-12-31 before


def test_form_dates_stop_at_a_sane_year(qtbot):
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.set_value(dt.date(9999, 12, 31))
    assert edit.value().year <= 2199
    edit.set_value(dt.date(1, 1, 1))
    assert edit.value().year >= 1900
