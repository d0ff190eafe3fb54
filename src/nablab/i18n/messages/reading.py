"""Messages of the reading policy: what nablab says when a rule decided how text was read.

Each ``reading.<rule>`` key is the sentence of :class:`nablab.core.reading.Reading`; the
errors and hints below are the policy's refusals. No Korean particle follows a formula
placeholder: the sentences are phrased so none is needed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- what a rule decided ----------------------------------------------------------------
    "reading.log_base": (
        "read {typed} as the logarithm to base {base} (log_{base})",
        "{typed} 읽기: 밑 {base} 로그 (log_{base})"),
    "reading.natural_log": (
        "read {typed} as the natural logarithm (ln); for base 10 write log10(…)",
        "{typed} 읽기: 자연로그 ln. 밑 10 로그는 log10(…) 형태로 쓰세요"),
    "reading.abstract_function": (
        "read {name}(…) as a function {name} (not a product); --vars {name} makes it a variable",
        "{name}(…) 읽기: 곱이 아닌 함수 {name}. 변수로 쓰려면 --vars 옵션에 넣으세요"),
    "reading.superscript": (
        "read {typed} as {read}; for {product} write {other}",
        "{typed} 읽기: {read} (지수는 붙여 쓴 항 하나까지). {product} 뜻이라면 다음처럼 쓰세요: {other}"),
    "reading.superscript_ends": (
        "read {typed} as {read} (an exponent is one term); for the other reading write {other}",
        "{typed} 읽기: {read} (지수는 항 하나까지). 다른 뜻이라면 다음처럼 쓰세요: {other}"),
    "reading.scientific": (
        "read {typed} as {number} × {name} (a number in scientific notation times {name})",
        "{typed} 읽기: {number} × {name} (과학적 표기법의 수와 {name} 곱)"),
    "reading.derivative": (
        "read {typed} as a request: the derivative {operator} of what follows",
        "{typed} 읽기: 뒤에 오는 식의 도함수 {operator} 요청"),
    # -- refusals -----------------------------------------------------------------------------
    "error.decimal_comma": (
        "'{typed}' has a comma between digits",
        "'{typed}': 숫자 사이에 쉼표가 있습니다"),
    "hint.decimal_comma": (
        "decimal comma? write {decimal}; for a vector write {vector}",
        "소수점이라면 이렇게 쓰세요: {decimal}. 벡터라면: {vector}"),
    "error.number_too_small": (
        "number too small: '{text}' (nablab reads numbers down to 1e-300)",
        "수가 너무 작습니다: '{text}' (1e-300 까지 읽습니다)"),
    "error.derivative_needs_function": (
        "'{typed}' asks for a derivative but names no function to differentiate",
        "'{typed}': 도함수를 요청했지만 미분할 함수가 없습니다"),
    "hint.derivative_needs_function": (
        "write the function after the operator, as in d/dx (x^2 sin x); for dy/dx give "
        "y = … to diff",
        "연산자 뒤에 함수를 쓰세요. 예: d/dx (x^2 sin x). dy/dx 계산은 diff 명령에 y = … "
        "형태로 주세요"),
    "error.derivative_of_name": (
        "'{typed}' followed by a formula is ambiguous",
        "'{typed}' 뒤에 식이 오면 뜻이 모호합니다"),
    "hint.derivative_of_name": (
        "for the derivative of the formula write {request} ({rest}); for {of} = … write "
        "{of} = {rest} and run diff",
        "식의 도함수라면 이렇게 쓰세요: {request} ({rest}). {of} = … 뜻이라면 diff 명령으로 "
        "계산하세요: {of} = {rest}"),
    "error.derivative_order": (
        "'{typed}': the order above (d^{order}) differs from the order below ({count})",
        "'{typed}': 위 차수 d^{order}, 아래 차수 {count}: 서로 다릅니다"),
    "error.derivative_not_at_start": (
        "'{typed}' inside a formula: a derivative operator must come first",
        "'{typed}': 미분 연산자는 수식 맨 앞에 와야 합니다"),
    "hint.derivative_not_at_start": (
        "start with it and put what it applies to after it: d/dx (x^2 sin x); for a quotient "
        "of products write them with *: (d*y)/(d*x)",
        "연산자를 맨 앞에 쓰고 적용할 식을 뒤에 쓰세요: d/dx (x^2 sin x). 곱의 나눗셈이라면 *를 "
        "쓰세요: (d*y)/(d*x)"),
    # -- command line ---------------------------------------------------------------------------
    "cli.arg.functions": (
        "names read as functions when applied to (…), e.g. u,v (default: f, g, h, F, G, H, φ, ψ)",
        "(…) 앞에서 함수로 읽을 이름, 예: u,v (기본: f, g, h, F, G, H, φ, ψ)"),
    "error.gamma_function": (
        "'{name}(…)' could be the gamma function Γ(x) or the product {name}·(…)",
        "'{name}(…)': 감마 함수 Γ(x)일 수도, 곱 {name}·(…)일 수도 있습니다"),
    "hint.gamma_function": (
        "nablab has no gamma function: for Γ(x) write (x - 1)!; for a product write "
        "{name}*(…) or {name} (…)",
        "nablab에는 감마 함수가 없습니다. Γ(x)는 (x - 1)!로, 곱은 {name}*(…) 또는 {name} (…)처럼 "
        "쓰세요"),
    "hint.prime": (
        "a prime (f′, y′) is how nablab writes a derivative, not something it reads: give the "
        "function itself to diff or steps (nablab diff \"x^3 f(x)\"), or write d/dx (…)",
        "프라임(f′, y′)은 nablab이 도함수를 쓰는 표기이고 입력으로는 읽지 않습니다. 함수 자체를 "
        "diff나 steps에 주거나(nablab diff \"x^3 f(x)\") d/dx (…)처럼 쓰세요"),
}
