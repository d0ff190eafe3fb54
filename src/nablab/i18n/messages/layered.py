"""Messages of networks with hidden layers: `nablab train --layers`, backpropagation in matrix
form, one sample explained, vanishing gradients.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 은닉층 (hidden layer),
가중치 행렬 (weight matrix), 편향 (bias), 활성화 함수 (activation function), 순전파 (forward
pass), 역전파 (backpropagation), 연쇄법칙 (chain rule), 기울기 소실 (vanishing gradient), 편미분.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- errors -----------------------------------------------------------------------------
    "error.bad_layers": (
        "--layers must be 2 to {layers} widths separated by commas, each a whole number from 1 "
        "to {width} (e.g. 2,2,1: 2 inputs, a hidden layer of 2 units, 1 output), got '{value}'",
        "--layers는 쉼표로 나눈 너비 2개에서 {layers}개까지여야 하고, 각각 1부터 {width}까지의 "
        "정수여야 합니다 (예: 2,2,1 — 입력 2개, 유닛 2개인 은닉층, 출력 1개). 받은 값: '{value}'"),
    "error.bad_activation": ("unknown activation '{name}' (known: {known})",
                             "알 수 없는 활성화 함수 '{name}' (있는 것: {known})"),
    "error.layered_output_width": (
        "the last width of --layers is the output and must be 1 (one target column), got {width}",
        "--layers의 마지막 너비는 출력이므로 1이어야 합니다 (목표 열 하나). 받은 값: {width}"),
    "error.layered_too_many_parameters": (
        "the network has {count} weights and biases; the limit is {limit}",
        "신경망의 가중치와 편향이 {count}개입니다. 한도는 {limit}개입니다"),
    "error.layered_bce_needs_sigmoid": (
        "binary cross-entropy needs the sigmoid output (--output sigmoid): it is the loss of a "
        "probability",
        "이진 교차 엔트로피는 시그모이드 출력(--output sigmoid)이 필요합니다: 확률의 손실 함수이기 "
        "때문입니다"),
    "error.layered_too_large": (
        "{rows} rows through {units} units is too large for one pass (at most {limit} values)",
        "{rows}개 행을 유닛 {units}개에 통과시키기에는 너무 큽니다 (값 {limit}개까지)"),
    "error.layered_too_much_work": (
        "{epochs} epochs over {rows} rows with {parameters} parameters is too much work for one "
        "run (epochs × rows × parameters at most {limit})",
        "매개변수 {parameters}개로 {rows}개 행에 {epochs} 에포크는 한 번에 하기에 너무 많습니다 "
        "(에포크 × 행 × 매개변수 {limit}까지)"),
    "error.layered_inputs": (
        "the first width of --layers is the number of inputs: {width}, but the data has {count} "
        "input columns ({columns})",
        "--layers의 첫 너비는 입력의 개수인 {width}인데, 데이터의 입력 열은 {count}개입니다 "
        "({columns})"),
    "error.bad_sample": ("--explain-sample must be a row number from 1 to {rows}, got {value}",
                         "--explain-sample은 1부터 {rows}까지의 행 번호여야 하는데 {value}입니다"),
    "error.layered_with_model": (
        "--layers builds the model itself: give either --model or --layers, not both",
        "--layers가 모델을 직접 만듭니다: --model과 --layers 중 하나만 주세요"),
    "error.layered_no_start": (
        "--start is for --model; a network from --layers starts from random weights drawn "
        "with --seed",
        "--start는 --model에 쓰는 옵션입니다. --layers로 만든 신경망은 --seed로 뽑은 난수 "
        "가중치에서 시작합니다"),
    "error.layered_only": (
        "{option} is for networks with --layers",
        "{option} 옵션은 --layers로 만든 신경망에만 쓸 수 있습니다"),
    # -- the command line -------------------------------------------------------------------
    "cli.train.layers": (
        "a network with hidden layers instead of --model: the widths, inputs first, e.g. 2,2,1",
        "--model 대신 은닉층이 있는 신경망: 입력부터 차례로 너비, 예: 2,2,1"),
    "cli.train.activation": ("--layers: the hidden layers' activation (default: tanh)",
                             "--layers: 은닉층의 활성화 함수 (기본값: tanh)"),
    "cli.train.output": (
        "--layers: the output unit, sigmoid (a probability) or linear (default: sigmoid when "
        "every target is between 0 and 1, else linear)",
        "--layers: 출력 유닛, sigmoid(확률) 또는 linear (기본값: 모든 목표값이 0과 1 사이이면 "
        "sigmoid, 아니면 linear)"),
    "cli.train.explain_sample": (
        "--layers: the numbers of sample K (1, 2, …) through every layer, forward and backward, "
        "at the start",
        "--layers: 표본 K(1, 2, …)가 모든 층을 지나는 순전파와 역전파의 수치, 학습 시작 시점"),
    # -- train's text output ----------------------------------------------------------------
    "layered.label.model": ("Network with hidden layers: {widths}, activation {activation}, "
                            "output {output}",
                            "은닉층이 있는 신경망: {widths}, 활성화 함수 {activation}, 출력 "
                            "{output}"),
    "layered.label.one_layer": ("Network without hidden layers (a single layer): {widths}, "
                                "output {output}",
                                "은닉층이 없는 신경망 (단일 층): {widths}, 출력 {output}"),
    "layered.label.setup": (
        "{rows} rows; inputs x = ({inputs})ᵀ; target {target}; {count} parameters: {shapes}",
        "{rows}개 행; 입력 x = ({inputs})ᵀ; 목표 {target}; 매개변수 {count}개: {shapes}"),
    "layered.loss.bce": (
        "loss function: binary cross-entropy on ŷ = σ(z⁽ᴸ⁾), "
        "ℓ = ln(1 + e^z⁽ᴸ⁾) − y z⁽ᴸ⁾, L(θ) = (1/N) Σₙ ℓₙ",
        "손실 함수: ŷ = σ(z⁽ᴸ⁾)의 이진 교차 엔트로피, ℓ = ln(1 + e^z⁽ᴸ⁾) − y z⁽ᴸ⁾, "
        "L(θ) = (1/N) Σₙ ℓₙ"),
    "layered.loss.mse": ("loss function: mean squared error, ℓ = (ŷ − y)², L(θ) = (1/N) Σₙ ℓₙ",
                         "손실 함수: 평균 제곱 오차, ℓ = (ŷ − y)², L(θ) = (1/N) Σₙ ℓₙ"),
    "layered.label.forward": ("Forward pass (one sample x, a column vector; shapes on the right)",
                              "순전파 (표본 하나 x, 열벡터; 오른쪽은 모양)"),
    "layered.label.backward": (
        "Backward pass (backpropagation: the chain rule, from the output down)",
        "역전파 (오차역전파: 출력에서 아래로 내려가는 연쇄법칙)"),
    "layered.label.mean_gradient": (
        "∂L/∂θ = (1/N) Σₙ ∂ℓₙ/∂θ for all {rows} rows at once: row n of Z⁽ˡ⁾ is z⁽ˡ⁾ᵀ of sample "
        "n, so Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ and ∂L/∂W⁽ˡ⁾ = (1/N) Δ⁽ˡ⁾ᵀA⁽ˡ⁻¹⁾ (NumPy matrix products)",
        "∂L/∂θ = (1/N) Σₙ ∂ℓₙ/∂θ를 {rows}개 행 전체에서 한꺼번에: Z⁽ˡ⁾의 n번째 행이 표본 n의 "
        "z⁽ˡ⁾ᵀ이므로 Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ, ∂L/∂W⁽ˡ⁾ = (1/N) Δ⁽ˡ⁾ᵀA⁽ˡ⁻¹⁾ (NumPy 행렬곱)"),
    "layered.label.gradient_sizes": (
        "Gradient sizes at the start (θ₀), layer by layer",
        "학습 시작(θ₀)에서 층별 기울기 크기"),
    "layered.label.layer": ("layer l", "층 l"),
    "layered.label.mean_slope": ("mean g′(z⁽ˡ⁾)", "g′(z⁽ˡ⁾) 평균"),
    "layered.label.bound": ("(max g′)^(L−l)", "(max g′)^(L−l)"),
    "layered.vanishing.sigmoid": (
        "Vanishing gradients: σ′ = σ(1 − σ) ≤ 1/4, and δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ σ′(z⁽ˡ⁾) takes "
        "one such factor per layer, so the g′ factors alone shrink δ⁽ˡ⁾ by up to (1/4)^(L−l) on "
        "the way down: the first layers of a deep sigmoid network learn slowly.",
        "기울기 소실: σ′ = σ(1 − σ) ≤ 1/4이고 δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ σ′(z⁽ˡ⁾)은 층마다 이런 "
        "인수를 하나씩 곱하므로, 내려갈수록 g′ 인수만으로 δ⁽ˡ⁾이 최대 (1/4)^(L−l)배로 줄어듭니다: "
        "깊은 시그모이드 신경망의 앞쪽 층은 느리게 학습합니다."),
    "layered.vanishing.tanh": (
        "tanh′ = 1 − tanh² ≤ 1 (1 at z = 0): the g′ factors need not shrink δ⁽ˡ⁾ on the way "
        "down, unlike σ′ ≤ 1/4; they do where units saturate (|z| large, tanh′ ≈ 0).",
        "tanh′ = 1 − tanh² ≤ 1 (z = 0에서 1): σ′ ≤ 1/4과 달리 g′ 인수가 내려가며 δ⁽ˡ⁾을 꼭 줄이지는 "
        "않습니다. 유닛이 포화되면(|z|가 크면 tanh′ ≈ 0) 줄어듭니다."),
    "layered.vanishing.relu": (
        "relu′ is 1 for z > 0 and 0 otherwise: δ⁽ˡ⁾ passes active units unshrunk and stops at "
        "inactive ones (a unit with z ≤ 0 for every sample gets no gradient).",
        "relu′은 z > 0에서 1, 아니면 0입니다: δ⁽ˡ⁾은 활성 유닛을 줄지 않고 지나고 비활성 유닛에서 "
        "멈춥니다 (모든 표본에서 z ≤ 0인 유닛은 기울기를 받지 못합니다)."),
    "layered.label.accuracy": ("accuracy", "정확도"),
    "layered.label.weights": ("Weights and biases:", "가중치와 편향:"),
    "layered.label.weights_in_json": ("{name}: a {shape} matrix (--json has it)",
                                      "{name}: {shape} 행렬 (--json에 있습니다)"),
    "layered.stuck": (
        "Not every sample is classified right: from some starting weights a small network "
        "settles in a poor local minimum. Try another --seed (another start), more hidden "
        "units (--layers {wider}), a larger --lr or more --epochs.",
        "모든 표본을 맞게 분류하지는 못했습니다: 작은 신경망은 어떤 초기 가중치에서 출발하면 "
        "좋지 않은 국소 최솟값에 머무릅니다. 다른 --seed(다른 출발점), 더 많은 은닉 유닛"
        "(--layers {wider}), 더 큰 --lr 또는 더 많은 --epochs를 시도해 보세요."),
    "layered.xor_learned": (
        "The hidden layer learned XOR: its units' outputs a⁽¹⁾ are new coordinates of the four "
        "points, and in them one straight line (the output unit) separates the classes.",
        "은닉층이 XOR 문제를 학습했습니다: 은닉 유닛의 출력 a⁽¹⁾이 네 점의 새 좌표가 되고, 그 "
        "좌표에서는 직선 하나(출력 유닛)가 두 클래스를 나눕니다."),
    # -- one sample explained ---------------------------------------------------------------
    "layered.explain.title": (
        "Sample {index}: x = {x}, y = {y}, through every layer at θ₀ (the first step's numbers)",
        "표본 {index}: x = {x}, y = {y}, θ₀에서 모든 층을 지나는 수치 (첫 걸음의 수치)"),
    "layered.explain.forward": ("Forward pass:", "순전파:"),
    "layered.explain.backward": ("Backward pass:", "역전파:"),
    "layered.explain.loss_bce": ("(ℓ = ln(1 + e^z⁽ᴸ⁾) − y z⁽ᴸ⁾)", "(ℓ = ln(1 + e^z⁽ᴸ⁾) − y z⁽ᴸ⁾)"),
    "layered.explain.loss_mse": ("(ℓ = (ŷ − y)²)", "(ℓ = (ŷ − y)²)"),
    "layered.explain.output_bce": (
        "chain rule: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ) = ŷ − y "
        "(σ′ cancels against the cross-entropy)",
        "연쇄법칙: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ) = ŷ − y "
        "(σ′이 교차 엔트로피와 약분됨)"),
    "layered.explain.output_mse_sigmoid": (
        "chain rule: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = 2(ŷ − y) · σ′(z{l}), σ′ = ŷ(1 − ŷ)",
        "연쇄법칙: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = 2(ŷ − y) · σ′(z{l}), σ′ = ŷ(1 − ŷ)"),
    "layered.explain.output_mse_linear": (
        "chain rule: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = 2(ŷ − y) · 1 (a linear output: ŷ = z{l})",
        "연쇄법칙: ∂ℓ/∂z{l} = ∂ℓ/∂ŷ · ∂ŷ/∂z{l} = 2(ŷ − y) · 1 (선형 출력: ŷ = z{l})"),
    "layered.explain.weight": (
        "chain rule: ∂ℓ/∂W{l}ᵢⱼ = ∂ℓ/∂z{l}ᵢ · ∂z{l}ᵢ/∂W{l}ᵢⱼ = δ{l}ᵢ a{p}ⱼ, since "
        "z{l}ᵢ = Σⱼ W{l}ᵢⱼ a{p}ⱼ + b{l}ᵢ",
        "연쇄법칙: z{l}ᵢ = Σⱼ W{l}ᵢⱼ a{p}ⱼ + b{l}ᵢ이므로 ∂ℓ/∂W{l}ᵢⱼ = ∂ℓ/∂z{l}ᵢ · "
        "∂z{l}ᵢ/∂W{l}ᵢⱼ = δ{l}ᵢ a{p}ⱼ"),
    "layered.explain.bias": (
        "chain rule: ∂ℓ/∂b{l}ᵢ = ∂ℓ/∂z{l}ᵢ · ∂z{l}ᵢ/∂b{l}ᵢ = δ{l}ᵢ · 1",
        "연쇄법칙: ∂ℓ/∂b{l}ᵢ = ∂ℓ/∂z{l}ᵢ · ∂z{l}ᵢ/∂b{l}ᵢ = δ{l}ᵢ · 1"),
    "layered.explain.hidden": (
        "chain rule along every path: ℓ depends on a{l}ᵢ through each z{n}ⱼ, so "
        "∂ℓ/∂z{l}ᵢ = Σⱼ ∂ℓ/∂z{n}ⱼ · ∂z{n}ⱼ/∂a{l}ᵢ · ∂a{l}ᵢ/∂z{l}ᵢ = (Σⱼ δ{n}ⱼ W{n}ⱼᵢ) g′(z{l}ᵢ); "
        "the sum is entry i of W{n}ᵀδ{n}",
        "모든 경로를 따라가는 연쇄법칙: ℓ은 각 z{n}ⱼ를 거쳐 a{l}ᵢ에 의존하므로 "
        "∂ℓ/∂z{l}ᵢ = Σⱼ ∂ℓ/∂z{n}ⱼ · ∂z{n}ⱼ/∂a{l}ᵢ · ∂a{l}ᵢ/∂z{l}ᵢ = (Σⱼ δ{n}ⱼ W{n}ⱼᵢ) g′(z{l}ᵢ). "
        "이 합은 W{n}ᵀδ{n}의 i번째 성분입니다"),
    "layered.explain.mean": (
        "The mean of these numbers over all samples is ∂L/∂θ, which the first update uses.",
        "이 수치를 모든 표본에서 평균한 것이 ∂L/∂θ이고, 첫 갱신이 이것을 씁니다."),
}
