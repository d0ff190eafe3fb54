"""Training data: a CSV file or a built-in example, as named numeric columns.

A CSV file is read with :mod:`csv` and every cell with ``float()`` (nothing is evaluated).
Everything about it is capped (bytes, rows, columns), and every problem is reported with the
row and column it is in: a missing column, a cell that is not a number, an empty file, a row
with too few or too many cells.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nablab.errors import DataError

#: The largest CSV file read, in bytes.
MAX_BYTES = 8 * 1024 * 1024
#: The most data rows and columns of a data set.
MAX_ROWS, MAX_COLUMNS = 100_000, 64
#: ``--data example:NAME`` names a built-in data set.
EXAMPLE_PREFIX = "example:"


@dataclass(frozen=True, eq=False)
class Dataset:
    """Named numeric columns of equal length.

    Attributes:
        columns: the column names, in file order.
        values: the numbers, shape ``(rows, columns)``, all finite.
        source: where they came from (a file name, or ``example:NAME``).
    """

    columns: tuple[str, ...]
    values: np.ndarray
    source: str = ""

    @property
    def rows(self) -> int:
        return int(self.values.shape[0])

    def column(self, name: str) -> np.ndarray:
        """The values of column ``name``.

        Raises:
            DataError: ``data_missing_column`` if there is no such column.
        """
        if name not in self.columns:
            raise DataError("data_missing_column", column=name, columns=", ".join(self.columns),
                            source=self.source)
        return self.values[:, self.columns.index(name)]


def load_csv(path: str | Path) -> Dataset:
    """Read a CSV file with a header row and numeric cells.

    Blank lines are skipped; cells may be padded with spaces; ``nan`` and ``inf`` are refused.

    Raises:
        DataError: ``data_unreadable``, ``data_too_large``, ``data_not_text``, ``data_empty``,
            ``data_no_rows``, ``data_ragged``, ``data_empty_cell``, ``data_not_number``,
            ``data_blank_column``, ``data_duplicate_column``, ``data_too_many_rows`` or
            ``data_too_many_columns``.
    """
    name = str(path)
    text = _read_text(Path(path), name)
    reader = csv.reader(io.StringIO(text))
    header = _header(reader, name)
    rows: list[list[float]] = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise DataError("data_too_many_rows", file=name, limit=MAX_ROWS)
        rows.append(_numbers(cells, header, reader.line_num, len(rows) + 1, name))
    if not rows:
        raise DataError("data_no_rows", file=name)
    return Dataset(header, np.array(rows, dtype=float), name)


def _read_text(path: Path, name: str) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DataError("data_unreadable", file=name, reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_BYTES:
        raise DataError("data_too_large", file=name, limit=f"{MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError("data_not_text", file=name) from None
    if "\x00" in text:
        raise DataError("data_not_text", file=name)
    return text


def _header(reader: Iterator[list[str]], name: str) -> tuple[str, ...]:
    for cells in reader:
        if any(c.strip() for c in cells):
            header = tuple(c.strip() for c in cells)
            break
    else:
        raise DataError("data_empty", file=name)
    if len(header) > MAX_COLUMNS:
        raise DataError("data_too_many_columns", file=name, count=len(header), limit=MAX_COLUMNS)
    for index, column in enumerate(header):
        if not column:
            raise DataError("data_blank_column", file=name, position=index + 1)
        if column in header[:index]:
            raise DataError("data_duplicate_column", file=name, column=column)
    return header


def _numbers(cells: list[str], header: tuple[str, ...], line: int, row: int,
             name: str) -> list[float]:
    if len(cells) != len(header):
        raise DataError("data_ragged", file=name, row=row, line=line, count=len(cells),
                        expected=len(header))
    values = []
    for column, cell in zip(header, cells, strict=True):
        if not cell.strip():
            raise DataError("data_empty_cell", file=name, row=row, line=line, column=column)
        try:
            value = float(cell.strip())
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise DataError("data_not_number", file=name, row=row, line=line, column=column,
                            text=cell.strip()[:40])
        values.append(value)
    return values


__all__ = ["EXAMPLE_PREFIX", "MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS", "Dataset", "load_csv"]
