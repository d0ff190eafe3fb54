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
        "The values differ: the order matters here, because the second partials are not "
        "continuous at this point (Clairaut's theorem needs them continuous).",
        "값이 다릅니다. 이 점에서 이계 편미분이 연속이 아니므로 순서가 결과를 바꿉니다 "
        "(클레로 정리는 연속성을 가정합니다)."),
    "error.mixed_order": ("a mixed partial derivative takes 1 to {maximum} variables",
                          "고계 편미분에는 변수 1개에서 {maximum}개까지 쓸 수 있습니다"),
    "error.mixed_plot": ("diff --mixed draws no picture yet; leave out --plot",
                         "diff --mixed는 아직 그림을 그리지 않습니다. --plot을 빼 주세요"),
})
