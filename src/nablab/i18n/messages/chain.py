"""Messages of the chain rule with intermediate variables (``nablab chain``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.chain.help": ("the chain rule through intermediate variables, path by path",
                       "중간 변수를 거치는 연쇄 법칙, 경로별로"),
    "cli.chain.description": (
        "For z = f(x, y) with x = x(s, t), y = y(s, t): the tree diagram, each path's product "
        "of partial derivatives, their sum ∂z/∂t, the result in the independent variables, and "
        "its check against differentiating the substituted function. Backpropagation is this "
        "sum computed from the output backwards.",
        "z = f(x, y), x = x(s, t), y = y(s, t)일 때 나무 그림, 경로마다 편미분의 곱, 그 합 "
        "∂z/∂t, 독립변수로 나타낸 결과와, 대입한 함수를 직접 미분한 값과의 검증을 보여 줍니다. "
        "역전파는 이 합을 출력에서 거꾸로 계산하는 것입니다."),
    "cli.chain.sub": ("the intermediate variables, e.g. \"x = s t, y = e^t\"",
                      "중간 변수, 예: \"x = s t, y = e^t\""),
    "cli.chain.wrt": ("the independent variable(s) to differentiate by, e.g. t or s,t "
                      "(default: each)",
                      "미분할 독립변수, 예: t 또는 s,t (기본값: 모두)"),
    "cli.chain.at": ("values of the independent variables, e.g. s=1,t=0",
                     "독립변수의 값, 예: s=1,t=0"),
    "chain.heading.tree": ("Tree diagram: {levels}", "나무 그림: {levels}"),
    "chain.heading.rule": ("Chain rule for {lhs}: one term per path from {output} down to {wrt}",
                           "{lhs}의 연쇄 법칙: {output}에서 {wrt}까지 내려가는 경로마다 한 항"),
    "chain.in_terms": ("in the independent variables {variables}:",
                       "독립변수 {variables:으로} 나타내면:"),
    "chain.value": ("at {point}: {lhs} = {value}", "{point}에서: {lhs} = {value}"),
    "chain.undefined": ("at {point}: {lhs} is undefined", "{point}에서: {lhs}{은} 정의되지 않습니다"),
    "chain.check.ok": (
        "✓ the same as differentiating {output} = {composite} directly "
        "(the difference simplifies to 0; equal at sample points)",
        "✓ {output} = {composite:을} 직접 미분한 것과 같습니다 "
        "(차이가 0으로 정리되고, 표본 점에서 값이 같음)"),
    "chain.check.numeric": (
        "✓ equal to the direct derivative of {output} = {composite} at sample points "
        "(SymPy did not simplify the difference to 0)",
        "✓ {output} = {composite}의 직접 미분과 표본 점에서 값이 같습니다 "
        "(SymPy가 차이를 0으로 정리하지는 못함)"),
    "chain.check.failed": (
        "✗ differs from the direct derivative {lhs} = {direct}",
        "✗ 직접 미분한 {lhs} = {direct:과} 다릅니다"),
    "chain.backprop": (
        "Backpropagation is this sum computed from the output backwards: each edge's local "
        "partial derivative is multiplied along a path, and the paths that reach a variable "
        "are added.",
        "역전파는 이 합을 출력에서 거꾸로 계산하는 것입니다: 각 간선의 국소 편미분을 경로를 "
        "따라 곱하고, 한 변수에 이르는 경로들을 더합니다."),
    "plot.chain_title": ("Tree diagram of the chain rule for {lhs} (in colour: the paths down "
                         "to {wrt})",
                         "{lhs}의 연쇄 법칙 나무 그림 (색칠한 것: {wrt}까지 내려가는 경로)"),
    "error.chain_no_sub": ("--sub needs at least one intermediate variable, e.g. \"x = s t\"",
                           "--sub에 중간 변수가 하나 이상 필요합니다, 예: \"x = s t\""),
    "error.chain_bad_sub": ("'{text}' is not a substitution such as x = s t",
                            "'{text}'{은} x = s t와 같은 대입이 아닙니다"),
    "error.chain_sub_twice": ("{name} is substituted twice", "{name:이} 두 번 대입되었습니다"),
    "error.chain_not_intermediate": (
        "{name} is not a variable of the function (its variables: {variables})",
        "{name:은} 함수의 변수가 아닙니다 (변수: {variables})"),
    "error.chain_cycle": (
        "{name} depends on itself ({other}): the variables must form a tree",
        "{name:이} 자기 자신에 의존합니다 ({other}): 변수들은 나무 모양이어야 합니다"),
    "error.chain_too_many_paths": (
        "more than {count} paths from the output to one variable: too many to show",
        "출력에서 한 변수까지의 경로가 {count}개보다 많아 보여 줄 수 없습니다"),
    "error.chain_output_is_input": (
        "{name} names the function and one of its inputs",
        "{name:이} 함수의 이름이면서 입력 변수입니다"),
    "error.chain_unknown_wrt": (
        "{name} is not an independent variable (they are: {variables})",
        "{name:은} 독립변수가 아닙니다 (독립변수: {variables})"),
    # -- tour -------------------------------------------------------------------------------
    "tour.chain.title": ("The chain rule: the sum that backpropagation computes",
                         "연쇄 법칙: 역전파가 계산하는 합"),
    "tour.chain.story": (
        "The notes' network for one sample: the output ŷ = w₁x₁ + w₂x₂ is an intermediate "
        "variable between the weights and the loss L = (ŷ − y)²",
        "샘플 하나에 대한 노트의 신경망: 출력 ŷ = w₁x₁ + w₂x₂는 가중치와 손실 L = (ŷ − y)² "
        "사이에 놓인 중간 변수입니다"),
    "tour.chain.paths": (
        "The chain rule: one product of partial derivatives per path from L down to the weight "
        "(here one path, L → ŷ → wᵢ)",
        "연쇄 법칙: L에서 가중치까지 내려가는 경로마다 편미분의 곱 하나 "
        "(여기서는 경로가 L → ŷ → wᵢ 하나)"),
    "tour.chain.check": ("The same as differentiating L = {direct} directly:",
                         "L = {direct:을} 직접 미분한 것과 같습니다:"),
    "tour.chain.sample": (
        "At the sample x = {x} with y = {y} (made with the weights {weights}), from w = {w}, "
        "backwards from the output:",
        "가중치 {weights:로} 만든 샘플 x = {x}, y = {y}에서, w = {w}부터 출력에서 거꾸로:"),
    "tour.chain.backprop": (
        "Backpropagation is this sum computed from the output backwards: ∂L/∂ŷ is found once "
        "and reused for every weight; with more layers the paths multiply and the sums nest",
        "역전파는 이 합을 출력에서부터 거꾸로 계산하는 것입니다: ∂L/∂ŷ을 한 번 구해 모든 "
        "가중치에 다시 씁니다. 층이 늘면 경로가 늘고 합이 겹겹이 쌓입니다"),
    "tour.chain.try": (
        "Try it: nablab chain \"L = (ŷ - y)^2\" --sub \"ŷ = w1 x1 + w2 x2\" --wrt w1 --plot",
        "직접 해 보기: nablab chain \"L = (ŷ - y)^2\" --sub \"ŷ = w1 x1 + w2 x2\" --wrt w1 "
        "--plot"),
}
