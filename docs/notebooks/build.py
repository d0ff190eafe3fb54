"""Write the notebooks of docs/notebooks/ (Korean and English) from the cells below.

The .ipynb files are generated, never edited by hand: change a cell here and run

    python docs/notebooks/build.py

Each notebook is written without outputs (a learner runs it). The README shows one rendered
output, docs/notebooks/descent.png: gradient descent's result and figure in the executed English
notebook.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
#: Where Colab installs nablab from: the repository that pyproject.toml names (one place).
REPOSITORY = "git+" + tomllib.loads(
    (HERE.parent.parent / "pyproject.toml").read_text("utf-8"))["project"]["urls"]["Repository"]

#: A cell: ("md" | "code", English, Korean); one text serves both when Korean is None.
Cell = tuple[str, str, str | None]

INSTALL = f'''\
# Colab or a fresh Jupyter: install nablab from its repository (skipped where it is installed)
import importlib.util
if importlib.util.find_spec("nablab") is None:
    %pip install --quiet "nablab[notebook] @ {REPOSITORY}"'''


def setup(lang: str) -> Cell:
    code = f'import nablab\nnablab.set_language("{lang}")'
    return ("code", code, None)


DERIVATIVES: list[Cell] = [
    ("md", "# Derivatives and the limit definition\n\n"
           "f′(x) = lim_(Δx→0) (f(x + Δx) − f(x))/Δx: the slope of the secant through "
           "(x, f(x)) and (x + Δx, f(x + Δx)) as Δx shrinks is the slope of the tangent.",
     "# 미분과 극한의 정의\n\n"
     "f′(x) = lim_(Δx→0) (f(x + Δx) − f(x))/Δx: (x, f(x))와 (x + Δx, f(x + Δx))를 잇는 할선의 "
     "기울기는 Δx가 0으로 갈 때 접선의 기울기가 됩니다."),
    ("md", "The notes' two examples, worked out line by line: 5x + 1 and x² − x.",
     "노트의 두 예제 5x + 1과 x² − x를 한 줄씩 풀어 봅니다."),
    ("code", 'nablab.derivative_by_limit("5x + 1")', None),
    ("code", 'nablab.derivative_by_limit("x^2 - x", at={"x": 1})', None),
    ("md", "The secants at x = 1 and the error of the difference quotient as Δx shrinks:",
     "x = 1에서의 할선들과, Δx가 작아질 때 차분몫의 오차:"),
    ("code", 'nablab.derivative_by_limit("x^2 - x", at={"x": 1}).plot()', None),
    ("md", "Move the slider: Δx shrinks and the secant turns into the tangent.",
     "슬라이더를 움직이면 Δx가 줄어들고 할선이 접선이 됩니다."),
    ("code", 'nablab.explore_limit("x^2 - x", at=1)', None),
    ("md", "## Rules\n\nLinearity, (eˣ)′ = eˣ, (e⁻ˣ)′ = −e⁻ˣ and the quotient rule, rule by "
           "rule; the sigmoid's derivative comes out as σ(1 − σ).",
     "## 미분 법칙\n\n선형성, (eˣ)′ = eˣ, (e⁻ˣ)′ = −e⁻ˣ, 분수 함수의 미분을 법칙마다 보여 줍니다. "
     "시그모이드 함수의 도함수는 σ(1 − σ)로 나옵니다."),
    ("code", 'nablab.derivative_steps("(2 - x)^2")', None),
    ("code", 'nablab.derivative_steps("1 + e^{-x}")', None),
    ("code", 'nablab.derivative_steps("1/(1 + e^{-x})")', None),
    ("md", "## The tangent\n\nf′(a) is the slope of the tangent at a:",
     "## 접선\n\nf′(a)는 a에서 접선의 기울기입니다:"),
    ("code", 'tangent = nablab.tangent_line("x^2 - x", 2)\ntangent', None),
    ("code", "tangent.plot()", None),
    ("md", "## f′(a) = 0 is necessary, not sufficient\n\nx³ − 3x has f′ = 0 at x = −1 and "
           "x = 1: a maximum and a minimum, neither the lowest value of f.",
     "## f′(a) = 0은 필요조건일 뿐입니다\n\nx³ − 3x는 x = −1과 x = 1에서 f′ = 0이지만, "
     "하나는 극대이고 다른 하나도 f의 최솟값은 아닙니다."),
    ("code", 'critical = nablab.critical_points("x^3 - 3x")\ncritical', None),
    ("code", "critical.plot()", None),
]

PARTIALS: list[Cell] = [
    ("md", "# Partial derivatives and the gradient\n\n"
           "∂f/∂x differentiates in x with y held constant. The notes' example: "
           "f(x, y) = x² + 3xy + y².",
     "# 편미분과 기울기 벡터\n\n∂f/∂x는 y를 상수로 두고 x로 미분합니다. 노트의 예제: "
     "f(x, y) = x² + 3xy + y²."),
    ("code", 'nablab.differentiate("x^2 + 3xy + y^2", at={"x": 1, "y": 2})', None),
    ("md", "A neuron's linear combination z = wx + b: ∂z/∂x = w, ∂z/∂w = x, ∂z/∂b = 1.",
     "뉴런의 선형결합 z = wx + b: ∂z/∂x = w, ∂z/∂w = x, ∂z/∂b = 1."),
    ("code", 'nablab.differentiate("w x + b")', None),
    ("md", "## ∇f = 0\n\nFor z = x² + y², ∂z/∂x = 2x and ∂z/∂y = 2y vanish only at (0, 0), "
           "and z ≥ 0 there: the minimum.",
     "## ∇f = 0\n\nz = x² + y²에서 ∂z/∂x = 2x, ∂z/∂y = 2y는 (0, 0)에서만 0이고 z ≥ 0이므로 "
     "그 점이 최솟값입니다."),
    ("code", 'bowl = nablab.critical_points("x^2 + y^2")\nbowl', None),
    ("md", "The gradient field and the surface; the interactive figure turns with the mouse "
           "(it works offline).",
     "기울기 벡터장과 곡면입니다. 인터랙티브 그림은 마우스로 돌려 볼 수 있습니다(오프라인에서도 "
     "동작합니다)."),
    ("code", "bowl.plot()", None),
    ("code", 'nablab.differentiate("x^2 + y^2", at={"x": 1, "y": 1}).plot(interactive=True)',
     None),
]

DESCENT: list[Cell] = [
    ("md", "# Gradient descent and the optimizers\n\n"
           "θᵢ ← θᵢ − η ∂L/∂θᵢ: each step goes against the gradient, η (the learning rate) "
           "times its length.",
     "# 경사하강법과 옵티마이저\n\nθᵢ ← θᵢ − η ∂L/∂θᵢ: 한 단계마다 기울기의 반대 방향으로 "
     "학습률 η만큼 갑니다."),
    ("code", 'run = nablab.descend("x^2 + y^2", start=(3, 4), lr=0.1)\nrun', None),
    ("code", "run.plot()", None),
    ("md", "Too large a learning rate overshoots: with η = 1.1 each step lands farther from "
           "the minimum than the last.",
     "학습률이 너무 크면 최솟값을 지나칩니다. η = 1.1이면 한 단계마다 최솟값에서 더 멀어집니다."),
    ("code", 'nablab.descend("x^2 + y^2", start=(3, 4), lr=1.1, steps=20)', None),
    ("md", "## The optimizers race\n\nOn a long narrow valley plain gradient descent zigzags; "
           "momentum and Adam (as in `torch.optim`) get there sooner.",
     "## 옵티마이저 비교\n\n길고 좁은 골짜기에서 경사하강법은 지그재그로 움직이고, 모멘텀과 "
     "Adam(`torch.optim`과 같은 규칙)은 더 빨리 도착합니다."),
    ("code", 'race = nablab.race("x^2 + 10y^2", start=(3, 1), lr=0.05)\nrace', None),
    ("code", "race.plot()", None),
    ("md", "## Explore\n\nChoose the optimizer, η, the start point and the number of steps; the "
           "path on Rosenbrock's valley is drawn again.",
     "## 직접 바꿔 보기\n\n옵티마이저, 학습률 η, 시작점, 단계 수를 바꾸면 로젠브록 골짜기 위의 "
     "경로가 다시 그려집니다."),
    ("code", 'nablab.explore("(1-x)^2 + 100(y-x^2)^2", start=(-1, 1), optimizer="adam", '
             'lr=0.05, steps=300)', None),
]

LAGRANGE: list[Cell] = [
    ("md", "# Lagrange's hiking path\n\nThe mountain's height is f(x, y) = 4 − x² − 2y², the "
           "path is g(x, y) = 2(x − 1)² − 10y + 6 = 0. The highest point of the path is where "
           "a level curve of f touches it: there ∇f ∥ ∇g, ∇f = λ∇g.",
     "# 라그랑주 승수법: 등산 경로\n\n산의 높이는 f(x, y) = 4 − x² − 2y², 등산 경로는 "
     "g(x, y) = 2(x − 1)² − 10y + 6 = 0입니다. 경로에서 가장 높은 점은 f의 등위곡선이 경로에 "
     "접하는 점이고, 그곳에서 ∇f ∥ ∇g, 즉 ∇f = λ∇g입니다."),
    ("code", 'hike = nablab.lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0")\nhike', None),
    ("code", "hike.plot()", None),
    ("md", "## Move the path\n\nWith g = k, λ says how fast the highest height f* changes as "
           "the path moves: λ = df*/dk. Move k and watch f* and λ.",
     "## 경로 옮기기\n\ng = k로 두면 λ는 경로를 옮길 때 가장 높은 높이 f*가 변하는 빠르기, "
     "λ = df*/dk입니다. k를 움직이며 f*와 λ를 보세요."),
    ("code", 'nablab.explore_lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y", k=-6)', None),
]

NETWORK: list[Cell] = [
    ("md", "# A single-layer network\n\nŷ = w₁x₁ + w₂x₂, trained by the partial derivatives "
           "of its loss L = (1/N) Σ (ŷ − y)²: wᵢ ← wᵢ − η ∂L/∂wᵢ.",
     "# 단일 층 신경망\n\nŷ = w₁x₁ + w₂x₂를 손실 L = (1/N) Σ (ŷ − y)²의 편미분으로 학습합니다: "
     "wᵢ ← wᵢ − η ∂L/∂wᵢ."),
    ("code", 'fit = nablab.train("w1 x1 + w2 x2", "example:linear", lr=0.1)\nfit', None),
    ("code", "fit.plot()", None),
    ("md", "## Forward and backward\n\nThe computational graph of a neuron σ(wx + b): values "
           "forward, adjoints ∂L/∂v backward by the chain rule, σ′ = σ(1 − σ).",
     "## 순전파와 역전파\n\n뉴런 σ(wx + b)의 계산 그래프: 값은 앞으로, 수반값 ∂L/∂v는 연쇄법칙으로 "
     "뒤로 전해지며 σ′ = σ(1 − σ)입니다."),
    ("code", 'neuron = nablab.graph("sigmoid(w x + b)", {"w": 1, "x": 2, "b": -1})\nneuron',
     None),
    ("code", "neuron.plot()", None),
]

HIDDEN: list[Cell] = [
    ("md", "# Hidden layers: a network learns XOR\n\n"
           "A single layer draws one straight line, and no line separates XOR's classes. A "
           "hidden layer of two units, ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾), bends the plane first.",
     "# 은닉층: 신경망이 XOR를 학습하다\n\n"
     "단일 층은 직선 하나를 그을 뿐이고, 어떤 직선도 XOR의 두 클래스를 나누지 못합니다. 유닛 두 "
     "개인 은닉층 ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾)은 먼저 평면을 구부립니다."),
    ("code", '# a single layer: at most 3 of 4 right, L stuck near ln 2 = 0.693\n'
             'single = nablab.train("sigmoid(w1 x1 + w2 x2 + b)", "example:xor", lr=0.5, '
             'epochs=2000)\nsingle.accuracy, single.final_loss',
     '# 단일 층: 4개 중 많아야 3개, L은 ln 2 = 0.693 근처에서 멈춤\n'
     'single = nablab.train("sigmoid(w1 x1 + w2 x2 + b)", "example:xor", lr=0.5, '
     'epochs=2000)\nsingle.accuracy, single.final_loss'),
    ("code", 'net = nablab.train(data="example:xor", layers=[2, 2, 1], activation="tanh", '
             'seed=1)\nnet', None),
    ("md", "## The formulas in matrix form\n\nForward z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = g(z⁽ˡ⁾); "
           "backward δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ: each line with "
           "its shape.",
     "## 행렬 형태의 공식\n\n순전파 z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = g(z⁽ˡ⁾); 역전파 "
     "δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ: 줄마다 모양과 함께."),
    ("code", '# each line, its shape, and the shapes it is made of\n'
             'formulas = net.formulas()\nfor line in formulas["forward"] + formulas["backward"]:'
             '\n    print(f\'{line["formula"]:<50} {line["shape"]:>7}  {line["factors"]}\')', None),
    ("code", "net.weights", None),
    ("md", "## One sample through every layer\n\nThe numbers of sample 2, x = (0, 1), forward "
           "and backward at the start: each line is the chain rule of the single-layer notes.",
     "## 표본 하나가 모든 층을 지나는 과정\n\n표본 2, x = (0, 1)의 학습 시작 시점 순전파와 "
     "역전파 수치입니다. 각 줄이 단일 층 노트의 연쇄법칙입니다."),
    ("code", 'nablab.train(data="example:xor", layers=[2, 2, 1], activation="tanh", seed=1, '
             'epochs=1, explain_sample=2)', None),
    ("md", "## The pictures\n\nThe network with its weights (thickness |w|, red w > 0, blue "
           "w < 0), the boundary ŷ = ½, the data in the hidden units' outputs (a⁽¹⁾₁, a⁽¹⁾₂), where "
           "one line splits XOR, and the loss and accuracy per epoch.",
     "## 그림\n\n가중치를 표시한 신경망(굵기 |w|, 빨강 w > 0, 파랑 w < 0), 결정 경계 ŷ = ½, "
     "은닉 유닛의 출력 (a⁽¹⁾₁, a⁽¹⁾₂)을 좌표로 본 데이터(직선 하나가 XOR를 나눕니다), 에포크별 "
     "손실과 정확도입니다."),
    ("code", "net.plot()", None),
    ("md", "The hidden coordinates and ŷ of the four points as the network learns (every epoch "
           "is kept: `net.predict(x, epoch)`, `net.hidden(x, 1, epoch)`; `nablab train … "
           "--animate xor.gif` draws the boundary moving).",
     "학습이 진행되면서 네 점의 은닉 좌표와 ŷ가 바뀌는 모습입니다(모든 에포크가 저장됩니다: "
     "`net.predict(x, epoch)`, `net.hidden(x, 1, epoch)`; `nablab train … --animate xor.gif`는 "
     "결정 경계가 움직이는 애니메이션을 그립니다)."),
    ("code", "import numpy as np\n\ncorners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])\n"
             "for epoch in (0, 200, 600, 1000):\n"
             "    print(epoch, np.round(net.predict(corners, epoch), 2), "
             "np.round(net.hidden(corners, 1, epoch), 2).tolist())", None),
    ("md", "## Vanishing gradients: σ′ ≤ 1/4\n\nIn a deep sigmoid network each layer multiplies "
           "δ by g′(z) ≤ 1/4, so |∂L/∂W⁽ˡ⁾| shrinks layer by layer towards the input, as the "
           "factor (1/4)ᴸ⁻ˡ does; tanh (g′ ≤ 1) and ReLU shrink it far less.",
     "## 기울기 소실: σ′ ≤ 1/4\n\n깊은 시그모이드 신경망에서는 층마다 δ에 g′(z) ≤ 1/4가 "
     "곱해지므로, |∂L/∂W⁽ˡ⁾|가 입력 쪽으로 갈수록 (1/4)ᴸ⁻ˡ처럼 작아집니다. tanh(g′ ≤ 1)와 "
     "ReLU에서는 훨씬 덜 줄어듭니다."),
    ("code", '# |∂L/∂W⁽ˡ⁾| at the start, l = 1 … 6 (5 hidden layers of 8 units), and the\n'
             '# product of the g′ factors\' largest values (max g′)ᴸ⁻ˡ: (1/4)ᴸ⁻ˡ for σ\n'
             'for activation in ("sigmoid", "tanh", "relu"):\n'
             '    deep = nablab.train(data="example:sine", layers=[1, 8, 8, 8, 8, 8, 1], '
             'activation=activation, epochs=1)\n'
             '    print(f"{activation:8}", " ".join(f"{s.weight:9.1e}" for s in deep.gradient_sizes))\n'
             '    print(f"{\'  bound\':8}", " ".join(f"{s.bound:9.1e}" for s in deep.gradient_sizes))',
     None),
    ("md", "## Circles\n\nA boundary no line can draw: class 1 inside r < 1, class 0 on a "
           "ring. Four hidden units learn it.",
     "## 원\n\n직선으로는 그릴 수 없는 경계입니다: 클래스 1은 r < 1 안쪽, 클래스 0은 바깥 "
     "고리에 있습니다. 은닉 유닛 네 개가 이를 학습합니다."),
    ("code", '# 2 inputs, 4 hidden tanh units, 1 output\n'
             'circles = nablab.train(data="example:circles", layers=[2, 4, 1], lr=0.5)\n'
             'circles.accuracy', None),
    ("code", "circles.plot()", None),
]

NOTEBOOKS: dict[str, list[Cell]] = {
    "01_derivatives": DERIVATIVES,
    "02_partial_derivatives": PARTIALS,
    "03_gradient_descent": DESCENT,
    "04_lagrange": LAGRANGE,
    "05_single_layer_network": NETWORK,
    "06_hidden_layers": HIDDEN,
}

def notebook(cells: list[Cell], lang: str) -> nbformat.NotebookNode:
    """One notebook: the install cell, the language, then the cells in ``lang``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    made = []
    for kind, en, ko in [("code", INSTALL, None), setup(lang), *cells]:
        text = en if lang == "en" or ko is None else ko
        made.append(nbformat.v4.new_markdown_cell(text) if kind == "md"
                    else nbformat.v4.new_code_cell(text))
    for i, cell in enumerate(made):
        cell["id"] = f"{lang}-{i:02d}"
    nb.cells = made
    return nb


def paths() -> dict[Path, nbformat.NotebookNode]:
    """Every notebook by its path."""
    return {HERE / lang / f"{name}.ipynb": notebook(cells, lang)
            for lang in ("en", "ko") for name, cells in NOTEBOOKS.items()}


def main() -> None:
    for path, nb in paths().items():
        path.parent.mkdir(exist_ok=True)
        nbformat.write(nb, path)
        print(path.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
