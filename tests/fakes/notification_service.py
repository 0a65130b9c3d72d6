"""A fake org.freedesktop.Notifications for the tests: run as ``python -m tests.fakes.notification_service ADDRESS``.

It registers on the bus at ADDRESS (a private bus the test started), prints READY, then for every Notify prints
``NOTIFY <json arguments>``, answers with a new id and, when the summary contains "[click]", emits
ActionInvoked(id, "default") as a user's click would.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

INTERFACE = """<interface name="org.freedesktop.Notifications">
 <method name="Notify"><arg name="app_name" type="s" direction="in"/><arg name="replaces_id" type="u" direction="in"/>
  <arg name="app_icon" type="s" direction="in"/><arg name="summary" type="s" direction="in"/>
  <arg name="body" type="s" direction="in"/><arg name="actions" type="as" direction="in"/>
  <arg name="hints" type="a{sv}" direction="in"/><arg name="expire_timeout" type="i" direction="in"/>
  <arg name="id" type="u" direction="out"/></method>
 <method name="GetCapabilities"><arg type="as" direction="out"/></method>
 <signal name="ActionInvoked"><arg name="id" type="u"/><arg name="action_key" type="s"/></signal>
</interface>"""
PATH = "/org/freedesktop/Notifications"


def reply(message: QDBusMessage, value) -> QDBusMessage:
    """One return value (createReply([...]) would send a list as one array argument)."""
    answer = message.createReply()
    answer.setArguments([value])
    return answer


class FakeNotifications(QDBusVirtualObject):
    def __init__(self):
        super().__init__()
        self.next_id = 40

    def introspect(self, path: str) -> str:
        return INTERFACE

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:  # noqa: N802 - Qt override
        member = message.member()
        if member == "Introspect":
            connection.send(reply(message, f"<node>{INTERFACE}</node>"))
            return True
        if member == "GetCapabilities":
            connection.send(reply(message, ["actions", "body"]))
            return True
        if member != "Notify":
            return False
        self.next_id += 1
        notification_id = self.next_id
        arguments = message.arguments()
        print("NOTIFY", json.dumps({"signature": message.signature(), "app": arguments[0], "summary": arguments[3],
                                     "body": arguments[4], "actions": list(arguments[5])}), flush=True)
        connection.send(reply(message, notification_id))
        if "[click]" in arguments[3]:
            signal = QDBusMessage.createSignal(PATH, "org.freedesktop.Notifications", "ActionInvoked")
            signal.setArguments([notification_id, "default"])
            QTimer.singleShot(100, lambda: connection.send(signal))
        return True


def main() -> None:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-notifications")
    service = FakeNotifications()
    if not (bus.registerVirtualObject(PATH, service) and bus.registerService("org.freedesktop.Notifications")):
        print("FAILED", flush=True)
        sys.exit(1)
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
