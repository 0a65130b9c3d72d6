"""The command-line parser. Subcommands hang off one parser; each names a handler in ``commands``."""

from __future__ import annotations

import argparse
import sys

from jobfollow import __version__
from jobfollow.i18n import _


class CliError(Exception):
    """A command-line failure: printed as one line on stderr, exit code ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage + one line + exit 2, as argparse does, but translatable
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_profile(parser: argparse.ArgumentParser, **default) -> None:
    parser.add_argument(
        "--profile", metavar="DIR", help=_("profile folder (default: JOBFOLLOW_HOME or the platform's data folder)"),
        **default,
    )


class _NotTheWindowError(Exception):
    """The quick parser met something only the full one knows (a subcommand, --help, a mistake)."""


class _WindowParser(_Parser):
    def error(self, message: str):
        raise _NotTheWindowError(message)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The window's own start has only options: they are parsed without importing every subcommand's module
    (15 ms of the start); anything else goes through :func:`build_parser` as before."""
    quick = _WindowParser(prog="jobfollow", add_help=False)
    _add_options(quick)
    try:
        args, extra = quick.parse_known_args(argv)
    except _NotTheWindowError:
        extra = [None]
    if not extra:
        args.command = None
        return args
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jobfollow",
        description=_("Offline companion for the weeks after a job interview."),
    )
    _add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    register_subcommands(sub)
    return parser


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"jobfollow {__version__}")
    _add_profile(parser)
    parser.add_argument("--demo", action="store_true",
                        help=_("open a throwaway profile filled with sample data (or fill an empty --profile DIR)"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("start the whole program with its window, check it, and exit (0 = healthy)"))
    parser.add_argument("--minimized", action="store_true", help=_("start hidden in the system tray"))
    parser.add_argument("--language", metavar="LANG", help=_("interface language, e.g. en, de, fr, es"))


# Each later feature adds its subcommand here: (name, help, function(subparser) adding its arguments).
SUBCOMMANDS: list = []


def subcommand(name: str, help_text: str):
    """Decorator: ``@subcommand("due", "...")`` on a function ``configure(parser)`` that adds arguments
    and sets ``parser.set_defaults(handler=...)``; the handler takes ``args`` and returns an exit code."""

    def register(configure):
        SUBCOMMANDS.append((name, help_text, configure))
        return configure

    return register


def register_subcommands(sub) -> None:
    from jobfollow import commands  # noqa: F401 - importing registers the subcommands

    for name, help_text, configure in SUBCOMMANDS:
        child = sub.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: `jobfollow --profile DIR due` keeps DIR instead of resetting it to the real profile.
        _add_profile(child, default=argparse.SUPPRESS)
        # SUPPRESS: when not given here, the value given before the command (or none) stands.
        child.add_argument("--language", metavar="LANG", default=argparse.SUPPRESS,
                           help=_("language of the output, e.g. en, de, fr, es"))
        configure(child)
