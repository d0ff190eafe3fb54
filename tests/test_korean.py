"""Korean particles: chosen by the sound read aloud, and every catalogue message renders right.

The unit tests give values with their Korean reading worked out by hand. The catalogue test
renders EVERY message (whatever keys exist: it iterates over the catalogue) in both languages,
each placeholder filled by its name with several representative values, and fails on a
placeholder particle (``은(는)``) or a particle that does not fit the sound before it.
"""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from nablab.i18n import translate
from nablab.i18n.messages import CATALOGUE
from nablab.i18n.particles import PARTICLES, fields, fill, particle, with_particle
from nablab.i18n.spoken import last_syllable

#: (text, how a Korean teacher reads its end) — worked out by hand.
READ_ALOUD = [
    ("0", "영"), ("1", "일"), ("2", "이"), ("3", "삼"), ("4", "사"), ("5", "오"), ("6", "육"),
    ("7", "칠"), ("8", "팔"), ("9", "구"), ("10", "십"), ("20", "십"), ("100", "백"),
    ("1000", "천"), ("10000", "만"), ("1000000", "만"), ("100000000", "억"), ("105", "오"),
    ("3.14", "사"), ("2.50", "영"), ("0.1", "일"), ("−1", "일"), ("1e-3", "승"),
    ("2.45199e−36", "승"), ("1/2", "일"), ("√2/2", "이"),
    ("x", "스"), ("y", "이"), ("l", "엘"), ("m", "엠"), ("n", "엔"), ("r", "알"), ("f", "프"),
    ("k", "이"), ("b", "비"), ("X", "스"),
    ("θ", "타"), ("λ", "다"), ("η", "타"), ("σ", "마"), ("ε", "론"), ("μ", "뮤"), ("π", "이"),
    ("x²", "곱"), ("y³", "곱"), ("xⁿ", "곱"), ("x^2", "곱"), ("e^(−2x)", "곱"), ("x⁻¹", "곱"),
    ("x² + y²", "곱"), ("(−1, 0)", "영"), ("(1, 0)", "영"), ("(3, 4)", "사"), ("f(x)", "스"),
    ("[1, 2]", "이"), ("|x|", "스"), ("‖x‖", "스"), ("'foo'", "스"), ("')'", "호"),
    ("x₁", "일"), ("w₂", "이"), ("ŷₙ", "엔"), ("ŷ", "햇"), ("f′", "임"), ("f'", "임"),
    ("∞", "대"), ("∇f", "프"), ("−x² − 2y² + 4", "사"), ("sin(x)", "스"), ("ln 10", "십"),
    ("w=2,x=1,b=-1", "일"), ("가", "가"), ("값", "값"), ("길", "길"), ("x = 1,", "일"),
    ("sin", "인"), ("log", "그"), ("adam", "담"), ("gd", "디"), ("momentum", "텀"),
    ("data.csv", "이"), ("model", "델"),
]


@pytest.mark.parametrize(("text", "said"), READ_ALOUD)
def test_last_syllable_read_aloud(text: str, said: str) -> None:
    assert last_syllable(text) == said


@pytest.mark.parametrize(("text", "form", "expected"), [
    ("(−1, 0)", "는", "(−1, 0)은"), ("x² + y²", "가", "x² + y²이"), ("x", "은", "x는"),
    ("y", "이", "y가"), ("2", "이", "2가"), ("상수 −1", "를", "상수 −1을"), ("0", "가", "0이"),
    ("x", "과", "x와"), ("10", "와", "10과"), ("l", "으로", "l로"), ("1", "으로", "1로"),
    ("x", "으로", "x로"), ("(1, 0)", "로", "(1, 0)으로"), ("3", "로", "3으로"),
    ("θ", "을", "θ를"), ("ε", "를", "ε을"), ("x³", "는", "x³은"), ("η", "은", "η는"),
    ("100", "로", "100으로"), ("1000", "가", "1000이"), ("m", "를", "m을"),
    ("r", "이", "r이"), ("n", "으로", "n으로"), ("r", "로", "r로"), ("7", "로", "7로"),
])
def test_particle_follows_the_sound(text: str, form: str, expected: str) -> None:
    assert with_particle(text, form) == expected


def test_fill_writes_particles_in_both_syntaxes() -> None:
    template = ("{point:은} 안장점입니다; '{name}'{을} 쓸 수 없습니다; {h:로} 나눕니다; "
                "{s:g}초; {{x}}")
    assert fill(template, {"point": "(−1, 0)", "name": "foo", "h": "h", "s": 2.5}) == (
        "(−1, 0)은 안장점입니다; 'foo'를 쓸 수 없습니다; h로 나눕니다; 2.5초; {x}")
    assert fields(template) == {"point", "name", "h", "s"}


def test_translate_chooses_particles() -> None:
    saddle = translate("critical.explain.saddle", "ko", point="(−1, 0)", low_eigenvalue="−6",
                       high_eigenvalue="2", low_direction="(1, 0)", high_direction="(0, 1)",
                       below="f(−0.9, 0)", below_value="1.971", above="f(−1, 0.1)",
                       above_value="2.01", value="2")
    assert "(−1, 0)은 안장점" in saddle and "은(는)" not in saddle


# ------------------------------------------------------------------ every catalogue message
FORMULAS = ["x² + y²", "(−1, 0)", "x", "2", "10", "sin(x)", "θ", "ŷ", "x₁", "l", "(1, 0)"]
#: Values for names that are not formulas; any other name gets the formulas in turn.
SAMPLES: dict[str, list[Any]] = {
    "name": ["foo", "x", "lr", "w₁"], "file": ["data.csv", "example:linear"],
    "text": ["2,5x", "abc", "(1, 2"], "source": ["x + y < 2", "x^2 ≤ 1"],
    "path": ["/api/nothing", "/api/diff"], "url": ["http://127.0.0.1:8000/"],
    "host": ["127.0.0.1"], "port": [8000], "command": ["diff", "lagrange"],
    "reason": ["permission denied"], "detail": ["bad"], "option": ["--lr", "--start"],
    "char": ["\u200b"], "char_name": ["ZERO WIDTH SPACE"], "code": ["U+200B"],
    "bracket": [")", "("], "found": [")", "]"], "expected": ["]", ")"],
    "field": ["foo"], "method": ["GET", "SLSQP"], "optimizer": ["adam", "gd"],
}
PLACEHOLDERS = ("은(는)", "는(은)", "이(가)", "가(이)", "을(를)", "를(을)", "와(과)", "과(와)",
                "(으)로", "(이)나", "(이)라")
GLUED = re.compile(r"([^\s가-힣(\[{<“‘])(" + "|".join(sorted(PARTICLES, key=len, reverse=True))
                   + r")(?![가-힣])")
ROUNDS = max(len(v) for v in (FORMULAS, *SAMPLES.values()))


def _value(name: str, spec: str, round_: int) -> Any:
    if spec and spec not in PARTICLES:
        return (2.5, 10, 0.001)[round_ % 3]
    values = SAMPLES.get(name, FORMULAS)
    return values[round_ % len(values)]


def _render(key: str, lang: str, round_: int) -> str:
    template = CATALOGUE[key][lang]
    params = {name.split(".")[0]: _value(name, spec or "", round_)
              for _, name, spec, _ in string.Formatter().parse(template)
              if name and name not in PARTICLES}
    return translate(key, lang, **params)


def _misfits(text: str) -> list[str]:
    wrong = [p for p in PLACEHOLDERS if p in text]
    for match in GLUED.finditer(text):
        said = particle(text[:match.end(1)], match.group(2))
        if said != match.group(2):
            wrong.append(f"…{text[max(0, match.start() - 20):match.end()]} (say {said})")
    return wrong


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_renders_with_fitting_particles(key: str) -> None:
    for lang in ("en", "ko"):
        for round_ in range(ROUNDS):
            text = _render(key, lang, round_)
            assert not _misfits(text) if lang == "ko" else not re.search("[가-힣]", text), (
                key, text, _misfits(text))


def test_no_placeholder_particles_in_the_catalogue() -> None:
    for key, entry in CATALOGUE.items():
        assert not any(p in entry["ko"] for p in PLACEHOLDERS), key
        assert not any(f"{{{p}}}" in entry["en"] or f":{p}}}" in entry["en"]
                       for p in PARTICLES), key


def test_page_messages_need_no_particles() -> None:
    """The web page fills its messages itself (plain ``{name}``): no particle to choose."""
    from nablab.web.page import page_messages

    for table in page_messages().values():
        for key, text in table.items():
            assert not any(f":{p}}}" in text or f"{{{p}}}" in text for p in PARTICLES), key
