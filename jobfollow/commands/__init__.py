"""Subcommands of the ``jobfollow`` command line that need no window.

Each module registers its subcommands with :func:`jobfollow.cli.subcommand` when imported; add one
import line here per module. Handlers open the profile with :func:`jobfollow.profile.open_profile`
and return an exit code; user errors raise ``CliError`` (one line on stderr, exit 2).
"""

from jobfollow.commands import check, data, due, followups, report, start_at_login  # noqa: F401
