"""Argument parsing, dispatch, and the one place where errors become exit codes.

Results go to stdout, messages to stderr. With ``--json`` every outcome is one JSON object
on stdout — ``{"error": {"kind", "message", "column"}}`` on failure — and the exit code
says whether it succeeded. Nothing a user types produces a Python traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from nablab import __version__
from nablab.budget import DEFAULT_TIMEOUT
from nablab.cli.argparse_text import localise
from nablab.cli.commands import Provided
from nablab.cli.context import Context
from nablab.cli.mistakes import check_command, check_unquoted, positional_formula
from nablab.errors import NablabError, ParseError, UsageError, WorkerCrashed
from nablab.i18n import LANGUAGES, default_language, translate
from nablab.i18n.width import cell_width, wrap


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by display width: a Korean line is as wide as it looks.

    Text whose width is its length (English) is wrapped by argparse itself, as before.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        if cell_width(text) == len(text):
            return super()._split_lines(text, width)
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if cell_width(text) == len(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(" ".join(text.split()),
                                                         max(1, width - cell_width(indent))))


class _Parser(argparse.ArgumentParser):
    """argparse that speaks the user's language and raises :class:`UsageError`."""

    lang = "en"

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = translate("cli.positionals", self.lang)
        self._optionals.title = translate("cli.options", self.lang)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=translate("cli.opt.help", self.lang))

    def format_usage(self) -> str:
        return self._localise(super().format_usage())

    def format_help(self) -> str:
        return self._localise(super().format_help())

    def _localise(self, text: str) -> str:
        return text.replace("usage: ", translate("cli.usage", self.lang) + ": ", 1)

    def error(self, message: str) -> NoReturn:
        raise UsageError(detail=localise(message, self.lang), usage=self.format_usage().strip())


def _language(argv: Sequence[str]) -> str:
    """``--lang`` if given (it decides the language of --help too), else the locale's."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return default_language()


def _protect_dashes(argv: Sequence[str], known: set[str]) -> list[str]:
    """Keep ``-x^2 + 1`` or ``-1,2`` from being read as options.

    argparse takes any word starting with ``-`` for an option; a formula or point that
    starts with a minus sign gets a leading space, which the parser ignores.
    """
    out = []
    after_separator = False
    for arg in argv:
        if arg == "--":
            after_separator = True
        elif (not after_separator and arg.startswith("-") and len(arg) > 1
              and arg.split("=", 1)[0] not in known):
            arg = " " + arg
        out.append(arg)
    return out


def build_parser(lang: str, only: Sequence[str] | None = None,
                 provided: Provided | None = None) -> tuple[_Parser, set[str]]:
    """The argument parser, with help texts in ``lang``, and every option string it knows.

    With ``only``, just those commands' modules are imported and given their options; the
    others are listed by name and help line, so ``nablab diff`` never pays for the imports of
    ``nablab plot``. Without it, every command is complete. ``provided`` adds the commands of
    other faces (``serve``); without it they are not offered.
    """
    from nablab.cli import job
    from nablab.cli.commands import COMMANDS, LOCAL, load
    from nablab.jobs import JOBS

    provided = provided or {}

    _Parser.lang = lang
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=lang,
                        help=translate("cli.opt.lang", lang))
    common.add_argument("--json", action="store_true", help=translate("cli.opt.json", lang))
    common.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=translate("cli.opt.timeout", lang))
    parser = _Parser(prog="nablab", description=translate("cli.description", lang))
    parser.add_argument("--version", action="version", version=f"nablab {__version__}",
                        help=translate("cli.opt.version", lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    known = {"-h", "--help", "--version", "--"}
    for name in COMMANDS:
        if name not in JOBS and name not in LOCAL and name not in provided:
            continue
        if only is not None and name not in only:
            sub.add_parser(name, help=translate(f"cli.{name}.help", lang))
            continue
        if name in JOBS:
            command_parser = job.register(sub, [common], lang, name)
            command_parser.set_defaults(handler=job.run)
        else:
            module = load(name) if name in LOCAL else provided[name]()
            command_parser = module.register(sub, [common], lang)
            command_parser.set_defaults(handler=module.run)
        known |= {s for action in command_parser._actions for s in action.option_strings}
    return parser, known


def _commands(argv: Sequence[str]) -> list[str]:
    """The command named on the command line (the first word that is one), if any."""
    from nablab.cli.commands import COMMANDS

    return [arg for arg in argv if arg in COMMANDS][:1]


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None,
         stderr: TextIO | None = None, provided: Provided | None = None) -> int:
    """Run the ``nablab`` command line; returns the exit code.

    ``provided``: the commands of other faces (:mod:`nablab.__main__` passes ``serve``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    out, err = stdout or sys.stdout, stderr or sys.stderr
    lang = _language(argv)
    want_json = "--json" in argv
    parser, known = build_parser(lang, _commands(argv), provided)
    ctx = Context(lang, want_json, DEFAULT_TIMEOUT, out, err)
    try:
        given = _protect_dashes(argv, known)
        check_command(argv, _choices(parser))
        with contextlib.redirect_stdout(out):
            args, extras = parser.parse_known_args(given)
        if extras:
            check_unquoted(argv, given, positional_formula(parser, args), extras)
            parser.error("unrecognized arguments: " + " ".join(e.strip() for e in extras))
        if getattr(args, "handler", None) is None:
            parser.print_help(out)
            return 0
        ctx = Context(args.lang, args.json, _timeout(args.timeout), out, err)
        return int(args.handler(args, ctx) or 0)
    except NablabError as exc:
        return report_error(exc, ctx)
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except KeyboardInterrupt:
        err.write("\n")
        return 130
    except BrokenPipeError:
        return 141
    except Exception as exc:  # noqa: BLE001 - a bug in nablab: said plainly, no traceback
        if os.environ.get("NABLAB_DEBUG"):
            raise
        return report_error(WorkerCrashed(detail=f"{type(exc).__name__}: {exc}"), ctx)


def _choices(parser: argparse.ArgumentParser) -> list[str]:
    """The commands this parser offers, in the order of ``nablab --help``."""
    return [name for action in parser._actions
            if isinstance(action, argparse._SubParsersAction) for name in action.choices]


def _timeout(value: float) -> float:
    if not value > 0 or value == float("inf"):
        raise UsageError("bad_timeout", value=value)
    return value


def report_error(exc: NablabError, ctx: Context) -> int:
    """Print an error the POSIX way: stderr for the message, stdout for ``--json``."""
    message = exc.message(ctx.lang)
    if ctx.json:
        from nablab.cli.render import print_json

        print_json({"error": exc.to_dict(ctx.lang)}, ctx.stdout)
        ctx.stderr.write(f"nablab: {translate('label.error', ctx.lang)}: {message}\n")
    elif isinstance(exc, ParseError):
        ctx.stderr.write(f"nablab: {translate('label.error', ctx.lang)}: "
                         f"{exc.render(ctx.lang)}\n")
    else:
        ctx.stderr.write(f"nablab: {translate('label.error', ctx.lang)}: {message}\n")
        if isinstance(exc, UsageError) and exc.params.get("usage"):
            ctx.stderr.write(str(exc.params["usage"]) + "\n")
    return exc.exit_code
