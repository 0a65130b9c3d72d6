import subprocess
import sys

from jobfollow.ui.single_instance import SingleInstance

HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QCoreApplication
from jobfollow.ui.single_instance import SingleInstance
from pathlib import Path
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
assert instance.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_second_instance_wakes_the_first(qtbot, profile_dir):
    profile_dir.mkdir(parents=True)
    first = SingleInstance(profile_dir)
    assert first.acquire()
    second = SingleInstance(profile_dir)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.notify_running_instance()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_lock_of_a_killed_instance_is_reclaimed(profile_dir):
    profile_dir.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(profile_dir)], stdout=subprocess.PIPE, text=True)
    blocked = SingleInstance(profile_dir)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not blocked.acquire()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    again = SingleInstance(profile_dir)
    assert again.acquire()
    again.release()
