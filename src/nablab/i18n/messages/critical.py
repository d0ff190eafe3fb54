"""Messages of critical points: ``nablab critical``, the explanation, the tour chapter.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 최솟값, 최댓값,
안장점, 필요조건, 충분조건, 헤세 행렬, 고윳값, 기울기 벡터; 극소/극대 for local extrema.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- command line -----------------------------------------------------------------------
    "cli.critical.help": ("critical points (∇f = 0), classified: minima, maxima, saddle points",
                          "임계점(∇f = 0)을 모두 찾아 극소, 극대, 안장점으로 분류"),
    "cli.critical.description": (
        "Find every point where ∇f = 0 (f'(a) = 0 in one variable) and classify it with the "
        "Hessian's eigenvalues. Polynomials are solved exactly and completely; other "
        "functions numerically inside --domain.",
        "∇f = 0 (한 변수에서는 f'(a) = 0)인 점을 모두 찾고 헤세 행렬의 고윳값으로 분류합니다. "
        "다항식은 정확하고 빠짐없이 풀고, 그 밖의 함수는 --domain 안에서 수치적으로 찾습니다."),
    "cli.critical.domain": ("the box to search, e.g. -5:5,-5:5 or x=-pi:pi,y=0:1 "
                            "(default for non-polynomials: -10:10 per variable)",
                            "찾을 범위, 예: -5:5,-5:5 또는 x=-pi:pi,y=0:1 "
                            "(다항식이 아니면 기본값은 변수마다 -10:10)"),
    # -- headings and columns -----------------------------------------------------------------
    "critical.heading.points": ("Critical points (∇f = 0)", "임계점 (∇f = 0)"),
    "critical.heading.points_1d": ("Critical points (f'(x) = 0)", "임계점 (f'(x) = 0)"),
    "critical.heading.global": ("On the whole domain", "정의역 전체에서"),
    "critical.heading.why": ("Why ∇f = 0 is necessary but not sufficient",
                             "∇f = 0은 왜 필요조건이지만 충분조건은 아닌가"),
    "critical.heading.why_1d": ("Why f'(a) = 0 is necessary but not sufficient",
                                "f'(a) = 0은 왜 필요조건이지만 충분조건은 아닌가"),
    "critical.column.point": ("point", "점"),
    "critical.column.value": ("f", "함숫값"),
    "critical.column.eigenvalues": ("Hessian eigenvalues", "헤세 행렬 고윳값"),
    "critical.column.second": ("f''", "f''"),
    "critical.column.kind": ("kind", "종류"),
    "critical.none": ("none", "없음"),
    "critical.more": ("… and {count} more (--json lists every point)",
                      "… 외 {count}개 (--json은 모든 점을 나열)"),
    "critical.complete": ("complete: these are all of them", "완전: 빠짐없이 모두 찾음"),
    "critical.incomplete": ("not complete: points may be missing",
                            "불완전: 빠진 점이 있을 수 있음"),
    # -- kinds --------------------------------------------------------------------------------
    "critical.kind.minimum": ("local minimum", "극소 (극솟값)"),
    "critical.kind.maximum": ("local maximum", "극대 (극댓값)"),
    "critical.kind.saddle": ("saddle point", "안장점"),
    "critical.kind.degenerate": ("degenerate", "퇴화 임계점"),
    # -- further tests ------------------------------------------------------------------------
    "critical.result.minimum": ("a minimum", "극소"),
    "critical.result.maximum": ("a maximum", "극대"),
    "critical.result.not_extremum": ("not an extremum", "극값이 아님"),
    "critical.result.inconclusive": ("inconclusive", "판정 불가"),
    "critical.method_name.even_powers": ("f(p + h) − f(p) is a sum of even powers",
                                         "f(p + h) − f(p)가 짝수 거듭제곱의 합"),
    "critical.method_name.higher_order": ("lowest non-zero Taylor term, order {order}",
                                          "0이 아닌 가장 낮은 테일러 항, {order}차"),
    "critical.method_name.kernel_line": ("along a zero-eigenvalue direction, order {order}",
                                         "고윳값 0 방향을 따라, {order}차"),
    "critical.method_name.derivatives": ("first non-zero derivative has order {order}",
                                         "0이 아닌 첫 도함수가 {order}계"),
    "critical.method_name.neighbourhood": ("f sampled around the point",
                                           "점 주변에서 f를 표본 조사"),
    "critical.proof.yes": ("proven", "증명됨"),
    "critical.proof.no": ("numerical", "수치적"),
    "critical.evidence.no_lower_value": ("no lower value found nearby, so possibly a minimum",
                                         "근방에서 더 작은 값을 찾지 못함 (극소일 수 있음)"),
    "critical.evidence.no_higher_value": ("no higher value found nearby, so possibly a maximum",
                                          "근방에서 더 큰 값을 찾지 못함 (극대일 수 있음)"),
    "critical.test": ("{method} → {result} ({proof})", "{method} → {result} ({proof})"),
    "critical.method_short.groebner": ("lexicographic Gröbner basis + real-root isolation",
                                       "사전식 그뢰브너 기저 + 실근 분리"),
    "critical.method_short.newton": ("multi-start Newton", "다중 시작점 뉴턴 방법"),
    # -- how the points were found --------------------------------------------------------------
    "critical.method.constant": (
        "f is constant: ∇f = 0 at every point, so every point is a critical point (there is "
        "no list of them to give). Each is a local minimum and a local maximum at once, "
        "neither of them strict.",
        "상수함수입니다. 모든 점에서 ∇f = 0이므로 모든 점이 임계점입니다 (목록으로 나열할 수 "
        "없습니다). 각 점은 극소이자 극대이며, 어느 쪽도 엄격하지 않습니다."),
    "critical.global.constant": (
        "f = {value} everywhere: it is both the global minimum and the global maximum, "
        "attained at every point.",
        "모든 점에서 f = {value}. 전역 최솟값이자 전역 최댓값이며, 모든 점에서 이 값을 "
        "가집니다."),
    "critical.method.groebner": (
        "Exact and complete: ∇f = 0 is a polynomial system; a lexicographic Gröbner basis "
        "reduces it to one polynomial in the last variable, whose real roots are isolated "
        "exactly, and back-substitution gives the other coordinates. {count} real critical "
        "point(s), each verified by |∇f| ≈ 0.",
        "정확하고 완전함: ∇f = 0은 다항식 연립방정식입니다. 사전식 순서의 그뢰브너 기저로 마지막 "
        "변수 하나의 다항식으로 줄이고, 그 실근을 정확히 분리한 뒤 역대입으로 나머지 좌표를 구합니다. "
        "실수 임계점 {count}개, 모두 |∇f| ≈ 0으로 검증했습니다."),
    "critical.method.newton": (
        "Numerical: Newton's method on ∇f = 0 (the Hessian as Jacobian) from {starts} "
        "starting points in {box}; {count} distinct point(s), each refined until "
        "|∇f| < 1e-12. Points whose basins no start reached can be missing, so the list is "
        "not known to be complete.",
        "수치적 방법: {box} 안의 시작점 {starts}개에서 ∇f = 0에 뉴턴 방법(야코비 행렬로 헤세 "
        "행렬 사용)을 적용했습니다. 서로 다른 점 {count}개를 찾았고, 각각 |∇f| < 1e-12이 될 때까지 "
        "다듬었습니다. 어떤 시작점도 닿지 못한 점은 빠질 수 있으므로 완전하다고 할 수 없습니다."),
    "critical.fallback.not_polynomial": (
        "f is not a polynomial, so ∇f = 0 is solved numerically.",
        "f가 다항식이 아니므로 ∇f = 0을 수치적으로 풉니다."),
    "critical.fallback.timeout": (
        "The exact solve did not finish within {seconds} s, so the numerical method ran "
        "instead.",
        "정확한 풀이가 {seconds}초 안에 끝나지 않아 수치적 방법으로 대신 풀었습니다."),
    "critical.fallback.memory": (
        "The exact solve needed too much memory, so the numerical method ran instead.",
        "정확한 풀이에 메모리가 너무 많이 필요해 수치적 방법으로 대신 풀었습니다."),
    "critical.fallback.infinite": (
        "∇f = 0 holds on a whole curve or surface — infinitely many critical points: the set "
        "where {set} = 0 (exact). The points below are samples found numerically.",
        "∇f = 0이 곡선이나 곡면 전체에서 성립합니다 — 임계점이 무수히 많습니다: {set} = 0인 "
        "집합(정확한 결과). 아래 점들은 수치적으로 찾은 표본입니다."),
    "critical.truncated": (
        "The search stopped at {count} points: they probably form curves or surfaces, and "
        "the list is a sample.",
        "{count}개에서 탐색을 멈췄습니다: 임계점이 곡선이나 곡면을 이루는 것으로 보이며, 목록은 "
        "표본입니다."),
    "critical.outside_domain": (
        "{count} more critical point(s) lie outside the domain and are not listed.",
        "정의역 밖에 임계점이 {count}개 더 있어 목록에서 뺐습니다."),
    "critical.periodic": (
        "f is periodic ({periods}), so it has infinitely many critical points; those inside "
        "the domain are listed.",
        "f는 주기함수({periods})이므로 임계점이 무수히 많습니다. 정의역 안의 점만 나열합니다."),
    # -- the explanation ----------------------------------------------------------------------
    "critical.explain.necessary": (
        "Necessary condition: at a local minimum or maximum of a differentiable f (inside its "
        "domain) every partial derivative is 0, so ∇f = 0 — otherwise f would decrease along "
        "−∇f. It is not sufficient: a point with ∇f = 0 can be a saddle point or no extremum "
        "at all.",
        "필요조건: 미분 가능한 f가 (정의역 내부의) 극소나 극대에서는 모든 편미분이 0이므로 "
        "∇f = 0입니다. 그렇지 않으면 −∇f 방향으로 f가 줄어듭니다. 그러나 충분조건은 아닙니다: "
        "∇f = 0인 점이 안장점이거나 아예 극값이 아닐 수 있습니다."),
    "critical.explain.necessary_1d": (
        "Necessary condition: at a local minimum or maximum of a differentiable f (inside its "
        "domain), f'(a) = 0 — the tangent is horizontal. It is not sufficient: f'(a) = 0 can "
        "also hold where f has no extremum.",
        "필요조건: 미분 가능한 f가 (정의역 내부의) 극소나 극대에서는 f'(a) = 0입니다 — 접선이 "
        "수평입니다. 그러나 충분조건은 아닙니다: 극값이 아닌 곳에서도 f'(a) = 0일 수 있습니다."),
    "critical.explain.saddle": (
        "This function shows it: ∇f{point} = 0, yet {point} is a saddle point. The Hessian "
        "there has eigenvalues {low_eigenvalue} and {high_eigenvalue}, so f falls along "
        "{low_direction} and rises along {high_direction}: f{below} = {below_value} < "
        "f{point} = {value} < f{above} = {above_value}.",
        "이 함수가 그 예입니다: ∇f{point} = 0이지만 {point:은} 안장점입니다. 그 점에서 "
        "헤세 행렬의 고윳값이 {low_eigenvalue}, {high_eigenvalue}이므로 f는 {low_direction} "
        "방향으로 줄고 {high_direction} 방향으로 늘어납니다: f{below} = {below_value} < "
        "f{point} = {value} < f{above} = {above_value}."),
    "critical.explain.inflection": (
        "This function shows it: f'({point}) = 0, yet x = {point} is not an extremum: "
        "f({below}) = {below_value} < f({point}) = {value} < f({above}) = {above_value}.",
        "이 함수가 그 예입니다: f'({point}) = 0이지만 x = {point:은} 극값이 아닙니다: "
        "f({below}) = {below_value} < f({point}) = {value} < f({above}) = {above_value}."),
    "critical.explain.not_extremum": (
        "This function shows it: ∇f{point} = 0, yet {point} is not an extremum — f takes "
        "smaller and larger values arbitrarily close to it: f{below} = {below_value} < "
        "f{point} = {value} < f{above} = {above_value}.",
        "이 함수가 그 예입니다: ∇f{point} = 0이지만 {point:은} 극값이 아닙니다 — 아주 가까운 곳에 "
        "더 작은 값과 더 큰 값이 모두 있습니다: f{below} = {below_value} < f{point} = {value} "
        "< f{above} = {above_value}."),
    "critical.explain.no_counterexample": (
        "Here every critical point found is a local extremum, so this function is no "
        "counter-example; the classic one is f(x) = x³ at 0: f'(0) = 0, but f(−0.1) < f(0) "
        "< f(0.1).",
        "이 함수에서 찾은 임계점은 모두 극값이라 반례가 되지 않습니다. 고전적인 반례는 "
        "f(x) = x³의 0입니다: f'(0) = 0이지만 f(−0.1) < f(0) < f(0.1)입니다."),
    "critical.explain.undecided": (
        "No critical point found here is shown to be a non-extremum (some are undecided); the "
        "classic counter-example is f(x) = x³ at 0: f'(0) = 0, but f(−0.1) < f(0) < f(0.1).",
        "여기서 찾은 임계점 중 극값이 아님이 밝혀진 점은 없습니다 (판정하지 못한 점이 있음). "
        "고전적인 반례는 f(x) = x³의 0입니다: f'(0) = 0이지만 f(−0.1) < f(0) < f(0.1)입니다."),
    "critical.explain.no_points": (
        "No critical points were found, so by the necessary condition f has no local minimum "
        "or maximum there.",
        "임계점을 찾지 못했으므로, 필요조건에 따라 그 범위에서 f는 극소나 극대를 갖지 않습니다."),
    "critical.explain.no_points_1d": (
        "f'(x) = 0 has no solution there, so by the necessary condition f has no local "
        "minimum or maximum there.",
        "그 범위에서 f'(x) = 0의 해가 없으므로, 필요조건에 따라 f는 극소나 극대를 갖지 않습니다."),
    "critical.explain.sufficient": (
        "A sufficient condition is second-order: ∇f = 0 and a positive definite Hessian (all "
        "eigenvalues > 0) give a strict local minimum; negative definite, a local maximum; "
        "eigenvalues of both signs, a saddle point. A zero eigenvalue leaves it open "
        "(degenerate), and higher-order terms decide.",
        "충분조건은 2계 조건입니다: ∇f = 0이고 헤세 행렬이 양의 정부호(모든 고윳값 > 0)이면 "
        "엄격한 극소, 음의 정부호이면 극대, 부호가 다른 고윳값이 있으면 안장점입니다. 고윳값 0이 "
        "있으면(퇴화) 더 높은 차수의 항이 결정합니다."),
    "critical.explain.sufficient_1d": (
        "A sufficient condition is the second-derivative test: f'(a) = 0 and f''(a) > 0 give "
        "a local minimum, f''(a) < 0 a local maximum; f''(a) = 0 leaves it open, and the first "
        "non-zero higher derivative decides (even order: extremum, odd order: not).",
        "충분조건은 2계 도함수 판정입니다: f'(a) = 0이고 f''(a) > 0이면 극소, f''(a) < 0이면 "
        "극대입니다. f''(a) = 0이면 0이 아닌 첫 고계 도함수가 결정합니다 (짝수 계: 극값, 홀수 계: "
        "극값 아님)."),
    # -- global statements --------------------------------------------------------------------
    "critical.global.minimum_coercive": (
        "Global minimum: f is bounded below and f → +∞ as ‖({vars})‖ → ∞ (the terms {top} are "
        "positive and outgrow all others), so f attains a lowest value, at a point where "
        "∇f = 0. All critical points are known, so the lowest is the global minimum: "
        "f = {value} at {points}. There, ∇f = 0 is necessary and, with this argument, "
        "sufficient.",
        "전역 최솟값: f는 아래로 유계이고 ‖({vars})‖ → ∞일 때 f → +∞입니다 (항 {top:이} 양수이며 "
        "다른 모든 항보다 빨리 커짐). 따라서 f는 가장 작은 값을 가지며 그 점에서 ∇f = 0입니다. 임계점을 모두 "
        "알고 있으므로 그중 가장 낮은 점이 전역 최솟값입니다: {points}에서 f = {value}. 이 논증과 "
        "함께라면 ∇f = 0은 필요조건이자 충분조건입니다."),
    "critical.global.minimum_coercive_1d": (
        "Global minimum: f → +∞ as {var} → ±∞ (its highest-degree term {top} has even degree "
        "and a positive coefficient), so f attains a lowest value, at a point where "
        "f'({var}) = 0. All critical points are known, so the lowest is the global minimum: "
        "f = {value} at {var} = {points}. There, f'({var}) = 0 is necessary and, with this "
        "argument, sufficient.",
        "전역 최솟값: {var} → ±∞일 때 f → +∞입니다 (최고차항 {top}의 차수가 짝수이고 계수가 "
        "양수). 따라서 f는 가장 작은 값을 가지며 그 점에서 f'({var}) = 0입니다. 임계점을 모두 "
        "알고 있으므로 그중 가장 낮은 점이 전역 최솟값입니다: {var} = {points}에서 f = {value}. "
        "이 논증과 함께라면 f'({var}) = 0은 필요조건이자 충분조건입니다."),
    "critical.global.maximum_coercive_1d": (
        "Global maximum: f → −∞ as {var} → ±∞ (its highest-degree term {top} has even degree "
        "and a negative coefficient), so the highest critical point is the global maximum: "
        "f = {value} at {var} = {points}.",
        "전역 최댓값: {var} → ±∞일 때 f → −∞입니다 (최고차항 {top}의 차수가 짝수이고 계수가 "
        "음수). 따라서 가장 높은 임계점이 전역 최댓값입니다: {var} = {points}에서 f = {value}."),
    "critical.global.unbounded_below_1d": (
        "f is unbounded below — no global minimum: f → −∞ as {var} → {limit}.",
        "f는 아래로 유계가 아닙니다 — 전역 최솟값이 없습니다: {var} → {limit}일 때 f → −∞."),
    "critical.global.unbounded_above_1d": (
        "f is unbounded above — no global maximum: f → +∞ as {var} → {limit}.",
        "f는 위로 유계가 아닙니다 — 전역 최댓값이 없습니다: {var} → {limit}일 때 f → +∞."),
    "critical.global.minimum_even_powers": (
        "Directly: {lhs} = {certificate} ≥ 0, a sum of even powers with positive "
        "coefficients, so f ≥ {value} everywhere, with equality at {points}: the global "
        "minimum.",
        "직접 확인: {lhs} = {certificate} ≥ 0 (양의 계수를 가진 짝수 거듭제곱의 합)이므로 "
        "모든 곳에서 f ≥ {value}이고 {points}에서 등호가 성립합니다: 전역 최솟값입니다."),
    "critical.global.maximum_coercive": (
        "Global maximum: f → −∞ as ‖({vars})‖ → ∞ (the terms {top} are negative and outgrow "
        "all others), so f attains a highest value, at a critical point; the highest is "
        "f = {value} at {points}.",
        "전역 최댓값: ‖({vars})‖ → ∞일 때 f → −∞입니다 (항 {top:이} 음수이며 다른 모든 항보다 "
        "빨리 커짐). "
        "따라서 f는 가장 큰 값을 임계점에서 가지며, 가장 높은 점은 {points}에서 f = {value}입니다."),
    "critical.global.maximum_even_powers": (
        "Directly: {lhs} = {certificate} ≤ 0, so f ≤ {value} everywhere, with equality "
        "at {points}: the global maximum.",
        "직접 확인: {lhs} = {certificate} ≤ 0이므로 모든 곳에서 f ≤ {value}이고 {points}에서 "
        "등호가 성립합니다: 전역 최댓값입니다."),
    "critical.global.unbounded_below": (
        "f is unbounded below — no global minimum: along ({vars}) = t·{direction}, "
        "f = {restriction} → −∞ as t → {limit}.",
        "f는 아래로 유계가 아닙니다 — 전역 최솟값이 없습니다: ({vars}) = t·{direction:을} 따라 "
        "f = {restriction} → −∞ (t → {limit})."),
    "critical.global.unbounded_above": (
        "f is unbounded above — no global maximum: along ({vars}) = t·{direction}, "
        "f = {restriction} → +∞ as t → {limit}.",
        "f는 위로 유계가 아닙니다 — 전역 최댓값이 없습니다: ({vars}) = t·{direction:을} 따라 "
        "f = {restriction} → +∞ (t → {limit})."),
    "critical.global.not_polynomial": (
        "Global minimum or maximum: not determined (nablab proves these for polynomials); "
        "a local minimum found here need not be the global one.",
        "전역 최솟값/최댓값: 판정하지 않았습니다 (nablab은 다항식에 대해서만 증명합니다). 여기서 "
        "찾은 극소가 전역 최솟값이라는 보장은 없습니다."),
    "critical.global.unknown": (
        "Global minimum or maximum: not determined — nablab could neither show that f → ±∞ "
        "in every direction nor find a line along which it is unbounded.",
        "전역 최솟값/최댓값: 판정하지 못했습니다 — 모든 방향에서 f → ±∞임을 보이지도, f가 유계가 "
        "아닌 직선을 찾지도 못했습니다."),
    # -- tour chapter -------------------------------------------------------------------------
    "tour.critical.title": ("Critical points: ∇f = 0, classified", "임계점: ∇f = 0과 분류"),
    "tour.critical.gradient": ("Where can f have a minimum? Only where the gradient vector "
                               "vanishes (the necessary condition):",
                               "f는 어디에서 최솟값을 가질 수 있을까요? 기울기 벡터가 0인 곳뿐입니다 "
                               "(필요조건):"),
    "tour.critical.solutions": ("Solving it exactly ({method}) gives every critical point:",
                                "정확히 풀면({method}) 모든 임계점이 나옵니다:"),
    "tour.critical.hessian": ("The Hessian there and its eigenvalues (second-order test):",
                              "그 점에서의 헤세 행렬과 고윳값 (2계 판정):"),
    "tour.critical.kind": ("All eigenvalues > 0: positive definite, so {point} is a {kind}.",
                           "모든 고윳값 > 0: 양의 정부호이므로 {point:은} {kind}입니다."),
    "tour.critical.why_global": ("Why it is the global minimum (the notes' argument):",
                                 "왜 전역 최솟값인가 (노트의 논증):"),
    "tour.critical.contrast": ("Necessary is not sufficient: for x³ − 3x + y², ∇f = 0 at two "
                               "points, and only one is a minimum:",
                               "필요조건은 충분조건이 아닙니다: x³ − 3x + y²에서는 두 점에서 "
                               "∇f = 0이지만 극소는 하나뿐입니다:"),
    "tour.critical.try": ("Try it: nablab critical \"(x^2 + y - 11)^2 + (x + y^2 - 7)^2\"",
                          "직접 해 보기: nablab critical \"(x^2 + y - 11)^2 + (x + y^2 - 7)^2\""),
    # -- errors -------------------------------------------------------------------------------
    "error.bad_domain": (
        "cannot read the domain '{text}'; write intervals of numbers such as -5:5,-5:5 (one "
        "for every variable, or one per variable, optionally x=-5:5,y=0:1), low < high",
        "정의역 '{text}'{을} 읽을 수 없습니다. -5:5,-5:5처럼 수의 구간으로 쓰세요 (모든 변수에 "
        "하나, 또는 변수마다 하나씩, x=-5:5,y=0:1도 가능), 아래끝 < 위끝"),
    "error.not_smooth": (
        "critical points need a twice-differentiable f, but f contains {functions}, whose "
        "kinks leave ∇f or the Hessian undefined (a minimum can sit at a kink, where ∇f = 0 "
        "cannot find it)",
        "임계점을 구하려면 f가 두 번 미분 가능해야 하는데, f에 들어 있는 {functions}에는 ∇f나 헤세 "
        "행렬이 정의되지 않는 꺾인 점이 있습니다 (최솟값이 꺾인 점에 있으면 ∇f = 0으로는 찾을 수 "
        "없습니다)"),
    "error.constant_function": ("f has no variables: every point is a critical point",
                                "f에 변수가 없습니다: 모든 점이 임계점입니다"),
    # -- exact path with constants or quotients (issue 15) -----------------------------------
    "critical.method.constants": (
        "The coefficients involve {constants}: they were kept as exact numbers (the system was "
        "solved over ℚ({constants})), never rounded.",
        "계수에 {constants:이} 들어 있습니다: 반올림하지 않고 정확한 수로 두었습니다"
        "(ℚ({constants}) 위에서 풀었습니다)."),
    "critical.method.denominators": (
        "f has denominators ({denominators}): ∇f = 0 was solved as its numerators = 0, and the "
        "points where a denominator is 0 — where f is not defined — were removed exactly.",
        "f에 분모({denominators})가 있습니다: ∇f = 0을 분자 = 0으로 풀었고, 분모가 0인 점(f가 "
        "정의되지 않는 점)은 정확히 제외했습니다."),
    # -- global statements from proven bounds (issue 15) --------------------------------------
    "critical.method_name.global_bound": (
        "f reaches here the global bound proven below",
        "아래에서 증명한 전역 한계값에 여기서 도달함"),
    "critical.global.minimum_sum_of_squares": (
        "Global minimum: {lhs} = {certificate} ≥ 0, a sum of squares, so f ≥ {value} "
        "everywhere, and f = {value} at {points}: the global minimum (no other argument "
        "needed).",
        "전역 최솟값: {lhs} = {certificate} ≥ 0 (제곱의 합)이므로 모든 곳에서 f ≥ {value}이고, "
        "{points}에서 f = {value}입니다: 전역 최솟값입니다 (다른 논증이 필요 없음)."),
    "critical.global.maximum_sum_of_squares": (
        "Global maximum: {lhs} = {certificate} ≤ 0, minus a sum of squares, so f ≤ {value} "
        "everywhere, and f = {value} at {points}: the global maximum (no other argument "
        "needed).",
        "전역 최댓값: {lhs} = {certificate} ≤ 0 (제곱의 합에 음의 부호)이므로 모든 곳에서 "
        "f ≤ {value}이고, {points}에서 f = {value}입니다: 전역 최댓값입니다 (다른 논증이 필요 "
        "없음)."),
    "critical.global.minimum_nonnegative": (
        "Global minimum: {lhs} = {certificate} ≥ 0 term by term (squares, |·|, √·, eᵘ are "
        "≥ 0; sin, cos are ≥ −1), so f ≥ {value} everywhere it is defined, and f = {value} "
        "at {points}: the global minimum.",
        "전역 최솟값: 항마다 {lhs} = {certificate} ≥ 0 (제곱, |·|, √·, eᵘ의 값은 ≥ 0, sin, cos의 "
        "값은 ≥ −1)이므로 정의된 모든 곳에서 f ≥ {value}이고, {points}에서 f = {value}입니다: "
        "전역 최솟값입니다."),
    "critical.global.maximum_nonnegative": (
        "Global maximum: {lhs} = {certificate} ≤ 0 term by term, so f ≤ {value} everywhere "
        "it is defined, and f = {value} at {points}: the global maximum.",
        "전역 최댓값: 항마다 {lhs} = {certificate} ≤ 0이므로 정의된 모든 곳에서 f ≤ {value}이고, "
        "{points}에서 f = {value}입니다: 전역 최댓값입니다."),
    "critical.global.minimum_convex": (
        "Global minimum: f is a quadratic whose Hessian is positive semidefinite (convex), "
        "so completing the square gives {lhs} = {certificate} ≥ 0: f ≥ {value} everywhere, "
        "and f = {value} at {points}: the global minimum. For a convex f every critical "
        "point is a global minimum.",
        "전역 최솟값: f는 헤세 행렬이 양의 준정부호인 (볼록한) 이차식이므로 완전제곱식으로 "
        "{lhs} = {certificate} ≥ 0입니다: 모든 곳에서 f ≥ {value}이고, {points}에서 "
        "f = {value}입니다: 전역 최솟값입니다. 볼록 함수에서는 모든 임계점이 전역 최솟값입니다."),
    "critical.global.maximum_convex": (
        "Global maximum: f is a quadratic whose Hessian is negative semidefinite (concave), "
        "so completing the square gives {lhs} = {certificate} ≤ 0: f ≤ {value} everywhere, "
        "and f = {value} at {points}: the global maximum. For a concave f every critical "
        "point is a global maximum.",
        "전역 최댓값: f는 헤세 행렬이 음의 준정부호인 (오목한) 이차식이므로 완전제곱식으로 "
        "{lhs} = {certificate} ≤ 0입니다: 모든 곳에서 f ≤ {value}이고, {points}에서 "
        "f = {value}입니다: 전역 최댓값입니다. 오목 함수에서는 모든 임계점이 전역 최댓값입니다."),
    # -- infinitely many critical points, as a set (issue 15) -----------------------------
    "critical.set.line": (
        "∇f = 0 on the whole line {set}: infinitely many critical points, found exactly.",
        "직선 {set} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 구한 "
        "결과입니다."),
    "critical.set.plane": (
        "∇f = 0 on the whole plane {set}: infinitely many critical points, found exactly.",
        "평면 {set} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 구한 "
        "결과입니다."),
    "critical.set.lines": (
        "∇f = 0 on the whole lines {first} and {last}: infinitely many critical points, "
        "found exactly.",
        "직선 {first:과} {last} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 "
        "구한 결과입니다."),
    "critical.set.axes": (
        "∇f = 0 on the whole axes {first} and {last}: infinitely many critical points, "
        "found exactly.",
        "좌표축 {first:과} {last} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, "
        "정확히 구한 결과입니다."),
    "critical.set.set": (
        "∇f = 0 exactly on the set {builder} (a Gröbner basis of ∇f = 0; its real points "
        "are the critical points).",
        "∇f = 0인 점은 정확히 집합 {builder}의 점입니다 (∇f = 0의 그뢰브너 기저이며, 그 실수 "
        "점이 임계점입니다)."),
    "critical.set.value": (
        "f = {value} at every one of them ({lhs} reduces to 0 modulo the Gröbner basis of "
        "∇f).",
        "그 모든 점에서 f = {value}입니다 (∇f의 그뢰브너 기저로 나누면 {lhs}의 나머지가 "
        "0입니다)."),
    "critical.set.value_minimum": (
        "f = {value} at every one of them: its global minimum (proof below).",
        "그 모든 점에서 f = {value}이고, 이것이 전역 최솟값입니다 (증명은 아래)."),
    "critical.set.value_maximum": (
        "f = {value} at every one of them: its global maximum (proof below).",
        "그 모든 점에서 f = {value}이고, 이것이 전역 최댓값입니다 (증명은 아래)."),
    "critical.set.samples": (
        "The table shows {count} of them, found numerically and checked exactly.",
        "표에는 그중 {count}개를 보입니다: 수치적으로 찾아 정확히 확인한 점입니다."),
    "critical.complete_set": ("all of them known exactly, as a set; a few are shown",
                              "집합으로 모두 정확히 구함: 그중 몇 개만 보임"),
    "critical.global.minimum_open": (
        "Global minimum: not determined (f is not a polynomial); a local minimum found here "
        "need not be the global one.",
        "전역 최솟값: 판정하지 않았습니다 (f가 다항식이 아닙니다). 여기서 찾은 극소가 전역 "
        "최솟값이라는 보장은 없습니다."),
    "critical.global.maximum_open": (
        "Global maximum: not determined (f is not a polynomial); a local maximum found here "
        "need not be the global one.",
        "전역 최댓값: 판정하지 않았습니다 (f가 다항식이 아닙니다). 여기서 찾은 극대가 전역 "
        "최댓값이라는 보장은 없습니다."),
    "critical.global.minimum_coercive_squares": (
        "Global minimum: f is a constant plus a sum of squares, and on a sublevel set "
        "{{f ≤ c}} every square is bounded, which bounds the variables one after another "
        "({chain}); so every sublevel set is bounded, f → +∞ as ‖({vars})‖ → ∞, and f "
        "attains a lowest value at a point where ∇f = 0. All critical points are known, so "
        "the lowest is the global minimum: f = {value} at {points}.",
        "전역 최솟값: f는 상수와 제곱의 합이고, 부분 준위 집합 {{f ≤ c}} 위에서는 모든 제곱이 "
        "유계이므로 변수가 차례로 유계가 됩니다 ({chain}). 따라서 모든 부분 준위 집합이 유계이고 "
        "‖({vars})‖ → ∞일 때 f → +∞이며, f는 ∇f = 0인 점에서 가장 작은 값을 가집니다. 임계점을 "
        "모두 알고 있으므로 그중 가장 낮은 점이 전역 최솟값입니다: {points}에서 f = {value}."),
    "critical.global.maximum_coercive_squares": (
        "Global maximum: f is a constant minus a sum of squares, and on a superlevel set "
        "{{f ≥ c}} every square is bounded, which bounds the variables one after another "
        "({chain}); so f → −∞ as ‖({vars})‖ → ∞, and f attains a highest value at a point "
        "where ∇f = 0. All critical points are known, so the highest is the global maximum: "
        "f = {value} at {points}.",
        "전역 최댓값: f는 상수에서 제곱의 합을 뺀 것이고, 상위 준위 집합 {{f ≥ c}} 위에서는 모든 "
        "제곱이 유계이므로 변수가 차례로 유계가 됩니다 ({chain}). 따라서 ‖({vars})‖ → ∞일 때 "
        "f → −∞이며, f는 ∇f = 0인 점에서 가장 큰 값을 가집니다. 임계점을 모두 알고 있으므로 그중 "
        "가장 높은 점이 전역 최댓값입니다: {points}에서 f = {value}."),
    "critical.global.coercive_squares": (
        "Also f → +∞ as ‖({vars})‖ → ∞: on a sublevel set {{f ≤ c}} every square is bounded, "
        "which bounds the variables one after another ({chain}), so every sublevel set is "
        "bounded.",
        "또한 ‖({vars})‖ → ∞일 때 f → +∞입니다: 부분 준위 집합 {{f ≤ c}} 위에서는 모든 제곱이 "
        "유계이므로 변수가 차례로 유계가 되고 ({chain}), 따라서 모든 부분 준위 집합이 "
        "유계입니다."),
    "critical.global.anticoercive_squares": (
        "Also f → −∞ as ‖({vars})‖ → ∞: on a superlevel set {{f ≥ c}} every square is "
        "bounded, which bounds the variables one after another ({chain}).",
        "또한 ‖({vars})‖ → ∞일 때 f → −∞입니다: 상위 준위 집합 {{f ≥ c}} 위에서는 모든 제곱이 "
        "유계이므로 변수가 차례로 유계가 됩니다 ({chain})."),
    "critical.explain.no_points_extreme": (
        "No critical points were found, yet f has a global extreme (below): at a point where "
        "f is not differentiable, about which the necessary condition says nothing (or one "
        "the search missed).",
        "임계점을 찾지 못했지만 f에는 전역 극값이 있습니다 (아래): f가 미분 가능하지 않은 점으로, "
        "필요조건은 그런 점에 대해 아무것도 말하지 않습니다 (또는 탐색이 놓친 점)."),
    "critical.global.minimum_not_critical": (
        "{points} is not among the critical points above: ∇f does not exist there (or the "
        "search missed it). The bound proves the global minimum all the same; ∇f = 0 is "
        "necessary only where f is differentiable.",
        "{points:은} 위의 임계점 목록에 없습니다: 그 점에서 ∇f가 존재하지 않습니다 (또는 탐색이 "
        "놓쳤습니다). 그래도 위의 부등식이 전역 최솟값임을 증명합니다. ∇f = 0은 f가 미분 가능한 "
        "점에서만 필요조건입니다."),
    "critical.global.maximum_not_critical": (
        "{points} is not among the critical points above: ∇f does not exist there (or the "
        "search missed it). The bound proves the global maximum all the same; ∇f = 0 is "
        "necessary only where f is differentiable.",
        "{points:은} 위의 임계점 목록에 없습니다: 그 점에서 ∇f가 존재하지 않습니다 (또는 탐색이 "
        "놓쳤습니다). 그래도 위의 부등식이 전역 최댓값임을 증명합니다. ∇f = 0은 f가 미분 가능한 "
        "점에서만 필요조건입니다."),
    "critical.method.set": (
        "Exact: ∇f = 0 is a polynomial system; its lexicographic Gröbner basis, {set}, "
        "describes every critical point, as said above. The table shows {count} plain "
        "points of the set, exact.",
        "정확함: ∇f = 0은 다항식 연립방정식이며, 사전식 순서의 그뢰브너 기저 {set:이} 위에서 말한 "
        "대로 모든 임계점을 나타냅니다. 표에는 그 집합의 간단한 점 {count}개를 정확히 보입니다."),
    "critical.set.planes": (
        "∇f = 0 on the whole planes {first} and {last}: infinitely many critical points, "
        "found exactly.",
        "평면 {first:과} {last} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 "
        "구한 결과입니다."),
    "critical.set.curve": (
        "∇f = 0 on the whole curve {set}: infinitely many critical points, found exactly.",
        "곡선 {set} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 구한 "
        "결과입니다."),
    "critical.set.curves": (
        "∇f = 0 on the whole curves {first} and {last}: infinitely many critical points, "
        "found exactly.",
        "곡선 {first:과} {last} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, "
        "정확히 구한 결과입니다."),
    "critical.set.surface": (
        "∇f = 0 on the whole surface {set}: infinitely many critical points, found exactly.",
        "곡면 {set} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, 정확히 구한 "
        "결과입니다."),
    "critical.set.surfaces": (
        "∇f = 0 on the whole surfaces {first} and {last}: infinitely many critical points, "
        "found exactly.",
        "곡면 {first:과} {last} 위의 모든 점에서 ∇f = 0입니다: 임계점이 무수히 많으며, "
        "정확히 구한 결과입니다."),
    "critical.set.isolated": (
        "Off the set, ∇f = 0 only at {points} (solved exactly), classified in the table.",
        "집합 밖에서는 {points}에서만 ∇f = 0이며 (정확히 구함), 표에서 분류합니다."),
    # -- points where ∇f does not exist (critical.kinked) ---------------------------------------
    "critical.kind.not_extremum": ("not an extremum", "극값 아님"),
    "critical.kind.undecided": ("undecided", "판정 못 함"),
    "critical.method_name.one_sided": ("signs of f(a ± t) − f(a), one-sided derivatives",
                                       "f(a ± t) − f(a)의 부호, 한쪽 도함수"),
    "critical.kink_row": ("f is not differentiable here ({locus})",
                          "여기서 f는 미분 가능하지 않음 ({locus})"),
    "critical.one_sided": ("f′({at}−) = {left}, f′({at}+) = {right}",
                           "f′({at}−) = {left}, f′({at}+) = {right}"),
    "critical.undefined_side": ("undefined", "정의되지 않음"),
    "critical.method.pieces": (
        "f is not differentiable everywhere, so it is split into pieces by the signs of its "
        "kinks' arguments (|u|, relu, max, min, roots: u = 0). Inside each piece f is "
        "differentiable, and ∇f = 0 there gives {count} point(s); on the kinks, where ∇f does "
        "not exist, {kinks} point(s) can be extrema (f along the kink is stationary there, or "
        "the kinks cross).",
        "f는 모든 곳에서 미분 가능하지는 않으므로, 꺾인 곳의 인수의 부호(|u|, relu, max, min, "
        "근호: u = 0)로 조각을 나눕니다. 각 조각 안에서는 f가 미분 가능하며 ∇f = 0에서 점 "
        "{count}개가 나옵니다. ∇f가 존재하지 않는 꺾인 곳에서는 점 {kinks}개가 극값일 수 있습니다 "
        "(꺾인 곳을 따라 f가 정류하거나 꺾인 곳끼리 만나는 점)."),
    "critical.method.pieces_exact": (
        "Every piece is a polynomial, so each was solved exactly (lexicographic Gröbner basis "
        "+ real-root isolation): the list is complete.",
        "모든 조각이 다항식이라 각각 정확히 풀었습니다 (사전식 그뢰브너 기저 + 실근 분리). 목록은 "
        "완전합니다."),
    "critical.method.pieces_numeric": (
        "Some piece is not a polynomial, so it was solved numerically (multi-start Newton): "
        "points can be missing, and the list is not known to be complete.",
        "다항식이 아닌 조각이 있어 수치적으로 풀었습니다 (다중 시작점 뉴턴 방법). 빠진 점이 있을 수 "
        "있으므로 완전하다고 할 수 없습니다."),
    "critical.method.constant_piece": (
        "On the piece {piece}, f = {value} is constant: every point there is a critical "
        "point, a local minimum and a local maximum at once (neither strict), so the list is "
        "not complete.",
        "조각 {piece}에서 f = {value:로} 상수입니다. 그곳의 모든 점이 임계점이며 극소이자 극대입니다 (어느 "
        "쪽도 엄격하지 않음). 그래서 목록은 완전하지 않습니다."),
    "critical.explain.kinks": (
        "The necessary condition needs ∇f, and at {points} ∇f does not exist ({loci}): such "
        "points are candidates too (critical points in the textbook sense), classified by "
        "comparing f around them.",
        "필요조건은 ∇f가 있어야 쓸 수 있는데, {points}에서는 ∇f가 존재하지 않습니다 ({loci}). "
        "이런 점도 후보입니다 (교과서가 말하는 임계점). 주변의 f 값과 비교해 판정합니다."),
    "critical.explain.kinks_1d": (
        "The necessary condition needs f′, and at {points} f′ does not exist ({loci}): such "
        "points are critical numbers too, classified by the signs of f(a ± t) − f(a) for "
        "small t > 0 — the signs of the one-sided derivatives f′(a−), f′(a+) when they are "
        "not 0.",
        "필요조건은 f′이 있어야 쓸 수 있는데, {points}에서는 f′이 존재하지 않습니다 ({loci}). "
        "이런 점도 임계수이며, 작은 t > 0에 대한 f(a ± t) − f(a)의 부호로 판정합니다 — 한쪽 "
        "도함수 f′(a−), f′(a+)가 0이 아니면 그 부호입니다."),
    "error.discontinuous": (
        "f contains {functions}, which jumps: f is not continuous there, and neither ∇f = 0 "
        "nor comparing candidates can find its extrema",
        "f에 있는 {functions}{은} 값이 뜁니다. 그곳에서 f가 연속이 아니므로 ∇f = 0으로도 후보 "
        "비교로도 극값을 찾을 수 없습니다"),
    "error.too_many_kinks": (
        "f has too many kinks (|·|, relu, max, min, roots) to split into pieces: at most "
        "{limit} pieces, and max or min of two terms",
        "f에 꺾인 곳(|·|, relu, max, min, 근호)이 너무 많아 조각으로 나눌 수 없습니다: 조각은 "
        "최대 {limit}개, max와 min은 두 항까지입니다"),
}
