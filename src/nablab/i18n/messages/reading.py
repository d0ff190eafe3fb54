"""Messages of the reading policy: what nablab says when a rule decided how text was read.

Each key is ``reading.<rule>`` for :class:`nablab.core.reading.Reading`. No Korean particle
follows a formula placeholder: the sentences are phrased so none is needed.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
