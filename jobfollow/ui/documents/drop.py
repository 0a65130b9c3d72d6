"""Files dropped anywhere on a form go to one handler (line edits would otherwise paste the file's path)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from jobfollow.ui.documents.page import local_files


class FileDropFilter(QObject):
    """Emits ``dropped(list of Path)``; holds no reference to the form (it must be free to go when closed)."""

    dropped = Signal(object)

    def __init__(self, root: QWidget):
        super().__init__(root)
        root.setAcceptDrops(True)
        for widget in [root, *root.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and local_files(event.mimeData()):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and local_files(event.mimeData()):
            event.acceptProposedAction()
            self.dropped.emit(local_files(event.mimeData()))
            return True
        return False
