"""One line that tells a card's way through the stages, for the card's Timeline tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from jobfollow.core.stages import StageKind
from jobfollow.i18n import _, format_date


class Step(Protocol):
    stage_kind: str
    stage_name: str
    outcome: str | None
    entered_at: dt.datetime
    origin: str


def stage_path_text(steps: Sequence[Step]) -> str:
    """"Stages: Applied (1 Apr 2026) → Interviewed (20 Apr 2026) → Closed, Rejected (10 May 2026)"."""
    from jobfollow.core.insights.tables import outcome_label, stage_label

    if not steps:
        return _("Stages: none recorded yet.")
    parts = []
    for step in steps:
        name = step.stage_name or stage_label(step.stage_kind)  # no name: the kind's, in today's language
        if step.stage_kind == StageKind.CLOSED.value and step.outcome:
            name = _("{stage}, {outcome}").format(stage=name, outcome=outcome_label(step.outcome))
        parts.append(_("{stage} ({date})").format(stage=name, date=format_date(step.entered_at.date())))
    text = _("Stages: {path}").format(path=" → ".join(parts))
    if steps[0].origin == "import":
        text += " " + _("(from an imported file: what came before its first stage is not known)")
    return text
