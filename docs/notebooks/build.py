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

NOTEBOOKS: dict[str, list[Cell]] = {
    "01_derivatives": DERIVATIVES,
    "02_partial_derivatives": PARTIALS,
    "03_gradient_descent": DESCENT,
    "04_lagrange": LAGRANGE,
    "05_single_layer_network": NETWORK,
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
