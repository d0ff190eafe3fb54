"""Text → SymPy, safely: a grammar, never ``eval``."""

from nablab.parse.limits import DEFAULT_LIMITS, ParseLimits
from nablab.parse.parser import Relation, canonical_name, parse, parse_relation, parse_relations
from nablab.parse.point import parse_point, parse_values
from nablab.parse.window import parse_window

__all__ = ["DEFAULT_LIMITS", "ParseLimits", "Relation", "canonical_name", "parse",
           "parse_point", "parse_relation", "parse_relations", "parse_values", "parse_window"]
