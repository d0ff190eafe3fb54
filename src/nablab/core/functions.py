"""Functions of deep learning that SymPy lacks as named objects: σ (sigmoid) and ReLU.

Keeping them named (instead of expanding σ(x) to 1/(1+e^{-x}) at parse time) lets a
derivative read the way the notes teach it — σ'(x) = σ(x)(1 − σ(x)) — and lets numeric code
use a stable formula. Their other facts (names, LaTeX, float twins, kinks) are their rows in
:data:`nablab.core.catalog.CATALOG`.
"""

from __future__ import annotations

from typing import Any

from sympy import Function, Heaviside, Max, S, exp


class sigmoid(Function):  # noqa: N801 - SymPy function classes are lower-case by convention
    r"""The logistic sigmoid σ(x) = 1/(1 + e^{−x}), with σ'(x) = σ(x)(1 − σ(x)).

    NumPy code evaluates 1/(1 + e^{−x}) (accurate to the last bit even at σ(−40) ≈ 4e-18;
    e^{−x} overflowing to ∞ for x < −709 gives the right limit 0, callers silence the
    warning); scalar Python code uses ½ + ½·tanh(x/2), which never raises OverflowError.

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> sigmoid(x).diff(x)
    (1 - sigmoid(x))*sigmoid(x)
    """

    nargs = 1

    def fdiff(self, argindex: int = 1) -> Any:
        return self * (1 - self)

    @classmethod
    def eval(cls, arg: Any) -> Any:  # safe: SymPy's evaluation hook, not Python's eval
        if arg.is_zero:
            return S.Half
        return None

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None

    def _eval_rewrite_as_exp(self, arg: Any, **kwargs: Any) -> Any:
        return 1 / (1 + exp(-arg))

    def _eval_evalf(self, prec: int) -> Any:
        return self.rewrite(exp)._eval_evalf(prec)

    def _numpycode(self, printer: Any) -> str:
        exp = printer._module_format(printer._module + ".exp")
        return f"(1/(1 + {exp}(-({printer._print(self.args[0])}))))"

    def _pythoncode(self, printer: Any) -> str:
        tanh = printer._module_format("math.tanh")
        return f"(0.5 + 0.5*{tanh}(0.5*({printer._print(self.args[0])})))"


class relu(Function):  # noqa: N801
    r"""The rectifier relu(x) = max(0, x).

    Its derivative is the step H(x) with H(0) = 0, the convention of PyTorch's autograd
    (``torch.relu`` has gradient 0 at 0), so gradients agree with PyTorch.
    """

    nargs = 1

    def fdiff(self, argindex: int = 1) -> Any:
        return Heaviside(self.args[0], 0)

    @classmethod
    def eval(cls, arg: Any) -> Any:  # safe: SymPy's evaluation hook, not Python's eval
        if arg.is_number and arg.is_extended_real:
            return Max(S.Zero, arg)
        if arg.is_nonnegative:
            return arg
        if arg.is_nonpositive:
            return S.Zero
        return None

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _eval_is_nonnegative(self) -> bool | None:
        return True if self.args[0].is_real else None

    def _eval_rewrite_as_Max(self, arg: Any, **kwargs: Any) -> Any:
        return Max(S.Zero, arg)

    def _eval_evalf(self, prec: int) -> Any:
        return Max(S.Zero, self.args[0])._eval_evalf(prec)

    def _numpycode(self, printer: Any) -> str:
        maximum = printer._module_format(printer._module + ".maximum")
        return f"{maximum}({printer._print(self.args[0])}, 0.0)"

    def _pythoncode(self, printer: Any) -> str:
        return f"max({printer._print(self.args[0])}, 0.0)"


__all__ = ["relu", "sigmoid"]
