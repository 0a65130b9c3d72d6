"""A timeline entry's text as facts, rendered in the language of the moment.

An entry keeps, in its JSON ``data`` under ``"text"``, the English message and what fills it::

    {"text": {"message": "Moved from {source} to {target}",
              "args": {"source": {"label": "Applied"}, "target": "My own stage"}}}

and is written in whatever language the interface speaks when it is shown. An argument is a plain value
(a name, a subject: shown as it is), or one of:

* ``{"label": msgid}``: a built-in word ("Applied", "Interviewer"), translated when shown;
* ``{"labels": [msgid, ...]}``: several, joined with commas;
* ``{"date": "2026-05-04", "format": "long"}`` and ``{"datetime": "...", "format": "short"}``: in the locale;
* ``{"action": kind, "name": first name}``: what a follow-up asked for ("Thank Marco").

The entry's ``summary`` column still holds the text as written (older versions and other readers of an export
show that); an entry without facts, from before, or with facts this version cannot read, shows its summary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jobfollow.i18n import _, format_date, format_datetime

TEXT_KEY = "text"


@dataclass(frozen=True)
class TextFact:
    """``message`` is the English message id (mark it with ``N_`` where it is written)."""

    message: str
    args: dict = field(default_factory=dict)

    def as_data(self) -> dict:
        return {"message": self.message, "args": self.args}

    def render(self) -> str:
        return _(self.message).format(**{name: _argument(value) for name, value in self.args.items()})


def label(msgid: str) -> dict:
    return {"label": msgid}


def labels(msgids: list[str]) -> dict:
    return {"labels": list(msgids)}


def date_arg(day: dt.date, format: str = "medium") -> dict:
    return {"date": day.isoformat(), "format": format}


def datetime_arg(moment: dt.datetime, format: str = "short") -> dict:
    return {"datetime": moment.isoformat(), "format": format}


def action_arg(kind: str, name: str = "") -> dict:
    return {"action": kind, "name": name}


def stage_arg(kind: str, name: str) -> dict | str:
    """A stage by its name: a built-in name (its kind's label, as the language of the day has it) follows the
    language when shown; a name the user chose stays as typed."""
    from jobfollow.core.stages import STAGE_KIND_LABELS, StageKind

    try:
        msgid = STAGE_KIND_LABELS[StageKind(kind)]
    except (ValueError, KeyError):
        return name
    return label(msgid) if name in (msgid, _(msgid)) else name


def _argument(value) -> str:
    if not isinstance(value, dict):
        return str(value)
    if "label" in value:
        return _(str(value["label"]))
    if "labels" in value:
        return ", ".join(_(str(item)) for item in value["labels"])
    if "date" in value:
        return format_date(dt.date.fromisoformat(value["date"]), value.get("format", "medium"))
    if "datetime" in value:
        return format_datetime(dt.datetime.fromisoformat(value["datetime"]), value.get("format", "short"))
    if "action" in value:
        from jobfollow.core.followup_kinds import kind_action

        return kind_action(str(value["action"]), str(value.get("name") or ""))
    raise ValueError(f"unknown argument {sorted(value)}")


def render(summary: str, data: dict) -> str:
    """The entry's text now: from its facts when it has readable ones, else the summary it was written with."""
    fact = data.get(TEXT_KEY) if isinstance(data, dict) else None
    if not isinstance(fact, dict) or not isinstance(fact.get("message"), str):
        return summary
    args = fact.get("args") if isinstance(fact.get("args"), dict) else {}
    try:
        return TextFact(fact["message"], args).render()
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):  # a hand-edited or newer entry
        return summary
