"""A fake org.freedesktop.Notifications for the tests: run as ``python -m tests.fakes.notification_service ADDRESS``.

It registers on the bus at ADDRESS (a private bus the test started), prints READY, then for every Notify prints
``NOTIFY <json>``, answers with a new id (a uint32, as real servers do: the adaptor's slot types give the wire
types) and, when the summary contains "[click]", emits ActionInvoked(id, "default") as a user's click would;
every notification is closed soon after (NotificationClosed), so a waiting client exits.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusMessage

PATH = "/org/freedesktop/Notifications"
CONNECTION = "fake-notifications"


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class FakeNotifications(QDBusAbstractAdaptor):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.next_id = 40

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, QDBusMessage, result="uint")
    def Notify(self, app, _replaces, _icon, summary, body, actions, _hints, _timeout, message):  # noqa: N802
        self.next_id += 1
        notification_id = self.next_id
        print("NOTIFY", json.dumps({"signature": message.signature(), "app": app, "summary": summary, "body": body,
                                     "actions": list(actions)}), flush=True)
        if "[click]" in summary:
            QTimer.singleShot(100, lambda: self.ActionInvoked.emit(notification_id, "default"))
        QTimer.singleShot(300, lambda: self.NotificationClosed.emit(notification_id, 2))
        return notification_id

    @Slot("uint")
    def CloseNotification(self, notification_id):  # noqa: N802
        self.NotificationClosed.emit(notification_id, 3)

    @Slot(result="QStringList")
    def GetCapabilities(self):  # noqa: N802
        return ["actions", "body"]

    @Slot(QDBusMessage)
    def GetServerInformation(self, message):  # noqa: N802 - four strings out: answered by hand
        answer = message.createReply()
        answer.setArguments(["fake", "jobfollow tests", "1.0", "1.2"])
        QDBusConnection(CONNECTION).send(answer)


def main() -> None:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.connectToBus(sys.argv[1], CONNECTION)
    holder = QObject()
    service = FakeNotifications(holder)  # noqa: F841 - lives with its holder
    if not (bus.registerObject(PATH, holder) and bus.registerService("org.freedesktop.Notifications")):
        print("FAILED", flush=True)
        sys.exit(1)
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
