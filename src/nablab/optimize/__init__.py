"""Gradient descent and the optimizers of deep learning, on any function you type.

Building blocks (:mod:`~nablab.optimize.transform`) compose into the named optimizers
(:mod:`~nablab.optimize.optimizers`, the rules of ``torch.optim``); :func:`descend` runs one,
recording every step, :func:`race` runs several from one start, and :func:`sweep` runs
thousands at once, vectorised over NumPy arrays.
"""

from nablab.errors import HyperparameterError
from nablab.optimize.advice import LearningRateAdvice, advise
from nablab.optimize.descent import STEP_LIMIT, descend
from nablab.optimize.newton import damped_newton, newton
from nablab.optimize.optimizers import (
    DESCENT_OPTIMIZERS,
    OPTIMIZERS,
    adagrad,
    adam,
    gd,
    momentum,
    nesterov,
    rmsprop,
    sgd,
)
from nablab.optimize.race import RaceResult, race
from nablab.optimize.result import DescentResult
from nablab.optimize.sweep import Minimum, SweepResult, sweep
from nablab.optimize.transform import GradientTransformation, chain

__all__ = ["STEP_LIMIT", "DESCENT_OPTIMIZERS", "OPTIMIZERS", "DescentResult",
           "GradientTransformation", "HyperparameterError", "LearningRateAdvice", "Minimum",
           "RaceResult", "SweepResult", "adagrad", "adam", "advise", "chain", "damped_newton",
           "descend", "gd", "momentum", "nesterov", "newton", "race", "rmsprop", "sgd", "sweep"]
