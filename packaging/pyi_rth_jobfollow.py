# PyInstaller runtime hook: runs in the frozen program before jobfollow/__main__.py. On Linux: native dialogs
# through the XDG desktop portal, a message box for a missing system library, the AppImage's menu entry
# (jobfollow/frozen_start.py says why each is needed).
import sys

if sys.platform.startswith("linux"):
    from jobfollow.frozen_start import prepare

    prepare()
