"""Messages of the single-layer network: `nablab train`, `nablab graph`, the tour chapter.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 단일 층 신경망
(single-layer network), 가중치 (weight), 편향 (bias), 손실 함수 (loss function), 오차역전파
(backpropagation), 연쇄법칙 (chain rule), 학습률 (learning rate), 정확도 (accuracy), 편미분.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- how training ended -----------------------------------------------------------------
    "network.status.converged": (
        "converged after {epochs} epochs (|∇L| < {tol})",
        "{epochs}번째 에포크에서 수렴했습니다 (|∇L| < {tol})"),
    "network.status.max_epochs": (
        "trained for {epochs} epochs",
        "{epochs} 에포크 동안 학습했습니다"),
    "network.status.diverged": (
        "diverged after {epochs} epochs: the loss or the parameters stopped being finite "
        "(|θ| > 10¹²); the result is the last finite point — try a smaller learning rate",
        "{epochs}번째 에포크 뒤에 발산했습니다: 손실이나 매개변수가 유한하지 않게 되었습니다 "
        "(|θ| > 10¹²). 결과는 마지막 유한한 점입니다 — 학습률을 줄여 보세요"),
    # -- errors: data -----------------------------------------------------------------------
    "error.data_unreadable": ("cannot read the data file '{file}': {reason}",
                              "데이터 파일 '{file}'{을} 읽을 수 없습니다: {reason}"),
    "error.data_too_large": ("the data file '{file}' is larger than {limit}",
                             "데이터 파일 '{file}'{이} {limit}보다 큽니다"),
    "error.data_not_text": ("the data file '{file}' is not UTF-8 CSV text",
                            "데이터 파일 '{file}'{은} UTF-8 CSV 텍스트가 아닙니다"),
    "error.data_empty": ("the data file '{file}' is empty (it needs a header row of column "
                         "names, then rows of numbers)",
                         "데이터 파일 '{file}'{이} 비어 있습니다 (첫 줄에 열 이름, 그다음 줄부터 "
                         "숫자가 있어야 합니다)"),
    "error.data_no_rows": ("the data file '{file}' has a header but no rows of numbers",
                           "데이터 파일 '{file}'에 머리글만 있고 숫자 행이 없습니다"),
    "error.data_ragged": (
        "row {row} (line {line} of '{file}') has {count} cells, but the header has {expected}",
        "'{file}'의 {row}번째 행 ({line}번째 줄)의 칸이 {count}개인데 머리글은 {expected}개입니다"),
    "error.data_not_number": (
        "row {row} (line {line} of '{file}'), column '{column}': '{text}' is not a finite number",
        "'{file}'의 {row}번째 행 ({line}번째 줄), '{column}' 열: '{text}'{은} 유한한 숫자가 "
        "아닙니다"),
    "error.data_empty_cell": (
        "row {row} (line {line} of '{file}'), column '{column}' is empty",
        "'{file}'의 {row}번째 행 ({line}번째 줄), '{column}' 열이 비어 있습니다"),
    "error.data_blank_column": ("column {position} of the header of '{file}' has no name",
                                "'{file}' 머리글의 {position}번째 열에 이름이 없습니다"),
    "error.data_duplicate_column": ("the column '{column}' appears twice in '{file}'",
                                    "'{file}'에 '{column}' 열이 두 번 있습니다"),
    "error.data_too_many_rows": ("'{file}' has more than {limit} rows",
                                 "'{file}'의 행이 {limit}개를 넘습니다"),
    "error.data_too_many_columns": ("'{file}' has {count} columns; the limit is {limit}",
                                    "'{file}'의 열이 {count}개입니다. 한도는 {limit}개입니다"),
    "error.data_missing_column": ("there is no column '{column}' in the data (columns: {columns})",
                                  "데이터에 '{column}' 열이 없습니다 (열: {columns})"),
    "error.data_unknown_example": ("unknown example data set '{name}' (known: {known})",
                                   "알 수 없는 예제 데이터 '{name}' (있는 것: {known})"),
    "error.data_bad_label": (
        "row {row}, column '{column}': binary cross-entropy needs targets between 0 and 1, "
        "got {value}",
        "{row}번째 행, '{column}' 열: 이진 교차 엔트로피의 목표값은 0과 1 사이여야 하는데 "
        "{value}입니다"),
    # -- errors: model and settings ---------------------------------------------------------
    "error.model_uses_target": (
        "the model uses the target column '{target}' itself; the target is what it predicts",
        "모델이 목표 열 '{target}'{을} 직접 씁니다. 목표는 모델이 예측할 값입니다"),
    "error.model_no_parameters": (
        "the model has no parameters: every name in it is a data column (parameters such as "
        "w1 or b are the names that are not columns)",
        "모델에 매개변수가 없습니다: 모든 이름이 데이터 열입니다 (w1, b 같은 매개변수는 열이 "
        "아닌 이름입니다)"),
    "error.model_too_many_parameters": ("the model has {count} parameters; the limit is {limit}",
                                        "모델의 매개변수가 {count}개입니다. 한도는 {limit}개입니다"),
    "error.unknown_loss": ("unknown loss '{name}' (known: {known})",
                           "알 수 없는 손실 함수 '{name}' (있는 것: {known})"),
    "error.bad_epochs": ("--epochs must be a whole number from 1 to {limit}, got {value}",
                         "--epochs는 1부터 {limit}까지의 정수여야 하는데 {value}입니다"),
    "error.bad_batch_size": ("--batch-size must be a whole number of at least 1, got {value}",
                             "--batch-size는 1 이상의 정수여야 하는데 {value}입니다"),
    "error.train_too_large": (
        "{epochs} epochs over {rows} rows is too much work for one run (at most {work} "
        "row evaluations and {steps} updates)",
        "{rows}개 행에 {epochs} 에포크는 한 번에 하기에 너무 많습니다 (행 계산 {work}번, "
        "갱신 {steps}번까지)"),
    "error.train_needs_model": (
        "give the model with --model, e.g. --model \"w1*x1 + w2*x2 + b\" (only the built-in "
        "examples have one by default)",
        "--model로 모델을 주세요. 예: --model \"w1*x1 + w2*x2 + b\" (기본 모델은 내장 예제에만 "
        "있습니다)"),
    "error.graph_constant": ("the formula has no variables, so it has no graph to differentiate",
                             "수식에 변수가 없어서 미분할 계산 그래프가 없습니다"),
    "error.graph_too_large": ("the computational graph has more than {limit} nodes",
                              "계산 그래프의 노드가 {limit}개를 넘습니다"),
    # -- the command line -------------------------------------------------------------------
    "cli.train.help": ("train a single-layer network (any model) by its partial derivatives",
                       "단일 층 신경망(어떤 모델이든)을 편미분으로 학습"),
    "cli.train.description": (
        "Fit the parameters of a model to data by gradient descent. The names in the model that "
        "are data columns are inputs; the others are parameters (weights and biases). The "
        "partial derivatives ∂L/∂θ are written out by the chain rule, compiled once and "
        "evaluated on all rows at once; any optimizer of `nablab descend` updates θ. With "
        "--layers, a network with hidden layers is trained by backpropagation in matrix form.",
        "모델의 매개변수를 경사하강법으로 데이터에 맞춥니다. 모델 속 이름 중 데이터 열인 것은 입력, "
        "나머지는 매개변수(가중치와 편향)입니다. 편미분 ∂L/∂θ를 연쇄법칙으로 풀어 쓰고, 한 번 "
        "컴파일해 모든 행에서 한꺼번에 계산하며, `nablab descend`의 옵티마이저가 θ를 갱신합니다. "
        "--layers를 주면 은닉층이 있는 신경망을 행렬 형태의 역전파로 학습합니다."),
    "cli.train.model": ("the model ŷ, e.g. \"w1*x1 + w2*x2 + b\" or \"sigmoid(w*x + b)\"",
                        "모델 ŷ, 예: \"w1*x1 + w2*x2 + b\" 또는 \"sigmoid(w*x + b)\""),
    "cli.train.data": ("a CSV file with a header row, or example:linear, example:logistic, "
                       "example:xor, example:circles, example:sine",
                       "머리글 행이 있는 CSV 파일, 또는 example:linear, example:logistic, "
                       "example:xor, example:circles, example:sine"),
    "cli.train.target": ("the column to predict (default: y)", "예측할 열 (기본값: y)"),
    "cli.train.loss": ("the loss function: mse or bce (default: bce when the model ends in "
                       "sigmoid, else mse)",
                       "손실 함수: mse 또는 bce (기본값: 모델이 sigmoid로 끝나면 bce, 아니면 mse)"),
    "cli.train.epochs": ("passes over the data (default: 1000)",
                         "데이터를 도는 횟수, 에포크 (기본값: 1000)"),
    "cli.train.batch_size": ("rows per update (default: all rows, full batch)",
                             "갱신 한 번에 쓰는 행 수 (기본값: 모든 행, 전체 배치)"),
    "cli.train.seed": ("seed of the initial parameters and the shuffles (default: 0)",
                       "초기 매개변수와 섞기의 시드 (기본값: 0)"),
    "cli.train.start": ("initial parameters, e.g. w1=0,w2=0 (default: random, from the seed)",
                        "초기 매개변수, 예: w1=0,w2=0 (기본값: 시드로 정한 난수)"),
    "cli.train.tol": ("full batch: converged when |∇L| < TOL (default: 1e-8)",
                      "전체 배치: |∇L| < TOL이면 수렴 (기본값: 1e-8)"),
    "cli.graph.help": ("the computational graph of a formula: forward values, backpropagation",
                       "수식의 계산 그래프: 순전파 값과 오차역전파"),
    "cli.graph.description": (
        "Draw a formula as a computational graph and run it at a point: the forward pass "
        "computes every node's value, the backward pass (backpropagation, reverse mode) every "
        "node's adjoint ∂f/∂node by the chain rule, node by node. The gradient is checked "
        "against the symbolic derivatives and central finite differences.",
        "수식을 계산 그래프로 그리고 한 점에서 계산합니다: 순전파는 모든 노드의 값을, 역전파"
        "(오차역전파, 역방향 모드)는 연쇄법칙으로 노드마다 수반값 ∂f/∂노드를 구합니다. 기울기는 "
        "기호 미분과 중심 차분으로 검산합니다."),
    "cli.graph.at": ("the point, e.g. w=2,x=1,b=-1", "점, 예: w=2,x=1,b=-1"),
    # -- train's text output ----------------------------------------------------------------
    "network.label.progress": ("training", "학습 중"),
    "network.label.model": ("Single-layer network", "단일 층 신경망"),
    "network.label.setup": (
        "{rows} rows; inputs {inputs}; target {target}; parameters (weights, biases) {parameters}",
        "{rows}개 행; 입력 {inputs}; 목표 {target}; 매개변수(가중치, 편향) {parameters}"),
    "network.loss.mse": ("loss function: mean squared error, L(θ) = (1/N) Σₙ (ŷₙ − yₙ)²",
                         "손실 함수: 평균 제곱 오차, L(θ) = (1/N) Σₙ (ŷₙ − yₙ)²"),
    "network.loss.bce": (
        "loss function: binary cross-entropy on p = σ(z), L(θ) = (1/N) Σₙ [ln(1 + e^zₙ) − yₙzₙ]",
        "손실 함수: p = σ(z)의 이진 교차 엔트로피, L(θ) = (1/N) Σₙ [ln(1 + e^zₙ) − yₙzₙ]"),
    "network.label.logit": ("logit z = {logit} (p = σ(z) is the probability of class 1)",
                            "로짓 z = {logit} (p = σ(z)는 클래스 1일 확률)"),
    "network.label.chain_rule": ("Partial derivatives of the loss of one sample, by the chain rule",
                                 "표본 하나의 손실의 편미분, 연쇄법칙으로"),
    "network.label.more_parameters": ("… and {count} more parameters (all in --json and .parameters)",
                                      "… 매개변수 {count}개 더 (--json과 .parameters에 모두 있습니다)"),
    "network.label.mean_gradient": (
        "∂L/∂θ = (1/N) Σₙ ∂ℓₙ/∂θ: compiled once ({backend}), evaluated on all {rows} rows at "
        "once",
        "∂L/∂θ = (1/N) Σₙ ∂ℓₙ/∂θ: 한 번 컴파일해 ({backend}) {rows}개 행 전체에서 한꺼번에 "
        "계산"),
    "network.backend.llvm": ("SymEngine, LLVM machine code", "SymEngine, LLVM 기계어"),
    "network.backend.numpy": ("SymPy's lambdify, NumPy", "SymPy lambdify, NumPy"),
    "network.label.full_batch": ("full batch", "전체 배치"),
    "network.label.mini_batch": ("mini-batches of {size} rows, shuffled with seed {seed}",
                                 "{size}개 행씩 미니배치, 시드 {seed:로} 섞음"),
    "network.label.epoch": ("epoch", "에포크"),
    "network.label.elided": ("⋮  {count} epochs not shown (all in --json and .loss)",
                             "⋮  {count}개 에포크 생략 (--json과 .loss에는 모두 있습니다)"),
    "network.label.parameters": ("Parameters", "매개변수"),
    "network.label.final_loss": ("Loss", "손실"),
    "network.label.accuracy": ("Accuracy: {percent}% of the samples classified right",
                               "정확도: 표본의 {percent}%를 맞게 분류"),
    "network.xor_note": (
        "XOR cannot be learned by a single layer: no straight line w₁x₁ + w₂x₂ + b = 0 separates "
        "the classes, so at most 3 of the 4 points can come out right. The loss is lowest at "
        "w₁ = w₂ = b = 0, where p = ½ for every point (L = ln 2 ≈ 0.693). A hidden layer can "
        "learn XOR.",
        "XOR 문제는 단일 층으로 학습할 수 없습니다: 어떤 직선 w₁x₁ + w₂x₂ + b = 0도 두 클래스를 나누지 "
        "못하므로 네 점 중 많아야 세 점만 맞힐 수 있습니다. 손실은 w₁ = w₂ = b = 0에서 가장 "
        "작고, 그때 모든 점에서 p = ½입니다 (L = ln 2 ≈ 0.693). 은닉층이 있으면 XOR 문제를 학습할 수 "
        "있습니다."),
    # -- graph's text output ----------------------------------------------------------------
    "network.op.input": ("input", "입력"),
    "network.graph.title": ("Computational graph of {function} at {point}",
                            "{point}에서 {function}의 계산 그래프"),
    "network.graph.forward": ("Forward pass: each node's value from its inputs, up to {output}",
                              "순전파: 입력에서 {output}까지 노드마다 값을 계산"),
    "network.graph.node": ("node", "노드"),
    "network.graph.op": ("operation", "연산"),
    "network.graph.computes": ("computes", "계산"),
    "network.graph.value": ("value", "값"),
    "network.graph.adjoint": ("adjoint ∂{name}/∂node", "수반값 ∂{name}/∂노드"),
    "network.graph.backward": (
        "Backward pass (backpropagation): ∂{name}/∂{output} = 1, then the chain rule edge by edge",
        "역전파 (오차역전파): ∂{name}/∂{output} = 1에서 시작해 간선마다 연쇄법칙"),
    "network.graph.check": ("Gradient check", "기울기 검산"),
    "network.graph.by_backprop": ("backprop", "역전파"),
    "network.graph.by_symbolic": ("symbolic", "기호 미분"),
    "network.graph.by_differences": ("central differences", "중심 차분"),
    "network.graph.max_error": ("largest relative error against the symbolic gradient: {error}",
                                "기호 미분 기울기에 대한 최대 상대 오차: {error}"),
    # -- figures ----------------------------------------------------------------------------
    "plot.network_surface_title": ("The loss surface and the descent path",
                                   "손실 곡면과 경사하강 경로"),
    "plot.network_contour_title": ("Level curves of the loss and the path of θ ({count} "
                                   "parameters)",
                                   "손실의 등고선과 θ의 경로 (매개변수 {count}개)"),
    "plot.network_slice_title": (
        "Slice of the loss through the final θ ({count} parameters; the others held)",
        "최종 θ를 지나는 손실의 단면 (매개변수 {count}개, 나머지는 고정)"),
    "plot.network_epoch": ("epoch", "에포크"),
    "plot.network_loss_title": ("Loss per epoch", "에포크별 손실"),
    "plot.network_boundary_title": ("Data and the decision boundary (accuracy {percent}%)",
                                    "데이터와 결정 경계 (정확도 {percent}%)"),
    "plot.network_graph_value": ("value {value}", "값 {value}"),
    "plot.network_graph_title": (
        "Computational graph at {point}: values (forward), adjoints in red (backward), local "
        "derivatives on the edges",
        "{point}에서의 계산 그래프: 값(순전파), 빨간 수반값(역전파), 간선 위 국소 미분"),
    # -- tour -------------------------------------------------------------------------------
    "tour.network.title": ("The single-layer network: partial derivatives that train a model",
                           "단일 층 신경망: 모델을 학습시키는 편미분"),
    "tour.network.network": (
        "The notes' network: inputs x₁, x₂, weights w₁, w₂, output ŷ = w₁x₁ + w₂x₂, and a loss "
        "L(ŷ, y). Trained here on {rows} points made with the weights {weights}:",
        "노트의 신경망: 입력 x₁, x₂, 가중치 w₁, w₂, 출력 ŷ = w₁x₁ + w₂x₂, 손실 함수 L(ŷ, y). "
        "가중치 {weights:로} 만든 점 {rows}개로 학습합니다:"),
    "tour.network.chain_rule": (
        "The partial derivative of the loss of one sample by each weight, by the chain rule "
        "(∂L/∂wᵢ is their mean over the data):",
        "표본 하나의 손실을 각 가중치로 편미분, 연쇄법칙으로 (∂L/∂wᵢ는 데이터 전체의 평균):"),
    "tour.network.first_step": (
        "Gradient descent θᵢ ← θᵢ − η ∂L/∂θᵢ, one step from {start} with η = {lr}:",
        "경사하강법 θᵢ ← θᵢ − η ∂L/∂θᵢ, {start}에서 η = {lr:로} 한 걸음:"),
    "tour.network.recovered": (
        "After {epochs} epochs the weights are {weights} (L = {loss}): the network found the "
        "weights the data was made with.",
        "{epochs} 에포크 뒤 가중치는 {weights}입니다 (L = {loss}): 데이터를 만든 가중치를 "
        "신경망이 찾아냈습니다."),
    "tour.network.neuron": ("A neuron's linear combination z = wx + b and its partial "
                            "derivatives (nablab computes them):",
                            "뉴런의 선형결합 z = wx + b와 그 편미분 (nablab이 계산):"),
    "tour.network.backprop": (
        "Backpropagation through σ(wx + b) at {point}: the forward pass gives each node's value, "
        "the backward pass each node's adjoint ∂f/∂node by the chain rule (nablab graph):",
        "{point}에서 σ(wx + b)의 오차역전파: 순전파로 노드마다 값을, 역전파로 연쇄법칙에 따라 "
        "노드마다 수반값 ∂f/∂노드를 구합니다 (nablab graph):"),
    "tour.network.value": ("value", "값"),
    "tour.network.adjoint": ("∂f/∂node", "∂f/∂노드"),
    "tour.network.sigmoid": (
        "At the σ node the local derivative is σ' = {slope}, and σ(1 − σ) = {check} with "
        "σ = {value}: the notes' σ' = σ(1 − σ). Backprop, the symbolic derivatives and central "
        "differences agree to {error}.",
        "σ 노드의 국소 미분은 σ' = {slope}이고, σ = {value}일 때 σ(1 − σ) = {check}입니다: 노트의 "
        "σ' = σ(1 − σ). 역전파, 기호 미분, 중심 차분이 {error}까지 일치합니다."),
    "tour.network.logistic": (
        "With p = σ(w₁x₁ + w₂x₂ + b) and binary cross-entropy, σ' cancels and the partial is "
        "∂ℓ/∂w₁ = {gradient}. On the logistic example the trained neuron classifies {accuracy}% "
        "of the points right.",
        "p = σ(w₁x₁ + w₂x₂ + b)와 이진 교차 엔트로피에서는 σ'이 약분되어 편미분이 "
        "∂ℓ/∂w₁ = {gradient:가} 됩니다. logistic 예제에서 학습된 뉴런은 점의 {accuracy}%를 맞게 "
        "분류합니다."),
    "tour.network.xor": (
        "XOR is what a single layer cannot learn: no line separates its classes. Trained all the "
        "same, it ends at L = {loss} (ln 2 = {ln2}: p = ½ everywhere) with {accuracy}% right; "
        "a hidden layer is needed.",
        "XOR 문제는 단일 층이 학습할 수 없습니다: 어떤 직선도 두 클래스를 나누지 못합니다. 그래도 "
        "학습시키면 L = {loss} (ln 2 = {ln2}: 모든 점에서 p = ½)에서 멈추고 {accuracy}%만 "
        "맞힙니다. 은닉층이 필요합니다."),
    "tour.network.try": (
        "Try it: nablab train --data example:linear, nablab train --model \"w1*x1 + w2*x2 + b\" "
        "--data FILE.csv --plot loss.png, nablab graph \"sigmoid(w*x + b)\" --at w=2,x=1,b=-1",
        "직접 해 보기: nablab train --data example:linear, nablab train --model "
        "\"w1*x1 + w2*x2 + b\" --data FILE.csv --plot loss.png, nablab graph "
        "\"sigmoid(w*x + b)\" --at w=2,x=1,b=-1"),
}
