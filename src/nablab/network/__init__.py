"""The single-layer network: partial derivatives that train a model, and backprop drawn.

:func:`train` fits any model ŷ = m(x; θ) to data by the partial derivatives ∂L/∂θ of its loss
(written out by the chain rule, compiled once, evaluated on all rows at once) and an optimizer
of :mod:`nablab.optimize`. :func:`graph` draws a formula as a computational graph and runs
backpropagation through it node by node.
"""

from nablab.errors import DataError, ModelError
from nablab.network.data import Dataset, load_csv
from nablab.network.examples import SUGGESTIONS, example, load_data
from nablab.network.fit import train
from nablab.network.graph import GraphResult, graph
from nablab.network.layered import LayeredResult
from nablab.network.model import LOSSES, Model, bind
from nablab.network.result import TrainResult

__all__ = ["LOSSES", "SUGGESTIONS", "DataError", "Dataset", "GraphResult", "LayeredResult",
           "Model", "ModelError", "TrainResult", "bind", "example", "graph", "load_csv",
           "load_data", "train"]
