"""Documents: attaching a 20 MB PDF through the Documents tab (copied on a worker), and how long the
window's event loop ever waits meanwhile."""

from __future__ import annotations

import os
import time
from pathlib import Path

SIZE = 20 * 1024 * 1024


def run(bench) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from jobfollow.profile import open_profile_at
    from jobfollow.services.events import AppEvents
    from jobfollow.store.application_details import ApplicationDetails, add_application
    from jobfollow.ui.forms.application_form import ApplicationFormDialog

    app = QApplication.instance() or QApplication([])
    home = Path(os.environ["JOBFOLLOW_HOME"])
    profile = open_profile_at(home / "documents-bench")
    try:
        card = add_application(ApplicationDetails(company="Contoso", position_title="Analyst"))
        dialog = ApplicationFormDialog(AppEvents(), QUndoStack(), card)
        page = dialog.documents_page
        source = home / "portfolio.pdf"
        pauses: list[float] = []
        counter = [0]

        def fresh_file():
            counter[0] += 1
            # a new body each time, or the second attach would be refused as a duplicate
            source.write_bytes(b"%PDF-1.7\n" + os.urandom(SIZE - 64) + f"\n%{counter[0]:08d}\n%%EOF\n".encode())
            for row in list(page.model.rows):
                from jobfollow.store.documents import remove_document
                remove_document(row.id)
            page.reload()

        def attach():
            page.attach_paths([source])
            longest = 0.0
            last = time.perf_counter()
            while page.model.rowCount() == 0:
                app.processEvents()
                now = time.perf_counter()
                longest = max(longest, now - last)
                last = now
            pauses.append(longest * 1000.0)

        bench.time("documents: attach a 20 MB PDF (copy on a worker, hash, store)", attach, setup=fresh_file,
                   repeat=10, warmup=1, goal=1000)
        bench.record("documents: longest pause of the window while a 20 MB PDF is attached", pauses[1:],
                     goal=50)
        dialog.deleteLater()
        app.processEvents()
    finally:
        profile.close()
