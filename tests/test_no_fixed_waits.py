"""No test waits a fixed time: "nothing happened" is asserted with ``qtbot.assertNotEmitted`` or on the state after
``run_queued_reactions()``, and "it happens" with ``waitSignal``/``waitUntil``. A fixed wait is slow on a quiet
machine and still too short on a busy one."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIXED_WAITS = {("qtbot", "wait"), ("QTest", "qWait"), ("time", "sleep")}


def fixed_waits(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "benchmarks" in path.relative_to(root).parts:  # timing is what a benchmark is for
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and (node.func.value.id, node.func.attr) in FIXED_WAITS):
                found.append(f"{path.relative_to(root)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_test_waits_a_fixed_time():
    assert fixed_waits(TESTS) == []


def test_the_check_sees_a_fixed_wait(tmp_path):
    (tmp_path / "test_x.py").write_text("def test(qtbot):\n    qtbot.wait(20)\n    code = 'time.sleep(1)'\n",
                                        encoding="utf-8")
    assert fixed_waits(tmp_path) == ["test_x.py:2 qtbot.wait(20)"]
