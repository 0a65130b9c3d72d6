"""`jobfollow start-at-login on|off|status`: the same switch as Preferences > Follow-ups > Start at login.

The Windows installer's "start at login" box runs `start-at-login on` (never `off`), so the app stays the one
owner of the entry: `on` keeps the profile of an entry that is already there unless --profile names another.
"""

from __future__ import annotations

from pathlib import Path

from jobfollow import autostart
from jobfollow.cli import subcommand
from jobfollow.i18n import _


@subcommand("start-at-login", _("start jobfollow in the tray when you log in (on), stop that (off), or show it"))
def _configure(parser) -> None:
    parser.add_argument("state", choices=("on", "off", "status"), help=_("on, off or status"))
    parser.set_defaults(handler=run_start_at_login)


def run_start_at_login(args, **where) -> int:
    """``where`` (home, platform, registry) lets tests point this at a temporary home and a fake registry."""
    if args.state == "on":
        profile = getattr(args, "profile", None)
        autostart.turn_on_keeping_choice(profile=Path(profile).expanduser().resolve() if profile else None, **where)
    elif args.state == "off":
        autostart.disable(**where)
    command = autostart.current_command(**where)
    if command is None:
        print(_("Start at login: off"))
        return 0
    profile = autostart.entry_profile(command)
    print(_("Start at login: on, profile {profile}").format(profile=profile) if profile
          else _("Start at login: on, default profile"))
    return 0
