"""Moved to :mod:`jobfollow.services.followups`; this name stays while branches in flight still import it."""

from jobfollow.services.followups import FollowUpService as FollowUpController

__all__ = ["FollowUpController"]
