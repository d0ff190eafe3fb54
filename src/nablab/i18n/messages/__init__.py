"""All message tables, merged into one catalogue ``{key: {"en": ..., "ko": ...}}``.

Each capability keeps its sentences in its own table module; a key may be defined once.
"""

from __future__ import annotations

from nablab.i18n.messages import (
    chain,
    check,
    check_slips,
    constrained,
    core,
    critical,
    daemon,
    derivatives,
    implicit,
    layered,
    layered_pictures,
    limit2d,
    network,
    notebook,
    optimize,
    plot,
    reading,
    taylor,
    web,
)

TABLES: tuple[dict[str, tuple[str, str]], ...] = (
    core.MESSAGES, derivatives.MESSAGES, plot.MESSAGES, optimize.MESSAGES,
    critical.MESSAGES, constrained.MESSAGES, web.MESSAGES, network.MESSAGES,
    reading.MESSAGES, chain.MESSAGES, taylor.MESSAGES, implicit.MESSAGES,
    limit2d.MESSAGES, check.MESSAGES, notebook.MESSAGES, check_slips.MESSAGES,
    check_slips.PRACTICE, layered.MESSAGES, layered_pictures.MESSAGES, daemon.MESSAGES)


def _merge(tables: tuple[dict[str, tuple[str, str]], ...]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for key, (en, ko) in table.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice")
            merged[key] = {"en": en, "ko": ko}
    return merged


CATALOGUE = _merge(TABLES)
