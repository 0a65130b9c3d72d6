"""Rows every profile starts with: the default stages."""

from __future__ import annotations

from jobfollow.core.stages import default_stages
from jobfollow.i18n import _
from jobfollow.store.models import Stage


def ensure_default_stages() -> int:
    """Create the default columns in an empty profile; returns how many were created."""
    if Stage.select().exists():
        return 0
    specs = default_stages()
    Stage.insert_many(
        [{"name": _(spec.name), "kind": spec.kind.value, "position": i, "collapsed": False}
         for i, spec in enumerate(specs)]
    ).execute()
    return len(specs)
