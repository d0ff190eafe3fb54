"""STACK's AlgEquiv answer-test cases, as data: (student, teacher, expected mark, STACK note).

Transcribed from the answer-test fixtures of STACK, the computer-algebra question type for
Moodle (maths/moodle-qtype_stack, ``tests/fixtures/answertestfixtures.class.php``; published
as "AlgEquiv: Answer test results" on docs.stack-assessment.org), written in nablab's grammar
(``%pi`` → ``pi``, ``*`` kept). Mark 1: equivalent, 0: not.

:data:`CASES` are the cases within nablab's grammar and its real-function reading;
:data:`EXCLUDED` names the others by category, with why.
"""

from __future__ import annotations

_POLY = ("14336000000*x^13+250265600000*x^12+1862860800000*x^11+7623925760000*x^10"
         "+18290677760000*x^9+24744757985280*x^8+14567212351488*x^7-3267871272960*x^6"
         "-6408053107200*x^5+670406720000*x^4+1179708800000*x^3-429244800000*x^2"
         "+56696000000*x")

#: (student, teacher, mark, STACK's section or note).
CASES: list[tuple[str, str, int, str]] = [
    # Numbers; a mix of floats and rational numbers (nablab reads a decimal exactly).
    ("4^(-1/2)", "1/2", 1, "Numbers"),
    ("4^(1/2)", "sqrt(4)", 1, "Numbers"),
    ("0.5", "1/2", 1, "Mix of floats and rational numbers"),
    ("0.33", "1/3", 0, "Mix of floats and rational numbers"),
    ("5.1e-2", "51/1000", 1, "Mix of floats and rational numbers"),
    ("0.333333333333333", "1/3", 0, "Mix of floats and rational numbers"),
    ("(0.5+x)*2", "2*x+1", 1, "Mix of floats and rational numbers"),
    # Powers and roots
    ("x^(1/2)", "sqrt(x)", 1, "Powers and roots"),
    ("x", "sqrt(x^2)", 0, "Powers and roots"),
    ("abs(x)", "sqrt(x^2)", 1, "Powers and roots"),
    ("1/abs(x)^(1/3)", "(abs(x)^(1/3)/abs(x))^(1/2)", 1, "Powers and roots"),
    ("1/sqrt(x)", "sqrt(1/x)", 1, "Powers and roots"),
    ("x-1", "(x^2-1)/(x+1)", 1, "Powers and roots"),
    ("2^((1/5.1)*t)", "2^((1/5.1)*t)", 1, "Powers and roots"),
    ("2^((1/5.1)*t)", "2^(0.196078431373*t)", 0, "Powers and roots"),
    ("a^b*a^c", "a^(b+c)", 1, "Powers and roots"),
    ("2+2*sqrt(3+x)", "2+sqrt(12+4*x)", 1, "Powers and roots"),
    ("6*e^(6*(y^2+x^2))+72*x^2*e^(6*(y^2+x^2))", "(72*x^2+6)*e^(6*(y^2+x^2))", 1,
     "Powers and roots"),
    ("(2*pi)/(k/m)^(1/2)", "(2*pi)/(k/m)^(1/2)", 1, "Powers and roots"),
    ("(2*pi)*(m/k)^(1/2)", "(2*pi)/(k/m)^(1/2)", 1, "Powers and roots"),
    ("sqrt(2*x/10+1)", "sqrt((2*x+10)/10)", 1, "Powers and roots"),
    ("((x+3)^2*(x+3))^(1/3)", "((x+3)*(x^2+6*x+9))^(1/3)", 1, "Need to factor internally"),
    # Polynomials and rational functions
    ("(x-1)^2", "x^2-2*x+1", 1, "Polynomials and rational function"),
    ("(x-1)*(x^2+x+1)", "x^3-1", 1, "Polynomials and rational function"),
    ("(x-1)^(-2)", "1/(x^2-2*x+1)", 1, "Polynomials and rational function"),
    ("1/(4*x-(pi+sqrt(2)))", "1/(x+1)", 0, "Polynomials and rational function"),
    ("(k+8)/(k^2+4*k-12)", "(k+8)/(k^2+4*k-12)", 1, "Polynomials and rational function"),
    ("(k+7)/(k^2+4*k-12)", "(k+8)/(k^2+4*k-12)", 0, "Polynomials and rational function"),
    ("-(2*k+6)/(k^2+4*k-12)", "-(2*k+6)/(k^2+4*k-12)", 1, "Polynomials and rational function"),
    ("1/n-1/(n+1)", "1/(n*(n+1))", 1, "Polynomials and rational function"),
    ("0.5*x^2+3*x-1", "x^2/2+3*x-1", 1, "Polynomials and rational function"),
    # Trig functions
    ("cos(x)", "cos(-x)", 1, "Trig functions"),
    ("cos(x)^2+sin(x)^2", "1", 1, "Trig functions"),
    ("cos(x+y)", "cos(x)*cos(y)-sin(x)*sin(y)", 1, "Trig functions"),
    ("cos(x+y)", "cos(x)*cos(y)+sin(x)*sin(y)", 0, "Trig functions"),
    ("2*cos(x)^2-1", "cos(2*x)", 1, "Trig functions"),
    ("1.0*cos(1200*pi*x)", "cos(1200*pi*x)", 1, "Trig functions"),
    ("2*cos(2*x)+x+1", "-sin(x)^2+3*cos(x)^2+x", 1, "Trig functions"),
    ("(2*sec(2*t)^2-2)/2",
     "-(sin(4*t)^2-2*sin(4*t)+cos(4*t)^2-1)*(sin(4*t)^2+2*sin(4*t)+cos(4*t)^2-1)"
     "/(sin(4*t)^2+cos(4*t)^2+2*cos(4*t)+1)^2", 1, "Trig functions"),
    ("1/(1+exp(-2*x))", "tanh(x)/2+1/2", 1, "Trig functions"),
    ("-4*sec(4*z)^2*sin(6*z)-6*tan(4*z)*cos(6*z)", "-4*sec(4*z)^2*sin(6*z)-6*tan(4*z)*cos(6*z)",
     1, "Trig functions"),
    ("-4*sec(4*z)^2*sin(6*z)-6*tan(4*z)*cos(6*z)", "4*sec(4*z)^2*sin(6*z)+6*tan(4*z)*cos(6*z)",
     0, "Trig functions"),
    ("csc(6*x)^2*(7*sin(6*x)*cos(7*x)-6*cos(6*x)*sin(7*x))",
     "-(6*cos(6*x)*sin(7*x)-7*sin(6*x)*cos(7*x))/sin(6*x)^2", 1,
     "we can't factor with trigsimp:true"),
    ("csc(6*x)^2*(7*sin(6*x)*cos(7*x)-6*cos(6*x)*sin(7*x))",
     "(6*cos(6*x)*sin(7*x)-7*sin(6*x)*cos(7*x))/sin(6*x)^2", 0, "Trig functions"),
    ("-(7*x^6+4*x^3)/sin(7*y+x^7+x^4+1)^2", "-(7*x^6+4*x^3)*csc(7*y+x^7+x^4+1)^2", 1,
     "Trig functions"),
    # Logarithms
    ("log(a^2*b)", "2*log(a)+log(b)", 1, "Logarithms"),
    ("(2*log(2*x)+x)/(2*x)", "(log(2*x)+2)/(2*sqrt(x))", 0, "Logarithms"),
    # Hyperbolic trig
    ("e^1-e^(-1)", "2*sinh(1)", 1, "Hyperbolic trig"),
    # Equations section, an expression case
    ("258552*x^7*(81*x^8+1)^398", "x^3*(x^4+1)^399", 0, "Equations"),
    # Surds
    ("sqrt(12)", "2*sqrt(3)", 1, "Surds"),
    ("sqrt(11+6*sqrt(2))", "3+sqrt(2)", 1, "Surds"),
    ("(19601-13860*sqrt(2))^(7/4)", "(5*sqrt(2)-7)^7", 1, "Surds"),
    ("(19601-13861*sqrt(2))^(7/4)", "(5*sqrt(2)-7)^7", 0, "Surds"),
    ("sqrt(2*log(26)+4-2*log(2))", "sqrt(2*log(13)+4)", 1, "Surds"),
    ("sqrt(2)*sqrt(3)+2*(sqrt(2/3))*x-(2/3)*(sqrt(2/3))*x^2+(4/9)*(sqrt(2/3))*x^3",
     "4*sqrt(6)*x^3/27-(2*sqrt(6)*x^2)/9+(2*sqrt(6)*x)/3+sqrt(6)", 1, "Surds"),
    # "These currently fail" in STACK (mark -3: the right mark is 1, Maxima misses it)
    ("abs(x^2-4)/(abs(x-2)*abs(x+2))", "1", 1, "These currently fail (-3)"),
    ("abs(x^2-4)", "abs(x-2)*abs(x+2)", 1, "These currently fail (-3)"),
    ("(sqrt(108)+10)^(1/3)-(sqrt(108)-10)^(1/3)", "2", 1, "These currently fail (-3)"),
    ("(sqrt(2+sqrt(2))+sqrt(2-sqrt(2)))/(2*sqrt(2))", "sqrt(sqrt(2)+2)/2", 1,
     "These currently fail (-3)"),
    ("sqrt(2*x*sqrt(x^2+1)+2*x^2+1)-sqrt(x^2+1)-x", "0", 1, "These currently fail (-3)"),
    ("(77+20*sqrt(13))^(1/6)-(77-20*sqrt(13))^(1/6)", "1", 1, "These currently fail (-3)"),
    ("(930249+416020*sqrt(5))^(1/30)-(930249-416020*sqrt(5))^(1/30)", "1", 1,
     "These currently fail (-3)"),
    (_POLY + "-2680000000", "512*(2*x+5)^7*(5*x-1)^5*(70*x+67)", 1, "These currently fail (-3)"),
    (_POLY + "-2680000001", "512*(2*x+5)^7*(5*x-1)^5*(70*x+67)", 0, "These currently fail (-3)"),
    ("14336000000*x^13", "512*(2*x+5)^7*(5*x-1)^5*(70*x+67)", 0, "These currently fail (-3)"),
    ("atan(1/2)", "pi/2-atan(2)", 1, "This is only equivalent for x>=0..."),
    ("asinh(x)", "ln(x+sqrt(x^2+1))", 1, "This is true for all x..."),
    ("cos(2*pi/17)", "(-1+sqrt(17)+sqrt(34-2*sqrt(17)))/16+"
     "(2*sqrt(17+3*sqrt(17)-sqrt(34-2*sqrt(17))-2*sqrt(34+2*sqrt(17))))/16", 1,
     "An example due to Gauss"),
    ("cot(pi/20)+cot(pi/24)-cot(pi/10)", "sqrt(1)+sqrt(2)+sqrt(3)+sqrt(4)+sqrt(5)+sqrt(6)", 1,
     "According to Twitter! Not sure this is even true"),
]

#: What was left out, by category, and why.
EXCLUDED: dict[str, str] = {
    "Errors (1/0, empty and unbalanced input)": "test STACK's error trapping; nablab's "
        "parser answers these with its own error (tests/parse)",
    "Predicates (integerp, lowesttermsp), exdowncase": "Maxima functions, not mathematics a "
        "learner types",
    "Case sensitivity (X vs x), permutations of variables": "about STACK's feedback notes",
    "Complex numbers (%i, sqrt(-1), rectform, polarform, exp(%i*%pi))": "nablab's variables "
        "and answers are real",
    "Infinity (inf, 0*inf)": "not a value in nablab's grammar",
    "Subscripts (epsilon[0])": "no indexed names in nablab's grammar",
    "(x-a)^6000": "an exponent beyond nablab's parse limit (1000)",
    "sec/csc spellings cosec, cosech, lg(…, base), root(x, n), #pm#, diff(…) as an answer":
        "not in nablab's grammar",
    "Lists, sets of numbers, matrices, equations, inequalities, real sets, functions "
    "f(x) := …, rounding functions, units": "other answer forms; nablab's point sets are "
        "tested on their own (tests/check)",
    "Factorials, binomials, sums, products, diff(…, x) and noun forms, logic (and, or, "
    "implies), strings": "not in nablab's grammar (a derivative is asked d/dx (…), and is "
        "then a task, not an answer)",
    "(-1)^n*cos(x)^n vs (-cos(x))^n": "equal for integer n, which STACK assumes; nablab's "
        "symbols are real, and (−1)ⁿ is not real for n = 1/2",
    "Domain conventions: sqrt(k/m)*sqrt(m/k) vs 1, sqrt((x-3)*(x-5)) vs "
    "sqrt(x-3)*sqrt(x-5), log(abs(x^2-9)) vs log(abs(x-3))+log(abs(x+3))":
        "STACK's marks follow Maxima's simplifier; nablab compares real functions on the right "
        "answer's domain (√(k/m)·√(m/k) is undefined at k = 1, m = −1; the two logarithms "
        "agree wherever defined), as the issue asks (domain matters)",
}
