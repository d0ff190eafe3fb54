"""Pieces shared by the lexer and its LaTeX part: token types and the lexer's state."""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token

#: One-character tokens.
SINGLE = {"+": "PLUS", "-": "MINUS", "*": "STAR", "/": "SLASH", "^": "CARET", "!": "BANG",
          ",": "COMMA", "(": "LPAR", ")": "RPAR", "{": "LBRACE", "}": "RBRACE",
          "[": "LBRACK", "]": "RBRACK", "_": "UNDERSCORE", "√": "SQRT"}


@dataclass
class Pending:
    """Arguments still owed to ``\\frac`` or ``\\sqrt``, which may be single characters."""

    remaining: int
    depth: int
    index_open: bool = False


@dataclass
class State:
    """Tokens so far, the open brackets, and the LaTeX arguments still owed."""

    tokens: list[Token] = field(default_factory=list)
    stack: list[tuple[str, int, str]] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)


def join_subscript(name: str, sub: str) -> str:
    """``x``+``1`` → ``x1``; ``x``+``ab`` → ``x_ab`` (digit subscripts merge with the name)."""
    return name + sub if sub.isdigit() else f"{name}_{sub}"


__all__ = ["SINGLE", "Pending", "State", "join_subscript"]
