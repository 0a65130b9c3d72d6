"""`jobfollow check`: is the profile database intact, and what is in it."""

from __future__ import annotations

from jobfollow.cli import CliError, subcommand
from jobfollow.i18n import _
from jobfollow.profile import open_profile


@subcommand("check", _("check the profile database and report what is in it"))
def _configure_check(parser) -> None:
    parser.set_defaults(handler=run_check)


def run_check(args) -> int:
    from jobfollow.store.db import integrity_problems
    from jobfollow.store.migrations import schema_version

    with open_profile(args.profile) as profile:
        problems = integrity_problems(profile.db, full=True)
        if problems:
            raise CliError(_("{path} is damaged: {problem}").format(path=profile.db_path, problem=problems[0]), 1)
        from jobfollow.store.applications import live_applications

        print(
            _("{path}: schema {version}, {count} applications, intact").format(
                path=profile.db_path, version=schema_version(profile.db), count=live_applications().count()
            )
        )
    return 0
