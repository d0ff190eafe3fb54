"""How the end of a text sounds when read aloud in Korean: the last syllable a teacher says.

A Korean particle depends on that syllable (``(−1, 0)`` ends in 영, so ``(−1, 0)은``;
``x`` ends in 엑스, so ``x는``), which :mod:`nablab.i18n.particles` needs. The reading follows
how Korean classrooms say mathematics:

- numbers as numbers: 0 영, 2 이, 10 십, 100 백, 1000 천, 10000 만, 10⁸ 억; decimals end in
  their last digit (3.14 사); ``1e-3`` ends in 승; ``1/2`` is 이분의 일 (the numerator last);
- Latin letters as Koreans say them (x 엑스, l 엘, r 알), a few words as they are said
  (sin 사인, log 로그, adam 아담), other words by how English ends;
- Greek letters (θ 세타, ε 엡실론), ∞ 무한대, ∇ 나블라, primes (f′ 프라임), ŷ 와이 햇;
- superscripts and ``^``: ``x²`` ends in 제곱, ``xⁿ`` in n제곱; subscripts are read (x₁ 일);
- closing brackets and quotes are read through to what they close (``(−1, 0)`` ends in 영);
- Hangul by its own final consonant.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = dict(zip("0123456789", "영일이삼사오육칠팔구", strict=True))
#: The name of each Latin letter in Korean; only its last syllable matters.
LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz",
                   ["에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이", "제이", "케이",
                    "엘", "엠", "엔", "오", "피", "큐", "알", "에스", "티", "유", "브이", "더블유",
                    "엑스", "와이", "제트"], strict=True))
GREEK = {
    "α": "알파", "β": "베타", "γ": "감마", "Γ": "감마", "δ": "델타", "Δ": "델타",
    "ε": "엡실론", "ϵ": "엡실론", "ζ": "제타", "η": "에타", "θ": "세타", "Θ": "세타",
    "ϑ": "세타", "ι": "요타", "κ": "카파", "λ": "람다", "Λ": "람다", "μ": "뮤", "ν": "뉴",
    "ξ": "크시", "Ξ": "크시", "ο": "오미크론", "π": "파이", "Π": "파이", "ρ": "로",
    "σ": "시그마", "ς": "시그마", "Σ": "시그마", "τ": "타우", "υ": "입실론", "φ": "파이",
    "ϕ": "파이", "Φ": "파이", "χ": "카이", "ψ": "프사이", "Ψ": "프사이", "ω": "오메가",
    "Ω": "오메가",
}
SYMBOLS = {
    "∞": "무한대", "∇": "나블라", "∂": "라운드", "√": "루트", "∅": "공집합", "ℓ": "엘",
    "ℝ": "알", "%": "퍼센트", "°": "도", "′": "프라임", "″": "프라임", "‴": "프라임",
    "!": "팩토리얼", "*": "스타", "+": "플러스", "-": "마이너스", "−": "마이너스", "=": "등호",
    "<": "부등호", ">": "부등호", "≤": "부등호", "≥": "부등호", "≠": "부등호", "(": "괄호",
    "[": "괄호", "{": "괄호", "^": "캐럿", "/": "슬래시", "_": "바", "·": "점", "×": "곱하기",
}
SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ",
                      "0123456789aeoxhklmnpstijruv", strict=True))
#: Superscripts (digits, signs, letters): all read "… 제곱".
SUPERSCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
#: Accents a formula puts over a letter: hat 햇, bar 바, tilde 틸드, dot 닷.
ACCENTS = {"\u0302": "햇", "\u0304": "바", "\u0305": "바", "\u0303": "틸드", "\u0307": "닷",
           "\u0308": "닷"}
#: Words read as Koreans say them (function and optimizer names, file kinds).
WORDS = {
    "sin": "사인", "cos": "코사인", "tan": "탄젠트", "sec": "시컨트", "csc": "코시컨트",
    "cot": "코탄젠트", "sinh": "사인", "cosh": "코사인", "tanh": "탄젠트", "log": "로그",
    "ln": "엘엔", "lg": "로그", "exp": "익스포넨셜", "sqrt": "루트", "abs": "앱스",
    "sigmoid": "시그모이드", "relu": "렐루", "softplus": "소프트플러스", "max": "맥스",
    "min": "민", "sign": "사인", "adam": "아담", "momentum": "모멘텀", "nesterov": "네스테로프",
    "adagrad": "아다그라드", "rmsprop": "프롭", "gd": "디", "sgd": "디", "mse": "이",
    "bce": "이", "csv": "브이", "json": "제이슨", "html": "엘", "png": "지", "svg": "지",
    "pdf": "에프", "gif": "에프", "mp": "피", "nan": "난", "inf": "인프", "xor": "엑스오어",
    "utf": "에프", "linear": "리니어", "logistic": "로지스틱", "example": "이그잼플",
    "nablab": "나블랩", "lagrange": "라그랑주", "hessian": "헤시안", "gamma": "감마",
    "heaviside": "헤비사이드", "delta": "델타", "timeout": "타임아웃", "lang": "랭",
    "plot": "플롯", "steps": "스텝스", "diff": "디프", "limit": "리밋",
}
OPENERS = {")": "(", "]": "[", "}": "{", "⟩": "⟨", "〉": "〈", "|": "|", "‖": "‖", "⌋": "⌊",
           "⌉": "⌈"}
QUOTES = {"'": "'", '"': '"', "’": "‘", "”": "“", "」": "「", "』": "『", "`": "`"}
#: Read by nobody: spaces and the punctuation that ends a phrase.
SILENT = " \t\n.,;:…⋯"
UNITS = ("", "만", "억", "조", "경", "해")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?$")
_WORD = re.compile(r"[A-Za-z]+$")
_SCIENTIFIC = re.compile(r"[0-9.]e[-+−]?$")
_DEPTH = 8
#: Only the end of a text is read: its last characters decide, and a long formula stays cheap.
WINDOW = 400


def last_syllable(text: str) -> str | None:
    """The last Hangul syllable of ``text`` read aloud in Korean, or None if it is not read.

    >>> last_syllable("(−1, 0)"), last_syllable("x² + y²"), last_syllable("x"), last_syllable("10")
    ('영', '곱', '스', '십')
    """
    return _end(unicodedata.normalize("NFC", _fullwidth(text[-WINDOW:])), _DEPTH)


def has_final(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침): 곱, 영 yes; 스, 이 no."""
    return _final(syllable) != 0


def final_is_rieul(syllable: str) -> bool:
    """Whether a Hangul syllable ends in ㄹ (일, 엘): 으로 becomes 로 after it."""
    return _final(syllable) == 8


def _final(syllable: str) -> int:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    return code % 28


def _opener(text: str) -> int:
    """Where the bracket that closes ``text`` opens (nested pairs skipped), or -1."""
    closer = text[-1]
    opening = OPENERS[closer]
    if opening == closer:
        return text.rfind(closer, 0, len(text) - 1)
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == closer:
            depth += 1
        elif text[i] == opening:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def _end(text: str, depth: int) -> str | None:
    text = text.rstrip(SILENT)
    if not text or depth <= 0:
        return None
    last = text[-1]
    if last in QUOTES and QUOTES[last] in text[:-1]:
        return _end(text[:-1], depth - 1)
    if last in OPENERS:
        opener = _opener(text)
        if opener < 0:
            return "호" if last != "|" else "바"  # a lone bracket is 괄호, a bar 바
        if opener > 0 and _is_hangul(text[opener - 1]):
            return _end(text[:opener], depth - 1)  # 정의(극한)로: the word before a gloss
        said = _context(text[:opener], text[opener + 1:], depth)
        return said if said is not None else _end(text[opener + 1:-1], depth - 1)
    if _is_hangul(last):
        return last
    if last in SUPERSCRIPTS or last == "ᵀ":
        return "곱" if last != "ᵀ" else "티"
    if last in SUBSCRIPTS:
        run = len(text) - len(text.rstrip("".join(SUBSCRIPTS)))
        return _end("".join(SUBSCRIPTS[c] for c in text[-run:]), depth - 1)
    decomposed = unicodedata.normalize("NFD", last)
    if decomposed[-1] in ACCENTS:
        return ACCENTS[decomposed[-1]][-1]
    return _token(text, depth)


def _token(text: str, depth: int) -> str | None:
    """The last token's sound: a number, a word or a letter, a symbol."""
    last = text[-1]
    number = _NUMBER.search(text) if "0" <= last <= "9" else None
    if number:
        said = _context(text[:number.start()], number.group(), depth)
        return said if said is not None else _number(number.group())
    word = _WORD.search(text) if last.isascii() and last.isalpha() else None
    if word:
        said = _context(text[:word.start()], word.group(), depth)
        return said if said is not None else _word(word.group())
    if last in GREEK:
        return GREEK[last][-1]
    if last in SYMBOLS:
        return SYMBOLS[last][-1]
    if last == "'" and len(text) > 1:  # f' with no opening quote: a prime
        return "임"
    return None


def _context(before: str, token: str, depth: int) -> str | None:
    """What precedes a token changes how it ends: ``^`` makes a power (제곱), an exponent
    of ``1e-3`` 승, and after ``/`` the numerator is said last (1/2 이분의 일)."""
    head = before.rstrip()
    if head.endswith("^") or head.endswith("**"):
        return "곱"
    if _SCIENTIFIC.search(head) and token[:1].isdigit():
        return "승"
    if head.endswith("/") and not token.startswith(("d", "∂")) and len(head) > 1:
        return _end(head[:-1], depth - 1)
    return None


def _number(token: str) -> str:
    """A numeral as read: the last digit after a point, else by place (십, 백, 천, 만 …)."""
    if "." in token:
        return DIGITS[token[-1]]
    if token.strip("0") == "" or (len(token) > 1 and token[0] == "0"):
        return DIGITS[token[-1]]
    zeros = len(token) - len(token.rstrip("0"))
    group, place = divmod(zeros, 4)
    if group >= len(UNITS):
        return DIGITS[token[-1]]
    if group:
        return UNITS[group]
    return (DIGITS[token[-1]], "십", "백", "천")[place]


def _word(word: str) -> str:
    """A Latin word: a letter's name, a known word, spelled out, or by how English ends."""
    lower = word.lower()
    if len(word) == 1:
        return LETTERS[lower][-1]
    if lower in WORDS:
        return WORDS[lower][-1]
    if word.isupper() or not any(c in "aeiouy" for c in lower):
        return LETTERS[lower[-1]][-1]
    return _english_end(lower)


def _english_end(word: str) -> str:
    """Roughly how a loanword ends: model 모델 (ㄹ), time 타임, stack 스택; else a vowel."""
    if word.endswith(("l", "le", "ll")):
        return "델"
    if word.endswith(("m", "me", "n", "ne", "ng")):
        return "임"
    vowels = "aeiou"
    short = word[-2] in vowels and (len(word) < 3 or word[-3] not in vowels)
    if word.endswith(("ck", "k")) or (word[-1] in "pt" and short):
        return "택"
    return "스"


__all__ = ["final_is_rieul", "has_final", "last_syllable"]
