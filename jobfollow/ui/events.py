"""Moved to :mod:`jobfollow.services.events` (services emit them); kept so branches in flight still import."""

from jobfollow.services.events import AppEvents

__all__ = ["AppEvents"]
