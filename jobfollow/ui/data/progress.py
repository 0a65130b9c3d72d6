"""The progress dialog of a data job: how far it got, and Cancel; it closes itself when the job ends.

It appears only when the job takes a moment (a small export finishes before it would show). The bar is updated
directly, never through ``QProgressDialog.setValue``, which runs a nested event loop in a modal dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from jobfollow.i18n import _, format_number, ngettext
from jobfollow.services.data import DataJob

SHOW_AFTER_MS = 300


class JobProgressDialog(QProgressDialog):
    def __init__(self, job: DataJob, title: str, text: str, parent: QWidget | None, *, modal: bool,
                 rows: bool = False):
        super().__init__(text, _("Cancel"), 0, 0, parent)
        self.job = job
        self.text = text
        self.rows = rows  # an import counts rows: "12,000 of 149,689 rows" under the text
        self.setWindowTitle(title)
        # An import or a restore: the window waits (and can still repaint); an export: work goes on beside it.
        self.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setMinimumWidth(420)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setTextVisible(True)
        self.setBar(self.bar)
        self.setValue(0)  # starts the clock that shows the dialog after SHOW_AFTER_MS
        self.canceled.connect(self._cancel)
        job.progressed.connect(self.advance)
        job.ended.connect(self.finish)

    def advance(self, done: int, total: int) -> None:
        if total > 0 and not self.wasCanceled():
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            if self.rows:
                self.setLabelText("{text}\n{count}".format(text=self.text, count=ngettext(
                    "{done} of {total} row", "{done} of {total} rows", total).format(
                    done=format_number(min(done, total)), total=format_number(total))))

    def _cancel(self) -> None:
        self.job.cancel()
        self.setLabelText(_("Cancelling…"))
        self.setCancelButton(None)  # no second Cancel: the job is putting everything back
        self.bar.setRange(0, 0)
        self.show()

    def finish(self) -> None:
        self.hide()
        self.deleteLater()
