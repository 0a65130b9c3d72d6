"""Developer tool: open the real main window on a profile and save a screenshot.

    xvfb-run -a -s '-screen 0 1600x1000x24' python tools/screenshot.py --profile DIR --out shot.png

``--run "python code"`` runs code with ``window`` in scope before the grab (open a dialog, select a card...);
``--grab-active`` grabs the active modal/dialog window instead of the main window.
``--language de`` starts in that language as the program does (Qt's catalog, default stage names relabelled);
``--dark`` uses the Fusion style with a dark palette, as on a dark desktop theme.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def dark_palette():
    """A dark palette like the one a dark desktop theme hands to Qt."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                         ("AlternateBase", "#323232"), ("ToolTipBase", "#3c3c3c"), ("ToolTipText", "#e6e6e6"),
                         ("Text", "#e6e6e6"), ("Button", "#353535"), ("ButtonText", "#e6e6e6"),
                         ("BrightText", "#ff6b6b"), ("Link", "#6cb4ff"), ("Highlight", "#2f65ca"),
                         ("HighlightedText", "#ffffff"), ("PlaceholderText", "#8c8c8c"), ("Mid", "#404040"),
                         ("Midlight", "#4a4a4a"), ("Dark", "#202020"), ("Shadow", "#101010"), ("Light", "#505050")):
        palette.setColor(getattr(role, name), QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for name in ("WindowText", "Text", "ButtonText"):
        palette.setColor(disabled, getattr(role, name), QColor("#7a7a7a"))
    return palette


def use_dark_palette(app) -> None:
    app.setStyle("Fusion")
    app.setPalette(dark_palette())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", default="1500x900")
    parser.add_argument("--language")
    parser.add_argument("--run", default="")
    parser.add_argument("--delay", type=int, default=900)
    parser.add_argument("--grab-active", action="store_true")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jobfollow.profile import open_profile_at
    from jobfollow.services.events import AppEvents
    from jobfollow.ui.main_window import MainWindow
    from jobfollow.ui.qt_translations import apply_saved_language

    app = QApplication(sys.argv[:1])
    if args.dark:
        use_dark_palette(app)
    profile = open_profile_at(Path(args.profile).resolve())
    apply_saved_language(app, args.language or "en_US")  # what app.run_gui does before building the window
    window = MainWindow(profile, AppEvents())
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()

    def grab() -> None:
        target = window
        if args.grab_active:
            target = QApplication.activeModalWidget() or QApplication.activeWindow() or window
        target.grab().save(args.out)
        print(f"saved {args.out} ({target.width()}x{target.height()})")
        app.exit(0)

    def act() -> None:
        if args.run:
            exec(args.run, {"window": window, "app": app})
        QTimer.singleShot(args.delay, grab)

    QTimer.singleShot(300, act)
    app.exec()
    profile.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
