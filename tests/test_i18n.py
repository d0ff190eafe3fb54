"""The message catalogue: complete in both languages, consistent placeholders, locale rules."""

from __future__ import annotations

import re

import pytest

from nablab.i18n import detect_language, translate
from nablab.i18n.messages import CATALOGUE
from nablab.i18n.particles import fields

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _fields(text: str) -> set[str]:
    """The parameters a template names; a Korean particle (``'{name}'{을}``) is not one."""
    return fields(text)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_entry_is_complete(key: str) -> None:
    entry = CATALOGUE[key]
    assert entry["en"].strip() and entry["ko"].strip()
    assert _fields(entry["en"]) == _fields(entry["ko"]), key
    assert not HANGUL.search(entry["en"]), key


def test_korean_entries_are_korean() -> None:
    korean = [key for key, e in CATALOGUE.items() if HANGUL.search(e["ko"])]
    assert len(korean) >= 0.9 * len(CATALOGUE)


def test_notes_terms() -> None:
    all_korean = " ".join(e["ko"] for e in CATALOGUE.values())
    for term in ("편미분", "기울기 벡터", "헤세 행렬"):
        assert term in all_korean


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LC_MESSAGES": "ko_KR", "LANG": "en_US"}, "ko"),
    ({}, "en"),
])
def test_locale_precedence(env: dict[str, str], lang: str) -> None:
    assert detect_language(env) == lang


def test_translate_fills_placeholders() -> None:
    assert translate("error.unknown_function", "ko", name="foo") == "알 수 없는 함수 'foo'"
    with pytest.raises(ValueError):
        translate("error.empty", "fr")


def test_korean_spelling_is_consistent() -> None:
    """The notes write 최솟값 (with ㅅ); the catalogue spells every such term the same way."""
    all_korean = " ".join(e["ko"] for e in CATALOGUE.values())
    for wrong, right in (("고유값", "고윳값"), ("최소값", "최솟값"), ("최대값", "최댓값"),
                         ("극소값", "극솟값"), ("극대값", "극댓값")):
        assert wrong not in all_korean, f"write {right}, not {wrong}"
