"""How results read: formulas in both notations, numbers, and documents of blocks.

Every result presents itself once, as a :class:`Document` of blocks (headings, sentences,
formulas, tables). The terminal prints its text; notebooks and the web app show its HTML, with
each formula in LaTeX. A :class:`Math` holds one formula in Unicode and in LaTeX, built by the
same function, so the two notations never drift apart.
"""

from nablab.present.document import (
    Blank,
    Block,
    Document,
    Formula,
    Heading,
    Presentable,
    Table,
    Text,
    Writer,
)
from nablab.present.math import Math
from nablab.present.numbers import file_size, number, numbers, sci

__all__ = ["Blank", "Block", "Document", "Formula", "Heading", "Math", "Presentable", "Table",
           "Text", "Writer", "file_size", "number", "numbers", "sci"]
