"""Hostile input: each gives the right error, fast, and nothing is ever executed."""

from __future__ import annotations

import builtins
import importlib
import time
from pathlib import Path

import pytest
import sympy
import sympy.parsing.sympy_parser

import nablab
from nablab.errors import NablabError, ParseError

SENTINEL = Path("/tmp/nablab-pwned")

HOSTILE: list[tuple[str, str]] = [
    # code injection
    ("__import__('os').system('touch /tmp/nablab-pwned')", "invalid_character"),
    ("__import__(\"os\")", "invalid_character"),
    ("exec('import os')", "unknown_function"),
    ("exec(x)", "unknown_function"),
    ("eval(x)", "unknown_function"),
    ("open(x)", "unknown_function"),
    ("compile(x)", "unknown_function"),
    ("getattr(x, y)", "unknown_function"),
    ("globals()", "unknown_function"),
    ("os.system", "invalid_character"),
    ("import os", "ok"),  # i·m·p·o·r·t·o·s: letters multiply, nothing runs
    ("x; import os", "invalid_character"),
    ("x\nimport os", "ok"),
    ("sympify(x)", "unknown_function"),
    ("Symbol('x')", "unknown_function"),
    ("Integer(1)", "unknown_function"),
    # dunder and attribute access
    ("x.__class__", "invalid_character"),
    ("x.__class__.__bases__", "invalid_character"),
    ("().__class__", "invalid_character"),
    ("x.evalf()", "invalid_character"),
    ("__builtins__", "unexpected_token"),
    ("x[0]", "indexing"),
    # strings and Python syntax
    ("'x^2'", "invalid_character"),
    ('"x"', "invalid_character"),
    ("`x`", "invalid_character"),
    ("lambda: 0", "invalid_character"),
    ("lambda x: x", "invalid_character"),
    ("[i for i in x]", "ok"),
    ("[i for i in x]]", "unopened_bracket"),
    ("x if y else z", "ok"),  # i·f·y·e·l·s·e·z: a product of letters, harmless
    ("{'a': 1}", "invalid_character"),
    ("x @ y", "invalid_character"),
    ("x % y", "invalid_character"),
    ("x == y", "misplaced_relation"),
    ("x := 1", "misplaced_relation"),
    ("f(x) = g(x) = 1", "misplaced_relation"),
    ("#x", "invalid_character"),
    ("$x$", "ok"),  # issue 13: a pasted $…$ wrapper is stripped
    ("$x", "invalid_character"),
    # LaTeX that could read files or run macros
    (r"\input{/etc/passwd}", "unknown_command"),
    (r"\include{x}", "unknown_command"),
    (r"\def\x{1}", "unknown_command"),
    (r"\newcommand{\x}{1}", "unknown_command"),
    (r"\href{javascript:alert(1)}{x}", "unknown_command"),
    (r"\url{x}", "unknown_command"),
    (r"\write18{ls}", "unknown_command"),
    (r"\operatorname{eval}(x)", "unknown_function"),
    # Unicode look-alikes, invisible and control characters
    ("х + 1", "invalid_character"),          # Cyrillic ha
    ("ⅹ + 1", "ok"),                         # Roman numeral ten → NFKC x
    ("x\u200b+1", "invisible_character"),    # zero-width space
    ("x\u200d+1", "invisible_character"),    # zero-width joiner
    ("\ufeffx", "invisible_character"),      # byte-order mark
    ("x\u202e+1", "invisible_character"),    # right-to-left override
    ("x\u2066+1", "invisible_character"),    # left-to-right isolate
    ("x\x00", "invisible_character"),        # NUL
    ("x\x1b[31m", "invisible_character"),    # terminal escape
    ("x\u0301", "invalid_character"),        # combining accent
    ("함수", "invalid_character"),            # Hangul is text, not math
    ("∂f/∂x", "derivative_needs_function"),  # issue 13: derivative notation is a request
    ("∞", "invalid_character"),
    # numeric bombs
    ("10^10^10", "number_too_large"),
    ("2^2^2^2^2^2", "number_too_large"),
    ("9^9^9", "number_too_large"),
    ("(10^9)!", "number_too_large"),
    ("1000!", "number_too_large"),
    ("(-1)!", "division_by_zero"),  # a pole of Γ
    ("10^-10^10", "number_too_large"),
    ("e^(10^6)", "number_too_large"),
    ("exp(exp(exp(10)))", "number_too_large"),
    ("1e400", "number_too_large"),
    ("9" * 60, "literal_too_long"),
    ("x^(10^10)", "exponent_too_large"),
    ("(x^100)^100", "exponent_too_large"),
    ("(x+1)^1000000", "exponent_too_large"),
    ("1/0", "division_by_zero"),
    ("x/(y-y)", "division_by_zero"),
    ("log(0)", "not_real"),
    ("sqrt(-1)", "not_real"),
    ("tan(pi/2)", "division_by_zero"),
    ("log(x, 1)", "log_base"), ("log(x, 0)", "log_base"), ("3..5", "two_points"),
    # deep nesting and size
    ("(" * 200 + "x" + ")" * 200, "too_deep"),
    ("x^" * 300 + "x", "too_deep"),
    ("sin(" * 150 + "x" + ")" * 150, "too_deep"),
    ("-" * 500 + "x", "too_deep"),
    ("|" * 300, "too_deep"),
    ("x+" * 6000 + "x", "too_long"),
    ("x" * (1 << 20), "too_long"),
    ("x" * 6000, "too_many_tokens"),
    # unknown names and malformed input
    ("foo(x)", "unknown_function"),
    ("xy(x+1)", "unknown_function"),
    ("f(sin) = sin", "bad_variable_name"),
    ("", "empty"),
    ("   ", "empty"),
    ("f(x) =", "empty"),
    ("x +", "unexpected_end"),
    ("(x + 1", "unclosed_bracket"),
    ("x + 1)", "unopened_bracket"),
    ("(x]", "mismatched_bracket"),
    ("sin()", "unexpected_token"),
    ("sin(x, y)", "wrong_arity"),
    ("sin^-1 x", "ambiguous_inverse"),
]


@pytest.fixture
def no_execution(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any text reaches eval, exec, sympify or parse_expr.

    SymPy calls ``sympify`` on numbers internally all the time; only *text* is forbidden.
    """

    def guard(original: object) -> object:
        def checked(*args: object, **kwargs: object) -> object:
            if any(isinstance(a, str) for a in args):
                raise AssertionError("text reached an evaluator")
            return original(*args, **kwargs)  # type: ignore[operator]

        return checked

    monkeypatch.setattr(builtins, "eval", guard(builtins.eval))
    monkeypatch.setattr(builtins, "exec", guard(builtins.exec))
    monkeypatch.setattr(sympy, "sympify", guard(sympy.sympify))
    module = importlib.import_module("sympy.core.sympify")
    monkeypatch.setattr(module, "sympify", guard(module.sympify))
    monkeypatch.setattr(sympy.parsing.sympy_parser, "parse_expr", guard(
        sympy.parsing.sympy_parser.parse_expr))


def test_table_is_large_enough() -> None:
    assert sum(kind != "ok" for _, kind in HOSTILE) >= 60


@pytest.mark.parametrize(("text", "kind"), HOSTILE, ids=[repr(t)[:40] for t, _ in HOSTILE])
def test_hostile_input(text: str, kind: str, no_execution: None) -> None:
    nablab.parse("x")  # build the grammar outside the timed region
    start = time.perf_counter()
    if kind == "ok":
        assert isinstance(nablab.parse(text), nablab.Expression)
    else:
        with pytest.raises(NablabError) as info:
            nablab.parse(text)
        assert isinstance(info.value, ParseError)
        assert info.value.kind == kind
        assert str(info.value)  # renders in either language without failing
        assert info.value.message("ko")
    assert time.perf_counter() - start < 1.0
    assert not SENTINEL.exists()


EXACT = [
    ("foo(x)",
     "unknown function 'foo'\n  foo(x)\n  ^^^\nhint: known functions: sin, cos, tan, exp, ln, "
     "log, sqrt, abs, sigmoid (σ), relu, tanh, …; for a product write a space or * "
     "(x y (…) or x*y*(…))"),
    ("x + (y", "'(' is never closed\n  x + (y\n      ^"),
    ("10^10^10", "number too large: '10^10^10'\n  10^10^10\n  ^^^^^^^^"),
    ("x\u200by", "invisible or control character U+200B (ZERO WIDTH SPACE) in the input\n"
                 "  x\u200by\n   ^"),
    ("1/(x-x)", "'1/(x-x)' is undefined (division by zero)\n  1/(x-x)\n  ^^^^^^^"),
    ("x^2 +", "the formula ends too early, after '+'\n  x^2 +\n      ^\nhint: an operator or "
              "a bracket is missing its right-hand side"),
]


@pytest.mark.parametrize(("text", "message"), EXACT, ids=[e[0] for e in EXACT])
def test_exact_message_with_caret(text: str, message: str) -> None:
    with pytest.raises(ParseError) as info:
        nablab.parse(text)
    assert str(info.value) == message


def test_korean_message_with_caret() -> None:
    with pytest.raises(ParseError) as info:
        nablab.parse("foo(x)")
    assert info.value.render("ko").splitlines()[:3] == [
        "알 수 없는 함수 'foo'", "  foo(x)", "  ^^^"]


def test_column_is_one_based_and_in_user_coordinates() -> None:
    # the superscript becomes ^(2) internally; the column still points at the typed text
    with pytest.raises(ParseError) as info:
        nablab.parse("x² + foo(y)")
    assert info.value.column == 6
    assert info.value.to_dict()["column"] == 6


def test_errors_survive_pickling() -> None:
    import pickle

    with pytest.raises(ParseError) as info:
        nablab.parse("foo(x)")
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value)
    assert copy.column == 1
