"""Tour chapter: the notes' single-layer network ŷ = w₁x₁ + w₂x₂, trained by its partials.

Everything is computed: the chain rule of ∂L/∂wᵢ, one gradient-descent step from (0, 0), the
weights recovered from data made with known ones, the neuron z = wx + b and its partials,
backpropagation through σ(wx + b) with σ' = σ(1 − σ), logistic regression, and XOR, which a
single layer cannot learn and a hidden layer of two units does.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.cli.tour.chapter import Chapter
from nablab.core.printing import symbol_display, to_unicode
from nablab.i18n import translate
from nablab.i18n.width import pad
from nablab.network import example, train
from nablab.network.examples import LINEAR_WEIGHTS, SUGGESTIONS
from nablab.network.graph import graph
from nablab.optimize.present import fmt, vec
from nablab.parse import parse

#: The notes' network, its data and the run of the chapter.
MODEL, DATA, LEARNING_RATE, START = SUGGESTIONS["linear"].model, "example:linear", 0.1, \
    "w1=0,w2=0"
#: The neuron of the notes and the point its graph is evaluated at.
NEURON, NEURON_POINT = "sigmoid(w*x + b)", "w=2,x=1,b=-1"
#: Learning rate and epochs of the two classifiers.
CLASSIFIER_LR, CLASSIFIER_EPOCHS = 0.5, 2000
#: The network that learns XOR: widths, activation and seed (gd, η = 0.1, 1000 epochs).
HIDDEN_LAYERS, HIDDEN_ACTIVATION, HIDDEN_SEED = (2, 2, 1), "tanh", 1


def _network(ch: Chapter, t: Any, lang: str) -> dict[str, Any]:
    """ŷ = w₁x₁ + w₂x₂ on data made with known weights: chain rule, first step, recovery."""
    data = example("linear")
    result = train(MODEL, data, lr=LEARNING_RATE, epochs=1000, start=START)
    ch.text(t("network", rows=data.rows, weights=vec(LINEAR_WEIGHTS)))
    ch.math(f"ŷ = {result.model.expression.unicode}    L(w₁, w₂) = (1/N) Σₙ (ŷₙ − yₙ)²")
    ch.text(t("chain_rule"))
    for line in result.chain_lines(lang):
        ch.math(line)
    step = result.path[1] - result.path[0]
    gradient = -step / LEARNING_RATE
    ch.text(t("first_step", lr=fmt(LEARNING_RATE), start=vec(result.path[0])))
    ch.math(f"θ₁ = {vec(result.path[0])} − {fmt(LEARNING_RATE)}·{vec(gradient)} = "
            f"{vec(result.path[1])}")
    epoch = translate("network.label.epoch", lang)
    for k in (0, 1, 2, 5, 10):
        ch.math(f"{epoch} {k:>2}   w = {pad(vec(result.path[k], 4), 18)} "
                f"L = {fmt(result.loss[k], 4)}")
    ch.text(t("recovered", epochs=result.epochs, weights=vec(result.path[-1], 6),
              loss=f"{result.final_loss:.1e}"))
    ch.results["linear"] = result
    return {"first_step": result.path[1].tolist(), "gradient_at_start": gradient.tolist(),
            "epochs": result.epochs, "weights": result.parameters,
            "final_loss": result.final_loss, "status": result.status}


def _neuron(ch: Chapter, t: Any) -> dict[str, Any]:
    """z = wx + b and its partials; backprop through σ(wx + b), node by node."""
    z = parse("w*x + b")
    partials = {v: to_unicode(z.partial(v)) for v in ("x", "w", "b")}
    ch.text(t("neuron"))
    ch.math(f"z = {z.unicode}:   " + "   ".join(f"∂z/∂{v} = {p}" for v, p in partials.items()))
    result = graph(NEURON, NEURON_POINT)
    sigma = result.output
    ch.text(t("backprop", point=NEURON_POINT.replace(",", ", ")))
    value, adjoint = t("value"), t("adjoint")
    for node in result.nodes:
        computes = node.id if node.op == "input" else f"{symbol_display(node.id)} = " \
            f"{to_unicode(node.local)}"
        ch.math(f"{pad(computes, 14)} {value} {pad(fmt(node.value, 6), 10)} {adjoint} "
                f"{fmt(node.adjoint, 6)}")
    slope = sigma.partial_values[0]
    ch.text(t("sigmoid", value=fmt(sigma.value, 6), slope=fmt(slope, 6),
              check=fmt(sigma.value * (1 - sigma.value), 6),
              error=f"{result.check.max_rel_error:.1e}"))
    ch.results["graph"] = result
    return {"neuron_partials": partials, "gradient": result.gradient,
            "sigmoid_slope": slope, "max_rel_error": result.check.max_rel_error}


def _classifiers(ch: Chapter, t: Any) -> dict[str, Any]:
    """Logistic regression learns its data; XOR stays out of a single layer's reach."""
    logistic = train(SUGGESTIONS["logistic"].model, "example:logistic", lr=CLASSIFIER_LR,
                     epochs=CLASSIFIER_EPOCHS)
    formula = logistic.model.gradient_formulas()["w1"]
    ch.text(t("logistic", gradient=to_unicode(logistic.model.gradients()[1]),
              accuracy=f"{100 * (logistic.accuracy or 0):.0f}"))
    xor = train(SUGGESTIONS["xor"].model, "example:xor", lr=CLASSIFIER_LR,
                epochs=CLASSIFIER_EPOCHS)
    ch.text(t("xor", accuracy=f"{100 * (xor.accuracy or 0):.0f}",
              loss=fmt(xor.final_loss, 4), ln2=fmt(float(np.log(2)), 4)))
    ch.results["xor"] = xor
    return {"logistic": {"accuracy": logistic.accuracy, "parameters": logistic.parameters,
                         "gradient_w1": formula},
            "xor": {"accuracy": xor.accuracy, "final_loss": xor.final_loss}}


def _hidden_layer(ch: Chapter, t: Any) -> dict[str, Any]:
    """Right after "a hidden layer is needed": the 2-2-1 network learns XOR, and its hidden
    units' outputs are the coordinates where one line splits the classes."""
    from nablab.network.layered import train_layered

    result = train_layered("example:xor", layers=list(HIDDEN_LAYERS),
                           activation=HIDDEN_ACTIVATION, seed=HIDDEN_SEED)
    data = result.data
    assert data is not None   # a trained result carries its data
    x = np.column_stack([data.column(name) for name in result.inputs])
    y = data.column(result.target)
    hidden, predicted = result.hidden(x, 1), result.predict(x)
    correct = int(np.sum((predicted >= 0.5) == (y >= 0.5)))
    ch.text(t("hidden", epochs=result.epochs, loss=fmt(result.final_loss, 4), correct=correct,
              rows=result.rows))
    ch.math(result.formulas()["model"])
    for k in range(result.rows):
        ch.math(t("hidden_point", x=vec(x[k]), hidden=pad(vec(hidden[k], 3), 16),
                  output=pad(fmt(float(predicted[k]), 3), 7), y=fmt(float(y[k]))))
    w, b = result.weights["W2"][0], float(result.weights["b2"][0, 0])
    ch.text(t("hidden_line", line=f"{fmt(float(w[0]), 3)}·a₁ + {fmt(float(w[1]), 3)}·a₂ + "
                                  f"{fmt(b, 3)} = 0".replace("+ -", "− ").replace("+ −", "− ")))
    ch.results["hidden_layer"] = result
    return {"hidden_layer": {"layers": list(result.layers), "activation": HIDDEN_ACTIVATION,
                             "seed": HIDDEN_SEED, "accuracy": result.accuracy,
                             "correct": correct, "final_loss": result.final_loss,
                             "predictions": predicted.tolist(), "hidden": hidden.tolist(),
                             "output_weights": w.tolist(), "output_bias": b}}


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.network.{key}", lang, **params)

    ch = Chapter("network", t("title"))
    data = _network(ch, t, lang)
    data.update(_neuron(ch, t))
    data.update(_classifiers(ch, t))
    data.update(_hidden_layer(ch, t))
    ch.text(t("try"))
    ch.data = data
    return ch


__all__ = ["CLASSIFIER_EPOCHS", "CLASSIFIER_LR", "DATA", "HIDDEN_ACTIVATION", "HIDDEN_LAYERS",
           "HIDDEN_SEED", "LEARNING_RATE", "MODEL", "NEURON",
           "NEURON_POINT", "START", "chapter"]
