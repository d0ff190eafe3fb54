"""Messages of the pictures: figure titles, labels and legends, `nablab plot`, --plot/--animate.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 곡면, 등고선, 편미분,
기울기 벡터, 경사하강법, 학습률, 접선, 접평면, 할선, 라그랑주 승수법.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- figure titles ----------------------------------------------------------------------
    "plot.page_title": ("nablab figure", "nablab 그림"),
    "plot.surface_title": ("3D surface", "3D 곡면"),
    "plot.contour_title": ("Filled contour plot", "2D 등고선 그래프"),
    "plot.tangent_plane_title": ("Surface and its tangent plane at {point}",
                                 "곡면과 점 {point}에서의 접평면"),
    "plot.field_title": ("Gradient vectors ∇f over the contour lines",
                         "등고선 위의 기울기 벡터 ∇f"),
    "plot.slices_title": ("Partial derivatives as slopes of slices at {point}",
                          "점 {point}에서 단면의 기울기로 본 편미분"),
    "plot.slice_x_title": ("Slice {var} = {value}: slope ∂f/∂{wrt} = {slope}",
                           "단면 {var} = {value}: 기울기 ∂f/∂{wrt} = {slope}"),
    "plot.curve_title": ("Secants turning into the tangent at {var} = {point}",
                         "{var} = {point}에서 할선이 접선으로"),
    "plot.curve_plain_title": ("The function and its derivative", "함수와 도함수"),
    "plot.critical_title": ("Critical points, where f′ = 0", "임계점: f′ = 0인 곳"),
    "plot.descent_title": ("Gradient descent over the contour lines",
                           "등고선 위의 경사하강법 경로"),
    "plot.race_title": ("Optimizers racing over the contour lines",
                        "등고선 위에서 겨루는 옵티마이저들"),
    "plot.descent_title_curve": ("Gradient descent on the curve", "곡선 위의 경사하강법 경로"),
    "plot.newton_title": ("Newton's method over the contour lines", "등고선 위의 뉴턴 방법 경로"),
    "plot.newton_title_curve": ("Newton's method on the curve", "곡선 위의 뉴턴 방법 경로"),
    "plot.race_title_curve": ("Optimizers racing on the curve", "곡선 위에서 겨루는 옵티마이저들"),
    "plot.basins_title": ("Basins of attraction at η = {lr}: which minimum each start reaches",
                          "η = {lr}에서의 끌림 영역: 각 시작점이 도달하는 극소점"),
    "plot.rates_title": ("Converged fraction against the learning rate η",
                         "학습률 η에 따른 수렴 비율"),
    "plot.quotient_title": ("How close the difference quotients come as h → 0",
                            "h → 0일 때 차분몫이 도함수에 다가가는 정도"),
    "plot.secant_frame": ("h = {h}: secant slope {slope} → tangent slope {tangent}",
                          "h = {h}: 할선의 기울기 {slope} → 접선의 기울기 {tangent}"),
    "plot.lagrange_title": ("Level curves of f and the constraint: where they touch, ∇f ∥ ∇g",
                            "f의 등고선과 제약 곡선: 접하는 곳에서 ∇f ∥ ∇g"),
    "plot.hike_title": ("The hike: the height f along the path g = k",
                        "등산 경로: 경로 g = k를 따라 걸을 때의 높이 f"),
    "plot.loss_title": ("f(θₖ) at each step", "단계별 f(θₖ)"),
    # -- legends and labels -----------------------------------------------------------------
    "plot.label.surface": ("surface", "곡면"),
    "plot.label.function": ("function", "함수"),
    "plot.label.derivative": ("derivative", "도함수"),
    "plot.label.tangent": ("tangent, slope {slope}", "접선, 기울기 {slope}"),
    "plot.label.tangent_plane": ("tangent plane", "접평면"),
    "plot.label.secant": ("secant, h = {h}: slope {slope}", "할선, h = {h}: 기울기 {slope}"),
    "plot.label.point": ("point {point}", "점 {point}"),
    "plot.label.gradient_norm": ("|∇f| (arrow colour)", "|∇f| (화살표 색)"),
    "plot.label.slice": ("slice", "단면"),
    "plot.label.start": ("start θ₀", "시작점 θ₀"),
    "plot.label.end": ("end", "끝점"),
    "plot.label.step": ("step k", "단계 k"),
    "plot.label.constraint": ("constraint g = k", "제약 조건 g = k"),
    "plot.label.grad_f": ("∇f at the optimum", "최적점의 ∇f"),
    "plot.label.grad_g": ("∇g at the optimum", "최적점의 ∇g"),
    "plot.label.highest": ("highest point: f = {value} at {point}",
                           "가장 높은 점: {point}에서 f = {value}"),
    "plot.label.lowest": ("lowest point: f = {value} at {point}",
                          "가장 낮은 점: {point}에서 f = {value}"),
    "plot.label.touching": ("level curve f = {value} touching the constraint",
                            "제약 조건에 접하는 등고선 f = {value}"),
    "plot.label.distance": ("distance walked along the path", "경로를 따라 걸은 거리"),
    "plot.interval_title": ("The closed interval method: f at the critical points and the ends",
                            "닫힌 구간에서의 최댓값·최솟값: 임계점과 양 끝점의 f 비교"),
    "plot.region_title": ("Level curves of f on the set: every candidate compared",
                          "제약 집합 위의 f의 등고선: 모든 후보 비교"),
    "plot.label.feasible": ("the set the constraints describe", "제약 조건이 정하는 집합"),
    "plot.label.boundary": ("its boundary", "집합의 경계"),
    "plot.label.highest_value": ("highest value on the set", "집합 위의 최댓값"),
    "plot.label.lowest_value": ("lowest value on the set", "집합 위의 최솟값"),
    "plot.label.constant_value": ("highest and lowest (f constant)", "최댓값이자 최솟값 (f 일정)"),
    "plot.label.candidate": ("other candidate", "다른 후보"),
    "plot.candidate.maximum": ("maximum on the constraint", "제약 조건 위의 최댓값"),
    "plot.candidate.minimum": ("minimum on the constraint", "제약 조건 위의 최솟값"),
    "plot.candidate.other": ("other candidate (∇f = λ∇g)", "다른 후보 (∇f = λ∇g)"),
    "plot.label.forward": ("forward (f(x₀+h) − f(x₀))/h", "전진 차분 (f(x₀+h) − f(x₀))/h"),
    "plot.label.central": ("central (f(x₀+h) − f(x₀−h))/2h", "중심 차분 (f(x₀+h) − f(x₀−h))/2h"),
    "plot.label.quotient_error": ("|quotient − exact derivative|", "|차분몫 − 정확한 도함수|"),
    "plot.label.diverged": ("diverged", "발산"),
    "plot.label.not_converged": ("did not converge", "수렴하지 못함"),
    "plot.label.converged_fraction": ("converged", "수렴한 비율"),
    "plot.label.diverged_fraction": ("diverged", "발산한 비율"),
    "plot.label.divergence": ("divergence begins, η = {lr}", "발산 시작, η = {lr}"),
    "plot.label.learning_rate": ("learning rate η", "학습률 η"),
    "plot.label.fraction": ("fraction of runs", "실행 비율"),
    "plot.label.pole": ("not defined here", "정의되지 않는 곳"),
    "plot.kind.minimum": ("minimum", "극소점"),
    "plot.kind.maximum": ("maximum", "극대점"),
    "plot.kind.saddle": ("saddle point", "안장점"),
    "plot.kind.degenerate": ("degenerate (test inconclusive)", "퇴화 임계점 (판정 불가)"),
    # -- command line -----------------------------------------------------------------------
    "cli.plot.help": ("draw a function: surface, contours, gradients, tangents (PNG/SVG/PDF/HTML)",
                      "함수 그리기: 곡면, 등고선, 기울기 벡터, 접선 (PNG/SVG/PDF/HTML)"),
    "cli.plot.description": (
        "Draw a function of one or two variables. Two variables: the notes' 3D surface beside "
        "its filled contour (default), gradient arrows (field), slices whose slopes are the "
        "partial derivatives (slices), or the tangent plane. One variable: the curve with its "
        "tangent and secants. The file's suffix picks the format: .png, .svg, .pdf, or .html "
        "for an interactive page that works offline.",
        "변수가 하나나 둘인 함수를 그립니다. 변수가 둘이면 노트의 3D 곡면과 2D 등고선 그래프(기본값), "
        "등고선 위의 기울기 벡터(field), 기울기가 편미분인 단면(slices), 접평면(tangent-plane)을 "
        "그립니다. 변수가 하나면 접선과 할선이 있는 곡선을 그립니다. 파일 확장자가 형식을 정합니다: "
        ".png, .svg, .pdf, 또는 인터넷 없이 열리는 대화형 페이지 .html."),
    "cli.plot.kind": ("what to draw: {kinds} (default: surface+contour for two variables, "
                      "curve for one)",
                      "그릴 것: {kinds} (기본값: 변수가 둘이면 surface+contour, 하나면 curve)"),
    "cli.plot.range": ("the window, e.g. -5:5 (every axis) or -5:5,-3:3 (x, then y); "
                       "default: -5:5 or fitted to the points that matter",
                       "그릴 범위, 예: -5:5 (모든 축) 또는 -5:5,-3:3 (x, y 순서). "
                       "기본값: -5:5 또는 중요한 점에 맞춤"),
    "cli.plot.at": ("the point of the tangent, tangent plane or slices, e.g. x=1,y=2 "
                    "(default: 1 in every variable)",
                    "접선, 접평면, 단면을 그릴 점, 예: x=1,y=2 (기본값: 모든 변수가 1)"),
    "cli.plot.out": ("the file to write: .png, .svg, .pdf or .html",
                     "저장할 파일: .png, .svg, .pdf, .html"),
    "cli.opt.plot": ("also draw the result into FILE (.png, .svg, .pdf or .html)",
                     "결과를 FILE에 그림으로도 저장 (.png, .svg, .pdf, .html)"),
    "cli.opt.animate": ("also animate the result into FILE (.gif, .mp4 or .html)",
                        "결과를 FILE에 애니메이션으로도 저장 (.gif, .mp4, .html)"),
    "cli.tour.figures": ("write the tour's figures into DIR (default: nablab-figures)",
                         "둘러보기 그림을 DIR 폴더에 저장 (기본값: nablab-figures)"),
    "cli.tour.no_figures": ("do not write figures", "그림을 저장하지 않음"),
    "tour.figures": ("Figures: {count} pictures in {folder}/", "그림: {folder}/ 폴더에 {count}개"),
    "plot.wrote": ("Figure written to {file} ({size})", "그림을 {file}에 저장했습니다 ({size})"),
    "plot.wrote_animation": ("Animation written to {file} ({size})",
                             "애니메이션을 {file}에 저장했습니다 ({size})"),
    # -- errors -----------------------------------------------------------------------------
    "error.plot_format": ("cannot write '{file}': use one of {formats}",
                          "'{file}' 파일은 쓸 수 없습니다: {formats} 중 하나를 쓰세요"),
    "error.plot_write_failed": ("could not write '{file}': {reason}",
                                "'{file}' 파일을 쓰지 못했습니다: {reason}"),
    "error.plot_no_mp4_writer": (
        "MP4 needs ffmpeg, which is not installed; write a .gif or an .html animation instead "
        "(or install ffmpeg)",
        "MP4를 만들려면 ffmpeg가 필요한데 설치되어 있지 않습니다. 대신 .gif나 .html 애니메이션으로 "
        "저장하세요 (또는 ffmpeg를 설치하세요)"),
    "error.plot_no_animation": ("this picture has no animation; secants animate at a point "
                                "given with --at",
                                "이 그림에는 애니메이션이 없습니다. 할선 애니메이션은 --at으로 준 점에서 "
                                "만들어집니다"),
    "error.plot_variables": ("'{picture}' draws functions of {needed} variable(s); this one has {count}",
                             "'{picture}'{은} 변수가 {needed}개인 함수를 그립니다. 이 함수의 변수는 {count}개입니다"),
    "error.plot_dimensions": ("nablab draws functions of one or two variables; this one has {count}",
                              "nablab은 변수가 하나나 둘인 함수를 그립니다. 이 함수의 변수는 {count}개입니다"),
    "error.plot_lagrange_shape": (
        "the Lagrange picture draws problems in one or two variables; this one has {count} "
        "variables and {constraints} constraints",
        "라그랑주 승수법 그림은 변수가 1개나 2개인 문제를 그립니다. 이 문제는 변수 {count}개, "
        "제약 조건 {constraints}개입니다"),
    "error.plot_bad_range": ("cannot read the range '{text}': write it as -5:5 or -5:5,-3:3",
                             "범위 '{text}'{를} 읽을 수 없습니다: -5:5 또는 -5:5,-3:3처럼 쓰세요"),
    "error.plot_not_defined": ("f is not defined at {point}; choose another point with --at",
                               "f가 점 {point}에서 정의되지 않습니다. --at으로 다른 점을 고르세요"),
}
