"""Messages of derivatives explained: the limit definition, rule-by-rule steps, tangents.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 도함수, 극한,
미분계수, 편미분, 미분의 선형성, 연쇄법칙, 몫의 미분법, 분수 함수의 미분, 접선.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- rule names -------------------------------------------------------------------------
    "steps.rule.constant": ("Constant rule", "상수의 미분"),
    "steps.rule.identity": ("Identity rule", "항등함수의 미분"),
    "steps.rule.power": ("Power rule", "거듭제곱의 미분"),
    "steps.rule.sum": ("Sum rule (linearity)", "합의 미분 (미분의 선형성)"),
    "steps.rule.constant_multiple": ("Constant multiple rule (linearity)",
                                     "상수배의 미분 (미분의 선형성)"),
    "steps.rule.product": ("Product rule", "곱의 미분법"),
    "steps.rule.quotient": ("Quotient rule", "몫의 미분법"),
    "steps.rule.reciprocal": ("Reciprocal rule", "분수 함수의 미분 (역수의 미분법)"),
    "steps.rule.chain": ("Chain rule", "연쇄법칙"),
    "steps.rule.exponential": ("Exponential rule", "지수함수의 미분"),
    "steps.rule.logarithm": ("Logarithm rule", "로그함수의 미분"),
    "steps.rule.trig": ("Trigonometric rule", "삼각함수의 미분"),
    "steps.rule.inverse_trig": ("Inverse trigonometric rule", "역삼각함수의 미분"),
    "steps.rule.hyperbolic": ("Hyperbolic rule", "쌍곡선함수의 미분"),
    "steps.rule.sigmoid": ("Sigmoid rule", "시그모이드 함수의 미분"),
    "steps.rule.abs": ("Absolute value rule", "절댓값 함수의 미분"),
    "steps.rule.abstract": ("Undefined function", "식이 없는 함수의 미분"),
    "steps.rule.unknown": ("No rule (SymPy's answer)", "규칙 없음 (SymPy의 답)"),
    # -- one sentence per step --------------------------------------------------------------
    "steps.line": ("{name} {formula}: {sentence}", "{name} {formula}: {sentence}"),
    "steps.say.constant": ("{expr} does not contain {var}, so its derivative is 0.",
                           "{expr}에는 {var:가} 없으므로 미분하면 0입니다."),
    "steps.say.constant_partial": (
        "{held} is held constant, so {expr} is a constant and its derivative is 0.",
        "{held:을} 상수로 취급하므로 {expr:은} 상수이고, 미분하면 0입니다."),
    "steps.say.identity": ("The derivative of {var} with respect to itself is 1.",
                           "{var:를} {var:로} 미분하면 1입니다."),
    "steps.say.power": ("Bring the exponent {n} down in front and lower the exponent by one.",
                        "지수 {n:을} 앞으로 내리고 지수를 1 줄입니다."),
    "steps.say.sum": ("The derivative of a sum is the sum of the derivatives of its terms.",
                      "함수 합의 미분은 각 함수를 미분한 합과 같습니다."),
    "steps.say.sum_expand": (
        "Expand {expr} = {rewrite}, then differentiate term by term, as the notes do.",
        "노트처럼 {expr} = {rewrite:로} 전개한 뒤 각 항을 미분합니다."),
    "steps.say.constant_multiple": (
        "The constant factor {c} stays in front of the derivative.",
        "상수를 곱한 함수의 미분은 미분한 함수에 상수 {c:을} 곱한 것과 같습니다."),
    "steps.say.constant_multiple_partial": (
        "{held} is held constant, so {c} is a constant factor and stays in front.",
        "{held:을} 상수로 취급하므로 {c:은} 상수이고, 미분한 함수 앞에 그대로 곱합니다."),
    "steps.say.product": ("Differentiate each factor in turn, with f = {f} and g = {g}.",
                          "f = {f}, g = {g:로} 두고 한 인수씩 번갈아 미분합니다."),
    "steps.say.product_uv": ("Differentiate each factor in turn, with u = {f} and v = {g}.",
                             "한 인수씩 번갈아 미분합니다 (u = {f}, v = {g})."),
    "steps.say.quotient_uv": ("The numerator is u = {f} and the denominator is v = {g}.",
                              "분자와 분모: u = {f}, v = {g}."),
    "steps.say.quotient": ("The numerator is f = {f} and the denominator is g = {g}.",
                           "분자는 f = {f}, 분모는 g = {g}입니다."),
    "steps.say.reciprocal": ("With g = {g}, the derivative of 1/g is −g′ over g squared.",
                             "g = {g}일 때 1/g의 미분은 −g′을 g의 제곱으로 나눈 것입니다."),
    "steps.say.chain": (
        "With the inner function {placeholder} = {u}, differentiate the outer function "
        "{outer} by {placeholder}, put {placeholder} = {u} back, and multiply by the "
        "derivative of {u}.",
        "안쪽 함수를 {placeholder} = {u:로} 두고, 바깥 함수 {outer:를} {placeholder:로} 미분한 "
        "뒤 {placeholder} = {u:를} 대입하고 {u}의 도함수를 곱합니다."),
    "steps.say.chain_rewrite": (
        "Write {expr} = {rewrite}; with the inner function {placeholder} = {u}, "
        "differentiate the outer function and multiply by the derivative of {u}.",
        "{expr} = {rewrite:로} 쓰고, 안쪽 함수를 {placeholder} = {u:로} 두어 바깥 함수를 미분한 "
        "뒤 {u}의 도함수를 곱합니다."),
    "steps.say.exponential": ("The exponential function is its own derivative.",
                              "지수함수 e^x의 도함수는 자기 자신입니다."),
    "steps.say.exponential_base": (
        "An exponential with base {a} is its own derivative times ln {a}.",
        "밑이 {a}인 지수함수의 도함수는 자기 자신에 ln {a:를} 곱한 것입니다."),
    "steps.say.logarithm": ("The derivative of the natural logarithm of {var} is 1/{var}.",
                            "자연로그 ln {var}의 도함수는 1/{var}입니다."),
    "steps.say.trig": ("From the table of derivatives of trigonometric functions: {formula}.",
                       "삼각함수의 도함수 표에서: {formula}."),
    "steps.say.inverse_trig": (
        "From the table of derivatives of inverse trigonometric functions: {formula}.",
        "역삼각함수의 도함수 표에서: {formula}."),
    "steps.say.hyperbolic": (
        "From the table of derivatives of hyperbolic functions: {formula}.",
        "쌍곡선함수의 도함수 표에서: {formula}."),
    "steps.say.sigmoid": (
        "The sigmoid's derivative is σ times (1 − σ), as the notes derive with the reciprocal "
        "rule.",
        "노트에서 분수 함수의 미분으로 유도한 것처럼, 시그모이드 함수의 도함수는 σ(1 − σ)입니다."),
    "steps.say.sigmoid_identity": (
        "Since σ({u}) = 1/(1 + {exp}), we have {exp} = (1 − σ)/σ, so the result is {form}.",
        "σ({u}) = 1/(1 + {exp})이므로 {exp} = (1 − σ)/σ이고, 결과는 {form}입니다."),
    "steps.say.abs": ("The derivative of |{var}| is the sign of {var}; at 0 it does not exist.",
                      "|{var}|의 도함수는 {var}의 부호이고, 0에서는 미분할 수 없습니다."),
    "steps.say.abstract": (
        "{expr} is a function whose formula is not given: its derivative is named, not "
        "computed, and written with a prime.",
        "{expr}: 식이 주어지지 않은 함수이므로 도함수를 계산하지 않고 프라임(′)을 붙여 "
        "그대로 씁니다."),
    "steps.say.abstract_partial": (
        "{expr} is a function whose formula is not given, and {held} is held constant: its "
        "partial derivative is named, not computed.",
        "{expr}: 식이 주어지지 않은 함수입니다. 상수로 두는 변수: {held}. 편도함수는 "
        "계산하지 않고 이름으로 씁니다."),
    "steps.say.unknown": (
        "nablab has no rule for {expr}: this is SymPy's derivative, not derived step by step.",
        "nablab에는 {expr}에 대한 규칙이 없습니다. 단계별 유도가 아닌 SymPy가 구한 도함수입니다."),
    # -- the limit definition ----------------------------------------------------------------
    "limit.say.definition": (
        "The derivative is the limit of the difference quotient, the slope between two points "
        "of the graph, as {h} → 0.",
        "도함수는 두 점을 잇는 직선의 기울기인 평균 변화율의 {h} → 0일 때의 극한값입니다."),
    "limit.say.definition_partial": (
        "The partial derivative changes only {var} and holds {held} constant: the limit of the "
        "difference quotient as {h} → 0.",
        "편미분은 {var}만 변화시키고 {held:은} 상수로 취급합니다. {h} → 0일 때 평균 변화율의 "
        "극한값입니다."),
    "limit.say.substitute": ("Substitute {var} + {h} for {var} in f, as written.",
                             "f의 {var} 자리에 {var} + {h:를} 그대로 대입합니다."),
    "limit.say.expand": ("Expand the numerator and remove the parentheses.",
                         "분자를 전개하고 괄호를 풉니다."),
    "limit.say.cancel_terms": ("The terms without {h} cancel out.",
                               "{h:가} 없는 항은 서로 지워집니다."),
    "limit.say.divide": ("Divide by {h}: inside the limit {h} ≠ 0, so this is allowed.",
                         "{h:로} 나눕니다. 극한 안에서는 {h} ≠ 0이므로 나눌 수 있습니다."),
    "limit.say.limit": ("Let {h} → 0: the terms with {h} vanish.",
                        "{h} → 0으로 보내면 {h:가} 있는 항은 사라집니다."),
    "limit.say.common_denominator": ("Write the numerator as one fraction and expand it.",
                                     "분자를 통분해 하나의 분수로 쓰고 전개합니다."),
    "limit.say.rationalise": (
        "Rationalise the numerator: multiply above and below by the sum that turns a − b "
        "into a^{n} − b^{n}, with a = {a} and b = {b}.",
        "분자를 유리화합니다: a = {a}, b = {b}일 때 a − b가 a^{n} − b^{n:이} 되도록 분자와 분모에 "
        "같은 합을 곱합니다."),
    "limit.say.factor_exponential": (
        "Split the exponential: {whole} = (its value at {var})·{part}, and factor out the "
        "value at {var}.",
        "지수법칙으로 {whole:을} ({var}에서의 값)·{part:로} 나누고 {var}에서의 값을 묶어 냅니다."),
    "limit.say.log_quotient": ("A difference of logarithms is the logarithm of the quotient: "
                               "ln a − ln b = ln(a/b).",
                               "로그의 차는 몫의 로그입니다: ln a − ln b = ln(a/b)."),
    "limit.say.addition_formula": (
        "Use the addition formula for sin(a + b) or cos(a + b) and group the terms.",
        "sin(a + b), cos(a + b)의 덧셈정리를 쓰고 항을 묶습니다."),
    "limit.say.standard_limit": ("Use the standard limit {limit}, with t = {t} → 0.",
                                 "기본 극한 {limit:을} t = {t} → 0으로 씁니다."),
    "limit.say.split": ("The limit of a sum is the sum of the limits: take each part in turn.",
                        "합의 극한은 극한의 합입니다. 각 부분을 차례로 구합니다."),
    "limit.say.part": ("The part {term}, by the same definition.",
                       "부분 {term}에 같은 정의를 적용합니다."),
    "limit.say.sum_of_limits": ("Add the limits of the parts.", "각 부분의 극한값을 더합니다."),
    "limit.say.rules": (
        "No algebra nablab knows removes {h} from this quotient of {expr}; its limit is the "
        "derivative found by the rules (nablab steps), checked against SymPy.",
        "nablab이 아는 식 변형으로는 {expr}의 이 평균 변화율에서 {h:를} 없앨 수 없습니다. 극한값은 "
        "미분 규칙(nablab steps)으로 구한 도함수이며, SymPy로 검증했습니다."),
    "limit.say.simplify": ("Simplify.", "식을 정리합니다."),
    # -- tangents and errors -----------------------------------------------------------------
    "error.tangent_line_needs_one": (
        "a tangent line needs a function of one variable (this one has {count}); for two or "
        "more variables nablab gives the tangent plane",
        "접선은 일변수 함수에만 있습니다 (이 함수의 변수는 {count}개). 변수가 둘 이상이면 "
        "접평면을 구합니다"),
    "error.no_derivative": ("f has no derivative at x₀ = {x0}: the slope from the left is "
                            "{left}, from the right {right}, so there is no tangent line there "
                            "(a kink)",
                            "f는 x₀ = {x0}에서 미분할 수 없습니다. 왼쪽 기울기는 {left}, 오른쪽 "
                            "기울기는 {right:으로} 서로 달라 접선이 없습니다 (꺾인 점)"),
    "error.value_too_large": ("{what} is too large for a floating-point number at this point",
                              "이 점에서 {what}의 값이 부동소수점 수로 나타내기에 너무 큽니다"),
    "error.zero_direction": ("the direction must not be the zero vector",
                             "방향 벡터는 영벡터가 아니어야 합니다"),
    "diff.constant": ("f is constant, so every derivative is 0 by the constant rule (c)′ = 0.",
                      "상수함수이므로 상수의 미분 (c)′ = 0에 따라 모든 도함수가 0입니다."),
    "error.derivative_request": (
        "this asks for a derivative (d/dx …): nablab diff (or nablab steps) computes it; "
        "{operation} works on a function, so type the function without d/dx",
        "이 입력은 도함수를 구하라는 요청(d/dx …)입니다. 도함수는 nablab diff (또는 nablab "
        "steps) 명령으로 구하세요. {operation} 명령에는 d/dx 없이 함수만 입력합니다"),
    "error.steps_order": (
        "steps writes out at most {limit} differentiations, and this asks for {order}; "
        "nablab diff computes the derivative itself",
        "steps 명령은 미분을 최대 {limit}번까지 풀어 씁니다 (요청한 횟수: {order}). 도함수 "
        "자체는 nablab diff 명령으로 구하세요"),
    "error.abstract_function": (
        "{names}: an undefined function has no values to compute with, so {operation} cannot "
        "use it; type its formula (nablab diff and nablab steps work with it symbolically)",
        "{names}: 식이 정해지지 않은 함수라서 값을 계산할 수 없으므로 {operation} 명령에 쓸 수 "
        "없습니다. 함수의 식을 입력하세요 (nablab diff와 nablab steps는 기호로 계산합니다)"),
    "error.wrt_required": ("the function has several variables ({variables}); say which one "
                           "with --wrt",
                           "변수가 여러 개입니다 ({variables}). --wrt로 미분할 변수를 정하세요"),
    "error.direction_needs_plane": ("--direction needs a function of two or more variables",
                                    "--direction은 변수가 둘 이상인 함수에만 쓸 수 있습니다"),
    "error.bad_direction": ("the direction needs {count} components, like 1,1",
                            "방향 벡터의 성분은 {count}개여야 합니다 (예: 1,1)"),
    # -- command line -----------------------------------------------------------------------
    "cli.limit.help": ("the derivative from the limit definition, line by line",
                       "극한(도함수의 정의)으로 구하는 도함수, 한 줄씩"),
    "cli.limit.description": (
        "Work out f′(x) = lim (f(x + Δx) − f(x))/Δx as Δx → 0 step by step (∂f/∂x with the "
        "other variables held constant); with --at, a table of floating-point difference "
        "quotients for h = 10⁻¹ … 10⁻¹².",
        "f′(x) = lim (f(x + Δx) − f(x))/Δx (Δx → 0)에 따라 한 단계씩 계산합니다 (다변수 함수는 나머지 "
        "변수를 상수로 취급한 편미분). --at을 주면 h = 10⁻¹ … 10⁻¹²에 대한 부동소수점 차분몫 표를 "
        "보여 줍니다."),
    "cli.opt.wrt": ("the variable to differentiate by (needed when there are several)",
                    "미분할 변수 (변수가 여러 개일 때 필요)"),
    "cli.limit.at": ("a point for the table of difference quotients, e.g. 2 or x=1,y=2; for "
                     "f(x, y) without --wrt, the point of the limit in two variables",
                     "차분몫 표를 계산할 점, 예: 2 또는 x=1,y=2; f(x, y)에서 --wrt가 없으면 "
                     "두 변수 함수의 극한을 구할 점"),
    "cli.steps.help": ("the derivative rule by rule (chain rule, quotient rule, …)",
                       "규칙별 미분 과정 (연쇄법칙, 몫의 미분법 등)"),
    "cli.steps.description": (
        "Differentiate step by step, naming the rule of every step with its formula; each "
        "result is checked against SymPy.",
        "한 단계씩 미분하며 각 단계의 규칙과 공식을 보여 줍니다. 결과는 SymPy로 검증합니다."),
    "cli.tangent.help": ("the tangent line (or plane) at a point, with secant slopes",
                         "한 점에서의 접선(또는 접평면)과 할선의 기울기"),
    "cli.tangent.description": (
        "For f(x): f(x₀), f′(x₀), the tangent line y = f(x₀) + f′(x₀)(x − x₀) and secant slopes "
        "for shrinking h. For f(x, y): the tangent plane, and with --direction the directional "
        "derivative.",
        "f(x)이면 f(x₀), f′(x₀), 접선 y = f(x₀) + f′(x₀)(x − x₀)과 h를 줄여 가며 구한 할선의 "
        "기울기를, f(x, y)이면 접평면과 (--direction을 주면) 방향도함수를 구합니다."),
    "cli.tangent.at": ("the point of tangency, e.g. 2 or x=1,y=2", "접점, 예: 2 또는 x=1,y=2"),
    "cli.tangent.direction": ("a direction for the directional derivative, e.g. 1,1",
                              "방향도함수의 방향, 예: 1,1"),
    # -- labels of the output ---------------------------------------------------------------
    "label.limit_definition": ("The derivative from the limit definition",
                               "도함수의 정의(극한)로 구하기"),
    "label.partial_limit": ("The partial derivative from the limit definition ({held} held "
                            "constant)",
                            "편미분의 정의(극한)로 구하기 ({held:은} 상수로 취급)"),
    "label.steps": ("Rule by rule", "규칙별 미분 과정"),
    "label.partial_steps": ("Rule by rule, {held} held constant",
                            "규칙별 편미분 과정 ({held:은} 상수로 취급)"),
    "label.result": ("Result", "결과"),
    "steps.asked": ("Asked: {asked}", "구할 것: {asked}"),
    "steps.stage": ("Differentiation {number}: {operator}", "{number}번째 미분: {operator}"),
    "label.chain": ("The whole chain", "전체 과정 한 줄로"),
    "label.numeric": ("Difference quotients in floating point at {point}",
                      "{point}에서 부동소수점으로 계산한 차분몫"),
    "label.h": ("h", "h"),
    "label.forward": ("forward", "전진 차분"),
    "label.central": ("central", "중심 차분"),
    "label.abs_error": ("error", "오차"),
    "label.exact_value": ("exact value {name} = {value}", "정확한 값 {name} = {value}"),
    "label.tangent_line": ("Tangent line at {point}", "{point}에서의 접선"),
    "label.secants": ("Secant slopes (f(x₀ + h) − f(x₀))/h → f′(x₀)",
                      "할선의 기울기 (f(x₀ + h) − f(x₀))/h → f′(x₀)"),
    "label.slope": ("slope", "기울기"),
    "label.tangent_plane": ("Tangent plane at {point}", "{point}에서의 접평면"),
    "label.directional": ("Directional derivative along u = {unit}",
                          "u = {unit} 방향의 방향도함수"),
    "numeric.no_rows": ("f is undefined next to this point, so there is no table.",
                        "이 점 근처에서 f가 정의되지 않아 표를 만들 수 없습니다."),
    "numeric.explain": (
        "As h shrinks the truncation error falls (forward ∝ h, central ∝ h²) but the rounding "
        "error grows (∝ 1/h, because f(x + h) − f(x) loses the digits the two values share): "
        "the smallest forward error is at h = {forward}, the smallest central error at "
        "h = {central} (theory: near √ε ≈ 1e−8 and ∛ε ≈ 6e−6).",
        "h가 작아지면 절단 오차는 줄지만(전진 차분 ∝ h, 중심 차분 ∝ h²) 반올림 오차는 커집니다 "
        "(∝ 1/h, f(x + h) − f(x)에서 두 값의 같은 자릿수가 지워지기 때문). 전진 차분의 오차는 "
        "h = {forward}에서, 중심 차분의 오차는 h = {central}에서 가장 작습니다 (이론상 √ε ≈ 1e−8, "
        "∛ε ≈ 6e−6 근처)."),
    "check.ok": ("✓ agrees with SymPy's diff at random points",
                 "✓ 임의의 점들에서 SymPy의 diff와 일치합니다"),
    "check.symbolic": ("✓ agrees with SymPy's diff (the difference simplifies to 0)",
                       "✓ SymPy의 diff와 일치합니다 (차를 정리하면 0)"),
    "check.failed": ("✗ does not agree with SymPy's diff: a bug in nablab, please report it",
                     "✗ SymPy의 diff와 일치하지 않습니다: nablab의 버그이니 알려 주세요"),
    "check.none": ("not checked: at every random point tried, the function is undefined or too "
                   "large for floating point",
                   "검증하지 못함: 시도한 임의의 점마다 함수가 정의되지 않거나 부동소수점으로 "
                   "나타내기에 너무 큽니다"),
    # -- tour ---------------------------------------------------------------------------------
    "tour.derivatives.title": ("Derivatives: the limit definition, the rules, the tangent",
                               "도함수: 극한으로 정의하기, 미분 규칙, 접선"),
    "tour.derivatives.limit": (
        "The notes' derivative from the limit definition, line by line (nablab limit):",
        "노트처럼 도함수의 정의(극한)로 한 줄씩 구합니다 (nablab limit):"),
    "tour.derivatives.partial": (
        "A partial derivative by the limit: only x changes, w and b are held constant:",
        "극한으로 구하는 편미분: x만 변하고 w와 b는 상수로 취급합니다:"),
    "tour.derivatives.rules": (
        "The notes' examples rule by rule (nablab steps): linearity, the chain rule, the "
        "reciprocal rule, and the sigmoid's σ(1 − σ):",
        "노트의 예제를 규칙별로 미분합니다 (nablab steps): 미분의 선형성, 연쇄법칙, 분수 함수의 "
        "미분, 시그모이드의 σ(1 − σ):"),
    "tour.derivatives.tangent": (
        "f′(x) is the slope of the tangent line: at x = {x0}, and the secant slopes as h "
        "shrinks (nablab tangent):",
        "f′(x)는 접선의 기울기입니다: x = {x0}에서의 접선과, h를 줄여 갈 때 할선의 기울기 "
        "(nablab tangent):"),
    "tour.derivatives.secants": ("secant slopes for h = 1 … 0.001: {slopes} → {slope}",
                                 "h = 1 … 0.001일 때 할선의 기울기: {slopes} → {slope}"),
    "tour.derivatives.check": ("Every result above agrees with SymPy's diff at random points.",
                               "위의 모든 결과는 임의의 점들에서 SymPy의 diff와 일치합니다."),
    "tour.derivatives.unchecked": (
        "Some result above could not be checked against SymPy's diff.",
        "위의 결과 중 일부는 SymPy의 diff로 검증하지 못했습니다."),
    "tour.derivatives.try": ("Try it: nablab steps \"1/(1+e^{{-x}})\" --lang ko",
                             "직접 해 보기: nablab steps \"1/(1+e^{{-x}})\" --lang ko"),
}
