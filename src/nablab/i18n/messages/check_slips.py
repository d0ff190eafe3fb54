"""Messages of the slip catalogue (``nablab.check.slips``): each common mistake, named.

``check.slip.<rule>`` states the right rule (as the notes do); ``check.slip.<rule>.detail``
says what the learner's way gives here and where it differs. Parameters (printed formulas):
``part`` (where the slip is), ``right_part``/``wrong_part`` (that part done right and the
learner's way: the whole answer, which the checker shows, follows from it), ``wrong`` (the
whole answer the slip gives), ``by`` (the variable
differentiated by) and each rule's own (``inner``, ``factor``, ``points``, …).
"""

from __future__ import annotations

_GIVES = ("{wrong_part} instead of {right_part}.", "{right_part} 대신 {wrong_part:이} 나옵니다.")
_CHAIN = ("The chain rule: (f∘g)′ = f′(g)·g′, the outer derivative times the inner one.",
          "연쇄 법칙: (f∘g)′ = f′(g)·g′, 바깥 함수의 도함수에 안쪽 함수의 도함수를 곱합니다.")
_QUOTIENT = ("The quotient rule: (f/g)′ = (f′g − fg′)/g²", "몫의 법칙: (f/g)′ = (f′g − fg′)/g²")
_HELD = ("A partial derivative holds the other variables constant",
         "편미분에서는 나머지 변수를 상수로 취급합니다")
_STEP = ("θ ← θ − η∇L(θ)", "θ ← θ − η∇L(θ)")


def _gives(en: str, ko: str) -> tuple[str, str]:
    """A detail sentence ending in what the slip gives."""
    return f"{en} {_GIVES[0]}", f"{ko} {_GIVES[1]}"


MESSAGES: dict[str, tuple[str, str]] = {
    # --- derivatives
    "check.slip.chain_inner": _CHAIN,
    "check.slip.chain_inner.detail": (
        "In {part} the inner function is {inner}; differentiating only the outside gives "
        + _GIVES[0] + " The missing factor is {factor}, the derivative of {inner}.",
        "{part}에서 안쪽 함수는 {inner}입니다. 바깥 함수만 미분하면 " + _GIVES[1]
        + " 빠진 인수는 {inner}의 도함수 {factor}입니다."),
    "check.slip.chain_inner_all": _CHAIN,
    "check.slip.chain_inner_all.detail": (
        "Differentiating {part} with every inner derivative left out gives {wrong} instead "
        "of {right_part}: each inner function's derivative is multiplied in, in every term.",
        "{part}에서 안쪽 함수의 도함수를 모두 빠뜨리면 {right_part} 대신 {wrong:이} 나옵니다. "
        "항마다 안쪽 함수의 도함수를 곱해야 합니다."),
    "check.slip.log_inner": (
        "The logarithm with the chain rule: (ln u)′ = u′/u, not just 1/u.",
        "로그 함수의 미분에도 연쇄 법칙을 씁니다: (ln u)′ = u′/u입니다. 1/u만 쓰면 안 됩니다."),
    "check.slip.log_inner.detail": (
        "In {part} the inside is {inner}; 1/u alone gives " + _GIVES[0]
        + " The missing factor is {factor}, the derivative of {inner}.",
        "{part}에서 안쪽은 {inner}입니다. 1/u만 쓰면 " + _GIVES[1]
        + " 빠진 인수는 {inner}의 도함수 {factor}입니다."),
    "check.slip.product_as_product": (
        "The product rule: (fg)′ = f′g + fg′, not the product of the two derivatives.",
        "곱의 법칙: (fg)′ = f′g + fg′입니다. 두 도함수를 곱하기만 하면 안 됩니다."),
    "check.slip.product_as_product.detail": _gives(
        "{part} is the product of {f} and {g}; multiplying their derivatives gives",
        "{part:은} {f:과} {g}의 곱입니다. 두 도함수를 곱하기만 하면"),
    "check.slip.product_one_term": (
        "The product rule: (fg)′ = f′g + fg′, two terms: each factor differentiated in turn.",
        "곱의 법칙: (fg)′ = f′g + fg′, 두 항입니다. 인수를 하나씩 번갈아 미분합니다."),
    "check.slip.product_one_term.detail": (
        "{part} is the product of {f} and {g}; the term {term} is missing: "
        + _GIVES[0],
        "{part:은} {f:과} {g}의 곱입니다. 항 {term:이} 빠져 " + _GIVES[1]),
    "check.slip.constant_product": (
        "A constant factor stays as it is: (c·f)′ = c·f′, since (c)′ = 0.",
        "상수 배는 그대로 둡니다: (c)′ = 0이라서 (c·f)′ = c·f′입니다."),
    "check.slip.constant_product.detail": _gives(
        "In {part} the constant {term} was differentiated as if (c)′ = c:",
        "{part}에서 상수 {term:을} (c)′ = c인 것처럼 미분하면"),
    "check.slip.quotient_sign": (
        _QUOTIENT[0] + ", with a minus between the two terms.",
        _QUOTIENT[1] + ", 두 항 사이는 빼기입니다."),
    "check.slip.quotient_sign.detail": _gives(
        "In {part} (f = {f}, g = {g}) a plus between the terms gives",
        "{part}에서 (f = {f}, g = {g}) 두 항을 더하면"),
    "check.slip.quotient_order": (
        _QUOTIENT[0] + ": the numerator's derivative comes first.",
        _QUOTIENT[1] + ": 분자의 도함수가 먼저 옵니다."),
    "check.slip.quotient_order.detail": _gives(
        "In {part} (f = {f}, g = {g}) the order fg′ − f′g flips the sign:",
        "{part}에서 (f = {f}, g = {g}) fg′ − f′g 순서로 쓰면 부호가 바뀌어"),
    "check.slip.quotient_square": (
        _QUOTIENT[0] + ": the denominator is squared.",
        _QUOTIENT[1] + ": 분모는 제곱합니다."),
    "check.slip.quotient_square.detail": _gives(
        "In {part} (f = {f}, g = {g}) dividing by g instead of g² gives",
        "{part}에서 (f = {f}, g = {g}) g² 대신 g로 나누면"),
    "check.slip.quotient_as_quotient": (
        _QUOTIENT[0] + ", not the quotient of the two derivatives.",
        _QUOTIENT[1] + ", 도함수끼리 나누기만 하면 안 됩니다."),
    "check.slip.quotient_as_quotient.detail": _gives(
        "In {part} dividing the derivative of {f} by that of {g} gives",
        "{part}에서 {f}의 도함수를 {g}의 도함수로 나누면"),
    "check.slip.reciprocal_sign": (
        "The reciprocal rule: (1/g)′ = −g′/g², with a minus sign in front.",
        "역수의 미분: (1/g)′ = −g′/g², 앞에 빼기 부호가 붙습니다."),
    "check.slip.reciprocal_sign.detail": _gives(
        "In {part} (g = {g}) leaving out the minus gives",
        "{part}에서 (g = {g}) 빼기 부호를 빠뜨리면"),
    "check.slip.power_exponent_kept": (
        "The power rule: (xⁿ)′ = n·xⁿ⁻¹, the exponent goes down by one.",
        "거듭제곱의 미분: (xⁿ)′ = n·xⁿ⁻¹, 지수가 하나 줄어듭니다."),
    "check.slip.power_exponent_kept.detail": _gives(
        "In {part} keeping the exponent {exponent} gives",
        "{part}에서 지수 {exponent:을} 그대로 두면"),
    "check.slip.exp_power_rule": (
        "An exponential is not a power: (eˣ)′ = eˣ and (aˣ)′ = aˣ·ln a; the power rule "
        "n·xⁿ⁻¹ is for a variable base with a constant exponent.",
        "지수 함수는 거듭제곱이 아닙니다: (eˣ)′ = eˣ, (aˣ)′ = aˣ·ln a. n·xⁿ⁻¹ 공식은 밑이 "
        "변수이고 지수가 상수일 때 씁니다."),
    "check.slip.exp_power_rule.detail": _gives(
        "Differentiating {part} by the power rule gives",
        "{part:을} 거듭제곱처럼 미분하면"),
    "check.slip.exp_log_missing": (
        "(aˣ)′ = aˣ·ln a: only for the base e is the factor ln e = 1.",
        "(aˣ)′ = aˣ·ln a: 밑이 e일 때만 ln e = 1이라서 인수가 사라집니다."),
    "check.slip.exp_log_missing.detail": _gives(
        "In {part} the factor {factor} is missing:",
        "{part}에서 인수 {factor:이} 빠져"),
    "check.slip.trig_sign": (
        "The signs of the trigonometric derivatives: (sin x)′ = cos x, (cos x)′ = −sin x.",
        "삼각함수 미분의 부호: (sin x)′ = cos x, (cos x)′ = −sin x."),
    "check.slip.trig_sign.detail": _gives(
        "In {part} the sign is flipped:", "{part}에서 부호가 바뀌어"),
    "check.slip.sigmoid_sign": (
        "The sigmoid's derivative: σ′ = σ(1 − σ), with a minus inside the brackets.",
        "시그모이드 함수의 도함수: σ′ = σ(1 − σ), 괄호 안은 빼기입니다."),
    "check.slip.sigmoid_sign.detail": _gives(
        "For {part} the minus in 1 − σ was dropped:",
        "{part}에서 1 − σ의 빼기 부호를 빠뜨리면"),
    "check.slip.sigmoid_negated": (
        "The sigmoid's derivative: σ′ = σ(1 − σ), positive everywhere (σ only rises).",
        "시그모이드 함수의 도함수: σ′ = σ(1 − σ), 어디서나 양수입니다 (σ는 늘 증가합니다)."),
    "check.slip.sigmoid_negated.detail": _gives(
        "For {part} a minus in front gives", "{part}에서 앞에 빼기 부호를 붙이면"),
    "check.slip.constant_kept": (
        "The derivative of a constant is 0: (c)′ = 0, so a constant term drops out.",
        "상수의 도함수는 0입니다: (c)′ = 0, 상수항은 미분하면 사라집니다."),
    "check.slip.constant_kept.detail": _gives(
        "The constant {term} was kept:", "상수 {term:이} 남아"),
    # --- partial derivatives
    "check.slip.partial_not_constant": (
        _HELD[0] + ": differentiating by {by}, {var} is a constant and ∂{var}/∂{by} = 0.",
        _HELD[1] + ": {by:으로} 미분할 때 {var:은} 상수이고 ∂{var}/∂{by} = 0입니다."),
    "check.slip.partial_not_constant.detail": (
        "Here {var} was differentiated as if it changed with {by} (∂{var}/∂{by} = 1), which "
        "gives {wrong}.",
        "여기서는 {var:을} {by:과} 함께 변하는 것처럼 미분해서 (∂{var}/∂{by} = 1) 답이 "
        "{wrong:이} 되었습니다."),
    "check.slip.partial_total": (
        "A partial derivative is not the total derivative: differentiating by {by}, every "
        "other variable is held constant.",
        "편미분은 전미분이 아닙니다: {by:으로} 미분할 때 나머지 변수는 모두 상수로 취급합니다."),
    "check.slip.partial_total.detail": (
        "Differentiating {part} as if every variable changed with {by} adds the other partial "
        "derivatives: {wrong} instead of {right_part}.",
        "{part:을} 모든 변수가 {by:과} 함께 변하는 것처럼 미분하면 다른 편미분까지 더해져 "
        "{right_part} 대신 {wrong:이} 나옵니다."),
    "check.slip.partial_term_kept": (
        _HELD[0] + ", so a term without {by} is a constant and drops out.",
        _HELD[1] + ". 그래서 {by:이} 없는 항은 상수이고, 미분하면 사라집니다."),
    "check.slip.partial_term_kept.detail": _gives(
        "The term {term} has no {by} but was kept:", "항 {term}에는 {by:이} 없는데 남아"),
    "check.slip.partial_term_differentiated": (
        _HELD[0] + ", so a term without {by} drops out, even when it has another variable.",
        _HELD[1] + ". 그래서 {by:이} 없는 항은 다른 변수가 있어도 미분하면 사라집니다."),
    "check.slip.partial_term_differentiated.detail": _gives(
        "The term {term} has no {by}, but it was differentiated by {var}:",
        "항 {term}에는 {by:이} 없는데 {var:으로} 미분되어"),
    "check.slip.gradient_order": (
        "The gradient vector lists the partial derivatives in the order of the variables: "
        "∇f = (∂f/∂x, ∂f/∂y, …).",
        "기울기 벡터는 변수의 순서대로 편미분을 나열합니다: ∇f = (∂f/∂x, ∂f/∂y, …)."),
    "check.slip.gradient_order.detail": (
        "The components are in the wrong order: {wrong} instead of {right}.",
        "성분의 순서가 바뀌어 {right} 대신 {wrong:이} 되었습니다."),
    # --- gradient descent
    "check.slip.gd_sign": (
        "Gradient descent steps against the gradient, with a minus: " + _STEP[0] + ".",
        "경사하강법은 기울기의 반대 방향으로 움직입니다 (빼기): " + _STEP[1] + "."),
    "check.slip.gd_sign.detail": (
        "From {start} with learning rate {lr} and ∇L = {gradient}, adding η∇L gives {wrong}, "
        "a step uphill, instead of {right}.",
        "{start}에서 학습률 {lr}, ∇L = {gradient}일 때 η∇L을 더하면 {right} 대신 "
        "{wrong:이} 됩니다. 오르막으로 한 걸음 간 것입니다."),
    "check.slip.gd_no_lr": (
        "Each step is scaled by the learning rate η: " + _STEP[0] + ".",
        "한 걸음의 크기는 학습률 η로 조절합니다: " + _STEP[1] + "."),
    "check.slip.gd_no_lr.detail": (
        "Without η = {lr} the step from {start} is the whole gradient {gradient}: {wrong} "
        "instead of {right}.",
        "η = {lr:이} 빠지면 {start}에서 기울기 {gradient} 전체만큼 움직여 {right} 대신 "
        "{wrong:이} 됩니다."),
    "check.slip.gd_step_only": (
        "The update gives the new point, the old point plus the step: " + _STEP[0] + ".",
        "업데이트의 결과는 원래 점에 한 걸음을 더한 새 점입니다: " + _STEP[1] + "."),
    "check.slip.gd_step_only.detail": (
        "{wrong} is the step −η∇L alone; added to {start} it gives {right}.",
        "{wrong:은} 한 걸음 −η∇L뿐입니다. {start}에 더하면 {right:이} 됩니다."),
    "check.slip.gd_gradient_only": (
        "The update gives the new point, not the gradient: " + _STEP[0] + ".",
        "업데이트의 결과는 기울기가 아니라 새 점입니다: " + _STEP[1] + "."),
    "check.slip.gd_gradient_only.detail": (
        "{wrong} is ∇L at {start}; one step with η = {lr} gives {right}.",
        "{wrong:은} {start}에서의 ∇L입니다. η = {lr:으로} 한 걸음 가면 {right:이} 됩니다."),
    "check.slip.gd_wrong_point": (
        "The gradient is taken at the current point: " + _STEP[0] + ".",
        "기울기는 현재 점에서 구합니다: " + _STEP[1] + "."),
    "check.slip.gd_wrong_point.detail": (
        "∇L was evaluated at {point}, not at {start}: that gives {wrong} instead of {right}.",
        "∇L을 {start} 대신 {point}에서 계산하면 {right} 대신 {wrong:이} 됩니다."),
    # --- critical points and Lagrange multipliers
    "check.slip.critical_saddles_dropped": (
        "A critical point is any point where ∇f = 0: saddle points are critical points too.",
        "임계점은 ∇f = 0인 모든 점입니다: 안장점도 임계점입니다."),
    "check.slip.critical_saddles_dropped.detail": (
        "Saddle points left out: {points}.", "안장점 {points:이} 빠졌습니다."),
    "check.slip.critical_negative_dropped": (
        "Solving ∇f = 0 takes every root: x² = a has two, x = ±√a.",
        "∇f = 0을 풀 때는 모든 근을 구합니다: x² = a의 근은 x = ±√a, 두 개입니다."),
    "check.slip.critical_negative_dropped.detail": (
        "Points with a negative coordinate left out: {points}.",
        "음수 좌표가 있는 점 {points:이} 빠졌습니다."),
    "check.slip.lagrange_constraint_forgotten": (
        "The method of Lagrange multipliers solves ∇f = λ∇g together with the constraint "
        "g = k.",
        "라그랑주 승수법은 ∇f = λ∇g와 제약식 g = k를 함께 풉니다."),
    "check.slip.lagrange_constraint_forgotten.detail": (
        "{wrong}: the critical points of f alone (∇f = 0), with the constraint left out.",
        "{wrong:은} 제약 없이 구한 f의 임계점 (∇f = 0)입니다. 제약식이 빠졌습니다."),
    "check.slip.lagrange_singular_missed": (
        "The condition ∇f = λ∇g assumes ∇g ≠ 0: points of the constraint where ∇g = 0 are "
        "candidates too.",
        "∇f = λ∇g 조건은 ∇g ≠ 0을 가정합니다: 제약식 위에서 ∇g = 0인 점도 후보입니다."),
    "check.slip.lagrange_singular_missed.detail": (
        "Points where ∇g = 0 left out: {points}.",
        "∇g = 0인 점 {points:이} 빠졌습니다."),
    "check.slip.lagrange_singular_added": (
        "A candidate must lie on the constraint: a point where ∇g = 0 counts only if g = k "
        "there.",
        "후보는 제약식을 만족해야 합니다: ∇g = 0인 점도 g = k일 때만 후보입니다."),
    "check.slip.lagrange_singular_added.detail": (
        "Points where ∇g = 0 but not on the constraint: {points}.",
        "∇g = 0인 점 {points:은} 제약식 위에 있지 않습니다."),
}

#: Practice problems (``nablab.check.practice``, ``nablab practice``).
PRACTICE: dict[str, tuple[str, str]] = {
    "practice.prompt.derivative": ("Differentiate {f} with respect to {x}.",
                                   "{f:을} {x}에 대해 미분하시오."),
    "practice.prompt.partial": ("Find the partial derivative of f = {f} with respect to {x}.",
                                "f = {f:을} {x}에 대해 편미분하시오."),
    "practice.prompt.gradient": ("Find the gradient vector ∇f of f = {f}.",
                                 "f = {f}의 기울기 벡터 ∇f를 구하시오."),
    "practice.prompt.critical": ("Find every critical point of f = {f}, where ∇f = 0.",
                                 "f = {f}에서 ∇f = 0인 임계점을 모두 구하시오."),
    "practice.prompt.gd_step": (
        "Take one gradient-descent step on f = {f} from {start} with the learning rate "
        "η = {lr}: θ ← θ − η∇f(θ).",
        "f = {f}에서 점 {start}부터 학습률 η = {lr:으로} 경사하강법을 한 번 적용한 점을 "
        "구하시오: θ ← θ − η∇f(θ)."),
    "practice.prompt.lagrange": (
        "Find every candidate for an extremum of f = {f} on the constraint {constraint}, by "
        "the method of Lagrange multipliers.",
        "라그랑주 승수법으로 제약식 {constraint} 위에서 f = {f}의 극값 후보를 모두 구하시오."),
    "practice.heading": ("Practice: {topic} (seed {seed}, level {level})",
                         "연습 문제: {topic} (시드 {seed}, 단계 {level})"),
    "practice.task": ("The task in nablab's syntax: {task}", "nablab 형식의 과제: {task}"),
    "practice.answer": ("Answer: {answer}", "정답: {answer}"),
    "practice.hidden": (
        "Work it out on paper; --show-answer prints the answer.",
        "종이에 풀어 보세요. --show-answer를 붙이면 정답이 나옵니다."),
    "practice.topic.derivatives": ("derivatives", "미분"),
    "practice.topic.partials": ("partial derivatives", "편미분"),
    "practice.topic.gradient": ("the gradient vector", "기울기 벡터"),
    "practice.topic.critical": ("critical points", "임계점"),
    "practice.topic.descent": ("gradient descent", "경사하강법"),
    "practice.topic.lagrange": ("Lagrange multipliers", "라그랑주 승수법"),
    "cli.practice.help": ("a practice problem in the style of the notes, with its answer",
                          "노트 스타일의 연습 문제와 정답"),
    "cli.practice.description": (
        "Make a practice problem (derivatives, partial derivatives, the gradient vector, "
        "critical points, a gradient-descent step, Lagrange multipliers), the same for the "
        "same seed, with its answer known.",
        "연습 문제를 만듭니다 (미분, 편미분, 기울기 벡터, 임계점, 경사하강법 한 걸음, 라그랑주 "
        "승수법). 같은 시드에서는 같은 문제가 나오고, 정답이 함께 계산됩니다."),
    "cli.practice.topic": ("what to practise", "연습할 주제"),
    "cli.practice.seed": ("the problem's number: the same seed gives the same problem",
                          "문제 번호: 같은 시드는 같은 문제를 냅니다"),
    "cli.practice.level": ("difficulty, 1 to 3 (default: the seed chooses)",
                           "난이도 1–3 (기본값: 시드가 정합니다)"),
    "cli.practice.answer": ("check this answer to the problem (as nablab check does)",
                            "이 답이 맞는지 확인 (nablab check처럼)"),
    "cli.practice.show_answer": ("print the answer too", "정답도 출력합니다"),
    "error.bad_topic": ("--topic must be one of {topics}, got {value}",
                        "--topic 값은 {topics} 중 하나여야 합니다 (입력: {value})"),
    "error.bad_level": ("--level must be 1, 2 or 3, got {value}",
                        "--level 값은 1, 2, 3 중 하나여야 합니다 (입력: {value})"),
}
