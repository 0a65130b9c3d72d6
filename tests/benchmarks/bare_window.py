"""The reference for start-up ratios: the smallest PySide6 main window, quitting after its first paint."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from jobfollow.ui.startup_probe import install_if_requested

app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("bare window")
window.setCentralWidget(label)
window.resize(1400, 860)
install_if_requested(label)
window.show()
sys.exit(app.exec())
