"""Guards against a Qt binding that would crash a long session.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every Qt call that returns nothing;
after a few thousand calls the interpreter aborts ("deallocating None"). pyproject pins below it.
"""

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setObjectName("card")
    assert before - sys.getrefcount(None) < 50
