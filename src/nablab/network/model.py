r"""A model bound to data: ŷ = m(x; θ), a loss ℓ(ŷ, y), and ∂ℓ/∂θ by the chain rule.

The model is any formula; the names in it that are data columns are its inputs x, every other
name is a parameter θ (a weight or a bias). For one sample (x, y):

- mean squared error (MSE): ℓ = (ŷ − y)², so ∂ℓ/∂θᵢ = ∂ℓ/∂ŷ · ∂ŷ/∂θᵢ = 2(ŷ − y) · ∂ŷ/∂θᵢ;
- binary cross-entropy (BCE) on p = σ(z): ℓ = −y ln p − (1 − y) ln(1 − p) = ln(1 + eᶻ) − yz,
  so ∂ℓ/∂θᵢ = ∂ℓ/∂z · ∂z/∂θᵢ = (σ(z) − y) · ∂z/∂θᵢ (σ' = σ(1 − σ) cancels). The logit z is
  the argument of the model's outer σ when it ends in one, else the model itself.

The loss of the data set is the mean, L(θ) = (1/N) Σₙ ℓ(ŷₙ, yₙ), so ∂L/∂θᵢ is the mean of
the per-sample partials.

>>> model = bind("w1*x1 + w2*x2 + b", ("x1", "x2", "y"), "y")
>>> model.parameter_names, model.input_names, model.loss
(('b', 'w1', 'w2'), ('x1', 'x2'), 'mse')
>>> model.gradient_formulas()["w1"]
'2*x1*(b + w1*x1 + w2*x2 - y)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from nablab.core.differentiate import DerivativeEngine
from nablab.core.expression import Expression, ordered_symbols
from nablab.core.functions import sigmoid
from nablab.core.printing import to_str, to_unicode
from nablab.errors import DataError, ModelError, ParseError, UnsupportedError
from nablab.parse import canonical_name, parse

#: The losses, by the names the command line uses.
LOSSES = ("mse", "bce")
#: The most parameters a model may have.
MAX_PARAMETERS = 256
@dataclass(frozen=True, eq=False)
class Model:
    """A model bound to data columns, with its loss.

    Attributes:
        expression: ŷ = m(x; θ) with the parameters as variables (inputs are constants to it).
        inputs: the data columns the model reads, as symbols, with their column names.
        target: the symbol of the target y and its column name.
        loss: ``"mse"`` or ``"bce"``.
        inner: what the loss differentiates through: ŷ (MSE) or the logit z (BCE).
    """

    expression: Expression
    inputs: tuple[tuple[sympy.Symbol, str], ...]
    target: tuple[sympy.Symbol, str]
    loss: str
    inner: Any
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        return self.expression.variables

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return self.expression.variable_names

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(s.name for s, _ in self.inputs)

    @property
    def engine(self) -> DerivativeEngine:
        """∂(inner)/∂θ: SymPy for small models, SymEngine for large ones."""
        if "engine" not in self._cache:
            self._cache["engine"] = DerivativeEngine(self.inner, self.parameters)
        engine: DerivativeEngine = self._cache["engine"]
        return engine

    @property
    def outer(self) -> Any:
        """∂ℓ/∂(inner) per sample: 2(ŷ − y) for MSE, σ(z) − y for BCE."""
        y = self.target[0]
        if self.loss == "mse":
            # Unevaluated, so 2 stays outside: 2x₁(ŷ − y), not x₁(2ŷ − 2y).
            return sympy.Mul(2, self.inner - y, evaluate=False)
        return sigmoid(self.inner) - y

    def outer_text(self, *, plain: bool = False) -> str:
        """∂ℓ/∂ŷ = 2(ŷ − y) or ∂ℓ/∂z = σ(z) − y as text (SymPy syntax when ``plain``)."""
        y = self.target[0].name if plain else to_unicode(self.target[0])
        if self.loss == "mse":
            return f"2*(yhat - {y})" if plain else f"2(ŷ − {y})"
        return f"sigmoid(z) - {y}" if plain else f"σ(z) − {y}"

    def sample_loss(self) -> Any:
        """ℓ(ŷ, y) as taught: (ŷ − y)², or ln(1 + eᶻ) − yz (= BCE of p = σ(z))."""
        y = self.target[0]
        if self.loss == "mse":
            return (self.inner - y) ** 2
        return sympy.log(1 + sympy.exp(self.inner)) - y * self.inner

    def stable_loss(self) -> Any:
        """ℓ written so it never overflows: BCE as (z + |z|)/2 + ln(1 + e^(−|z|)) − yz."""
        if self.loss == "mse":
            return self.sample_loss()
        z, y = self.inner, self.target[0]
        return (z + sympy.Abs(z)) / 2 + sympy.log(1 + sympy.exp(-sympy.Abs(z))) - y * z

    def inner_gradient(self) -> tuple[Any, ...]:
        """∂ŷ/∂θᵢ (MSE) or ∂z/∂θᵢ (BCE), one per parameter."""
        return self.engine.gradient

    def gradients(self) -> tuple[Any, ...]:
        """∂ℓ/∂θᵢ per sample, the chain rule multiplied out."""
        if "gradients" not in self._cache:
            outer = self.outer
            self._cache["gradients"] = tuple(outer * g for g in self.inner_gradient())
        gradients: tuple[Any, ...] = self._cache["gradients"]
        return gradients

    def gradient_formulas(self) -> dict[str, str]:
        """``{θᵢ: ∂ℓ/∂θᵢ}`` in SymPy syntax (the ``--json`` form)."""
        return {name: to_str(g) for name, g in zip(self.parameter_names, self.gradients(),
                                                   strict=True)}

    def chain_rule(self, *, plain: bool = False) -> dict[str, tuple[str, str]]:
        """``{θᵢ: (∂ℓ/∂ŷ, ∂ŷ/∂θᵢ)}``, the two factors of the chain rule.

        In Unicode for people, or in SymPy syntax when ``plain`` (ŷ written ``yhat``).
        """
        show = to_str if plain else to_unicode
        outer = self.outer_text(plain=plain)
        return {name: (outer, show(g)) for name, g in zip(self.parameter_names,
                                                          self.inner_gradient(), strict=True)}

    def __getstate__(self) -> dict[str, Any]:
        # The cache holds SymEngine objects: rebuilt on demand, never shipped between processes.
        return {**self.__dict__, "_cache": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def bind(model: str | Expression, columns: Sequence[str], target: str,
         loss: str | None = None) -> Model:
    """Read ``model`` and split its names into the data columns it uses and its parameters.

    Args:
        model: the formula, e.g. ``w1*x1 + w2*x2 + b`` or ``sigmoid(w*x + b)``.
        columns: the data's column names (``x_1`` in a file matches ``x1`` in the formula).
        target: the column the model predicts.
        loss: ``"mse"`` or ``"bce"``; default BCE when the model ends in σ, else MSE.

    Raises:
        ParseError: the model is not a formula.
        DataError: the target is not a column.
        ModelError: the model reads the target, has no parameters or too many.
    """
    expression = parse(model)
    if expression.is_vector:
        raise UnsupportedError("vector_function", operation="train")
    names = _column_names(columns)
    if target not in columns:
        raise DataError("data_missing_column", column=target, columns=", ".join(columns),
                        source="")
    free = {s.name: s for s in expression.expr.free_symbols}
    target_name = names[target]
    if target_name in free:
        raise ModelError("model_uses_target", target=target)
    inputs = tuple((free[names[c]], c) for c in columns if c != target and names[c] in free)
    used = {s for s, _ in inputs}
    parameters = ordered_symbols(set(free.values()) - used)
    _check_parameters(parameters)
    chosen = _loss(loss, expression)
    bound = Expression.from_sympy(expression.expr, parameters, source=expression.source)
    inner = bound.expr.args[0] if chosen == "bce" and isinstance(bound.expr, sigmoid) \
        else bound.expr
    return Model(bound, inputs, (_target_symbol(target_name, free), target), chosen, inner)


def _column_names(columns: Sequence[str]) -> dict[str, str]:
    """Each column's name as a formula would spell it (``x_1`` → ``x1``); itself if none."""
    out = {}
    for column in columns:
        try:
            out[column] = canonical_name(column)
        except ParseError:
            out[column] = column
    return out


def _check_parameters(parameters: tuple[sympy.Symbol, ...]) -> None:
    if not parameters:
        raise ModelError("model_no_parameters")
    if len(parameters) > MAX_PARAMETERS:
        raise ModelError("model_too_many_parameters", count=len(parameters),
                         limit=MAX_PARAMETERS)


def _loss(loss: str | None, expression: Expression) -> str:
    if loss is None:
        return "bce" if isinstance(expression.expr, sigmoid) else "mse"
    if loss not in LOSSES:
        raise ModelError("unknown_loss", name=loss, known=", ".join(LOSSES))
    return loss


def _target_symbol(name: str, free: dict[str, sympy.Symbol]) -> sympy.Symbol:
    """y as a symbol: the target column's name when it is a plain name, else ``y``."""
    plain = name.isidentifier() and name.isascii()
    candidate = name if plain else "y"
    while candidate in free:
        candidate += "_"
    return sympy.Symbol(candidate, real=True)


__all__ = ["LOSSES", "MAX_PARAMETERS", "Model", "bind"]
