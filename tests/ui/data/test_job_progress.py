"""The progress dialog of a data job: how far in rows, Cancel reaches the job, it closes when the job ends."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jobfollow.i18n import format_number
from jobfollow.services.data import DataJob
from jobfollow.ui.data.progress import JobProgressDialog


class Job(DataJob):
    def __init__(self):
        super().__init__("import", writes=True)
        self.cancels = 0

    def cancel(self) -> None:
        self.cancels += 1


def test_it_counts_rows_passes_cancel_on_and_closes_at_the_end(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    job = Job()
    dialog = JobProgressDialog(job, "Import", "Importing all.json…", parent, modal=True, rows=True)
    assert dialog.bar.maximum() == 0  # busy until the first report
    job.progressed.emit(1500, 12000)
    assert (dialog.bar.value(), dialog.bar.maximum()) == (1500, 12000)
    assert f"{format_number(1500)} of {format_number(12000)} rows" in dialog.labelText()
    dialog.show()
    dialog.canceled.emit()  # the Cancel button
    assert job.cancels == 1 and dialog.isVisible() and "Cancelling" in dialog.labelText()
    job.progressed.emit(3000, 12000)  # a report already on its way changes nothing now
    assert dialog.bar.maximum() == 0
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        job.ended.emit()
