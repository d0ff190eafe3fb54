"""Messages of Taylor polynomials and higher-order (mixed) partial derivatives.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 테일러 다항식,
편미분, 기울기 벡터, 헤세 행렬, 경사하강법, 뉴턴 방법.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the command ------------------------------------------------------------------------
    "cli.taylor.help": ("the Taylor polynomial of f at a point, term by term, with its error",
                        "한 점에서 f의 테일러 다항식, 항별 설명과 오차"),
    "cli.taylor.description": (
        "The Taylor polynomial T_n of f at a: the value f(a), the gradient term ∇f(a)·(x − a), "
        "the Hessian quadratic form ½(x − a)ᵀH(a)(x − a) and higher terms; the error "
        "|f − T_n| at nearby points shrinks like hⁿ⁺¹. Gradient descent minimises the linear "
        "model T₁, Newton's method the quadratic model T₂.",
        "a에서 f의 테일러 다항식 T_n: 함숫값 f(a), 기울기 벡터 항 ∇f(a)·(x − a), 헤세 행렬의 "
        "이차 형식 ½(x − a)ᵀH(a)(x − a)와 고차항. 가까운 점에서의 오차 |f − T_n|은 hⁿ⁺¹처럼 "
        "줄어듭니다. 경사하강법은 일차 모형 T₁을, 뉴턴 방법은 이차 모형 T₂를 최소화합니다."),
    "cli.taylor.at": ("the centre a, e.g. 0 or x=0,y=0", "전개의 중심 a, 예: 0 또는 x=0,y=0"),
    "cli.taylor.order": ("the order n of the polynomial (0 to {maximum}; default 2)",
                         "다항식의 차수 n (0부터 {maximum}까지, 기본값 2)"),
    # -- the output -------------------------------------------------------------------------
    "taylor.heading": ("Taylor polynomial of order {order} at {point}",
                       "{point}에서의 {order}차 테일러 다항식"),
    "taylor.terms": ("Its terms", "각 항"),
    "taylor.term.value": ("value f(a)", "함숫값 f(a)"),
    "taylor.term.gradient": ("gradient term ∇f(a)·(x − a)", "기울기 벡터 항 ∇f(a)·(x − a)"),
    "taylor.term.hessian": ("Hessian quadratic form ½(x − a)ᵀH(a)(x − a)",
                            "헤세 행렬의 이차 형식 ½(x − a)ᵀH(a)(x − a)"),
    "taylor.term.higher": ("degree-{k} term", "{k}차 항"),
    "taylor.term.value_1d": ("value f(a)", "함숫값 f(a)"),
    "taylor.term.gradient_1d": ("first-derivative term f′(a)(x − a)", "일차 항 f′(a)(x − a)"),
    "taylor.term.hessian_1d": ("second-derivative term ½f″(a)(x − a)²",
                               "이차 항 ½f″(a)(x − a)²"),
    "taylor.errors": ("The error at a + h·(1, …, 1)", "a + h·(1, …, 1)에서의 오차"),
    "taylor.errors_1d": ("The error at a + h", "a + h에서의 오차"),
    "taylor.order": ("order", "차수"),
    "taylor.error_note": (
        "The error shrinks at least like h^{order}: the order column tends to {order} (or "
        "more, when the next terms vanish); it is 0 when f is a polynomial of degree ≤ n.",
        "오차는 적어도 h^{order}처럼 줄어듭니다. 차수 열은 {order}(다음 항들이 0이면 그 이상)에 "
        "가까워지고, f가 n차 이하의 다항식이면 오차는 0입니다."),
    "plot.taylor_title": ("Taylor polynomials at {point}", "{point}에서의 테일러 다항식"),
    "plot.taylor_order": ("T{order} (order {order})", "T{order} ({order}차)"),
    # -- errors -----------------------------------------------------------------------------
    "error.taylor_no_variables": ("a Taylor polynomial needs a function of at least one variable",
                                  "테일러 다항식에는 변수가 하나 이상인 함수가 필요합니다"),
    "error.taylor_order": ("the order must be a whole number from 0 to {maximum}",
                           "차수는 0부터 {maximum}까지의 정수여야 합니다"),
    "error.taylor_undefined": ("{expr} is undefined or not real at the centre, so f has no "
                               "Taylor polynomial there",
                               "중심에서 {expr:이} 정의되지 않거나 실수가 아니므로 그 점에서 "
                               "테일러 다항식이 없습니다"),
}
MESSAGES.update({
    # -- mixed partial derivatives (diff --mixed) --------------------------------------------
    "cli.diff.mixed": ("a higher-order partial derivative in this order, e.g. x,y,z for f_xyz "
                       "(∂/∂z ∂/∂y ∂/∂x f), with its other orders (Clairaut)",
                       "이 순서로 구한 고계 편미분, 예: x,y,z이면 f_xyz (∂/∂z ∂/∂y ∂/∂x f), "
                       "다른 순서와 비교 (클레로 정리)"),
    "mixed.heading": ("The partial derivative {name}, one variable at a time",
                      "편미분 {name}, 한 변수씩 차례로"),
    "mixed.orderings": ("The same derivatives in every order", "같은 변수로 순서만 바꾼 편미분"),
    "mixed.agree": (
        "They agree: by Clairaut's theorem, the order of differentiation does not matter where "
        "the mixed partials are continuous.",
        "모두 같습니다. 클레로 정리에 따라 혼합 편미분이 연속인 곳에서는 미분하는 순서가 "
        "결과에 영향을 주지 않습니다."),
    "mixed.differ": ("They differ as functions, so some mixed partial is not continuous.",
                     "함수로서 서로 다르므로 어떤 혼합 편미분은 연속이 아닙니다."),
    "mixed.undecided": ("Whether they agree everywhere was not decided symbolically.",
                        "모든 곳에서 같은지는 기호 계산으로 판정하지 못했습니다."),
    "mixed.at": ("At {point}", "{point}에서"),
    "mixed.limit_definition": (
        "The formulas are undefined here: each value comes from the limit definition, "
        "f_xy(a) = lim_(k→0) (f_x(a + k e_y) − f_x(a))/k, with f(a) taken as f's limit at a.",
        "이 점에서는 식이 정의되지 않으므로 각 값을 극한으로 구합니다: "
        "f_xy(a) = lim_(k→0) (f_x(a + k e_y) − f_x(a))/k, f(a)는 a에서 f의 극한값."),
    "mixed.clairaut_fails": (
        "The values differ: the order matters here, because the partials on the way are not "
        "continuous at this point (Clairaut's theorem needs them continuous).",
        "값이 다릅니다. 이 점에서 중간의 편미분이 연속이 아니므로 순서가 결과를 바꿉니다 "
        "(클레로 정리는 연속성을 가정합니다)."),
    "mixed.no_limit": ("does not exist (the limit does not exist)",
                       "존재하지 않음 (극한이 존재하지 않음)"),
    "mixed.undefined": ("undefined", "정의되지 않음"),
    "error.mixed_order": ("a mixed partial derivative takes 1 to {maximum} variables",
                          "고계 편미분에는 변수 1개에서 {maximum}개까지 쓸 수 있습니다"),
    "error.mixed_plot": ("diff --mixed draws no picture yet; leave out --plot",
                         "diff --mixed는 아직 그림을 그리지 않습니다. --plot을 빼 주세요"),
    # -- tour -------------------------------------------------------------------------------
    "tour.newton.title": ("Taylor polynomials and Newton's method: the second-order step",
                          "테일러 다항식과 뉴턴 방법: 2차 근사로 걷는 한 걸음"),
    "tour.newton.sigmoid": (
        "Near 0 the notes' sigmoid is almost a polynomial: its Taylor polynomial of order "
        "{order} at 0, built from its derivatives there",
        "0 근처에서 노트의 시그모이드는 거의 다항식입니다: 0에서의 도함수로 만든 {order}차 "
        "테일러 다항식"),
    "tour.newton.error": (
        "The error near 0 (the x⁴ term is 0, so it shrinks like x⁵):",
        "0 근처의 오차 (x⁴ 항이 0이라 x⁵처럼 줄어듭니다):"),
    "tour.newton.model": (
        "Gradient descent follows the first-order model f(θ) + ∇f·(x − θ); Newton's method "
        "minimises the second-order one — the Taylor polynomial of order 2, with the gradient "
        "and the Hessian — here of f at {start}:",
        "경사하강법은 1차 근사 f(θ) + ∇f·(x − θ)를 따르고, 뉴턴 방법은 2차 근사, 즉 기울기 "
        "벡터와 헤세 행렬로 만든 2차 테일러 다항식을 최소화합니다. 여기서는 {start}에서의 f:"),
    "tour.newton.exact": (
        "Expanded, it is x² + y² itself: a quadratic function is its own quadratic model",
        "전개하면 x² + y² 그 자체입니다: 이차함수는 자기 자신이 2차 근사입니다"),
    "tour.newton.newton": (
        "Newton's step goes to the minimum of that model:",
        "뉴턴 방법의 한 걸음은 그 근사의 최솟값으로 갑니다:"),
    "tour.newton.compare": (
        "Newton's method: {newton} step to the minimum; gradient descent with η = {lr} (the "
        "previous chapter): {steps} steps",
        "뉴턴 방법은 {newton}번 만에 최솟값에 도달하고, 학습률 η = {lr}의 경사하강법(앞 장)은 "
        "{steps}번 걸립니다"),
    "tour.newton.learning_rate": (
        "H⁻¹ plays the learning rate: for x² + y², H = 2I, so Newton's step is gradient descent "
        "with η = {best_lr} — the one-step learning rate of the previous chapter. Each Newton "
        "step solves a linear system with the Hessian, which is why networks with millions of "
        "weights use first-order methods",
        "H⁻¹이 학습률 역할을 합니다: x² + y²에서는 H = 2I이므로 뉴턴 방법의 한 걸음은 학습률 "
        "η = {best_lr}인 경사하강법, 곧 앞 장에서 한 번에 도달하던 학습률입니다. 뉴턴 방법은 "
        "매 걸음 헤세 행렬로 연립방정식을 풀어야 해서, 가중치가 수백만 개인 신경망은 1차 "
        "방법을 씁니다"),
    "tour.newton.try": (
        "Try it: nablab taylor \"1/(1 + e^{{-x}})\" --at x=0 --order 3 --plot, and "
        "nablab descend \"x^2 + y^2\" --start 3,4 --optimizer newton",
        "직접 해 보기: nablab taylor \"1/(1 + e^{{-x}})\" --at x=0 --order 3 --plot, "
        "nablab descend \"x^2 + y^2\" --start 3,4 --optimizer newton"),
})
