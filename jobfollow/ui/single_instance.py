"""One running jobfollow per profile: a lock file plus a local socket to wake the first instance.

A second launch finds the lock held, tells the running instance to raise its window, and exits.
A lock left by a crashed process is reclaimed (see jobfollow.profile_lock), also when its process id
has since been given to another program.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from jobfollow.profile_lock import ProfileLock

ACTIVATE = b"activate\n"


def server_name_for(profile_dir: Path) -> str:
    digest = hashlib.sha1(str(profile_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"jobfollow-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, profile_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = ProfileLock(profile_dir)
        self.server_name = server_name_for(profile_dir)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the profile; False when another instance runs."""
        if not self._lock.try_acquire():
            return False
        QLocalServer.removeServer(self.server_name)  # a crashed owner may leave its socket behind
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self.server_name)
        return True

    def notify_running_instance(self, timeout_ms: int = 1500) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        ok = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.release()

    def owner(self) -> int:
        """The process id holding the profile (0 when unknown)."""
        return self._lock.owner()

    @property
    def lock_file(self) -> Path:
        return self._lock.path

    def _on_connection(self) -> None:
        # The caller writes its one line right after connecting, so a short blocking read is enough
        # and leaves no socket (or slot capturing one) alive past this function.
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(500):
                message = bytes(socket.readAll().data())
            else:
                message = b""
            socket.abort()
            socket.deleteLater()
            if message.startswith(ACTIVATE.strip()):
                self.activation_requested.emit()
