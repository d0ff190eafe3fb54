"""Messages of the web app: ``nablab serve``, the page's text, the API's own errors.

Each entry is ``key: (English, Korean)``. The page shows only catalogue text: every ``web.*``
entry (and the kinds, names and column headings of the other tables listed in
:data:`nablab.web.page.SHARED_PREFIXES`) is sent to it in both languages.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- command line -----------------------------------------------------------------------
    "cli.serve.help": ("the whole lab as a web app in the browser, on this computer",
                       "이 컴퓨터에서 브라우저로 쓰는 웹 앱 실행"),
    "cli.serve.description": (
        "Serve the web app on this computer: type a function and see its derivatives, the "
        "limit definition, critical points, gradient descent, Lagrange multipliers and its "
        "surface. Nothing is loaded from the internet. The JSON API mirrors the commands "
        "(POST /api/diff, …) and is documented at /docs.",
        "이 컴퓨터에서 웹 앱을 실행합니다. 함수를 입력하면 편미분, 극한으로 정의한 미분, 임계점, "
        "경사하강법, 라그랑주 승수법, 곡면을 보여 줍니다. 인터넷에서 아무것도 불러오지 않습니다. "
        "JSON API는 명령어와 같은 일을 하며(POST /api/diff, …) 설명은 /docs에 있습니다."),
    "cli.serve.host": ("address to listen on (default: 127.0.0.1, this computer only)",
                       "접속을 받을 주소 (기본값: 127.0.0.1, 이 컴퓨터에서만)"),
    "cli.serve.allow_host": ("also answer to this host name (repeatable), e.g. the computer's "
                             "name on the network when serving with --allow-remote",
                             "이 호스트 이름으로 온 요청에도 응답 (여러 번 쓸 수 있음), 예: "
                             "--allow-remote로 열 때 네트워크에서 쓰는 이 컴퓨터의 이름"),
    "cli.serve.allow_remote": ("allow listening on an address other computers can reach; the "
                               "API has no login, so only on a network you trust",
                               "다른 컴퓨터가 접속할 수 있는 주소에서 열기를 허용. API에는 "
                               "로그인이 없으므로 믿을 수 있는 네트워크에서만 쓰세요"),
    "error.serve_remote": ("--host {host} can be reached from other computers, and the API has "
                           "no login: add --allow-remote if that is what you want (and "
                           "--allow-host NAME for the name they will use)",
                           "--host {host:은} 다른 컴퓨터에서 접속할 수 있는 주소이고 API에는 "
                           "로그인이 없습니다. 정말 그렇게 하려면 --allow-remote를 붙이세요 "
                           "(다른 컴퓨터가 쓸 이름은 --allow-host 옵션에 주세요)"),
    "web.remote_warning": ("warning: serving on {host}, reachable from other computers; the "
                           "API has no login, so anyone who can reach this address can use it",
                           "경고: {host}에서 서비스합니다. 다른 컴퓨터에서 접속할 수 있고 API에 "
                           "로그인이 없으므로 이 주소에 닿는 누구나 쓸 수 있습니다"),
    "cli.serve.port": ("port to listen on (default: 8000)", "접속을 받을 포트 (기본값: 8000)"),
    "cli.serve.open": ("open the page in the web browser", "웹 브라우저에서 페이지 열기"),
    "cli.serve.workers": ("worker processes for computations (default: {default})",
                          "계산을 맡을 작업 프로세스 수 (기본값: {default})"),
    "cli.serve.memory": ("memory cap of one computation, MB (default: {default})",
                         "계산 하나가 쓸 수 있는 메모리 상한, MB (기본값: {default})"),
    "web.serving": ("nablab is serving at {url} — Ctrl+C stops it",
                    "nablab 웹 앱 주소: {url} — Ctrl+C로 멈춥니다"),
    # -- errors of the API itself ---------------------------------------------------------------
    "error.body_too_large": ("the request is too large (more than {limit} bytes)",
                             "요청이 너무 큽니다 ({limit}바이트 초과)"),
    "error.bad_json": ("the request body must be a JSON object",
                       "요청 본문은 JSON 객체여야 합니다"),
    "error.bad_field": ("'{field}' is not valid: {detail}", "'{field}' 값이 올바르지 않습니다: {detail}"),
    "error.unknown_option": ("'{field}' is not an option of {command}",
                             "'{field}'{는} {command}의 옵션이 아닙니다"),
    "error.busy": ("the server is busy ({pending} computations waiting); try again shortly",
                   "서버가 바쁩니다 (계산 {pending}개 대기 중). 잠시 뒤에 다시 시도하세요"),
    "error.body_timeout": ("the request body did not arrive within {seconds:g} s",
                           "요청 본문이 {seconds:g}초 안에 도착하지 않았습니다"),
    "error.stopping": ("the server is stopping; start it again to go on",
                       "서버가 멈추는 중입니다. 다시 시작한 뒤 이어서 하세요"),
    "error.busy_heavy": ("the server is busy with long computations ({running} running, "
                         "{waiting} waiting); try again shortly — quick requests are still "
                         "answered",
                         "서버가 긴 계산으로 바쁩니다 (실행 {running}개, 대기 {waiting}개). 잠시 "
                         "뒤에 다시 시도하세요. 짧은 요청은 계속 처리합니다"),
    "error.result_too_large": (
        "the result is too large to send ({size} MB; the limit is {limit} MB); ask for fewer "
        "points, e.g. with every",
        "결과가 너무 커서 보낼 수 없습니다 ({size} MB, 상한 {limit} MB). every 등으로 점의 수를 "
        "줄이세요"),
    "error.not_found": ("there is nothing at {path}", "{path}에는 아무것도 없습니다"),
    "error.method_not_allowed": ("{path} does not accept {method}",
                                 "{path:는} {method} 요청을 받지 않습니다"),
    "error.port_in_use": ("cannot listen on {host}:{port} ({reason})",
                          "{host}:{port}에서 접속을 받을 수 없습니다 ({reason})"),
    "error.bad_host": ("this server answers only at its own address, 127.0.0.1 or localhost, "
                       "and the names given with --allow-host (so that pages of "
                       "other sites cannot use it)",
                       "이 서버는 자기 주소, 127.0.0.1, localhost, 그리고 --allow-host로 준 "
                       "이름으로만 응답합니다 (다른 사이트의 페이지가 쓰지 못하도록)"),
    "error.picture_needs_two": ("this picture needs a function of two variables, not {count}",
                                "이 그림은 변수가 2개인 함수에만 그릴 수 있습니다 (지금 {count}개)"),
    # -- the page: header and formula ---------------------------------------------------------
    "web.title": ("∇lab — a calculus and optimisation lab", "∇lab — 미적분·최적화 실험실"),
    "web.tagline": ("Type a function as you would write it on paper. Everything is computed "
                    "on this computer, offline.",
                    "종이에 쓰듯 함수를 입력하세요. 모든 계산은 인터넷 없이 이 컴퓨터에서 합니다."),
    # the toggle shows the other language's own name: web.language_name in that language
    "web.language_name": ("English", "한국어"),
    "web.switch_language": ("Switch the page to the other language (Korean)",
                            "페이지 언어 바꾸기 (영어)"),
    "web.formula.label": ("Function f", "함수 f"),
    # braces doubled: catalogue texts are format strings
    "web.formula.placeholder": ("x^2 + y^2   or   \\frac{{1}}{{1+e^{{-x}}}}",
                                "x^2 + y^2   또는   \\frac{{1}}{{1+e^{{-x}}}}"),
    "web.formula.vars": ("Variables (optional)", "변수 (선택)"),
    "web.formula.vars_placeholder": ("x,y", "x,y"),
    "web.preview.label": ("Read as", "이렇게 읽었습니다"),
    "web.preview.empty": ("Type a function above; it is shown here as nablab reads it.",
                          "위에 함수를 입력하면 nablab이 읽은 모양이 여기에 나옵니다."),
    "web.preview.variables": ("variables: {names}", "변수: {names}"),
    "web.error.at_column": ("at column {column}", "{column}번째 글자"),
    "web.error.label": ("Error", "오류"),
    "web.error.hint": ("Hint", "도움말"),
    "web.working": ("computing…", "계산 중…"),
    "web.optional": ("optional", "선택"),
    "web.example": ("Example", "예제"),
    # -- sections -------------------------------------------------------------------------------
    "web.section.derivatives": ("Partial derivatives, gradient vector and Hessian matrix",
                                "편미분, 기울기 벡터, 헤세 행렬"),
    "web.section.limit": ("The limit definition and the rules, step by step",
                          "극한으로 정의한 미분과 미분 규칙, 한 단계씩"),
    "web.section.critical": ("Critical points", "임계점"),
    "web.section.descent": ("Gradient descent and the optimizers of deep learning",
                            "경사하강법과 딥러닝 옵티마이저"),
    "web.section.lagrange": ("Lagrange multipliers: the highest point of a path",
                             "라그랑주 승수법: 길 위의 가장 높은 곳"),
    "web.section.surface": ("Surface and contour", "곡면과 등고선"),
    # -- derivatives ------------------------------------------------------------------------------
    "web.derivatives.run": ("Differentiate", "미분하기"),
    "web.derivatives.at": ("At the point", "점"),
    "web.derivatives.at_placeholder": ("x=1,y=2", "x=1,y=2"),
    "web.derivatives.partials": ("Partial derivatives", "편미분"),
    "web.derivatives.derivative": ("Derivative", "도함수"),
    "web.derivatives.gradient": ("Gradient vector", "기울기 벡터"),
    "web.derivatives.hessian": ("Hessian matrix", "헤세 행렬"),
    "web.derivatives.at_point": ("At the point", "주어진 점에서의 값"),
    "web.derivatives.mixed": ("Mixed partial, in order", "혼합 편미분 (미분 순서)"),
    "web.derivatives.mixed_placeholder": ("x,y", "x,y"),
    "web.derivatives.mixed_title": (
        "Variables in the order of differentiation: x,y gives f_xy = ∂/∂y (∂f/∂x). "
        "Leave empty for the gradient and the Hessian.",
        "미분하는 순서대로 쓴 변수: x,y이면 f_xy = ∂/∂y (∂f/∂x). "
        "비워 두면 기울기 벡터와 헤세 행렬을 보여 줍니다."),
    "web.mixed.values_differ": ("The mixed partials do not agree here: {values}.",
                                "이 점에서는 혼합 편미분의 값이 같지 않습니다: {values}."),
    "web.mixed.values_agree": ("The values agree here, whatever the order.",
                               "이 점에서는 미분 순서와 상관없이 값이 같습니다."),
    # -- limit and steps ----------------------------------------------------------------------------
    "web.limit.hole": ("the point {point} (f is undefined there)",
                       "점 {point} (여기서 f는 정의되지 않음)"),
    "web.limit.point": ("the point {point}", "점 {point}"),
    "web.limit.wrt": ("Variable", "변수"),
    "web.limit.at": ("Point for the numbers", "수치 확인용 점"),
    "web.limit.run": ("From the limit definition", "극한의 정의로"),
    "web.steps.run": ("Rule by rule", "미분 규칙으로"),
    "web.limit.result": ("Result", "결과"),
    "web.limit.table": ("Difference quotients approach the derivative",
                        "차분 몫이 미분계수에 가까워집니다"),
    "web.limit.h": ("h", "h"),
    "web.limit.forward": ("(f(x+h) − f(x))/h", "(f(x+h) − f(x))/h"),
    "web.limit.central": ("(f(x+h) − f(x−h))/2h", "(f(x+h) − f(x−h))/2h"),
    "web.limit.error": ("error", "오차"),
    "web.limit.two": ("Limit as ({names}) → the point", "({names}) → 그 점에서의 극한"),
    "web.limit.needs_point": ("The limit in two variables needs the whole point, e.g. x=0,y=0.",
                              "두 변수의 극한에는 점 전체가 필요합니다. 예: x=0,y=0"),
    "web.check.ok": ("checked: agrees with sympy.diff", "검증: sympy.diff와 같습니다"),
    "web.check.failed": ("check failed: differs from sympy.diff",
                         "검증 실패: sympy.diff와 다릅니다"),
    # -- critical points -------------------------------------------------------------------------
    "web.critical.run": ("Find the critical points", "임계점 찾기"),
    "web.critical.domain": ("Search box", "찾을 범위"),
    "web.critical.domain_placeholder": ("-5:5,-5:5", "-5:5,-5:5"),
    "web.critical.none": ("No critical points.", "임계점이 없습니다."),
    # -- descent ------------------------------------------------------------------------------------
    "web.descent.model": ("quadratic model T₂ at θₖ", "θₖ에서의 2차 모형 T₂"),
    "web.descent.model_minimum": ("minimum of T₂", "T₂의 최솟점"),
    "web.descent.model_step": ("the model of step {k}", "{k}번째 걸음의 모형"),
    "web.descent.model_note": (
        "Dashed: Newton's quadratic model T₂(θ) = f(θₖ) + ∇f(θₖ)·(θ − θₖ) + "
        "½(θ − θₖ)ᵀH(θₖ)(θ − θₖ) of the first steps, its level curve through θₖ; ×: its minimum "
        "θₖ − H⁻¹∇f(θₖ), where a full step (η = 1) lands.",
        "점선: 처음 몇 걸음에서 뉴턴법의 2차 모형 T₂(θ) = f(θₖ) + ∇f(θₖ)·(θ − θₖ) + "
        "½(θ − θₖ)ᵀH(θₖ)(θ − θₖ)의, θₖ를 지나는 등고선. ×: 그 최솟점 θₖ − H⁻¹∇f(θₖ), "
        "온전한 한 걸음(η = 1)이 닿는 곳."),
    "web.descent.hint": ("Click the contour plot to choose the start θ₀, then run.",
                         "등고선 그림을 클릭해 시작점 θ₀을 고른 뒤 실행하세요."),
    "web.descent.start": ("Start θ₀", "시작점 θ₀"),
    "web.descent.optimizer": ("Optimizer", "옵티마이저"),
    "web.descent.lr": ("Learning rate η", "학습률 η"),
    "web.descent.lr_default": ("default", "기본값"),
    "web.descent.steps": ("Steps at most", "최대 단계 수"),
    "web.descent.run": ("Run gradient descent", "경사하강법 실행"),
    "web.descent.race": ("Race the checked optimizers", "선택한 옵티마이저 경주"),
    "web.descent.racers": ("Racers", "경주 참가"),
    "web.descent.replay": ("Replay", "다시 보기"),
    "web.descent.frame": ("step {k} of {total}", "{total}단계 중 {k}단계"),
    "web.descent.path": ("path", "경로"),
    "web.descent.column.optimizer": ("optimizer", "옵티마이저"),
    "web.descent.column.status": ("status", "상태"),
    "web.descent.column.steps": ("steps", "단계"),
    "web.descent.column.final": ("end point θ", "끝점 θ"),
    "web.descent.ranking": ("Ranking: {ranking}", "순위: {ranking}"),
    "web.descent.needs_start": ("Click the contour plot (or type a start) first.",
                                "먼저 등고선 그림을 클릭하거나 시작점을 입력하세요."),
    # -- lagrange ---------------------------------------------------------------------------------
    "web.section.taylor": ("Taylor polynomial: the local model of f",
                           "테일러 다항식: f의 국소 모형"),
    "web.taylor.at": ("Centre a", "중심 a"),
    "web.taylor.order": ("Order n", "차수 n"),
    "web.taylor.run": ("Expand", "전개하기"),
    "web.taylor.needs_at": ("Type the centre a, e.g. x=0,y=0.",
                            "중심 a를 입력하세요. 예: x=0,y=0"),
    "web.taylor.terms": ("Its terms", "각 항"),
    "web.taylor.curves": ("f and its Taylor polynomials near a",
                          "a 근처의 f와 테일러 다항식"),
    "web.taylor.contours": ("Level curves of f (solid) and of T{order} (dashed)",
                            "f의 등고선(실선)과 T{order}의 등고선(점선)"),
    "web.taylor.model": ("T{order} (order {order})", "T{order} ({order}차)"),
    "web.taylor.centre": ("the centre a", "중심 a"),
    "web.taylor.no_picture": ("The picture is drawn for one or two variables.",
                              "그림은 변수가 하나나 둘일 때 그립니다."),
    "web.section.implicit": ("Implicit differentiation: level curves and surfaces, their tangents",
                             "음함수 미분: 등위선과 등위면, 그 접선과 접평면"),
    "web.implicit.equation": ("Equation F(x, y) = c or F(x, y, z) = c",
                              "방정식 F(x, y) = c 또는 F(x, y, z) = c"),
    "web.implicit.at": ("Point on it", "그 위의 점"),
    "web.implicit.run": ("Differentiate", "미분하기"),
    "web.implicit.needs_equation": ("Type an equation, e.g. x^2 + xy + y^2 = 3.",
                                    "방정식을 입력하세요. 예: x^2 + xy + y^2 = 3"),
    "web.implicit.plot": ("The level curve, its tangent and normal, and ∇F",
                          "등위선, 접선과 법선, ∇F"),
    "web.implicit.curve": ("level curve", "등위선"),
    "web.implicit.surface": ("level surface", "등위면"),
    "web.implicit.plane": ("tangent plane", "접평면"),
    "web.implicit.surface_plot": ("The level surface, its tangent plane and ∇F",
                                  "등위면과 접평면, 그리고 ∇F"),
    "web.implicit.tangent": ("tangent line", "접선"),
    "web.implicit.normal": ("normal line", "법선"),
    "web.implicit.point": ("the point", "주어진 점"),
    "web.implicit.gradient": ("∇F", "∇F"),
    "web.implicit.no_picture": ("The picture is drawn for two variables.",
                                "그림은 변수가 둘일 때 그립니다."),
    "web.section.chain": ("The chain rule with intermediate variables (backpropagation's ancestor)",
                          "중간 변수가 있는 연쇄 법칙 (역전파의 조상)"),
    "web.chain.function": ("Function z = f(x, y)", "함수 z = f(x, y)"),
    "web.chain.sub": ("Substitutions", "치환"),
    "web.chain.wrt": ("With respect to", "미분할 변수"),
    "web.chain.run": ("Apply the chain rule", "연쇄 법칙 적용하기"),
    "web.chain.needs_input": ("Type the function and its substitutions, e.g. z = x^2 y + y^3 "
                              "and x = s t, y = e^t.",
                              "함수와 치환을 입력하세요. 예: z = x^2 y + y^3, x = s t, y = e^t"),
    "web.chain.result": ("Result", "결과"),
    "web.lagrange.constraints": ("Constraints, one per line (g = k, or ≤, ≥)",
                                 "제약 조건, 한 줄에 하나 (g = k, 또는 ≤, ≥)"),
    "web.lagrange.run": ("Solve with Lagrange multipliers", "라그랑주 승수법으로 풀기"),
    "web.lagrange.example": ("The notes' hike: f = 4 − x² − 2y² on the path "
                             "2(x − 1)² − 10y + 6 = 0",
                             "노트의 등산 예제: 길 2(x − 1)² − 10y + 6 = 0 위에서 f = 4 − x² − 2y²"),
    "web.lagrange.plane": ("Level curves of f and the path: they touch where ∇f ∥ ∇g",
                           "f의 등고선과 길: 서로 접하는 곳에서 ∇f ∥ ∇g"),
    "web.lagrange.hike": ("The hike: the height f along the path",
                          "등산: 길을 따라 걸을 때의 높이 f"),
    "web.lagrange.distance": ("distance walked along the path", "길을 따라 걸은 거리"),
    "web.lagrange.height": ("height f", "높이 f"),
    "web.lagrange.path": ("the path (constraint)", "길 (제약 조건)"),
    "web.lagrange.top": ("highest point", "가장 높은 곳"),
    "web.lagrange.bottom": ("lowest point", "가장 낮은 곳"),
    "web.lagrange.level": ("level curve f = {value}, touching the path",
                           "길에 접하는 등고선 f = {value}"),
    "web.lagrange.grad_f": ("∇f", "∇f"),
    "web.lagrange.grad_g": ("∇g", "∇g"),
    "web.lagrange.no_picture": ("The picture is drawn for one or two variables.",
                                "그림은 변수가 1개나 2개일 때 그립니다."),
    "web.lagrange.interval": ("The closed interval method: f at the critical points and the ends",
                              "닫힌 구간에서의 최댓값·최솟값: 임계점과 양 끝점의 f 비교"),
    "web.lagrange.region": ("Level curves of f on the set: every candidate compared",
                            "제약 집합 위의 f의 등고선: 모든 후보 비교"),
    "web.lagrange.set": ("the set", "제약 집합"),
    "web.lagrange.outside": ("f outside the set", "집합 밖의 f"),
    "web.lagrange.boundary": ("its boundary", "집합의 경계"),
    "web.lagrange.highest": ("highest value", "최댓값"),
    "web.lagrange.lowest": ("lowest value", "최솟값"),
    "web.lagrange.both": ("highest and lowest", "최댓값이자 최솟값"),
    "web.lagrange.candidate": ("other candidate", "다른 후보"),
    # -- surface ------------------------------------------------------------------------------------
    "web.surface.run": ("Draw", "그리기"),
    "web.surface.range": ("Window", "범위"),
    "web.surface.hint": ("Drag the surface to rotate it; hover for values.",
                         "곡면을 끌어서 돌려 보고, 마우스를 올려 값을 확인하세요."),
    "web.surface.surface": ("surface", "곡면"),
    "web.surface.contour": ("contour", "등고선"),
    "web.surface.needs_two": ("Pictures are drawn for functions of two variables.",
                              "그림은 변수가 2개인 함수일 때 그립니다."),
    "web.surface.not_run": ("Press Draw for the surface of f and its contour lines.",
                            "그리기를 누르면 f의 곡면과 등고선을 그립니다."),
    # -- one state per card -------------------------------------------------------------------
    "web.card.for": ("For {function}", "대상 함수: {function}"),
    "web.card.stale": ("Out of date: the last result was for {function}. Run it again for "
                       "the new function.",
                       "지난 결과는 {function}에 대한 것이었습니다. 새 함수로 다시 실행하세요."),
    "web.card.mixed_dropped": ("The mixed partial {mixed} does not fit these variables; "
                               "shown without it.",
                               "혼합 편미분 {mixed}: 지금 함수의 변수와 맞지 않아 빼고 계산했습니다."),
    "web.card.point_dropped": ("The point {at} does not fit these variables; shown without it.",
                               "점 {at}: 지금 함수의 변수와 맞지 않아 빼고 계산했습니다."),
    "web.descent.racer_lr": ("η for {name}", "{name}의 η"),
    "web.footer": ("API: POST /api/diff, /api/critical, … — documentation at /docs",
                   "API: POST /api/diff, /api/critical, … — 설명은 /docs"),
}
