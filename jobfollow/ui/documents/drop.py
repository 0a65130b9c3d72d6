"""Files dropped anywhere on a form go to one handler (line edits would otherwise paste the file's path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from jobfollow.ui.documents.page import local_files


class FileDropFilter(QObject):
    def __init__(self, root: QWidget, handler: Callable[[list[Path]], None], enabled: Callable[[], bool]):
        super().__init__(root)
        self.handler, self.enabled = handler, enabled
        root.setAcceptDrops(True)
        for widget in [root, *root.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and local_files(event.mimeData()):
            if self.enabled():
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop and local_files(event.mimeData()):
            if self.enabled():
                event.acceptProposedAction()
                self.handler(local_files(event.mimeData()))
            return True
        return False
