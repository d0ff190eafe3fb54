"""A document as Markdown: what Colab and VS Code typeset (formulas as $$ blocks), with the
words' Markdown characters escaped so that text is never read as markup or math."""

from __future__ import annotations

from nablab.present.document import Row, Writer
from nablab.present.math import Math


def test_headings_lines_formulas_and_tables_in_markdown() -> None:
    writer = Writer()
    writer.heading("Gradient descent")
    writer.text("|∇f| = 5 at $3, 4$")
    writer.text("θ ← θ − η∇f", indent=2)
    writer.text("1. the quotient rule")
    writer.formula(Math(unicode="f = x²", latex=r"f = x^{2}"))
    writer.table(["step", "f"], [Row(("0", "25"), suffix="  ← start", below=("a|b",)), "…"],
                 right=[1])
    expected = (
        "#### Gradient descent\n\n"
        "\\|∇f\\| = 5 at \\$3, 4\\$  \n"
        "\u00a0\u00a0θ ← θ − η∇f  \n"
        "1\\. the quotient rule\n\n"
        "$$\nf = x^{2}\n$$\n\n"
        "| step | f |\n| :--- | ---: |\n| 0 | 25 ← start |\n| a\\|b |  |\n| … |  |\n")
    assert writer.document().markdown() == expected
