"""Training data from CSV files: what loads, and every bad file with its exact message."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nablab.errors import DataError
from nablab.network import bind, example, load_csv, load_data, train
from nablab.network import data as data_module


def write(tmp_path: Path, text: str, name: str = "data.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_csv_loads_with_spaces_blank_lines_and_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffx_1, x2 ,y\n1, 2, 3\n\n-0.5,1e-3 , 4\n")
    data = load_csv(path)
    assert data.columns == ("x_1", "x2", "y")
    assert data.values.tolist() == [[1.0, 2.0, 3.0], [-0.5, 0.001, 4.0]]
    assert data.source == path
    model = bind("w1*x1 + w2*x2", data.columns, "y")
    assert model.input_names == ("x1", "x2") and model.inputs[0][1] == "x_1"


BAD_FILES = [
    ("", "the data file '{file}' is empty (it needs a header row of column names, then rows "
         "of numbers)"),
    ("\n\n  \n", "the data file '{file}' is empty (it needs a header row of column names, "
                 "then rows of numbers)"),
    ("x1,x2,y\n", "the data file '{file}' has a header but no rows of numbers"),
    ("x1,x2,y\n1,2,3\n4,5\n", "row 2 (line 3 of '{file}') has 2 cells, but the header has 3"),
    ("x1,x2,y\n1,2,3\n4,5,6,7\n", "row 2 (line 3 of '{file}') has 4 cells, but the header has 3"),
    ("x1,x2,y\n1,2,3\n\n4,abc,6\n",
     "row 2 (line 4 of '{file}'), column 'x2': 'abc' is not a finite number"),
    ("x1,x2,y\n1,nan,3\n", "row 1 (line 2 of '{file}'), column 'x2': 'nan' is not a finite number"),
    ("x1,x2,y\n1,2,inf\n", "row 1 (line 2 of '{file}'), column 'y': 'inf' is not a finite number"),
    ("x1,x2,y\n1, ,3\n", "row 1 (line 2 of '{file}'), column 'x2' is empty"),
    ("x1,x1,y\n1,2,3\n", "the column 'x1' appears twice in '{file}'"),
    ("x1,,y\n1,2,3\n", "column 2 of the header of '{file}' has no name"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_bad_csv_names_row_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        load_csv(path)
    assert info.value.message("en") == message.format(file=path)
    assert info.value.message("ko")


def test_missing_target_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "x1,x2,label\n1,2,0\n")
    with pytest.raises(DataError) as info:
        train("w1*x1 + w2*x2", path, target="y")
    assert info.value.message("en") == \
        "there is no column 'y' in the data (columns: x1, x2, label)"
    missing = str(tmp_path / "nowhere.csv")
    with pytest.raises(DataError) as info:
        load_csv(missing)
    assert info.value.kind == "data_unreadable" and missing in info.value.message("en")


def test_size_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "x1,y\n" + "1,2\n" * 50)
    monkeypatch.setattr(data_module, "MAX_BYTES", 100)
    with pytest.raises(DataError) as info:
        load_csv(path)
    assert info.value.kind == "data_too_large"
    monkeypatch.setattr(data_module, "MAX_BYTES", 10_000)
    monkeypatch.setattr(data_module, "MAX_ROWS", 10)
    with pytest.raises(DataError) as info:
        load_csv(path)
    assert info.value.message("en") == f"'{path}' has more than 10 rows"


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"x1,y\n\xff\xfe\x00\x01\n")
    with pytest.raises(DataError) as info:
        load_csv(str(path))
    assert info.value.kind == "data_not_text"


def test_bce_needs_probabilities_as_targets(tmp_path: Path) -> None:
    path = write(tmp_path, "x,y\n0,0\n1,1\n2,3\n")
    with pytest.raises(DataError) as info:
        train("sigmoid(w*x + b)", path)
    assert info.value.message("en") == ("row 3, column 'y': binary cross-entropy needs "
                                        "targets between 0 and 1, got 3")


def test_examples_are_deterministic_and_named() -> None:
    for name in ("linear", "logistic", "xor"):
        first, second = example(name), load_data(f"example:{name}")
        assert first.columns == ("x1", "x2", "y")
        np.testing.assert_array_equal(first.values, second.values)
    logistic = example("logistic").values
    assert logistic.shape == (200, 3) and set(np.unique(logistic[:, 2])) == {0.0, 1.0}
    with pytest.raises(DataError) as info:
        load_data("example:spiral")
    assert info.value.message("en") == \
        "unknown example data set 'spiral' (known: linear, logistic, xor, circles, sine)"
