"""Messages of checking a learner's work (``nablab check``).

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 도함수, 편미분,
기울기 벡터, 경사하강법, 학습률, 라그랑주 승수법, 임계점, 반례. The slips' own sentences
(``check.slip.<rule>``) live in the catalogue of slips.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.check.help": ("check your answer or derivation: correct, or where it goes wrong",
                       "답이나 풀이 확인: 맞았는지, 틀렸다면 어디서 틀렸는지"),
    "cli.check.description": (
        "TASK is what was asked: \"d/dx (x^2 sin x)\", \"∂/∂y (x^2 + 3xy + y^2)\", "
        "\"∇ (x^2 + y^2)\", \"critical x^3 - 3x + y^2\", "
        "\"lagrange 4 - x^2 - 2y^2 ; 2(x-1)^2 - 10y + 6 = 0\", "
        "\"gd x^2 + y^2 from (3, 4) lr 0.1\", \"tangent x^3 at x = 1\". ANSWER is yours: an expression, a vector (2x, 2y), "
        "points (1, 0), (-1, 0), or one point. With --file, each line of the file (or of "
        "standard input, -) is a step of your derivation, checked in turn. Exit code: 0 "
        "correct, 6 incorrect, 7 not an answer to the task.",
        "문제 TASK의 예: \"d/dx (x^2 sin x)\", \"∂/∂y (x^2 + 3xy + y^2)\", "
        "\"∇ (x^2 + y^2)\", \"critical x^3 - 3x + y^2\", "
        "\"lagrange 4 - x^2 - 2y^2 ; 2(x-1)^2 - 10y + 6 = 0\", "
        "\"gd x^2 + y^2 from (3, 4) lr 0.1\", \"tangent x^3 at x = 1\". 내 답 ANSWER의 꼴: 식, 벡터 (2x, 2y), "
        "점들 (1, 0), (-1, 0), 또는 점 하나. --file을 주면 파일(또는 표준 입력, -)의 각 줄을 "
        "풀이의 한 단계로 보고 차례로 확인합니다. 종료 코드: 0 맞음, 6 틀림, 7 문제의 답이 "
        "아님."),
    "cli.check.task": ("the task, e.g. \"d/dx (x^2 sin x)\"", "문제, 예: \"d/dx (x^2 sin x)\""),
    "cli.check.answer": ("your answer, e.g. \"2x sin x + x^2 cos x\"",
                         "내 답, 예: \"2x sin x + x^2 cos x\""),
    "cli.check.file": ("a derivation, one step a line, from a file (- for standard input)",
                       "한 줄에 한 단계씩 쓴 풀이 파일 (-이면 표준 입력)"),
    "check.task": ("Task: {task}", "문제: {task}"),
    "check.task.critical": ("the critical points of f = {f}", "f = {f}의 임계점"),
    "check.task.lagrange": ("the candidates of f = {f} on {g} (Lagrange multipliers)",
                            "{g} 위에서 f = {f}의 후보점 (라그랑주 승수법)"),
    "check.task.gd_step": ("one gradient-descent step on f = {f} from {start}, "
                           "learning rate η = {lr}",
                           "f = {f}에서 {start}부터 경사하강법 한 단계, 학습률 η = {lr}"),
    "check.task.tangent": ("the tangent line of f = {f} at {at}: y = …",
                           "{at}에서 f = {f}의 접선: y = …"),
    "check.task.tangent_plane": ("the tangent plane of f = {f} at {at}: z = …",
                                 "{at}에서 f = {f}의 접평면: z = …"),
    "check.yours": ("Your answer: {answer}", "내 답: {answer}"),
    "check.derivation": ("Your derivation:", "내 풀이:"),
    "check.verdict.correct": ("Correct", "맞았습니다"),
    "check.verdict.incorrect": ("Not correct", "틀렸습니다"),
    "check.verdict.invalid": ("Not an answer to this task", "이 문제의 답이 아닙니다"),
    "check.correct": ("Your answer equals the right one.", "정답과 같은 식입니다."),
    "check.correct_points": ("You found every point ({count}), and no others.",
                             "점 {count}개를 모두 찾았고, 다른 점은 없습니다."),
    "check.differs": (
        "At {at} your answer gives {yours}, the right one gives {right} (a counter-example).",
        "{at}에서 내 답은 {yours}, 정답은 {right}입니다 (반례)."),
    "check.undefined": (
        "At {at} your answer is not defined, but the right one is: {right}.",
        "{at}에서 정답은 {right}인데, 내 답은 정의되지 않습니다."),
    "check.differs_component": (
        "Component {component} differs: at {at} yours gives {yours}, the right one {right} "
        "(a counter-example).",
        "{component}번째 성분이 다릅니다: {at}에서 내 답은 {yours}, 정답은 {right}입니다 "
        "(반례)."),
    "check.undefined_component": (
        "Component {component} differs: at {at} yours is not defined, the right one is "
        "{right}.",
        "{component}번째 성분이 다릅니다: {at}에서 정답은 {right}인데, 내 답은 정의되지 "
        "않습니다."),
    "check.undecided": (
        "I could not show that your answer equals the right one: compare the two below.",
        "내 답이 정답과 같은지 보이지 못했습니다: 아래 정답과 비교해 보세요."),
    "check.wrong_point": ("Your point is not where one step takes θ: θ − η∇f(θ).",
                          "한 단계 뒤의 점 θ − η∇f(θ)와 다릅니다."),
    "check.points_missing": ("Some points are missing: {missing}.",
                             "빠진 점이 있습니다: {missing}"),
    "check.points_extra": ("Some of your points are not among them: {extra}.",
                           "답에 맞지 않는 점이 있습니다: {extra}"),
    "check.points_missing_extra": (
        "Missing: {missing}; not among them: {extra}.",
        "빠진 점: {missing}; 맞지 않는 점: {extra}"),
    "check.infinite": (
        "There are infinitely many such points: no finite list is the answer.",
        "이런 점은 무수히 많아서, 유한한 목록으로는 답할 수 없습니다."),
    "check.expected": ("The right answer: {expected}", "정답: {expected}"),
    "check.slip_heading": ("Likely slip", "흔한 실수"),
    "check.note.simpler": ("It can be written more simply: {simpler}.",
                           "더 간단히 쓸 수 있습니다: {simpler}"),
    "check.note.incomplete": (
        "nablab found these points numerically and cannot rule out others.",
        "nablab이 수치적으로 찾은 점들이며, 다른 점이 없다고 단정할 수는 없습니다."),
    "check.note.foreign": ("Your answer has {names}, which the task does not have.",
                           "내 답에 문제에 없는 문자 {names}{이} 있습니다."),
    "check.note.rounded": ("Your decimals are the exact values, rounded.",
                           "소수로 쓴 값은 정확한 값을 반올림한 것입니다."),
    "check.note.follows": (
        "The lines after line {line} follow correctly from it: only line {line} needs mending.",
        "{line}번째 줄 다음의 줄들은 그 줄에서 바르게 이어집니다: {line}번째 줄만 고치면 "
        "됩니다."),
    "check.line_wrong": (
        "Line {line} is the first that is not equal to the line before it: at {at} line "
        "{line} gives {yours}, line {previous} gives {right} (a counter-example).",
        "{line}번째 줄이 처음으로 앞 줄과 같지 않습니다: {at}에서 {line}번째 줄은 {yours}, "
        "{previous}번째 줄은 {right}입니다 (반례)."),
    "check.line_wrong_component": (
        "Line {line} is the first that is not equal to the line before it, in component "
        "{component}: at {at} line {line} gives {yours}, line {previous} gives {right} (a "
        "counter-example).",
        "{line}번째 줄이 처음으로 앞 줄과 같지 않습니다 ({component}번째 성분): {at}에서 "
        "{line}번째 줄은 {yours}, {previous}번째 줄은 {right}입니다 (반례)."),
    "check.line_unreadable": ("Line {line} cannot be read as a formula:",
                              "{line}번째 줄을 식으로 읽을 수 없습니다:"),
    "check.first_line_wrong": (
        "Line 1 is already not the right answer: at {at} it gives {yours}, the right answer "
        "gives {right} (a counter-example).",
        "첫 줄부터 정답과 다릅니다: {at}에서 첫 줄은 {yours}, 정답은 {right}입니다 (반례)."),
    "check.line_wrong_plain": ("Line {line} is the first wrong line.",
                               "{line}번째 줄에서 처음 틀렸습니다."),
    "check.no_final": ("The last line is not an answer to the task.",
                       "마지막 줄이 문제의 답이 아닙니다."),
    "check.invalid.empty": ("The answer is empty.", "답이 비어 있습니다."),
    "check.invalid.vector_for_expression": (
        "This is a vector with {count} components; the task asks for one expression.",
        "성분이 {count}개인 벡터입니다. 문제는 식 하나를 묻습니다."),
    "check.invalid.task_again": (
        "This restates the task; write what it equals.",
        "문제를 다시 쓴 것입니다. 그 값을 써 주세요."),
    "check.invalid.scalar_for_vector": (
        "This is one expression; the gradient is a vector of {count} partial derivatives, "
        "e.g. (2x, 2y).",
        "식 하나입니다. 기울기 벡터는 편미분 {count}개의 벡터입니다. 예: (2x, 2y)"),
    "check.invalid.vector_size": (
        "Your vector has {count} components; the gradient has {expected}.",
        "내 벡터의 성분은 {count}개이고, 기울기 벡터의 성분은 {expected}개입니다."),
    "check.invalid.point_size": (
        "The point {point} has {count} coordinates; the task has {expected} variables.",
        "점 {point}의 좌표는 {count}개인데, 변수는 {expected}개입니다."),
    "check.invalid.tangent_form": (
        "Write the tangent as {dep} = … (an equation of the first degree in {dep}).",
        "접선은 {dep} = … 꼴로 써 주세요 ({dep}에 대한 일차식)."),
    "check.invalid.one_point": (
        "One step gives one point; your answer has {count}.",
        "한 단계의 결과는 점 하나입니다. 내 답에는 {count}개가 있습니다."),
    "error.check_not_task": (
        "'{text}' is no task nablab can check",
        "'{text}'{는} nablab이 확인할 수 있는 문제가 아닙니다"),
    "hint.check_tasks": (
        "write d/dx (…), ∂/∂y (…), ∇ (…), critical …, lagrange f ; g = k, "
        "gd f from (x, y) lr η, or tangent f at x = a",
        "d/dx (…), ∂/∂y (…), ∇ (…), critical …, lagrange f ; g = k, "
        "gd f from (x, y) lr η, tangent f at x = a 꼴로 써 주세요"),
    "error.check_no_constraint": (
        "a Lagrange task needs its constraint after ';': lagrange f ; g = k",
        "라그랑주 승수법 문제는 ';' 뒤에 제약조건이 필요합니다: lagrange f ; g = k"),
    "error.check_bad_gd": (
        "a gradient-descent step is written 'gd f from (x, y) lr η', with η > 0",
        "경사하강법 한 단계는 'gd f from (x, y) lr η'로 씁니다 (η > 0)"),
    "error.check_bad_tangent": (
        "a tangent is written 'tangent f at x = a' (f of one or two variables)",
        "접선은 'tangent f at x = a'로 씁니다 (변수가 한두 개인 f)"),
    "error.check_too_many_lines": ("a derivation has at most {limit} lines, not {count}",
                                   "풀이는 {limit}줄까지 가능합니다 ({count}줄)"),
    "error.unreadable_file": ("cannot read {path}: {reason}", "{path}{을} 읽을 수 없습니다: {reason}"),
    "error.file_too_long": ("{path} is longer than {limit} characters",
                            "{path}{는} {limit}자보다 깁니다"),
    "error.check_no_answer": ("give your answer after the task, or a derivation with --file",
                              "문제 뒤에 답을 쓰거나, --file로 풀이를 주세요"),
}
