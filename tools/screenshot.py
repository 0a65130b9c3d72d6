"""Developer tool: open the real main window on a profile and save a screenshot.

    xvfb-run -a -s '-screen 0 1600x1000x24' python tools/screenshot.py --profile DIR --out shot.png

``--run "python code"`` runs code with ``window`` in scope before the grab (open a dialog, select a card...);
``--grab-active`` grabs the active modal/dialog window instead of the main window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", default="1500x900")
    parser.add_argument("--language")
    parser.add_argument("--run", default="")
    parser.add_argument("--delay", type=int, default=900)
    parser.add_argument("--grab-active", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jobfollow.i18n import set_language
    from jobfollow.profile import open_profile_at
    from jobfollow.ui.events import AppEvents
    from jobfollow.ui.main_window import MainWindow

    set_language(args.language or "en_US")
    app = QApplication(sys.argv[:1])
    profile = open_profile_at(Path(args.profile).resolve())
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
