"""Networks with hidden layers: backpropagation in matrix form, trained like a single layer.

:func:`train_layered` (also ``nablab.train(data=…, layers=[2, 2, 1])``) trains a network of
the given widths with any optimizer of :mod:`nablab.optimize`; the :class:`LayeredResult`
keeps every epoch's weights (``path``, :meth:`~LayeredResult.weights_at`), the formulas of both
passes with their shapes, the gradient sizes per layer at the start, and one sample's numbers.
"""

from nablab.network.layered.architecture import (
    ACTIVATIONS,
    OUTPUTS,
    Architecture,
    architecture,
)
from nablab.network.layered.backprop import Forward, LayeredKernel, backward, forward
from nablab.network.layered.explain import SampleTrace, trace
from nablab.network.layered.result import LayeredResult
from nablab.network.layered.train import train_layered
from nablab.network.layered.vanishing import LayerSize, gradient_sizes

__all__ = ["ACTIVATIONS", "OUTPUTS", "Architecture", "Forward", "LayerSize", "LayeredKernel",
           "LayeredResult", "SampleTrace", "architecture", "backward", "forward",
           "gradient_sizes", "trace", "train_layered"]
