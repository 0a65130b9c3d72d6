"""Interview questions out of the interview notes: one question a line, with the answer after a dash.

The interview form keeps "Questions and answers" as free text; people write one question per line,
"Why this company? - Mentioned their community programme.", or a "Q:" line followed by an "A:" line.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s+[-–—]\s+|(?<=\?)\s+")
_Q = re.compile(r"^\s*(?:q|question|frage|pregunta)\s*[:.)]\s*", re.IGNORECASE)
_A = re.compile(r"^\s*(?:a|answer|antwort|réponse|reponse|respuesta)\s*[:.)]\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def parse_questions(text: str) -> list[tuple[str, str]]:
    """(question, your answer) pairs in the order written; a line without an answer gets ""."""
    found: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        if _A.match(line) and found:
            question, answer = found[-1]
            rest = _A.sub("", line).strip()
            found[-1] = (question, f"{answer} {rest}".strip())
            continue
        line = _Q.sub("", line)
        parts = _SPLIT.split(line, maxsplit=1)
        question = parts[0].strip()
        answer = parts[1].strip() if len(parts) > 1 else ""
        if question:
            found.append((question, answer))
    return found


def bullet_points(text: str) -> list[str]:
    """Free-text notes ("points you did not make") as separate points: one a line, or sentences separated by ';'."""
    points = []
    for raw in text.splitlines():
        for piece in raw.split(";"):
            point = _BULLET.sub("", piece).strip()
            if point:
                points.append(point)
    return points
