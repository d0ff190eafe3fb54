"""Messages of implicit differentiation and level sets (``nablab implicit``).

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 음함수 미분, 편미분,
기울기 벡터, 연쇄 법칙, 등위곡선, 등위곡면, 접선, 법선, 접평면.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.implicit.help": ("implicit differentiation: dy/dx on a level curve F(x, y) = c",
                          "음함수 미분: 등위곡선 F(x, y) = c 위의 dy/dx"),
    "cli.implicit.description": (
        "For an equation F(x, y) = c: dy/dx = −F_x/F_y by the chain rule, and with --at the "
        "tangent line, the normal line and ∇F perpendicular to the level curve. For "
        "F(x, y, z) = c: ∂z/∂x, ∂z/∂y, the tangent plane and the normal line.",
        "방정식 F(x, y) = c에서 연쇄 법칙으로 dy/dx = −F_x/F_y를 구하고, --at을 주면 접선, "
        "법선과 등위곡선에 수직인 ∇F를 보여 줍니다. F(x, y, z) = c이면 ∂z/∂x, ∂z/∂y, "
        "접평면과 법선을 구합니다."),
    "cli.implicit.expr": ("the equation, e.g. \"x^2 + xy + y^2 = 3\"",
                          "방정식, 예: \"x^2 + xy + y^2 = 3\""),
    "cli.implicit.at": ("a point on the level set, e.g. x=-1,y=-1",
                        "등위집합 위의 점, 예: x=-1,y=-1"),
    "implicit.level": ("Level set {relation}:  {F} = 0", "등위집합 {relation}:  {F} = 0"),
    "implicit.heading": ("Implicit differentiation", "음함수 미분"),
    "implicit.chain": (
        "Differentiate both sides with {dep} a function of {free} (chain rule):",
        "{dep:를} {free}의 함수로 보고 양변을 미분합니다 (연쇄 법칙):"),
    "implicit.at": ("At {point}", "{point}에서"),
    "implicit.on_level": ("the point is on the level set {relation}: F({at}) = 0",
                          "점이 등위집합 {relation} 위에 있습니다: F({at}) = 0"),
    "implicit.singular": (
        "∇F = 0 here: the implicit function theorem says nothing, and there is no tangent "
        "from ∇F (a singular point of the level set).",
        "이 점에서 ∇F = 0입니다. 음함수 정리를 쓸 수 없고 ∇F로 접선을 정할 수 없습니다 "
        "(등위집합의 특이점)."),
    "implicit.vertical2": (
        "F_{dep} = 0 here: dy/dx is undefined and the tangent is vertical ({dep} is not a "
        "function of x near this point).",
        "이 점에서 F_{dep} = 0이므로 dy/dx가 정의되지 않고 접선은 수직입니다 (이 점 근처에서 "
        "{dep:는} x의 함수가 아닙니다)."),
    "implicit.vertical3": (
        "F_{dep} = 0 here: ∂{dep}/∂x and ∂{dep}/∂y are undefined and the tangent plane is "
        "parallel to the {dep}-axis.",
        "이 점에서 F_{dep} = 0이므로 ∂{dep}/∂x, ∂{dep}/∂y가 정의되지 않고 접평면은 "
        "{dep}축과 평행합니다."),
    "implicit.tangent_line": ("tangent line:  {equation}", "접선:  {equation}"),
    "implicit.tangent_plane": ("tangent plane:  {equation}", "접평면:  {equation}"),
    "implicit.normal_line": ("normal line:  {equation}", "법선:  {equation}"),
    "implicit.perpendicular2": (
        "∇F ⟂ the level curve: the tangent's direction is (F_y, −F_x) = {direction}, and "
        "∇F·{direction} = 0",
        "∇F는 등위곡선에 수직입니다: 접선의 방향은 (F_y, −F_x) = {direction}이고 "
        "∇F·{direction} = 0입니다"),
    "implicit.perpendicular3": (
        "∇F ⟂ the level surface: the tangent plane is ∇F·(x − a, y − b, z − c) = 0",
        "∇F는 등위곡면에 수직입니다: 접평면은 ∇F·(x − a, y − b, z − c) = 0입니다"),
    "error.implicit_needs_equation": (
        "implicit differentiation needs an equation F = c, not '{op}'",
        "음함수 미분에는 부등식 '{op}'{이} 아닌 방정식 F = c가 필요합니다"),
    "error.implicit_variables": (
        "implicit differentiation needs an equation in 2 or 3 variables (this one has {count})",
        "음함수 미분에는 변수가 2개 또는 3개인 방정식이 필요합니다 (이 식은 {count}개)"),
    "error.implicit_point": ("the point needs a value for each of {names}",
                             "점에는 {names} 각각의 값이 필요합니다"),
    "error.implicit_constants": (
        "the equation has the constants {names}: give their values with --given (e.g. r=5)",
        "방정식에 상수 {names}{이} 있습니다: --given으로 값을 주세요 (예: r=5)"),
    "error.not_on_level_set": (
        "the point is not on the level set: there F − c = {value}, not 0",
        "점이 등위집합 위에 있지 않습니다: 그 점에서 F − c = {value}이며 0이 아닙니다"),
    "plot.implicit_curve_title": ("Level curve, its tangent and normal, and ∇F",
                                  "등위곡선과 접선, 법선, 기울기 벡터 ∇F"),
    "plot.implicit_surface_title": ("Level surface and its tangent plane",
                                    "등위곡면과 접평면"),
    "plot.label.level_curve": ("level curve", "등위곡선"),
    "plot.label.level_surface": ("level surface (slices)", "등위곡면 (단면)"),
    "plot.label.implicit_tangent": ("tangent line", "접선"),
    "plot.label.normal": ("normal line", "법선"),
    "plot.label.gradient_vector": ("∇F", "∇F"),
    # -- tour -------------------------------------------------------------------------------
    "tour.level.title": ("Level curves: the tangent to a contour, and ∇f across it",
                         "등고선: 등고선의 접선과 그것을 가로지르는 기울기 벡터"),
    "tour.level.story": (
        "The contour lines of the notes' picture are level curves f(x, y) = c; the one "
        "through {point} is the circle x² + y² = 2",
        "노트 그림의 등고선은 등위곡선 f(x, y) = c입니다. {point:을} 지나는 등고선은 원 "
        "x² + y² = 2입니다"),
    "tour.level.implicit": (
        "Implicit differentiation: y is a function of x along the curve, and differentiating "
        "F(x, y) = 0 gives",
        "음함수 미분: 곡선을 따라 y는 x의 함수이고, F(x, y) = 0을 미분하면"),
    "tour.level.at_point": ("At {point}:", "{point}에서:"),
    "tour.level.tangent": ("tangent", "접선"),
    "tour.level.normal": ("normal", "법선"),
    "tour.level.perpendicular": (
        "The gradient vector is perpendicular to the tangent's direction:",
        "기울기 벡터는 접선의 방향과 수직입니다:"),
    "tour.level.meaning": (
        "So ∇f crosses the contours and points straight uphill — gradient descent steps "
        "against it — and where two level curves touch, their gradients are parallel "
        "(the next chapter's ∇f ∥ ∇g)",
        "그래서 ∇f는 등고선을 가로질러 가장 가파른 오르막을 가리키고, 경사하강법은 그 반대로 "
        "걷습니다. 두 등위곡선이 접하는 곳에서는 기울기 벡터가 평행합니다 (다음 장의 ∇f ∥ ∇g)"),
    "tour.level.try": ("Try it: nablab implicit \"x^2 + y^2 = 2\" --at x=1,y=1 --plot",
                       "직접 해 보기: nablab implicit \"x^2 + y^2 = 2\" --at x=1,y=1 --plot"),
}
