"""Text → SymPy, safely: a grammar, never ``eval``.

The package is callable as :func:`parse` (``nablab.parse("x^2 + 3xy + y^2")``), so that the
public name means the function however the package was imported first.
"""

from nablab.core.hooks import callable_module
from nablab.parse.limits import DEFAULT_LIMITS, ParseLimits
from nablab.parse.parser import Relation, canonical_name, parse, parse_relation, parse_relations
from nablab.parse.point import parse_point, parse_values
from nablab.parse.window import parse_window

callable_module(__name__, parse)

__all__ = ["DEFAULT_LIMITS", "ParseLimits", "Relation", "canonical_name", "parse",
           "parse_point", "parse_relation", "parse_relations", "parse_values", "parse_window"]
