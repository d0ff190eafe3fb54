"""Every table of every command lines up by display width in Korean (Hangul takes two cells).

Each table-printing command runs through the real entry point (:func:`nablab.cli.main`); its
tables are found in the printed text by their header cells (noted as the terminal asks each
table for its lines), and every cell of every row must start where a header cell starts
(left-aligned) or end where one ends (right-aligned).
"""

from __future__ import annotations

import io
import re

import pytest

from nablab.cli import main
from nablab.i18n.width import cell_width, pad
from nablab.present import Table

COMMANDS = {
    "tangent": ["tangent", "x^2", "--at", "1"],
    "graph": ["graph", "sigmoid(w*x + b)", "--at", "w=2,x=1,b=-1"],
    "train": ["train", "--data", "example:linear", "--epochs", "30"],
    "race": ["race", "x^2 + 3y^2", "--start", "3,4"],
    "descend": ["descend", "x^2 + 3y^2", "--start", "3,4"],
    "sweep": ["sweep", "x^2 + 3y^2", "--starts", "-1:1,-1:1:3", "--lr", "0.01:0.5:4",
              "--steps", "50"],
    "critical": ["critical", "x^3 - 3x + y^2"],
    "lagrange": ["lagrange", "x*y", "-c", "x^2 + y^2 = 1", "--no-check"],
    "limit": ["limit", "x^2", "--at", "1"],
}
#: How many tables each command prints (so a table the finder misses fails the test).
TABLES = {"tangent": 1, "graph": 2, "train": 1, "race": 1, "descend": 1, "sweep": 1,
          "critical": 1, "lagrange": 1, "limit": 1}
_CELL = re.compile(r"\S+(?: \S+)*")


def cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line (words joined by single spaces), as (start, end, text) in cells."""
    return [(cell_width(line[:m.start()]), cell_width(line[:m.end()]), m.group())
            for m in _CELL.finditer(line)]


def tables(text: str, headers: list[tuple[str, ...]]) -> list[list[str]]:
    """Each table in the text: its header line (found by its cells) and the rows under it,
    up to a blank line or a line of one cell (omission rows ``⋮`` skipped)."""
    lines = text.splitlines()
    found = []
    for header in headers:
        words = [h for h in header if h]
        (at,) = [i for i, line in enumerate(lines) if [c for _, _, c in cells(line)] == words]
        table = [lines[at]]
        for line in lines[at + 1:]:
            if "⋮" in line:
                continue
            if len(cells(line)) < 2:
                break
            table.append(line)
        found.append(table)
    return found


def misaligned(table: list[str]) -> list[str]:
    """The rows whose cells neither start nor end where a header cell does."""
    header = cells(table[0])
    starts, ends = {s for s, _, _ in header}, {e for _, e, _ in header}
    starts.add(min(cells(row)[0][0] for row in table))  # under an empty header cell
    last_end = header[-1][1]
    wrong = []
    for row in table[1:]:
        row_cells = cells(row)
        for i, (start, end, text) in enumerate(row_cells):
            trailing = i == len(row_cells) - 1 and start >= last_end  # words after the row
            if start not in starts and end not in ends and not trailing:
                wrong.append(f"{row!r}: {text!r} at {start}–{end}")
    return wrong


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_tables_line_up_in_korean(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    headers: list[tuple[str, ...]] = []
    lines = Table.lines

    def noted(table: Table) -> list[str]:  # the terminal asks each table for its lines
        headers.append(table.header)
        return lines(table)

    monkeypatch.setattr(Table, "lines", noted)
    out, err = io.StringIO(), io.StringIO()
    assert main([*COMMANDS[name], "--lang", "ko"], stdout=out, stderr=err) == 0, err.getvalue()
    assert len(headers) == TABLES[name]
    found = tables(out.getvalue(), headers)
    assert all(len(table) >= 3 for table in found), found
    assert any(re.search("[가-힣]", line) for table in found for line in table)
    for table in found:
        assert not misaligned(table), "\n".join(table)


def test_the_check_sees_a_table_padded_by_characters() -> None:
    """Padding by ``len`` (the old mistake) puts the column after a Korean cell out of line."""
    rows = [("옵티마이저", "상태", "반복"), ("gd", "수렴", "91"), ("adam", "최대 반복", "1000")]
    by_chars = ["  ".join(f"{c:<9}" for c in row).rstrip() for row in rows]
    by_cells = ["  ".join(pad(c, 10) for c in row).rstrip() for row in rows]
    assert misaligned(by_chars)
    assert not misaligned(by_cells)
