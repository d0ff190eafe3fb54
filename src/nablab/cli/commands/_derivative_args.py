"""What ``nablab limit``, ``steps`` and ``tangent`` share: the variable, the point, the check."""

from __future__ import annotations

import argparse
from typing import Any

from nablab.cli.app import Context
from nablab.core.expression import Expression
from nablab.errors import UsageError
from nablab.i18n import translate
from nablab.parse import canonical_name, parse, parse_point


def add_function(p: argparse.ArgumentParser, lang: str) -> None:
    """EXPR and --vars, as ``nablab diff`` has them."""
    p.add_argument("expr", metavar="EXPR", help=translate("cli.arg.expr", lang))
    p.add_argument("--vars", metavar="VARS", help=translate("cli.arg.vars", lang))


def function(args: argparse.Namespace) -> Expression:
    return parse(args.expr, variables=args.vars)


def variable(expression: Expression, wrt: str | None) -> str:
    """The variable to differentiate by: --wrt, or the only one (x for a constant).

    Raises:
        UsageError: several variables and no --wrt.
        ParseError: --wrt is not a variable of the function.
    """
    if wrt:
        name = canonical_name(wrt)
        return expression.symbol(name).name if expression.variables else name
    if len(expression.variables) > 1:
        raise UsageError("wrt_required", variables=", ".join(expression.variable_names))
    return expression.variables[0].name if expression.variables else "x"


def point(expression: Expression, text: str) -> dict[str, Any]:
    """``--at``: ``2``, ``x=2`` or ``x=1,y=2`` — a value for every symbol of the function."""
    names = expression.variable_names + tuple(p.name for p in expression.parameters)
    return parse_point(text, names or ("x",))


def check_line(verified: bool | None, ctx: Context) -> str:
    """The sentence saying whether the result agrees with ``sympy.diff``."""
    key = {True: "check.ok", False: "check.failed", None: "check.none"}[verified]
    return ctx.t(key)
