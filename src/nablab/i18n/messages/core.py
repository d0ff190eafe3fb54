"""Messages of the foundation: parser errors, budgets, `nablab diff`, the tour's first chapter.

Each entry is ``key: (English, Korean)``. Placeholders in braces are filled by the caller.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- labels -----------------------------------------------------------------------------
    "label.hint": ("hint", "도움말"),
    "label.error": ("error", "오류"),
    "label.function": ("Function", "함수"),
    "label.parameters": ("Parameters (held constant)", "매개변수 (상수로 취급)"),
    "label.partials": ("Partial derivatives", "편미분"),
    "label.gradient": ("Gradient vector", "기울기 벡터"),
    "label.hessian": ("Hessian matrix", "헤세 행렬"),
    "label.at_point": ("At the point {point}", "점 {point}에서"),
    "label.derivative": ("Derivative", "도함수"),
    # -- command line -----------------------------------------------------------------------
    "cli.description": (
        "nablab (∇lab): derivatives, gradients and optimisation for any function you type.",
        "nablab (∇lab): 입력한 어떤 함수든 미분하고, 기울기를 구하고, 최적화합니다."),
    "cli.usage": ("usage", "사용법"),
    "cli.positionals": ("arguments", "인수"),
    "cli.options": ("options", "옵션"),
    "cli.opt.help": ("show this help and exit", "이 도움말을 보여 주고 끝냄"),
    "cli.opt.version": ("show the version and exit", "버전을 보여 주고 끝냄"),
    "cli.opt.lang": ("language of the output: en or ko (default: from LANG)",
                     "출력 언어: en 또는 ko (기본값: LANG 환경 변수)"),
    "cli.opt.json": ("print one JSON object instead of text", "텍스트 대신 JSON 객체 하나를 출력"),
    "cli.opt.timeout": ("stop the computation after this many seconds (default: 10)",
                        "이 시간(초)이 지나면 계산을 멈춤 (기본값: 10)"),
    "cli.arg.expr": ("the function, e.g. \"x^2 + 3xy + y^2\" or \"f(x, y) = x^2 + y^2\"",
                     "함수. 예: \"x^2 + 3xy + y^2\", \"f(x, y) = x^2 + y^2\""),
    "cli.arg.given": ("exact values for named constants, e.g. a=2,k=pi (they are then not "
                      "variables: the problem stays exact)",
                      "이름 붙은 상수의 정확한 값, 예: a=2,k=pi (그 이름은 변수가 아니게 되어 "
                      "문제가 정확한 풀이로 남습니다)"),
    "cli.arg.vars": ("the variables, in order, e.g. x,y (other names are constants)",
                     "변수 목록(순서대로), 예: x,y (나머지 이름은 상수로 취급)"),
    "cli.diff.help": ("partial derivatives, gradient vector and Hessian",
                      "편미분, 기울기 벡터, 헤세 행렬"),
    "cli.diff.description": (
        "Differentiate a function: each partial derivative, the gradient vector ∇f and the "
        "Hessian; with --at, their values at a point.",
        "함수를 미분합니다: 각 변수에 대한 편미분, 기울기 벡터 ∇f, 헤세 행렬. --at을 주면 그 점에서의 "
        "값도 계산합니다."),
    "cli.diff.wrt": ("only the partial derivative with respect to VAR",
                     "VAR에 대한 편미분만 표시"),
    "cli.diff.at": ("evaluate at a point, e.g. x=1,y=2", "한 점에서 값을 계산, 예: x=1,y=2"),
    "cli.tour.help": ("walk the notes' example f(x, y) = x² + y² through everything nablab does",
                      "노트의 예제 f(x, y) = x² + y²으로 nablab의 모든 기능을 둘러보기"),
    # -- tour, chapter 1 ---------------------------------------------------------------------
    "tour.intro": ("nablab tour — the notes' example f(x, y) = x² + y², step by step",
                   "nablab 둘러보기 — 노트의 예제 f(x, y) = x² + y²을 한 단계씩"),
    "tour.foundation.title": ("1. Partial derivatives and the gradient vector",
                              "1. 편미분과 기울기 벡터"),
    "tour.foundation.function": ("Typed as \"x^2 + y^2\" (or in LaTeX, x^{{2}} + y^{{2}}), "
                                 "nablab reads the function of two variables",
                                 "\"x^2 + y^2\"(LaTeX로는 x^{{2}} + y^{{2}})을 입력하면 nablab은 "
                                 "두 변수의 함수로 읽습니다"),
    "tour.foundation.partials": ("Partial derivatives: differentiate by one variable, holding the "
                                 "other constant",
                                 "편미분: 한 변수로 미분하고 나머지 변수는 상수로 취급합니다"),
    "tour.foundation.gradient": ("The gradient vector collects the partial derivatives; the "
                                 "Hessian collects the second ones",
                                 "기울기 벡터는 편미분을 모은 것이고, 헤세 행렬은 이계 편미분을 모은 "
                                 "것입니다"),
    "tour.foundation.at_point": ("At the point (1, 2):", "점 (1, 2)에서:"),
    "tour.foundation.check": ("Checked numerically: central differences agree with the exact "
                              "gradient to {error}",
                              "수치 검증: 중심 차분이 정확한 기울기와 {error} 이내로 일치합니다"),
    "tour.foundation.grid": ("The notes' 3D surface and contour plot sample f on a {n}×{n} grid: "
                             "values from {zmin} to {zmax}",
                             "노트의 3D 곡면과 등고선 그래프는 f를 {n}×{n} 격자에서 계산합니다: "
                             "값의 범위 {zmin} ~ {zmax}"),
    "tour.foundation.more": ("The notes' other examples:", "노트의 다른 예제:"),
    "tour.foundation.try": ("Try it: nablab diff \"x^2 + 3xy + y^2\" --at x=1,y=2",
                            "직접 해 보기: nablab diff \"x^2 + 3xy + y^2\" --at x=1,y=2"),
    # -- parse errors -----------------------------------------------------------------------
    "error.empty": ("the formula is empty", "수식이 비어 있습니다"),
    "error.too_long": ("the input is too long ({length} characters; the limit is {limit})",
                       "입력이 너무 깁니다 ({length}자, 최대 {limit}자)"),
    "error.too_many_tokens": ("the formula is too large (more than {limit} symbols)",
                              "수식이 너무 큽니다 (기호 {limit}개 초과)"),
    "error.too_deep": ("the formula is nested too deeply (the limit is {limit} levels)",
                       "수식의 중첩이 너무 깊습니다 (최대 {limit}단계)"),
    "error.invisible_character": (
        "invisible or control character {code} ({char_name}) in the input",
        "입력에 보이지 않는 문자 또는 제어 문자 {code} ({char_name}){가} 있습니다"),
    "error.invalid_character": ("unexpected character '{char}' ({char_name}, {code})",
                                "사용할 수 없는 문자 '{char}' ({char_name}, {code})"),
    "error.literal_too_long": ("number literal too long (more than {limit} digits)",
                               "숫자가 너무 깁니다 ({limit}자리 초과)"),
    "error.unknown_function": ("unknown function '{name}'", "알 수 없는 함수 '{name}'"),
    "error.unknown_command": ("unknown LaTeX command '{command}'",
                              "알 수 없는 LaTeX 명령 '{command}'"),
    "error.mismatched_bracket": ("'{found}' does not match the open bracket; expected '{expected}'",
                                 "'{found}'{가} 열린 괄호와 맞지 않습니다. '{expected}'{가} 필요합니다"),
    "error.unopened_bracket": ("'{bracket}' closes a bracket that was never opened",
                               "'{bracket}'에 짝이 되는 여는 괄호가 없습니다"),
    "error.unclosed_bracket": ("'{bracket}' is never closed", "'{bracket}'{가} 닫히지 않았습니다"),
    "error.misplaced_relation": (
        "a function cannot contain '=', '<' or '>' here",
        "함수식의 이 위치에는 '=', '<', '>'를 쓸 수 없습니다"),
    "error.not_a_relation": (
        "expected exactly one of =, <=, >=, <, > (an equation or inequality)",
        "=, <=, >=, <, > 중 정확히 하나가 필요합니다 (등식 또는 부등식)"),
    "error.division_by_zero": ("'{text}' is undefined (division by zero)",
                               "'{text}'{는} 정의되지 않습니다 (0으로 나눔)"),
    "error.two_points": ("'{text}' has two decimal points: write one number (3.5) or an "
                         "operator between two (3 * 0.5)",
                         "'{text}'에 소수점이 두 개 있습니다. 수 하나(3.5)로 쓰거나 두 수 사이에 "
                         "연산자를 넣으세요(3 * 0.5)"),
    "error.log_base": ("'{text}': a logarithm's base must be positive and not 1",
                       "'{text}': 로그의 밑은 양수이고 1이 아니어야 합니다"),
    "error.number_too_large": ("number too large: '{text}'", "수가 너무 큽니다: '{text}'"),
    "error.not_real": ("'{text}' is not a real number", "'{text}'{는} 실수가 아닙니다"),
    "error.exponent_too_large": ("exponent too large (the limit is {limit})",
                                 "지수가 너무 큽니다 (최대 {limit})"),
    "error.vector_not_allowed": (
        "a vector (a, b, …) can only be the whole function",
        "벡터 (a, b, …)는 함수 전체로만 쓸 수 있습니다"),
    "error.bad_root_index": ("the root's index must be a non-zero number",
                             "거듭제곱근의 지수는 0이 아닌 수여야 합니다"),
    "error.base_not_allowed": ("only log takes a base (_b); '{name}' does not",
                               "밑(_b)은 log에만 쓸 수 있습니다. '{name}'에는 쓸 수 없습니다"),
    "error.ambiguous_inverse": ("'{name}^-1' is ambiguous", "'{name}^-1'은 뜻이 모호합니다"),
    "error.wrong_arity": ("{name} takes {expected} argument(s), got {count}",
                          "{name}의 인수는 {expected}개여야 하는데 {count}개입니다"),
    "error.unexpected_end": ("the formula ends too early, after '{after}'",
                             "수식이 '{after}' 뒤에서 끝나 버렸습니다"),
    "error.unexpected_token": ("unexpected '{token}'", "예상하지 못한 '{token}'"),
    "error.indexing": ("'[' right after a name looks like indexing, which formulas do not have",
                       "이름 바로 뒤의 '['는 인덱싱처럼 보이지만 수식에는 인덱싱이 없습니다"),
    "error.syntax": ("the formula could not be read", "수식을 읽을 수 없습니다"),
    "error.duplicate_variable": ("a variable is declared twice: {names}",
                                 "변수가 두 번 선언되었습니다: {names}"),
    "error.bad_variable_name": ("'{name}' cannot be a variable name",
                                "'{name}'{은} 변수 이름으로 쓸 수 없습니다"),
    "error.unknown_variable": ("'{name}' is not a variable of this function (variables: {variables})",
                               "'{name}'{은} 이 함수의 변수가 아닙니다 (변수: {variables})"),
    "error.bad_given": ("values for constants are written name=value, separated by commas "
                        "(e.g. a=2,k=pi); got '{text}'",
                        "상수의 값은 이름=값 꼴로 쉼표로 구분해 씁니다 (예: a=2,k=pi); "
                        "입력: '{text}'"),
    "error.missing_values": ("no value given for: {names}", "값이 주어지지 않은 변수: {names}"),
    "error.bad_point": ("cannot read the point '{text}'; write it as x=1,y=2",
                        "점 '{text}'{을} 읽을 수 없습니다. x=1,y=2 처럼 쓰세요"),
    "error.point_not_constant": ("the value of {name} must be a number, got '{text}'",
                                 "{name}의 값은 수여야 합니다: '{text}'"),
    # -- other errors -----------------------------------------------------------------------
    "error.vector_function": ("{operation} needs a scalar function, not a vector",
                              "{operation}에는 벡터가 아닌 스칼라 함수가 필요합니다"),
    "error.too_large_at_point": ("{what} ≈ {value} at this point: too large for a floating-point number (the largest is about 1.8e308)",
                                 "이 점에서 {what} ≈ {value}: 부동소수점 수로 나타내기에 너무 큽니다 (최대 약 1.8e308)"),
    "error.output_too_large": ("the JSON output would be larger than {limit} MB: print fewer "
                               "points, e.g. with --every 100 (every 100th step)",
                               "JSON 출력이 {limit} MB를 넘습니다. --every 100(100번째 단계마다) "
                               "처럼 점의 수를 줄이세요"),
    "error.not_finite": ("a value of the result overflowed the range of floating-point numbers "
                         "(beyond ±1.8·10³⁰⁸), so it cannot be reported; try a point or a "
                         "learning rate where the values stay finite",
                         "결과의 값이 부동소수점 수의 범위(±1.8·10³⁰⁸)를 넘어 보고할 수 없습니다. "
                         "값이 유한하게 유지되는 점이나 학습률로 다시 시도해 보세요"),
    "error.undefined_at_point": ("{what} is undefined or not real at this point",
                                 "이 점에서 {what:이} 정의되지 않거나 실수가 아닙니다"),
    "error.timeout": ("the computation took longer than {seconds:g} s and was stopped "
                      "(raise the limit with --timeout)",
                      "계산이 {seconds:g}초를 넘어 중단되었습니다 (--timeout으로 늘릴 수 있습니다)"),
    "error.memory": ("the computation needed more than {limit_mb} MB of memory and was stopped",
                     "계산에 {limit_mb} MB 넘는 메모리가 필요해 중단되었습니다"),
    "error.worker_killed": ("the computation's worker was stopped from outside ({signal}): by the "
                            "system's out-of-memory killer or by a signal sent to it",
                            "계산하던 작업 프로세스가 외부에서 중지되었습니다 ({signal}): 시스템의 "
                            "메모리 부족 처리나 보낸 신호 때문입니다"),
    "error.worker_crashed": ("the computation stopped unexpectedly ({detail})",
                             "계산이 예기치 않게 중단되었습니다 ({detail})"),
    "error.unknown_subcommand": ("unknown command '{name}'; did you mean {suggestion}?",
                                 "'{name}'{은} nablab의 명령이 아닙니다. 혹시 {suggestion:을} "
                                 "쓰려고 했나요?"),
    "error.no_such_command": ("unknown command '{name}'; the commands are: {commands} "
                              "(nablab --help says what each does)",
                              "'{name}'{은} nablab의 명령이 아닙니다. 명령: {commands} "
                              "(각 명령의 설명은 nablab --help)"),
    "error.unquoted_formula": (
        "the shell split the formula into several words; put the formula in quotes: {command}",
        "셸이 수식을 여러 단어로 나누었습니다. 수식을 따옴표로 감싸세요: {command}"),
    "error.unquoted_formula_files": (
        "the shell split the formula into words and put file names where it had a *; put the "
        "formula in quotes, e.g. nablab {command} \"x * y\"",
        "셸이 수식을 여러 단어로 나누고 * 자리에 파일 이름을 넣었습니다. 수식을 따옴표로 감싸세요. "
        "예: nablab {command} \"x * y\""),
    "cli.error.required": ("the following arguments are required: {names}",
                           "꼭 필요한 인수가 빠졌습니다: {names}"),
    "cli.error.unrecognized": ("unrecognized arguments: {words}", "알 수 없는 인수: {words}"),
    "cli.error.ambiguous": ("ambiguous option: {option} could match {matches}",
                            "옵션 {option}{은} 여러 옵션의 줄임말일 수 있습니다: {matches}"),
    "cli.error.invalid_choice": ("argument {argument}: invalid choice: {value} "
                                 "(choose from {choices})",
                                 "{argument}에 쓸 수 없는 값입니다: {value} (쓸 수 있는 값: {choices})"),
    "cli.error.invalid_value": ("argument {argument}: invalid {type} value: {value}",
                                "{argument}에는 {type:을} 써야 합니다 (입력: {value})"),
    "cli.error.expected_one": ("argument {argument}: expected one argument",
                               "{argument} 다음에 값이 하나 있어야 합니다"),
    "cli.error.expected_some": ("argument {argument}: expected at least one argument",
                                "{argument} 다음에 값이 하나 이상 있어야 합니다"),
    "cli.error.ignored_value": ("argument {argument}: ignored explicit argument {value}",
                                "{argument}에는 값을 줄 수 없습니다 (입력: {value})"),
    "cli.type.float": ("float", "수"),
    "cli.type.int": ("int", "정수"),
    "error.usage": ("{detail}", "명령어 사용법 오류: {detail}"),
    "error.bad_timeout": ("--timeout must be a positive number of seconds, got {value}",
                          "--timeout은 0보다 큰 초 단위 수여야 합니다 (입력: {value})"),
    "error.unbound_parameters": ("give values for the parameters {names} first",
                                 "먼저 매개변수 {names}의 값을 정하세요"),
    # -- hints ------------------------------------------------------------------------------
    "hint.relation": (
        "to name a function write f(x, y) = …; equations and inequalities are constraints "
        "(--constraint)",
        "함수에 이름을 붙이려면 f(x, y) = … 처럼 쓰세요. 등식과 부등식은 제약 조건(--constraint)으로 "
        "씁니다"),
    "hint.chain": (
        "a chain such as 1 <= x <= 4 is two inequalities, 1 <= x and x <= 4: give them as two "
        "constraints (lagrange reads the chain as two)",
        "1 <= x <= 4 같은 연쇄 부등식은 1 <= x와 x <= 4 두 개의 부등식입니다. 두 개의 제약 "
        "조건으로 주세요(lagrange는 연쇄를 두 개로 읽습니다)"),
    "hint.quote": ("formulas need no quotes inside; write x^2, not 'x^2'",
                   "수식 안에는 따옴표가 필요 없습니다. 'x^2' 대신 따옴표 없이 x^2처럼 쓰세요"),
    "hint.unknown_function": (
        "known functions: sin, cos, tan, exp, ln, log, sqrt, abs, sigmoid (σ), relu, tanh, …; "
        "for a product write a space or * (x y (…) or x*y*(…))",
        "사용할 수 있는 함수: sin, cos, tan, exp, ln, log, sqrt, abs, sigmoid (σ), relu, tanh 등. "
        "곱셈이라면 띄어 쓰거나 *를 쓰세요 (x y (…) 또는 x*y*(…))"),
    "hint.latex": (
        "nablab reads math commands only: \\frac, \\sqrt, \\cdot, \\left( \\right), Greek "
        "letters, \\sin, \\exp, \\ln, …",
        "nablab은 수식 명령만 읽습니다: \\frac, \\sqrt, \\cdot, \\left( \\right), 그리스 문자, "
        "\\sin, \\exp, \\ln 등"),
    "hint.inverse": ("write asin(x) for the inverse or 1/sin(x) for the reciprocal",
                     "역함수는 asin(x), 역수는 1/sin(x)로 쓰세요"),
    "hint.unexpected_end": ("an operator or a bracket is missing its right-hand side",
                            "연산자나 괄호 뒤에 들어갈 식이 빠졌습니다"),
    "hint.indexing": ("for a product write a space or *: x [y + 1] or x*(y + 1)",
                      "곱셈이라면 띄어 쓰거나 *를 쓰세요: x [y + 1] 또는 x*(y + 1)"),
    "hint.comma": ("commas separate function arguments, as in max(x, y), or the parts of a "
                   "vector (f1, f2)",
                   "쉼표는 max(x, y)처럼 함수의 인수나 벡터 (f1, f2)의 성분을 나눌 때만 씁니다"),
    "hint.subscript": ("a subscript follows a name: x_1, w_{{12}}",
                       "아래 첨자는 이름 바로 뒤에 씁니다: x_1, w_{{12}}"),
}
