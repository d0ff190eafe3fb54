"""Messages of Lagrange multipliers and KKT: ``nablab lagrange``, the explanation, the tour.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 라그랑주 승수법,
라그랑주 승수 λ, 제약 조건, 등고선(level curve), 접한다, 기울기 벡터, 최댓값, 최솟값; and
헤세 행렬, 고윳값, 접공간, 테두리 헤세 행렬(bordered Hessian), 상보 여유성(complementary
slackness), 활성 제약(active constraint), 특이점.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- command line -------------------------------------------------------------------------
    "cli.lagrange.help": ("extremes of f under constraints: Lagrange multipliers and KKT",
                          "제약 조건 아래 f의 최댓값·최솟값: 라그랑주 승수법과 KKT 조건"),
    "cli.lagrange.description": (
        "Find every candidate for the highest and lowest value of f on the set the constraints "
        "describe (∇f = λ∇g, g = k; inequalities by the KKT conditions), classify each one, say "
        "whether the extremes exist, what λ means, and check the answer with SciPy.",
        "제약 조건이 정하는 집합 위에서 f의 최댓값과 최솟값 후보를 모두 찾고(∇f = λ∇g, g = k; "
        "부등식은 KKT 조건), 각 후보를 분류하고, 최댓값·최솟값이 존재하는지, λ가 무엇을 뜻하는지 "
        "설명하고, SciPy로 답을 검증합니다."),
    "cli.lagrange.constraint": (
        "a constraint g = k, g <= k or g >= k, e.g. \"2(x-1)^2 - 10y + 6 = 0\"; a chain "
        "\"1 <= x <= 4\" is two (repeat for several)",
        "제약 조건 g = k, g <= k 또는 g >= k, 예: \"2(x-1)^2 - 10y + 6 = 0\"; 연쇄 부등식 "
        "\"1 <= x <= 4\"는 두 개 (여러 개면 반복)"),
    "cli.lagrange.bounds": ("the box a numeric search covers, e.g. -5:5,-5:5 (default -10:10 per "
                            "variable)",
                            "수치 탐색 범위, 예: -5:5,-5:5 (기본값은 변수마다 -10:10)"),
    "cli.lagrange.no_check": ("skip the SciPy cross-check (faster: SciPy takes a second to load)",
                              "SciPy 교차 검증을 생략 (더 빠름: SciPy를 불러오는 데 1초쯤 걸림)"),
    # -- errors -------------------------------------------------------------------------------
    "error.no_constraints": ("give at least one constraint (--constraint \"g = k\")",
                             "제약 조건을 하나 이상 주세요 (--constraint \"g = k\")"),
    "error.too_many_constraints": (
        "at most {limit} constraints, {inequalities} of them inequalities",
        "제약 조건은 최대 {limit}개, 그중 부등식은 최대 {inequalities}개입니다"),
    "error.too_many_variables": ("at most {limit} variables for Lagrange multipliers",
                                 "라그랑주 승수법에는 변수가 최대 {limit}개까지입니다"),
    "error.strict_inequality": (
        "the strict inequality '{source}' describes an open set, where a highest or lowest "
        "point may not exist; write {closed} instead of {op}",
        "엄격한 부등식 '{source}'{은} 열린 집합이라 최댓값·최솟값이 없을 수 있습니다. {op} 대신 "
        "{closed:를} 쓰세요"),
    "error.not_differentiable": (
        "Lagrange multipliers need differentiable functions, but {where} contains {functions}, "
        "whose kinks leave the gradient undefined (an extremum can sit at a kink, where "
        "∇f = λ∇g cannot find it)",
        "라그랑주 승수법에는 미분 가능한 함수가 필요하지만 {where}에 {functions:가} 있어 꺾인 점에서 "
        "기울기 벡터가 정의되지 않습니다(극값이 꺾인 점에 있으면 ∇f = λ∇g로는 찾을 수 없음)"),
    "error.constant_constraint": ("the constraint '{source}' has no variable",
                                  "제약 조건 '{source}'에 변수가 없습니다"),
    # -- headings, columns, kinds ---------------------------------------------------------------
    "lagrange.heading.lagrangian": ("Lagrangian", "라그랑주 함수"),
    "lagrange.heading.system": ("(a) Solve ∇f = λ∇g together with the constraints",
                                "(a) ∇f = λ∇g와 제약 조건을 함께 풉니다"),
    "lagrange.heading.candidates": ("Candidates", "후보점"),
    "lagrange.heading.global": ("(b) Compare: the highest and the lowest value on the set",
                                "(b) 비교: 집합 위의 최댓값과 최솟값"),
    "lagrange.heading.picture": ("Why ∇f ∥ ∇g: the level curve touches the constraint",
                                 "왜 ∇f ∥ ∇g인가: 등고선이 제약 조건에 접한다"),
    "lagrange.heading.kkt": ("Inequalities: the KKT conditions", "부등식: KKT 조건"),
    "lagrange.heading.second": ("Second-order check (Hessian of L on the tangent space)",
                                "2계 판정 (접공간 위 L의 헤세 행렬)"),
    "lagrange.heading.lambda": ("What λ means", "λ의 뜻"),
    "lagrange.heading.check": ("Checked with SciPy", "SciPy로 검증"),
    "lagrange.column.point": ("point", "점"),
    "lagrange.column.multipliers": ("multipliers", "라그랑주 승수"),
    "lagrange.column.value": ("f", "함숫값"),
    "lagrange.column.kind": ("kind", "종류"),
    "lagrange.kind.maximum": ("local maximum", "극대"),
    "lagrange.kind.minimum": ("local minimum", "극소"),
    "lagrange.kind.neither": ("neither", "극값 아님"),
    "lagrange.kind.isolated": ("isolated point", "고립점"),
    "lagrange.kind.unknown": ("undecided", "판정 불가"),
    "lagrange.extreme.maximum": ("highest", "최댓값"),
    "lagrange.extreme.minimum": ("lowest", "최솟값"),
    "lagrange.extreme.both": ("highest and lowest", "최댓값이자 최솟값"),
    "lagrange.singular": ("singular point (∇g dependent)", "특이점 (∇g가 일차종속)"),
    "lagrange.none": ("no candidate", "후보 없음"),
    "lagrange.complete": ("complete: these are all of them", "완전: 빠짐없이 모두 찾음"),
    "lagrange.incomplete": ("not complete: candidates may be missing",
                            "불완전: 빠진 후보가 있을 수 있음"),
    "lagrange.more": ("… and {count} more (--json lists every candidate)",
                      "… 외 {count}개 (--json은 모든 후보를 나열)"),
    # -- how the candidates were found ------------------------------------------------------------
    "lagrange.method.groebner": (
        "Exact and complete: the system is polynomial; a lexicographic Gröbner basis reduces it "
        "to one polynomial in one unknown, whose real roots are isolated exactly, and "
        "back-substitution gives the rest. {count} real candidate(s), each verified by its "
        "residual. Complex solutions are not points of the set and are left out; a root of a "
        "cubic or higher is shown in decimals, not as a page-long radical.",
        "정확하고 완전함: 연립방정식이 다항식입니다. 사전식 그뢰브너 기저로 미지수 하나의 다항식으로 "
        "줄이고, 그 실근을 정확히 분리한 뒤 역대입으로 나머지를 구합니다. 실수 후보점 {count}개, "
        "모두 잔차로 검증했습니다. 복소수 해는 집합의 점이 아니므로 뺐고, 3차 이상 방정식의 근은 "
        "한 쪽짜리 근호식 대신 소수로 보여 줍니다."),
    "lagrange.method.newton_none": (
        "Numeric: multi-start Newton on the Lagrange system over {box} ({starts} starts) found "
        "no candidate; candidates outside this box, or missed by the starts, may exist.",
        "수치적: {box} 범위에서 라그랑주 연립방정식에 다중 시작점 뉴턴 방법({starts}개 시작점)을 "
        "썼지만 후보점을 찾지 못했습니다. 이 범위 밖이나 시작점이 놓친 후보가 있을 수 있습니다."),
    "lagrange.method.newton": (
        "Numeric: multi-start Newton on the Lagrange system over {box} ({starts} starts) found "
        "{count} candidate(s), each verified by its residual; candidates outside this box, or "
        "missed by the starts, may exist.",
        "수치적: {box} 범위에서 라그랑주 연립방정식에 다중 시작점 뉴턴 방법({starts}개 시작점)을 "
        "써서 후보점 {count}개를 찾았고 모두 잔차로 검증했습니다. 이 범위 밖이나 시작점이 놓친 "
        "후보가 있을 수 있습니다."),
    "lagrange.method.active_sets": (
        "With inequalities, each choice of which inequalities hold with equality (active) was "
        "solved — {sets} choices; an inactive inequality has multiplier 0.",
        "부등식이 있으면 어느 부등식이 등호로 성립하는지(활성 제약)의 모든 경우를 풀었습니다 — "
        "{sets}가지. 활성이 아닌 부등식의 승수는 0입니다."),
    "lagrange.fallback.not_polynomial": (
        "Not a polynomial system, so it is solved numerically.",
        "다항식 연립방정식이 아니므로 수치적으로 풉니다."),
    "lagrange.fallback.timeout": (
        "The exact solve took longer than {seconds} s, so it is solved numerically.",
        "정확한 풀이가 {seconds}초를 넘겨 수치적으로 풉니다."),
    "lagrange.fallback.memory": (
        "The exact solve needed too much memory, so it is solved numerically.",
        "정확한 풀이에 메모리가 너무 많이 필요해 수치적으로 풉니다."),
    "lagrange.fallback.infinite": (
        "The Lagrange system has infinitely many solutions ({set}): f is constant along part of "
        "the set; the candidates below are a sample.",
        "라그랑주 연립방정식의 해가 무수히 많습니다({set}). 집합의 일부에서 f가 일정하므로 아래 "
        "후보는 표본입니다."),
    "lagrange.regular.yes": (
        "The constraint gradients are linearly independent at every point of the set (no "
        "singular point), so every extremum is among the candidates.",
        "집합의 모든 점에서 제약 조건의 기울기 벡터가 일차독립입니다(특이점 없음). 따라서 모든 "
        "극값은 후보점 가운데 있습니다."),
    "lagrange.regular.singular": (
        "At {points} the constraint gradients are linearly dependent (for one constraint: "
        "∇g = 0): Lagrange's condition need not hold there, so these points are compared too.",
        "{points}에서는 제약 조건의 기울기 벡터가 일차종속입니다(제약이 하나면 ∇g = 0). 이런 "
        "점에서는 라그랑주 조건이 성립하지 않을 수 있으므로 함께 비교합니다."),
    "lagrange.regular.continuum": (
        "The constraint gradients are dependent along a whole curve of the set: an extremum "
        "there need not solve the Lagrange system.",
        "집합의 곡선 전체에서 제약 조건의 기울기 벡터가 일차종속입니다. 그곳의 극값은 라그랑주 "
        "연립방정식을 만족하지 않을 수 있습니다."),
    "lagrange.regular.unknown": (
        "Whether the constraint gradients stay independent on the whole set was not checked: an "
        "extremum at a singular point could be missed.",
        "집합 전체에서 제약 조건의 기울기 벡터가 일차독립인지 확인하지 못했습니다. 특이점에 있는 "
        "극값을 놓칠 수 있습니다."),
    # -- the picture ------------------------------------------------------------------------------
    "lagrange.explain.tangent": (
        "At {point} the level curve f = {value} touches the constraint curve {constraint}: "
        "there ∇f = {grad_f} and ∇g = {grad_g} are parallel, ∇f = {lam}∇g with {lam} = "
        "{lam_value}. Anywhere else on the curve ∇f has a component along it, and walking that "
        "way raises or lowers f.",
        "{point}에서 등고선 f = {value:가} 제약 곡선 {constraint}에 접합니다. 그 점에서 "
        "∇f = {grad_f:와} ∇g = {grad_g:는} 평행하고, ∇f = {lam}∇g ({lam} = {lam_value})입니다. "
        "곡선의 다른 점에서는 ∇f가 곡선 방향 성분을 가져서, 그 방향으로 걸으면 f가 커지거나 "
        "작아집니다."),
    "lagrange.explain.combination": (
        "At {point} (f = {value}), ∇f = {grad_f} = {combination}: a combination of the binding "
        "constraints' gradients, so no direction along the set changes f to first order.",
        "{point}에서 (f = {value}) ∇f = {grad_f} = {combination}: 등호로 성립하는 제약 조건들의 "
        "기울기 벡터의 일차결합이므로, 집합을 따라 어느 방향으로 움직여도 f가 1차로는 변하지 "
        "않습니다."),
    "lagrange.explain.interior": (
        "At {point} no constraint binds: there ∇f = 0, as at an unconstrained critical point.",
        "{point}에서는 어떤 제약도 등호로 성립하지 않습니다. 그 점에서 ∇f = 0이며, 제약 없는 "
        "임계점과 같습니다."),
    "lagrange.explain.no_candidates": (
        "No point of the set solves the Lagrange system.",
        "집합의 어떤 점도 라그랑주 연립방정식을 만족하지 않습니다."),
    # -- KKT ----------------------------------------------------------------------------------------
    "lagrange.kkt.conditions": (
        "KKT conditions: stationarity ∇f = Σλᵢ∇gᵢ; feasibility (every constraint holds); "
        "complementary slackness λᵢ(gᵢ − kᵢ) = 0 (a slack inequality has λᵢ = 0); and the sign "
        "μᵢ ≥ 0: for a maximum λᵢ ≥ 0 on an active g ≤ k and λᵢ ≤ 0 on an active g ≥ k (pushing "
        "the constraint outward can only raise the maximum), for a minimum the opposite.",
        "KKT 조건: 정상성 ∇f = Σλᵢ∇gᵢ, 실행 가능성(모든 제약 만족), 상보 여유성 "
        "λᵢ(gᵢ − kᵢ) = 0(등호가 아닌 부등식의 승수는 0), 부호 조건 μᵢ ≥ 0: 최대일 때 활성인 "
        "g ≤ k에서 λᵢ ≥ 0, g ≥ k에서 λᵢ ≤ 0(제약을 바깥으로 밀면 최댓값은 커질 수만 있음), "
        "최소일 때는 반대입니다."),
    "lagrange.kkt.both": ("{point}: active {active}; {multipliers} → signs allow a maximum or a "
                          "minimum",
                          "{point}: 활성 제약 {active}; {multipliers} → 부호상 최대도 최소도 가능"),
    "lagrange.kkt.max": ("{point}: active {active}; {multipliers} → signs allow a maximum only",
                         "{point}: 활성 제약 {active}; {multipliers} → 부호상 최대만 가능"),
    "lagrange.kkt.min": ("{point}: active {active}; {multipliers} → signs allow a minimum only",
                         "{point}: 활성 제약 {active}; {multipliers} → 부호상 최소만 가능"),
    "lagrange.kkt.none": ("{point}: active {active}; {multipliers} → signs rule out both",
                          "{point}: 활성 제약 {active}; {multipliers} → 부호상 최대도 최소도 아님"),
    "lagrange.kkt.interior_both": ("{point}: no active constraint; {multipliers} (∇f = 0)",
                                   "{point}: 활성 제약 없음; {multipliers} (∇f = 0)"),
    "lagrange.kkt.interior_max": ("{point}: no active constraint; {multipliers}",
                                  "{point}: 활성 제약 없음; {multipliers}"),
    "lagrange.kkt.interior_min": ("{point}: no active constraint; {multipliers}",
                                  "{point}: 활성 제약 없음; {multipliers}"),
    "lagrange.kkt.interior_none": ("{point}: no active constraint; {multipliers}",
                                   "{point}: 활성 제약 없음; {multipliers}"),
    # -- existence and comparison ---------------------------------------------------------------
    "lagrange.global.max_compact": (
        "Highest value {value} at {points}: the set is closed and bounded, so f attains a "
        "highest value on it (extreme value theorem), and comparing f at the candidates finds "
        "it.",
        "최댓값 {value}, {points}에서: 집합이 닫혀 있고 유계이므로 f는 그 위에서 최댓값을 "
        "가지며(최대·최소 정리), 후보점의 f 값을 비교해 찾았습니다."),
    "lagrange.global.min_compact": (
        "Lowest value {value} at {points}: on a closed and bounded set f attains a lowest value "
        "too, and comparing the candidates finds it.",
        "최솟값 {value}, {points}에서: 닫혀 있고 유계인 집합에서는 최솟값도 존재하며, 후보점을 "
        "비교해 찾았습니다."),
    "lagrange.global.max_coercive": (
        "Highest value {value} at {points}: f → −∞ far out (its highest-degree part {top} is "
        "negative definite), so the points with f ≥ c form a bounded set and a highest point "
        "exists; comparing the candidates finds it.",
        "최댓값 {value}, {points}에서: 멀리 가면 f → −∞이므로(최고차항 {top:이} 음의 정부호) "
        "f ≥ c인 점들은 유계 집합을 이루고 최고점이 존재합니다. 후보점을 비교해 찾았습니다."),
    "lagrange.global.max_coercive_reduced": (
        "Highest value {value} at {points}: on the set {eliminated}, so there f = {reduced}, "
        "whose highest-degree part {top} is negative definite: f → −∞ far out along the set, "
        "the points with f ≥ c form a bounded set, and a highest point exists; comparing the "
        "candidates finds it.",
        "최댓값 {value}, {points}에서: 집합 위에서는 {eliminated}이므로 f = {reduced}이고, "
        "최고차항 {top:이} 음의 정부호입니다. 집합을 따라 멀리 가면 f → −∞이므로 f ≥ c인 점들은 "
        "유계이고 최고점이 존재합니다. 후보점을 비교해 찾았습니다."),
    "lagrange.global.min_coercive": (
        "Lowest value {value} at {points}: f → +∞ far out (its highest-degree part {top} is "
        "positive definite), so a lowest point exists; comparing the candidates finds it.",
        "최솟값 {value}, {points}에서: 멀리 가면 f → +∞이므로(최고차항 {top:이} 양의 정부호) "
        "최저점이 존재합니다. 후보점을 비교해 찾았습니다."),
    "lagrange.global.min_coercive_reduced": (
        "Lowest value {value} at {points}: on the set {eliminated}, so there f = {reduced}, "
        "whose highest-degree part {top} is positive definite: f → +∞ far out along the set, "
        "so a lowest point exists; comparing the candidates finds it.",
        "최솟값 {value}, {points}에서: 집합 위에서는 {eliminated}이므로 f = {reduced}이고, "
        "최고차항 {top:이} 양의 정부호입니다. 집합을 따라 멀리 가면 f → +∞이므로 최저점이 "
        "존재합니다. 후보점을 비교해 찾았습니다."),
    "lagrange.global.max_coercive_cone": (
        "Highest value {value} at {points}: the set lies in the polyhedron cut out by its "
        "linear constraints, which runs off to infinity only along the cone spanned by {rays}; "
        "f's highest-degree part {top} is negative at every non-zero point of that cone, so "
        "f → −∞ far out on the set, the points with f ≥ c form a bounded set and a highest "
        "point exists; comparing the candidates finds it.",
        "최댓값 {value}, {points}에서: 집합은 일차 제약들이 만드는 다면체 안에 있고, 그 다면체는 "
        "{rays:이} 생성하는 뿔의 방향으로만 무한히 뻗습니다. f의 최고차항 {top:은} 그 뿔의 0이 "
        "아닌 모든 점에서 음수이므로 집합 위에서 멀리 가면 f → −∞이고, f ≥ c인 점들은 유계이며 "
        "최고점이 존재합니다. 후보점을 비교해 찾았습니다."),
    "lagrange.global.min_coercive_cone": (
        "Lowest value {value} at {points}: the set lies in the polyhedron cut out by its "
        "linear constraints, which runs off to infinity only along the cone spanned by {rays}; "
        "f's highest-degree part {top} is positive at every non-zero point of that cone, so "
        "f → +∞ far out on the set and a lowest point exists; comparing the candidates finds "
        "it.",
        "최솟값 {value}, {points}에서: 집합은 일차 제약들이 만드는 다면체 안에 있고, 그 다면체는 "
        "{rays:이} 생성하는 뿔의 방향으로만 무한히 뻗습니다. f의 최고차항 {top:은} 그 뿔의 0이 "
        "아닌 모든 점에서 양수이므로 집합 위에서 멀리 가면 f → +∞이고 최저점이 존재합니다. "
        "후보점을 비교해 찾았습니다."),
    "lagrange.global.max_linear": (
        "Highest value {value} at {points}: f is linear and does not increase along any "
        "direction in which the set (a polyhedron) is unbounded, so the maximum is attained "
        "(linear programming).",
        "최댓값 {value}, {points}에서: f가 일차식이고 집합(다면체)이 무한히 뻗는 어느 방향으로도 "
        "커지지 않으므로 최댓값이 존재합니다(선형계획법)."),
    "lagrange.global.min_linear": (
        "Lowest value {value} at {points}: f is linear and does not decrease along any "
        "direction in which the set (a polyhedron) is unbounded, so the minimum is attained "
        "(linear programming).",
        "최솟값 {value}, {points}에서: f가 일차식이고 집합(다면체)이 무한히 뻗는 어느 방향으로도 "
        "작아지지 않으므로 최솟값이 존재합니다(선형계획법)."),
    "lagrange.constant": (
        "f is constant: f = {value} at every point of the constraint set, so every point of it "
        "is both a maximum and a minimum (∇f = 0, so λ = 0 there).",
        "상수함수입니다. 제약 집합의 모든 점에서 f = {value}. 따라서 집합의 모든 점이 최댓점이자 "
        "최솟점입니다 (∇f = 0이므로 λ = 0)."),
    "lagrange.global.max_constant": (
        "f is constant on the set: f = {value} at every point, so it is both the highest and "
        "the lowest value (for example at {points}).",
        "집합 위에서 f가 일정합니다: 모든 점에서 f = {value}이므로 최댓값이자 최솟값입니다(예: "
        "{points})."),
    "lagrange.global.min_constant": (
        "(So {value} is the lowest value as well.)",
        "(따라서 {value:는} 최솟값이기도 합니다.)"),
    "lagrange.global.no_max": (
        "No highest point: the set contains the curve {curve}, along which f = {restriction} "
        "→ +∞ as t → +∞ (leading term {leading}).",
        "최고점이 없습니다: 집합에 곡선 {curve:가} 들어 있고, 그 위에서 f = {restriction:는} "
        "t → +∞일 때 +∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_min": (
        "No lowest point: the set contains the curve {curve}, along which f = {restriction} "
        "→ −∞ as t → +∞ (leading term {leading}).",
        "최저점이 없습니다: 집합에 곡선 {curve:가} 들어 있고, 그 위에서 f = {restriction:는} "
        "t → +∞일 때 −∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_max_ray": (
        "No highest point: the set contains the ray {curve} (every large t), along which "
        "f = {restriction} → +∞ as t → +∞ (leading term {leading}).",
        "최고점이 없습니다: 집합에 반직선 {curve:이} 들어 있고(충분히 큰 모든 t), 그 위에서 "
        "f = {restriction:는} t → +∞일 때 +∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_min_ray": (
        "No lowest point: the set contains the ray {curve} (every large t), along which "
        "f = {restriction} → −∞ as t → +∞ (leading term {leading}).",
        "최저점이 없습니다: 집합에 반직선 {curve:이} 들어 있고(충분히 큰 모든 t), 그 위에서 "
        "f = {restriction:는} t → +∞일 때 −∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_max_branch": (
        "No highest point: for every large t, {equation} has a solution {curve} with "
        "{strip} (its left side has opposite signs at the two edges of that strip: "
        "intermediate value theorem), so the set has a branch going off to infinity; along it "
        "f = {restriction} → +∞ as t → +∞, uniformly in s (leading term {leading}).",
        "최고점이 없습니다: 충분히 큰 모든 t에 대해 {equation}에는 {strip}인 해 {curve:가} "
        "있습니다(띠의 양쪽 가장자리에서 좌변의 부호가 반대: 중간값 정리). 그래서 집합에는 "
        "무한히 뻗는 가지가 있고, 그 위에서 f = {restriction:는} s에 대해 고르게 t → +∞일 때 "
        "+∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_min_branch": (
        "No lowest point: for every large t, {equation} has a solution {curve} with "
        "{strip} (its left side has opposite signs at the two edges of that strip: "
        "intermediate value theorem), so the set has a branch going off to infinity; along it "
        "f = {restriction} → −∞ as t → +∞, uniformly in s (leading term {leading}).",
        "최저점이 없습니다: 충분히 큰 모든 t에 대해 {equation}에는 {strip}인 해 {curve:가} "
        "있습니다(띠의 양쪽 가장자리에서 좌변의 부호가 반대: 중간값 정리). 그래서 집합에는 "
        "무한히 뻗는 가지가 있고, 그 위에서 f = {restriction:는} s에 대해 고르게 t → +∞일 때 "
        "−∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.max_unfound_compact": (
        "A highest value exists: the set is closed and bounded and f is continuous on it "
        "(extreme value theorem); but no candidate was found to compare, so it is not stated.",
        "집합이 닫혀 있고 유계이며 f가 그 위에서 연속이므로(최대·최소 정리) 최댓값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.max_unfound_coercive": (
        "A highest value exists: f → −∞ far out on the set (its highest-degree part {top} is "
        "negative definite); but no candidate was found to compare, so it is not stated.",
        "집합 위에서 멀리 가면 f → −∞이므로(최고차항 {top:이} 음의 정부호) 최댓값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.max_unfound_coercive_cone": (
        "A highest value exists: f's highest-degree part {top} is negative on every direction "
        "in which the set runs off to infinity; but no candidate was found to compare, so it "
        "is not stated.",
        "f의 최고차항 {top:이} 집합이 무한히 뻗는 모든 방향에서 음수이므로 최댓값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.max_unfound_linear": (
        "A highest value exists: f is linear and does not increase along any direction in "
        "which the set (a polyhedron) is unbounded; but no candidate was found to compare, so "
        "it is not stated.",
        "f가 일차식이고 집합(다면체)이 무한히 뻗는 어느 방향으로도 커지지 않으므로 최댓값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.min_unfound_compact": (
        "A lowest value exists: the set is closed and bounded and f is continuous on it "
        "(extreme value theorem); but no candidate was found to compare, so it is not stated.",
        "집합이 닫혀 있고 유계이며 f가 그 위에서 연속이므로(최대·최소 정리) 최솟값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.min_unfound_coercive": (
        "A lowest value exists: f → +∞ far out on the set (its highest-degree part {top} is "
        "positive definite); but no candidate was found to compare, so it is not stated.",
        "집합 위에서 멀리 가면 f → +∞이므로(최고차항 {top:이} 양의 정부호) 최솟값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.min_unfound_coercive_cone": (
        "A lowest value exists: f's highest-degree part {top} is positive on every direction "
        "in which the set runs off to infinity; but no candidate was found to compare, so it "
        "is not stated.",
        "f의 최고차항 {top:이} 집합이 무한히 뻗는 모든 방향에서 양수이므로 최솟값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.min_unfound_linear": (
        "A lowest value exists: f is linear and does not decrease along any direction in which "
        "the set (a polyhedron) is unbounded; but no candidate was found to compare, so it is "
        "not stated.",
        "f가 일차식이고 집합(다면체)이 무한히 뻗는 어느 방향으로도 작아지지 않으므로 최솟값이 "
        "존재합니다. 그러나 비교할 후보점을 찾지 못해 그 값은 제시하지 않습니다."),
    "lagrange.global.discontinuous_pole": (
        "The set is closed and bounded, but f is not continuous on it: at {point}, a point of "
        "the set, {condition} fails (f is not defined there), so the extreme value theorem "
        "does not apply.",
        "집합은 닫혀 있고 유계이지만 f가 그 위에서 연속이 아닙니다: 집합의 점 {point}에서 "
        "{condition:이} 성립하지 않으므로(f가 정의되지 않음) 최대·최소 정리를 쓸 수 없습니다."),
    "lagrange.global.no_max_pole": (
        "No highest point: the set contains the curve {curve} (every large t), which runs into "
        "that point, and along it f = {restriction} → +∞ as t → +∞ (leading term {leading}).",
        "최고점이 없습니다: 집합에 그 점으로 다가가는 곡선 {curve:가} 들어 있고(충분히 큰 모든 "
        "t), 그 위에서 f = {restriction:는} t → +∞일 때 +∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.no_min_pole": (
        "No lowest point: the set contains the curve {curve} (every large t), which runs into "
        "that point, and along it f = {restriction} → −∞ as t → +∞ (leading term {leading}).",
        "최저점이 없습니다: 집합에 그 점으로 다가가는 곡선 {curve:가} 들어 있고(충분히 큰 모든 "
        "t), 그 위에서 f = {restriction:는} t → +∞일 때 −∞로 갑니다(최고차항 {leading})."),
    "lagrange.global.max_unknown_discontinuous": (
        "Whether f has a highest value on the set is not decided here (the extreme value "
        "theorem does not apply).",
        "집합 위에서 f의 최댓값이 존재하는지는 여기서 판정하지 못했습니다(최대·최소 정리를 쓸 수 "
        "없음)."),
    "lagrange.global.min_unknown_discontinuous": (
        "Whether f has a lowest value on the set is not decided here (the extreme value "
        "theorem does not apply).",
        "집합 위에서 f의 최솟값이 존재하는지는 여기서 판정하지 못했습니다(최대·최소 정리를 쓸 수 "
        "없음)."),
    "lagrange.global.max_unknown": (
        "Whether f has a highest value on the set is not decided here (the set is not known to "
        "be bounded, and f does not provably go to −∞ far out); the local maxima above are only "
        "local.",
        "집합 위에서 f의 최댓값이 존재하는지는 여기서 판정하지 못했습니다(집합이 유계인지 모르고, "
        "멀리서 f → −∞임도 증명되지 않음). 위의 극대는 국소적인 정보일 뿐입니다."),
    "lagrange.global.min_unknown": (
        "Whether f has a lowest value on the set is not decided here (the set is not known to "
        "be bounded, and f does not provably go to +∞ far out); the local minima above are only "
        "local.",
        "집합 위에서 f의 최솟값이 존재하는지는 여기서 판정하지 못했습니다(집합이 유계인지 모르고, "
        "멀리서 f → +∞임도 증명되지 않음). 위의 극소는 국소적인 정보일 뿐입니다."),
    "lagrange.global.not_proven": (
        "(It exists, but the candidates came from a numeric search, so this is the best one "
        "found, not proven to be the best.)",
        "(존재는 하지만 후보를 수치 탐색으로 찾았으므로, 찾은 것 중 가장 좋은 값일 뿐 최선임이 "
        "증명되지는 않았습니다.)"),
    "lagrange.global.empty": ("No point satisfies every constraint: the set is empty.",
                              "모든 제약 조건을 만족하는 점이 없습니다: 집합이 비어 있습니다."),
    "lagrange.global.not_polynomial": (
        "The constraints are not polynomials: whether the extremes exist is not decided.",
        "제약 조건이 다항식이 아니므로 최댓값·최솟값의 존재를 판정하지 않았습니다."),
    "lagrange.global.continuous_on_set": (
        "f is continuous on the set: {conditions} at every point of it (proven by interval "
        "arithmetic on a box that holds the set), so the extreme value theorem applies.",
        "f는 집합 위에서 연속입니다: 집합의 모든 점에서 {conditions}입니다(집합을 담는 상자 "
        "위에서 구간 산술로 증명). 따라서 최대·최소 정리를 쓸 수 있습니다."),
    "lagrange.global.discontinuous": (
        "The set is closed and bounded, but f is not continuous on it: at {point}, a point of "
        "the set, {condition} fails (f is not defined there). The extreme value theorem does "
        "not apply, so whether f has a highest or lowest value on the set is not decided.",
        "집합은 닫혀 있고 유계이지만 f가 그 위에서 연속이 아닙니다: 집합의 점 {point}에서 "
        "{condition:이} 성립하지 않습니다(f가 정의되지 않음). 최대·최소 정리를 쓸 수 없으므로 "
        "집합 위에서 f의 최댓값·최솟값이 존재하는지는 판정하지 않았습니다."),
    "lagrange.global.continuity_unknown": (
        "The set is closed and bounded, but f's continuity on it is not proven here (it needs "
        "{conditions} on the set), so whether the extremes exist is not decided.",
        "집합은 닫혀 있고 유계이지만 f가 그 위에서 연속인지는 증명하지 못했습니다(집합 위에서 "
        "{conditions}이어야 함). 따라서 최댓값·최솟값의 존재는 판정하지 않았습니다."),
    # -- second order -----------------------------------------------------------------------------
    "lagrange.second.definite_maximum": (
        "{point}: the Hessian of L on the tangent space (dimension {dim}) has eigenvalues "
        "{eigs}, all negative: f curves down along the set → a strict local maximum.",
        "{point}: 접공간(차원 {dim}) 위 L의 헤세 행렬의 고윳값 {eigs:가} 모두 음수입니다. 집합을 "
        "따라 f가 아래로 휘므로 → 극대."),
    "lagrange.second.definite_minimum": (
        "{point}: the Hessian of L on the tangent space (dimension {dim}) has eigenvalues "
        "{eigs}, all positive: f curves up along the set → a strict local minimum.",
        "{point}: 접공간(차원 {dim}) 위 L의 헤세 행렬의 고윳값 {eigs:가} 모두 양수입니다. 집합을 "
        "따라 f가 위로 휘므로 → 극소."),
    "lagrange.second.neither": (
        "{point}: on the tangent space (dimension {dim}) the Hessian of L has eigenvalues {eigs}: "
        "f rises along one direction of the set and falls along another (or the multipliers' "
        "signs forbid the other) → neither a maximum nor a minimum.",
        "{point}: 접공간(차원 {dim}) 위 L의 헤세 행렬의 고윳값이 {eigs}입니다. 집합의 한 방향으로는 "
        "f가 커지고 다른 방향으로는 작아지므로(또는 승수의 부호가 다른 쪽을 막으므로) → 극대도 "
        "극소도 아님."),
    "lagrange.second.vertex_maximum": (
        "{point}: the active constraints leave no direction to move along the set (a corner); "
        "the multipliers' signs decide → a strict local maximum.",
        "{point}: 활성 제약 때문에 집합을 따라 움직일 방향이 없습니다(꼭짓점). 승수의 부호로 "
        "판정 → 극대."),
    "lagrange.second.vertex_minimum": (
        "{point}: the active constraints leave no direction to move along the set (a corner); "
        "the multipliers' signs decide → a strict local minimum.",
        "{point}: 활성 제약 때문에 집합을 따라 움직일 방향이 없습니다(꼭짓점). 승수의 부호로 "
        "판정 → 극소."),
    "lagrange.second.vertex_isolated": (
        "{point}: the constraints leave no direction to move: it is the only point of the set "
        "nearby.",
        "{point}: 제약 때문에 움직일 방향이 없습니다. 근방에서 집합의 유일한 점입니다."),
    "lagrange.second.first_order": (
        "{point}: the multipliers' signs fit neither a maximum nor a minimum — moving off an "
        "active inequality into the set raises f one way and lowers it the other → neither.",
        "{point}: 승수의 부호가 최대에도 최소에도 맞지 않습니다 — 활성 부등식에서 집합 안쪽으로 "
        "움직이면 f가 커지거나 작아지므로 → 극대도 극소도 아님."),
    "lagrange.second.sampled_neither": (
        "{point}: a zero eigenvalue ({eigs}) leaves the second-order test undecided; points of "
        "the set near it have both larger and smaller values → neither (numerical).",
        "{point}: 고윳값 0({eigs}) 때문에 2계 판정이 되지 않습니다. 근처 집합의 점에서 더 큰 값과 "
        "더 작은 값이 모두 나오므로 → 극대도 극소도 아님(수치적)."),
    "lagrange.second.sampled_no_lower": (
        "{point}: a zero eigenvalue ({eigs}) leaves the second-order test undecided; no smaller "
        "value was found nearby on the set, so possibly a minimum (not proven).",
        "{point}: 고윳값 0({eigs}) 때문에 2계 판정이 되지 않습니다. 근처 집합에서 더 작은 값을 "
        "찾지 못했으므로 극소일 수 있습니다(증명 아님)."),
    "lagrange.second.sampled_no_higher": (
        "{point}: a zero eigenvalue ({eigs}) leaves the second-order test undecided; no larger "
        "value was found nearby on the set, so possibly a maximum (not proven).",
        "{point}: 고윳값 0({eigs}) 때문에 2계 판정이 되지 않습니다. 근처 집합에서 더 큰 값을 "
        "찾지 못했으므로 극대일 수 있습니다(증명 아님)."),
    "lagrange.second.sampled_unknown": (
        "{point}: a zero eigenvalue ({eigs}) leaves the second-order test undecided.",
        "{point}: 고윳값 0({eigs}) 때문에 2계 판정이 되지 않습니다."),
    "lagrange.second.undefined": (
        "{point}: the second derivatives are not defined there, so no second-order check.",
        "{point}: 그 점에서 2계 도함수가 정의되지 않아 2계 판정을 하지 않습니다."),
    "lagrange.second.bordered_maximum": (
        "{point}: bordered Hessian [[0, ∇gᵀ], [∇g, ∇²L]], last leading minors {minors}: signs "
        "alternate starting with (−1)^(m+1) → maximum (the same verdict).",
        "{point}: 테두리 헤세 행렬 [[0, ∇gᵀ], [∇g, ∇²L]]의 마지막 선행 주소행렬식 {minors}: "
        "부호가 (−1)^(m+1)부터 번갈아 나타나므로 → 극대 (같은 결론)."),
    "lagrange.second.bordered_minimum": (
        "{point}: bordered Hessian [[0, ∇gᵀ], [∇g, ∇²L]], last leading minors {minors}: all "
        "have the sign (−1)^m → minimum (the same verdict).",
        "{point}: 테두리 헤세 행렬 [[0, ∇gᵀ], [∇g, ∇²L]]의 마지막 선행 주소행렬식 {minors}: "
        "모두 (−1)^m의 부호이므로 → 극소 (같은 결론)."),
    "lagrange.second.bordered_inconclusive": (
        "{point}: bordered Hessian minors {minors}: no sign pattern of a maximum or a minimum.",
        "{point}: 테두리 헤세 행렬의 주소행렬식 {minors}: 극대나 극소의 부호 패턴이 아닙니다."),
    # -- λ ------------------------------------------------------------------------------------------
    "lagrange.lambda.sign": (
        "Sign convention: L = f − λ(g − k), so ∂L/∂x = 0 reads ∇f = λ∇g, and λ = ∂f*/∂k: the "
        "rate at which the optimal value f* changes when the level k of the constraint moves.",
        "부호 규약: L = f − λ(g − k)이므로 ∂L/∂x = 0은 ∇f = λ∇g이고, λ = ∂f*/∂k: 제약 조건의 "
        "값 k가 변할 때 최적값 f*가 변하는 비율입니다."),
    "lagrange.lambda.rate_max": (
        "{name} = {lam} at the highest point {point}: if the constraint {constraint} became "
        "{moved}, the highest value would change by about {name}·Δk. Checked: re-solving "
        "at k ± {delta} gives (f*(k + δ) − f*(k − δ))/(2δ) = {rate}.",
        "최고점 {point}에서 {name} = {lam}: 제약 조건 {constraint:가} {moved:로} 바뀌면 "
        "최댓값은 약 {name}·Δk만큼 변합니다. 검증: k ± {delta}에서 다시 풀면 "
        "(f*(k + δ) − f*(k − δ))/(2δ) = {rate}."),
    "lagrange.lambda.rate_min": (
        "{name} = {lam} at the lowest point {point}: if the constraint {constraint} became "
        "{moved}, the lowest value would change by about {name}·Δk. Checked: re-solving "
        "at k ± {delta} gives (f*(k + δ) − f*(k − δ))/(2δ) = {rate}.",
        "최저점 {point}에서 {name} = {lam}: 제약 조건 {constraint:가} {moved:로} 바뀌면 "
        "최솟값은 약 {name}·Δk만큼 변합니다. 검증: k ± {delta}에서 다시 풀면 "
        "(f*(k + δ) − f*(k − δ))/(2δ) = {rate}."),
    "lagrange.lambda.rate_point": (
        "{name} = {lam} at {point}: if the constraint {constraint} became {moved}, f at "
        "this point (moved along) would change by about {name}·Δk. Checked: re-solving at "
        "k ± {delta} gives (f*(k + δ) − f*(k − δ))/(2δ) = {rate}.",
        "{point}에서 {name} = {lam}: 제약 조건 {constraint:가} {moved:로} 바뀌면 (함께 "
        "움직인) 이 점의 f 값은 약 {name}·Δk만큼 변합니다. 검증: k ± {delta}에서 다시 풀면 "
        "(f*(k + δ) − f*(k − δ))/(2δ) = {rate}."),
    "lagrange.lambda.scipy_max": (
        "SciPy minimises, so for the highest point it minimises −f; SLSQP's multipliers μ solve "
        "∇(−f) = Σμᵢ∇cᵢ with cᵢ = gᵢ − kᵢ (cᵢ = kᵢ − gᵢ for g ≤ k), so they carry the opposite "
        "sign: here μ = {mu} for λ = {lam}. trust-constr's v uses ∇(−f) + Σvᵢ∇cᵢ = 0, the "
        "sign of λ.",
        "SciPy는 최소화만 하므로 최고점을 찾을 때 −f를 최소화합니다. SLSQP의 multipliers μ는 "
        "∇(−f) = Σμᵢ∇cᵢ (cᵢ = gᵢ − kᵢ, g ≤ k이면 cᵢ = kᵢ − gᵢ)를 만족하므로 부호가 반대입니다: "
        "여기서 λ = {lam}에 대해 μ = {mu}. trust-constr의 v는 ∇(−f) + Σvᵢ∇cᵢ = 0을 쓰므로 λ와 "
        "부호가 같습니다."),
    "lagrange.lambda.scipy_min": (
        "For the lowest point SciPy minimises f itself; SLSQP's multipliers μ solve "
        "∇f = Σμᵢ∇cᵢ with cᵢ = gᵢ − kᵢ (cᵢ = kᵢ − gᵢ for g ≤ k): here μ = {mu} for λ = {lam}. "
        "trust-constr's v uses ∇f + Σvᵢ∇cᵢ = 0, the opposite sign.",
        "최저점을 찾을 때 SciPy는 f 자체를 최소화합니다. SLSQP의 multipliers μ는 "
        "∇f = Σμᵢ∇cᵢ (cᵢ = gᵢ − kᵢ, g ≤ k이면 cᵢ = kᵢ − gᵢ)를 만족합니다: 여기서 λ = {lam}에 "
        "대해 μ = {mu}. trust-constr의 v는 ∇f + Σvᵢ∇cᵢ = 0을 쓰므로 부호가 반대입니다."),
    "lagrange.lambda.scipy": (
        "SciPy minimises: for a maximum it minimises −f, so SLSQP's multipliers carry the "
        "opposite sign of λ there; for a minimum they agree with λ on equalities.",
        "SciPy는 최소화만 합니다. 최대를 찾을 때는 −f를 최소화하므로 SLSQP의 multipliers는 λ와 "
        "부호가 반대이고, 최소일 때는 등식 제약에서 λ와 같습니다."),
    # -- SciPy ----------------------------------------------------------------------------------------
    "lagrange.check.summary": (
        "SciPy {method} from {starts} starts for each of max f and min f: {converged} runs "
        "converged, {matched} of them at a point listed here.",
        "SciPy {method:로} max f와 min f를 각각 {starts}개 시작점에서 풀었습니다: {converged}번 "
        "수렴했고, 그중 {matched}번이 여기 나열된 점에 도착했습니다."),
    "lagrange.check.adopted": (
        "{count} candidate(s) in the table were reached only by these runs: the numeric search "
        "had missed them. Newton on the Lagrange system refined each from where SciPy stopped, "
        "and its residual verifies it.",
        "표의 후보점 중 {count}개는 이 SciPy 실행만 찾았습니다. 수치 탐색이 놓친 점입니다. "
        "SciPy가 멈춘 곳에서 라그랑주 연립방정식에 뉴턴 방법을 써서 다듬었고, 잔차로 "
        "검증했습니다."),
    "lagrange.check.max_agrees": ("Its best maximum, f = {value} at {point}, agrees with ours.",
                                  "SciPy가 찾은 가장 큰 값 f = {value} ({point}){는} 우리 답과 "
                                  "같습니다."),
    "lagrange.check.min_agrees": ("Its best minimum, f = {value} at {point}, agrees with ours.",
                                  "SciPy가 찾은 가장 작은 값 f = {value} ({point}){는} 우리 답과 "
                                  "같습니다."),
    "lagrange.check.max_contradicts": (
        "It found f = {value} at {point}, higher than our maximum {ours}: something is missing.",
        "SciPy가 우리 최댓값 {ours}보다 큰 f = {value} ({point}){를} 찾았습니다: 무언가 빠졌습니다."),
    "lagrange.check.min_contradicts": (
        "It found f = {value} at {point}, lower than our minimum {ours}: something is missing.",
        "SciPy가 우리 최솟값 {ours}보다 작은 f = {value} ({point}){를} 찾았습니다: 무언가 "
        "빠졌습니다."),
    "lagrange.check.max_unreached": (
        "Its best maximum, f = {value} at {point}, falls short of ours ({ours}): SciPy's runs "
        "are local.",
        "SciPy의 가장 큰 값 f = {value} ({point}){는} 우리 최댓값 {ours}에 못 미칩니다: SciPy는 "
        "국소적으로 찾습니다."),
    "lagrange.check.min_unreached": (
        "Its best minimum, f = {value} at {point}, falls short of ours ({ours}): SciPy's runs "
        "are local.",
        "SciPy의 가장 작은 값 f = {value} ({point}){는} 우리 최솟값 {ours}에 못 미칩니다: SciPy는 "
        "국소적으로 찾습니다."),
    "lagrange.check.max_local": (
        "Maximising, its best run stopped at f = {value} ({point}): with no highest value "
        "established, SciPy can only stop at a local maximum or give up.",
        "최대화에서 SciPy의 가장 좋은 결과는 f = {value} ({point})입니다: 최댓값이 확인되지 "
        "않았으므로 SciPy는 극대에서 멈추거나 실패할 수밖에 없습니다."),
    "lagrange.check.min_local": (
        "Minimising, its best run stopped at f = {value} ({point}): with no lowest value "
        "established, SciPy can only stop at a local minimum or give up.",
        "최소화에서 SciPy의 가장 좋은 결과는 f = {value} ({point})입니다: 최솟값이 확인되지 "
        "않았으므로 SciPy는 극소에서 멈추거나 실패할 수밖에 없습니다."),
    "lagrange.check.max_none": ("Maximising, no SciPy run converged.",
                                "최대화에서 SciPy가 한 번도 수렴하지 않았습니다."),
    "lagrange.check.min_none": ("Minimising, no SciPy run converged.",
                                "최소화에서 SciPy가 한 번도 수렴하지 않았습니다."),
    # -- tour -----------------------------------------------------------------------------------------
    "tour.lagrange.title": ("Lagrange multipliers: the highest point of the hiking path",
                            "라그랑주 승수법: 등산 경로의 최고점"),
    "tour.lagrange.story": (
        "The notes' mountain has height f(x, y) = {f} and the hiking path on the map is "
        "{g}. How high does the path climb? The highest point is where a level curve of f "
        "touches the path, so ∇f = λ∇g there.",
        "노트의 산은 높이 f(x, y) = {f}이고, 지도 위 등산 경로는 {g}입니다. 경로를 따라 가장 높이 "
        "올라가는 곳은 어디일까요? 최고점에서는 f의 등고선이 경로에 접하므로 ∇f = λ∇g입니다."),
    "tour.lagrange.lagrangian": ("The Lagrangian and its stationarity conditions:",
                                 "라그랑주 함수와 정상성 조건:"),
    "tour.lagrange.solved": (
        "(a) Solved exactly ({method}). Eliminating λ and y leaves {eliminant} = 0, "
        "of degree {degree}: {real} real root and {complex} complex ones, which are not points "
        "of the map. The real root is shown in decimals; written exactly it is a Cardano "
        "radical of {chars} characters (SymPy's answer).",
        "(a) 정확히 풀었습니다({method}). λ와 y를 소거하면 {eliminant} = 0, {degree}차 "
        "방정식이 남습니다: 실근 {real}개와 복소근 {complex}개이고, 복소근은 지도 위의 점이 "
        "아닙니다. 실근은 소수로 보여 줍니다. 정확히 쓰면 {chars}자짜리 카르다노 근호식입니다"
        "(SymPy의 답)."),
    "tour.lagrange.candidate": ("Candidate: {point}, λ = {lam}, height f = {value}",
                                "후보점: {point}, λ = {lam}, 높이 f = {value}"),
    "tour.lagrange.try": ("Try: nablab lagrange \"4 - x^2 - 2y^2\" --constraint "
                          "\"2(x-1)^2 - 10y + 6 = 0\" (add --json for every number)",
                          "해 보기: nablab lagrange \"4 - x^2 - 2y^2\" --constraint "
                          "\"2(x-1)^2 - 10y + 6 = 0\" (--json을 붙이면 모든 수치)"),
    # -- one variable on an interval: f'(x) = 0 by solveset (issue 15) -------------------------
    "lagrange.method.solveset": (
        "Exact and complete: one variable on a closed interval [a, b] (the closed interval "
        "method). f'(x) = 0 was solved on [a, b] by SymPy's solveset, which gave a finite set of "
        "exact roots; cross-checked: every sign change of f' on a grid of 20001 points of [a, b] "
        "lies at one of them. With the endpoints, {count} real candidate(s).",
        "정확하고 완전함: 닫힌 구간 [a, b] 위의 한 변수 함수입니다(닫힌 구간 방법). SymPy의 "
        "solveset으로 [a, b]에서 f'(x) = 0을 풀어 정확한 근의 유한집합을 얻었고, [a, b]의 격자점 "
        "20001개에서 f'의 부호가 바뀌는 곳이 모두 그 근 가운데 하나임을 확인했습니다. 끝점과 "
        "함께 실수 후보점 {count}개."),
    "lagrange.method.constants": (
        "The coefficients involve {constants}: they were kept as exact numbers (the systems were "
        "solved over ℚ({constants})), never rounded.",
        "계수에 {constants:이} 들어 있습니다: 반올림하지 않고 정확한 수로 두었습니다"
        "(ℚ({constants}) 위에서 풀었습니다)."),
    "lagrange.method.denominators": (
        "The functions have denominators ({denominators}): each equation was solved as its "
        "numerator = 0, and the points where a denominator is 0 — where the functions are not "
        "defined — were removed exactly.",
        "함수에 분모({denominators})가 있습니다: 각 방정식을 분자 = 0으로 풀었고, 분모가 0인 "
        "점(함수가 정의되지 않는 점)은 정확히 제외했습니다."),
    # -- kinks: points where ∇f or ∇g does not exist (constrained.kinks) --------------------
    "error.not_continuous": (
        "{where} contains {functions}, which jumps: it is not continuous there, and neither "
        "Lagrange's condition nor comparing candidates can find the extremes",
        "{where}에 있는 {functions}{은} 값이 뜁니다. 그곳에서 연속이 아니므로 라그랑주 조건으로도 "
        "후보 비교로도 극값을 찾을 수 없습니다"),
    "lagrange.nondifferentiable": ("∇f or ∇g does not exist", "∇f 또는 ∇g가 존재하지 않음"),
    "lagrange.method.kinks": (
        "f or a constraint is not differentiable everywhere (|u|, relu, max, min, roots: at "
        "u = 0), so the problem is split into pieces by the signs of the kinks' arguments: on "
        "each piece f and the constraints are differentiable, Lagrange's condition (KKT) gives "
        "that piece's candidates, and the pieces' answers are compared.",
        "f나 제약 조건이 모든 곳에서 미분 가능하지는 않으므로(|u|, relu, max, min, 근호: u = 0에서), "
        "꺾인 곳의 인수의 부호로 문제를 조각으로 나눕니다. 각 조각에서는 f와 제약 조건이 미분 "
        "가능하므로 라그랑주 조건(KKT)으로 그 조각의 후보를 구하고, 조각들의 답을 비교합니다."),
    "lagrange.method.kink_points": (
        "At {points} the gradient of f or of a binding constraint does not exist ({loci}): "
        "Lagrange's condition cannot be written there, so these points are candidates too and "
        "are compared like singular points.",
        "{points}에서는 f나 등호로 성립하는 제약 조건의 기울기 벡터가 존재하지 않습니다 ({loci}). "
        "그곳에서는 라그랑주 조건을 쓸 수 없으므로 이 점들도 후보로 삼아 특이점처럼 함께 비교합니다."),
    "lagrange.method.constant_piece": (
        "On the piece {piece}, f = {value} is constant: every point of the set there has "
        "this value.",
        "조각 {piece}에서 f = {value:로} 상수입니다. 그곳에 있는 집합의 모든 점에서 f의 값이 "
        "이것입니다."),
    "lagrange.global.max_pieces": (
        "Highest value {value} at {points}: on each piece f has a highest value (the piece is "
        "closed and bounded and f continuous on it, or f is constant there), so on their union "
        "too, and comparing every piece's candidates finds it.",
        "최댓값 {value}, {points}에서: 각 조각에서 f는 최댓값을 가지므로(조각이 닫혀 있고 유계이며 "
        "f가 그 위에서 연속이거나, f가 상수) 그 합집합에서도 가지며, 모든 조각의 후보를 비교해 "
        "찾았습니다."),
    "lagrange.global.min_pieces": (
        "Lowest value {value} at {points}: likewise f has a lowest value on each piece, so on "
        "the whole set, and comparing the candidates finds it.",
        "최솟값 {value}, {points}에서: 마찬가지로 각 조각에서 f는 최솟값을 가지므로 집합 전체에서도 "
        "가지며, 후보를 비교해 찾았습니다."),
}
