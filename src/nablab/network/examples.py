r"""Built-in data sets, generated deterministically (pure arithmetic, no random generator).

``linear``
    The notes' single-layer network with known weights: y = 2x₁ − 3x₂ exactly, on a 5 × 5
    grid of [−1, 1]². A model ŷ = w₁x₁ + w₂x₂ recovers w₁ = 2, w₂ = −3.
``logistic``
    200 points spread evenly over [−2, 2]² (the R₂ low-discrepancy sequence); the label is 1
    with probability σ(3x₁ − 2x₂ + 1/2), decided by a second, golden-ratio sequence. The
    classes overlap, so logistic regression has a finite best fit near (3, −2, 1/2).
``xor``
    The four corners of the unit square labelled x₁ XOR x₂. No line separates the classes:
    a single layer σ(w₁x₁ + w₂x₂ + b) gets at most 3 of the 4 right.
``circles``
    200 points of [−2, 2]² (the R₂ sequence again): class 1 inside the circle of radius 1,
    class 0 on the ring 1.4 < r < 2 around it (a third of the points are class 1). No line
    separates them; a hidden layer of 3 or more units can (``--layers 2,4,1``).
``sine``
    One input: 41 points x on [−1, 1] and y = sin(πx), for networks with one input and a
    linear output (``--layers 1,8,1``, or the deep ``--layers 1,1,1,1,1,1``).

:func:`load_data` takes either kind of source: ``example:NAME`` or the path of a CSV file.

>>> example("xor").values.tolist()
[[0.0, 0.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from nablab.errors import DataError
from nablab.network.data import EXAMPLE_PREFIX, Dataset, load_csv

#: The weights the linear and logistic examples are generated from.
LINEAR_WEIGHTS = (2.0, -3.0)
LOGISTIC_WEIGHTS = (3.0, -2.0, 0.5)
#: The plastic number g (g³ = g + 1) and the golden ratio φ: their sequences fill space evenly.
_PLASTIC = 1.324717957244746
_GOLDEN = (1 + 5**0.5) / 2


class Suggestion(NamedTuple):
    """The model and loss an example is made for."""

    model: str
    loss: str


#: What each example is meant to be trained with.
SUGGESTIONS = {
    "linear": Suggestion("w1*x1 + w2*x2", "mse"),
    "logistic": Suggestion("sigmoid(w1*x1 + w2*x2 + b)", "bce"),
    "xor": Suggestion("sigmoid(w1*x1 + w2*x2 + b)", "bce"),
    "circles": Suggestion("sigmoid(w1*x1 + w2*x2 + b)", "bce"),
    "sine": Suggestion("w*x + b", "mse"),
}


def linear() -> np.ndarray:
    """x₁, x₂ on a 5 × 5 grid of [−1, 1]² and y = 2x₁ − 3x₂ (exact in binary floating point)."""
    axis = np.linspace(-1.0, 1.0, 5)
    x1, x2 = (a.ravel() for a in np.meshgrid(axis, axis))
    y = LINEAR_WEIGHTS[0] * x1 + LINEAR_WEIGHTS[1] * x2
    return np.column_stack([x1, x2, y])


def logistic(n: int = 200) -> np.ndarray:
    """Points of the R₂ sequence in [−2, 2]², labels 1 with probability σ(3x₁ − 2x₂ + ½)."""
    i = np.arange(1, n + 1)
    x1 = np.round(4.0 * ((0.5 + i / _PLASTIC) % 1.0) - 2.0, 3)
    x2 = np.round(4.0 * ((0.5 + i / _PLASTIC**2) % 1.0) - 2.0, 3)
    w1, w2, b = LOGISTIC_WEIGHTS
    p = 1.0 / (1.0 + np.exp(-(w1 * x1 + w2 * x2 + b)))
    u = (0.5 + i / _GOLDEN) % 1.0
    return np.column_stack([x1, x2, (u < p).astype(float)])


def xor() -> np.ndarray:
    """The truth table of x₁ XOR x₂."""
    return np.array([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], dtype=float)


def circles(n: int = 200) -> np.ndarray:
    """R₂-sequence points of [−2, 2]²: class 1 for r < 1, class 0 for 1.4 < r < 2 (the first
    ``n`` points in either)."""
    i = np.arange(1, 4 * n + 1)
    x1 = np.round(4.0 * ((0.5 + i / _PLASTIC) % 1.0) - 2.0, 3)
    x2 = np.round(4.0 * ((0.5 + i / _PLASTIC**2) % 1.0) - 2.0, 3)
    r = np.hypot(x1, x2)
    keep = np.flatnonzero((r < 1.0) | ((r > 1.4) & (r < 2.0)))[:n]
    return np.column_stack([x1[keep], x2[keep], (r[keep] < 1.0).astype(float)])


def sine(n: int = 41) -> np.ndarray:
    """x on a grid of [−1, 1] and y = sin(πx), rounded to 6 decimals."""
    x = np.linspace(-1.0, 1.0, n)
    return np.column_stack([x, np.round(np.sin(np.pi * x), 6)])


_BUILDERS: dict[str, Callable[[], np.ndarray]] = {"linear": linear, "logistic": logistic,
                                                  "xor": xor, "circles": circles,
                                                  "sine": sine}
#: The columns of each example (x1, x2, y unless listed).
_COLUMNS = {"sine": ("x", "y")}


def example(name: str) -> Dataset:
    """The built-in data set ``name`` (columns x1, x2, y; ``sine``: x, y).

    Raises:
        DataError: ``data_unknown_example`` for a name that is not one of them.
    """
    key = name.strip().lower()
    if key not in _BUILDERS:
        raise DataError("data_unknown_example", name=name, known=", ".join(_BUILDERS))
    return Dataset(_COLUMNS.get(key, ("x1", "x2", "y")), _BUILDERS[key](), EXAMPLE_PREFIX + key)


def load_data(spec: str | Dataset) -> Dataset:
    """A data set from ``example:NAME`` or the path of a CSV file.

    Raises:
        DataError: an unknown example, or a file that cannot be read as numeric CSV.
    """
    if isinstance(spec, Dataset):
        return spec
    if spec.startswith(EXAMPLE_PREFIX):
        return example(spec[len(EXAMPLE_PREFIX):])
    return load_csv(spec)


def example_name(source: str) -> str | None:
    """``xor`` for a data set from ``example:xor``, else ``None``."""
    if source.startswith(EXAMPLE_PREFIX) and source[len(EXAMPLE_PREFIX):] in _BUILDERS:
        return source[len(EXAMPLE_PREFIX):]
    return None


__all__ = ["LINEAR_WEIGHTS", "LOGISTIC_WEIGHTS", "SUGGESTIONS", "Suggestion", "circles",
           "example", "example_name", "linear", "load_data", "logistic", "sine", "xor"]
