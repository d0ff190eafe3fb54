"""Messages of gradient descent and the optimizers: `nablab descend`, `race`, `sweep`, the tour.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 경사하강법 (gradient
descent), 학습률 (learning rate, η), 기울기 (gradient), 모멘텀 (momentum).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- outcomes ---------------------------------------------------------------------------
    "optimize.status.converged": (
        "converged after {steps} steps (|∇f| < {tol})",
        "{steps}번 만에 수렴했습니다 (|∇f| < {tol})"),
    "optimize.status.max_steps": (
        "stopped after {steps} steps without converging (|∇f| = {grad_norm})",
        "{steps}번 갱신했지만 수렴하지 않았습니다 (|∇f| = {grad_norm})"),
    "optimize.status.diverged": (
        "diverged after {steps} steps: the next point was not finite or left |θ| ≤ 10¹²; "
        "the path stops at the last finite point",
        "{steps}번 만에 발산했습니다: 다음 점이 유한하지 않거나 |θ| ≤ 10¹²을 벗어났습니다. "
        "경로는 마지막 유한한 점에서 멈춥니다"),
    "optimize.status.constant": (
        "f is constant: nothing to descend. ∇f = 0 at every point, so every point is already "
        "a minimum and no step moves",
        "상수함수이므로 하강할 것이 없습니다. 모든 점에서 ∇f = 0이라 모든 점이 이미 최솟점이고, "
        "어떤 갱신도 점을 움직이지 않습니다"),
    "optimize.status_word.constant": ("constant f", "상수함수"),
    "optimize.status_word.converged": ("converged", "수렴"),
    "optimize.status_word.max_steps": ("max steps", "최대 반복"),
    "optimize.status_word.diverged": ("diverged", "발산"),
    # -- optimizers and their update rules (shown above the step table) ---------------------
    "optimize.name.gd": ("gradient descent", "경사하강법"),
    "optimize.name.sgd": ("SGD (torch.optim.SGD)", "SGD (torch.optim.SGD)"),
    "optimize.name.momentum": ("momentum (torch.optim.SGD)", "모멘텀 (torch.optim.SGD)"),
    "optimize.name.nesterov": ("Nesterov momentum (torch.optim.SGD)",
                               "네스테로프 모멘텀 (torch.optim.SGD)"),
    "optimize.name.adagrad": ("Adagrad (torch.optim.Adagrad)", "Adagrad (torch.optim.Adagrad)"),
    "optimize.name.rmsprop": ("RMSprop (torch.optim.RMSprop)", "RMSprop (torch.optim.RMSprop)"),
    "optimize.name.adam": ("Adam (torch.optim.Adam)", "Adam (torch.optim.Adam)"),
    "optimize.name.custom": ("custom optimizer", "사용자 정의 옵티마이저"),
    "optimize.rule.gd": ("θ ← θ − η∇f(θ)", "θ ← θ − η∇f(θ)"),
    "optimize.rule.sgd": ("b ← μb + (1 − τ)g (b₁ = g),  θ ← θ − ηb",
                          "b ← μb + (1 − τ)g (b₁ = g),  θ ← θ − ηb"),
    "optimize.rule.momentum": ("b ← μb + (1 − τ)g (b₁ = g),  θ ← θ − ηb",
                               "b ← μb + (1 − τ)g (b₁ = g),  θ ← θ − ηb"),
    "optimize.rule.nesterov": ("b ← μb + g (b₁ = g),  θ ← θ − η(g + μb)",
                               "b ← μb + g (b₁ = g),  θ ← θ − η(g + μb)"),
    "optimize.rule.adagrad": ("s ← s + g²,  θ ← θ − η·g/(√s + ε)",
                              "s ← s + g²,  θ ← θ − η·g/(√s + ε)"),
    "optimize.rule.rmsprop": ("v ← αv + (1 − α)g²,  θ ← θ − η·g/(√v + ε)",
                              "v ← αv + (1 − α)g²,  θ ← θ − η·g/(√v + ε)"),
    "optimize.rule.adam": (
        "m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  "
        "θ ← θ − η·(m/(1 − β₁ᵗ))/(√v/√(1 − β₂ᵗ) + ε)",
        "m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  "
        "θ ← θ − η·(m/(1 − β₁ᵗ))/(√v/√(1 − β₂ᵗ) + ε)"),
    "optimize.rule.custom": ("θ ← θ + u(∇f(θ))", "θ ← θ + u(∇f(θ))"),
    # -- labels -----------------------------------------------------------------------------
    "optimize.label.optimizer": ("Optimizer", "옵티마이저"),
    "optimize.label.learning_rate": ("learning rate", "학습률"),
    "optimize.label.start": ("start", "시작점"),
    "optimize.label.steps": ("steps", "반복"),
    "optimize.label.status": ("status", "상태"),
    "optimize.label.final": ("Final point", "최종 점"),
    "optimize.label.update": ("update Δθ", "갱신량 Δθ"),
    "optimize.label.elided": ("⋮  {count} steps not shown (all in --json and .path)",
                              "⋮  {count}개 단계 생략 (--json과 .path에는 모두 있습니다)"),
    "optimize.label.progress": ("descending", "하강 중"),
    # -- learning-rate advice ---------------------------------------------------------------
    "optimize.advice.quadratic": (
        "f is quadratic: its Hessian has eigenvalues {eigenvalues}",
        "f는 이차함수입니다: 헤세 행렬의 고윳값은 {eigenvalues}입니다"),
    "optimize.advice.local": (
        "Hessian at the start (a local estimate): eigenvalues {eigenvalues}",
        "시작점에서의 헤세 행렬 (국소 추정): 고윳값 {eigenvalues}"),
    "optimize.advice.range": ("stable learning rates: 0 < η < {max_lr}",
                              "안정한 학습률: 0 < η < {max_lr}"),
    "optimize.advice.best": ("fastest η for gradient descent: 2/(λ_min + λ_max) = {best_lr}",
                             "경사하강법에 가장 빠른 η: 2/(λ_min + λ_max) = {best_lr}"),
    "optimize.advice.no_bound": (
        "no positive curvature here: no learning rate is too large for it, and nothing stops "
        "the descent from running away",
        "이곳에는 양의 곡률이 없습니다: 곡률로 정해지는 학습률 상한이 없고, 하강이 끝없이 "
        "멀어질 수도 있습니다"),
    "optimize.advice.adaptive": (
        "adaptive optimizers rescale each coordinate: the curvature bound of gradient descent "
        "does not apply to their η",
        "적응형 옵티마이저는 좌표마다 크기를 조정하므로 경사하강법의 곡률 상한이 η에 그대로 "
        "적용되지 않습니다"),
    "optimize.advice.warning": (
        "warning: η = {lr} is outside the stable range 0 < η < {max_lr}: the steps overshoot "
        "and grow",
        "경고: η = {lr:는} 안정 범위 0 < η < {max_lr} 밖에 있습니다: 매 단계 최솟값을 지나쳐 "
        "점점 커집니다"),
    # -- errors -----------------------------------------------------------------------------
    "error.bad_hyperparameter": ("{name} = {value} is outside its valid range",
                                 "{name} = {value:은} 허용 범위를 벗어났습니다"),
    "error.unknown_hyperparameter": (
        "the optimizer {optimizer} has no parameter '{name}' (it has: {known})",
        "옵티마이저 {optimizer}에는 '{name}' 매개변수가 없습니다 (있는 것: {known})"),
    "error.unknown_optimizer": ("unknown optimizer '{name}' (known: {known})",
                                "알 수 없는 옵티마이저 '{name}' (사용 가능: {known})"),
    "error.nesterov_needs_momentum": (
        "Nesterov momentum needs momentum > 0 and dampening 0 (as in PyTorch)",
        "네스테로프 모멘텀에는 momentum > 0, dampening = 0이 필요합니다 (PyTorch와 같음)"),
    "error.bad_steps": ("the number of steps must be a whole number from 0 to {limit}, "
                        "got {value}",
                        "반복 횟수는 0부터 {limit}까지의 정수여야 합니다 (입력: {value})"),
    "error.start_out_of_range": ("the start point is beyond |θ| ≤ {limit}",
                                 "시작점이 |θ| ≤ {limit} 범위를 벗어났습니다"),
    "error.no_variables": ("the function has no variables to descend along",
                           "함수에 하강할 변수가 없습니다"),
    "error.too_many_runs": (
        "a sweep of {runs} runs × {steps} steps is too large (at most {limit} runs and {work} "
        "run-steps)",
        "{runs}개 실행 × {steps}번 반복의 스윕은 너무 큽니다 (최대 {limit}개 실행, {work} 실행-반복)"),
    "error.unknown_backend": ("unknown back end '{name}' (known: {known})",
                              "알 수 없는 백엔드 '{name}' (사용 가능: {known})"),
    "error.backend_missing": ("the {backend} back end needs JAX: pip install 'nablab[{extra}]'",
                              "{backend} 백엔드에는 JAX가 필요합니다: pip install 'nablab[{extra}]'"),
    "error.backend_function": ("the {backend} back end cannot compute this function's gradient "
                               "(a function JAX lacks): use --backend numpy",
                               "{backend} 백엔드는 이 함수의 기울기를 계산할 수 없습니다 (JAX에 없는 "
                               "함수): --backend numpy를 쓰세요"),
    "error.backend_optimizer": ("the {backend} back end runs only {known}, not {optimizer}",
                                "{backend} 백엔드는 {known}만 실행합니다 ({optimizer}{는} 실행하지 않습니다)"),
    "error.no_optimizers": ("name at least one optimizer", "옵티마이저를 하나 이상 지정하세요"),
    "error.lr_count": ("{count} learning rates for {optimizers} optimizers: give one, or one each",
                       "옵티마이저 {optimizers}개에 학습률 {count}개: 하나만 주거나 옵티마이저마다 "
                       "하나씩 주세요"),
    "error.bad_numbers": ("{option} needs numbers separated by commas, got '{text}'",
                          "{option}에는 쉼표로 구분한 수가 필요합니다 (입력: '{text}')"),
    "error.bad_range": ("{option} needs a range A:B:N (N points from A to B), got '{text}'",
                        "{option}에는 A:B:N 형식의 범위가 필요합니다 (A부터 B까지 N개, 입력: "
                        "'{text}')"),
    "error.bad_starts": ("--starts needs one range per variable ({variables}), got '{text}'",
                         "--starts에는 변수({variables})마다 범위가 하나씩 필요합니다 (입력: "
                         "'{text}')"),
    "error.bad_every": ("--every must be at least 1, got {value}",
                        "--every는 1 이상이어야 합니다 (입력: {value})"),
    # -- command line -----------------------------------------------------------------------
    "cli.descend.help": ("gradient descent and the optimizers of deep learning, step by step",
                         "경사하강법과 딥러닝 옵티마이저를 한 단계씩 실행"),
    "cli.descend.description": (
        "Run an optimizer on a function from a start point and show every step: θ_k, f(θ_k), "
        "the gradient ∇f(θ_k) and the update. gd is θ ← θ − η∇f(θ); the others follow "
        "torch.optim exactly (update rules and defaults).",
        "시작점에서 함수에 옵티마이저를 실행하고 모든 단계를 보여 줍니다: θ_k, f(θ_k), 기울기 "
        "∇f(θ_k), 갱신량. gd는 θ ← θ − η∇f(θ)이고, 나머지는 torch.optim과 똑같이 동작합니다 "
        "(갱신 규칙과 기본값)."),
    "cli.race.help": ("several optimizers from the same start, side by side",
                      "같은 시작점에서 여러 옵티마이저를 나란히 비교"),
    "cli.race.description": (
        "Run several optimizers from the same start point and compare them: steps to "
        "converge, final value, status.",
        "같은 시작점에서 여러 옵티마이저를 실행해 비교합니다: 수렴까지의 반복 횟수, 최종 함숫값, "
        "상태."),
    "cli.race.ranking": ("ranking: {ranking}", "순위: {ranking}"),
    "cli.sweep.help": ("thousands of runs at once: learning rates × start points",
                       "학습률 × 시작점, 수천 번의 실행을 한꺼번에"),
    "cli.sweep.description": (
        "Run an optimizer with every learning rate from every start point, vectorised: the "
        "fraction that converged, the median steps, the learning rate where divergence "
        "begins, and which minimum each start reaches (basins of attraction).",
        "모든 학습률로 모든 시작점에서 옵티마이저를 벡터화해 실행합니다: 수렴한 비율, 반복 횟수의 "
        "중앙값, 발산이 시작되는 학습률, 각 시작점이 도달하는 최솟값(끌림 영역)."),
    "cli.opt.start": ("the start point θ₀, e.g. 3,4 or x=3,y=4", "시작점 θ₀, 예: 3,4 또는 x=3,y=4"),
    "cli.opt.optimizer": ("the optimizer (default: gd)", "옵티마이저 (기본값: gd)"),
    "cli.opt.backend": ("where the runs are computed: numpy (default) or jax (pip install "
                        "'nablab[jax]'; gd and sgd)",
                        "실행을 계산할 곳: numpy (기본값) 또는 jax (pip install 'nablab[jax]'; gd와 sgd)"),
    "cli.opt.optimizers": ("optimizers to compare, e.g. gd,momentum,adam",
                           "비교할 옵티마이저, 예: gd,momentum,adam"),
    "cli.opt.lr": ("the learning rate η (default: 0.1 for gd, PyTorch's for the others; for "
                   "newton the damping factor, default 1)",
                   "학습률 η (기본값: gd는 0.1, 나머지는 PyTorch의 기본값; newton에서는 감쇠 "
                   "계수, 기본값 1)"),
    "cli.opt.race_lr": ("one learning rate for all, or one per optimizer",
                        "모두에 쓸 학습률 하나, 또는 옵티마이저마다 하나씩"),
    "cli.opt.lr_range": ("learning rates A:B:N: N values from A to B, evenly spaced on a log "
                         "scale (default: 0.1)",
                         "학습률 A:B:N: A부터 B까지 로그 눈금으로 고르게 N개 (기본값: 0.1)"),
    "cli.opt.starts": ("a range A:B[:N] per variable, e.g. -2:2,-1:3:40 (a grid of start points)",
                       "변수마다 범위 A:B[:N], 예: -2:2,-1:3:40 (시작점 격자)"),
    "cli.opt.steps": ("the most updates per run (default: {default})",
                      "실행당 최대 갱신 횟수 (기본값: {default})"),
    "cli.opt.tol": ("converged when |∇f| < TOL (default: 1e-8)",
                    "|∇f| < TOL이면 수렴 (기본값: 1e-8)"),
    "cli.opt.momentum": ("momentum μ (momentum, nesterov, rmsprop, sgd)",
                         "모멘텀 μ (momentum, nesterov, rmsprop, sgd)"),
    "cli.opt.betas": ("Adam's β₁,β₂ (default: 0.9,0.999)", "Adam의 β₁,β₂ (기본값: 0.9,0.999)"),
    "cli.opt.eps": ("ε of Adagrad, RMSprop and Adam", "Adagrad, RMSprop, Adam의 ε"),
    "cli.opt.every": ("with --json, keep every K-th step of the path",
                      "--json에서 경로를 K단계마다 하나씩만 남김"),
    "cli.sweep.size": ("{runs} runs: {rates} learning rates from {low} to {high} × {starts} start "
                       "points, up to {steps} steps each, in {seconds} s",
                       "실행 {runs}번: 학습률 {rates}개 ({low} ~ {high}) × 시작점 {starts}개, "
                       "실행마다 최대 {steps}번, {seconds}초"),
    "cli.sweep.summary": ("converged: {converged}   diverged: {diverged}   median steps to "
                          "converge: {median}",
                          "수렴: {converged}   발산: {diverged}   수렴까지 반복 횟수의 중앙값: "
                          "{median}"),
    "cli.sweep.boundary": ("divergence boundary: every run is finite up to η = {stable}; runs "
                           "diverge from η = {first}",
                           "발산 경계: η = {stable}까지는 모든 실행이 유한하고, η = {first}부터 "
                           "발산하는 실행이 있습니다"),
    "cli.sweep.no_divergence": ("no run diverged (up to η = {high})",
                                "발산한 실행이 없습니다 (η = {high}까지)"),
    "cli.sweep.median": ("median steps", "반복 중앙값"),
    "cli.sweep.minima": ("Where the converged runs ended:", "수렴한 실행이 도착한 점:"),
    "cli.sweep.no_minima": ("no run converged", "수렴한 실행이 없습니다"),
    "cli.sweep.runs": ("{runs} runs", "{runs}번"),
    "cli.sweep.kind.minimum": ("minimum", "최솟값"),
    "cli.sweep.kind.maximum": ("maximum", "최댓값"),
    "cli.sweep.kind.saddle": ("saddle point", "안장점"),
    "cli.sweep.kind.flat": ("flat (second derivatives cannot tell)",
                            "평평함 (이계도함수로 판정 불가)"),
    "cli.sweep.basins": ("Basins of attraction at η = {lr} (x →, y ↑):",
                         "η = {lr}에서의 끌림 영역 (x →, y ↑):"),
    "cli.sweep.legend": ("  letters: the point reached   ·: not converged   ×: diverged",
                         "  문자: 도착한 점   ·: 수렴하지 않음   ×: 발산"),
    # -- tour -------------------------------------------------------------------------------
    "tour.descent.title": ("Gradient descent: θ ← θ − η∇f(θ)",
                           "경사하강법: θ ← θ − η∇f(θ)"),
    "tour.descent.rule": ("The notes' update: step every parameter against its partial "
                          "derivative, scaled by the learning rate η",
                          "노트의 갱신 규칙: 각 매개변수를 편미분의 반대 방향으로, 학습률 η만큼 "
                          "움직입니다"),
    "tour.descent.first_step": ("One step from {start} with η = {lr}, using ∇f = {gradient}:",
                                "{start}에서 η = {lr:로} 한 걸음, ∇f = {gradient:를} 써서:"),
    "tour.descent.table": ("Step by step (nablab descend shows the whole table):",
                           "한 단계씩 (nablab descend는 전체 표를 보여 줍니다):"),
    "tour.descent.converged": ("Each step multiplies θ by 1 − ηλ = {factor}: converged after "
                               "{steps} steps (|∇f| < {tol})",
                               "매 단계 θ에 1 − ηλ = {factor:가} 곱해집니다: {steps}번 만에 수렴 "
                               "(|∇f| < {tol})"),
    "tour.descent.advice": ("The Hessian's eigenvalues are {eigenvalues}, so the stable range is "
                            "0 < η < {max_lr} and η = {best_lr} reaches the minimum in one step",
                            "헤세 행렬의 고윳값이 {eigenvalues}이므로 안정한 학습률은 "
                            "0 < η < {max_lr}이고, η = {best_lr}이면 한 번에 최솟값에 "
                            "도달합니다"),
    "tour.descent.too_large": ("Too large a learning rate: with η = {lr} each step multiplies θ "
                               "by {factor} — it overshoots the minimum and grows",
                               "학습률이 너무 크면: η = {lr}에서는 매 단계 θ에 {factor:가} "
                               "곱해져 최솟값을 지나치며 점점 커집니다"),
    "tour.descent.diverged": ("diverged after {steps} steps, f = {value} at the last finite point",
                              "{steps}번 만에 발산, 마지막 유한한 점에서 f = {value}"),
    "tour.descent.try": ("Try it: nablab descend \"x^2 + y^2\" --start 3,4 --lr 0.1, and "
                         "nablab race / nablab sweep to compare optimizers",
                         "직접 해 보기: nablab descend \"x^2 + y^2\" --start 3,4 --lr 0.1, "
                         "옵티마이저 비교는 nablab race / nablab sweep"),
    "error.run_too_large": ("{steps} steps × {variables} variables is more than one run may "
                            "record ({limit} numbers): take fewer steps",
                            "{steps}번 × 변수 {variables}개는 한 번의 실행이 기록할 수 있는 양({limit}개)을 "
                            "넘습니다: 반복 횟수를 줄이세요"),
    "error.no_numeric_gradient": (
        "the gradient of this function cannot be evaluated numerically (differentiating sign or "
        "heaviside leaves a Dirac delta)",
        "이 함수의 기울기는 수치로 계산할 수 없습니다 (sign이나 heaviside를 미분하면 디랙 델타가 "
        "남습니다)"),
    # -- Newton's method (뉴턴 방법) ---------------------------------------------------------
    "optimize.name.newton": ("Newton's method", "뉴턴 방법"),
    "optimize.rule.newton": ("θ ← θ − η·H(θ)⁻¹∇f(θ)", "θ ← θ − η·H(θ)⁻¹∇f(θ)"),
    "optimize.status.singular": (
        "stopped after {steps} steps: the Hessian H is singular at the last point, so the "
        "quadratic Taylor model has no single minimum and the Newton step H⁻¹∇f is not defined "
        "(|∇f| = {grad_norm})",
        "{steps}번 갱신한 뒤 멈췄습니다: 마지막 점에서 헤세 행렬 H가 특이 행렬이라 이차 테일러 "
        "모형의 최솟점이 하나로 정해지지 않고, 뉴턴 단계 H⁻¹∇f도 정의되지 않습니다 "
        "(|∇f| = {grad_norm})"),
    "optimize.status.not_positive_definite": (
        "stopped after {steps} steps: the Hessian H is not positive definite at the last point, "
        "so the quadratic Taylor model has no minimum there and the Newton step would head for a "
        "saddle point or a maximum (|∇f| = {grad_norm}); start closer to a minimum, or use "
        "gradient descent",
        "{steps}번 갱신한 뒤 멈췄습니다: 마지막 점에서 헤세 행렬 H가 양의 정부호가 아니라 이차 "
        "테일러 모형에 최솟점이 없고, 뉴턴 단계는 안장점이나 극대점으로 향합니다 "
        "(|∇f| = {grad_norm}). 최솟점에 더 가까이에서 시작하거나 경사하강법을 쓰세요"),
    "optimize.status_word.singular": ("H singular", "H 특이"),
    "optimize.status_word.not_positive_definite": ("H not positive definite",
                                                   "H 양의 정부호 아님"),
    "optimize.advice.newton": (
        "Newton's method minimises the quadratic Taylor model "
        "f(θ) + ∇f(θ)ᵀΔ + ½ΔᵀH(θ)Δ at each step: Δ = −H⁻¹∇f. Dividing by the curvature makes "
        "every eigenvalue 1, so the learning-rate bound η < 2/λ_max of gradient descent becomes "
        "η < 2, and η = 1 (the default) reaches the minimum of a quadratic in one step; η < 1 "
        "damps the step",
        "뉴턴 방법은 매 단계 이차 테일러 모형 f(θ) + ∇f(θ)ᵀΔ + ½ΔᵀH(θ)Δ를 최소화합니다: "
        "Δ = −H⁻¹∇f. 곡률로 나누면 모든 고윳값이 1이 되므로 경사하강법의 학습률 상한 "
        "η < 2/λ_max는 η < 2가 되고, η = 1(기본값)이면 이차함수의 최솟점에 한 번에 "
        "도달합니다. η < 1은 단계를 줄입니다(감쇠 뉴턴 방법)"),
    "optimize.advice.newton_not_pd": (
        "H is not positive definite here: the quadratic model has no minimum, so Newton's "
        "method cannot step from this point",
        "여기서 H는 양의 정부호가 아닙니다: 이차 모형에 최솟점이 없어 뉴턴 방법은 이 점에서 "
        "나아갈 수 없습니다"),
    "plot.label.quadratic_model": ("quadratic model T₂ of a Newton step",
                                   "뉴턴 단계의 이차 모형 T₂"),
    "optimize.name.damped_newton": ("damped Newton (line search)", "감쇠 뉴턴 방법 (직선 탐색)"),
    "optimize.rule.damped_newton": (
        "Δ = −H(θ)⁻¹∇f(θ),  θ ← θ + tΔ with t = η, ηβ, ηβ², … the first where "
        "f(θ + tΔ) ≤ f(θ) + c₁t∇f(θ)ᵀΔ",
        "Δ = −H(θ)⁻¹∇f(θ),  θ ← θ + tΔ, t = η, ηβ, ηβ², … 중 "
        "f(θ + tΔ) ≤ f(θ) + c₁t∇f(θ)ᵀΔ를 처음 만족하는 값"),
}
