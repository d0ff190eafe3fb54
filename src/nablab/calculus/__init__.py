"""Derivatives: partial derivatives, the gradient, the Hessian, the Jacobian, and reports."""

from nablab.calculus.derivatives import gradient, hessian, jacobian, partial
from nablab.calculus.report import DiffReport, differentiate

__all__ = ["DiffReport", "differentiate", "gradient", "hessian", "jacobian", "partial"]
