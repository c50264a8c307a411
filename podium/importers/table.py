"""A spreadsheet's cells: the rows of an XLSX or CSV file, and where each mapped column is.

XLSX is read with openpyxl, formulas by the values the spreadsheet program saved
with them; CSV with Python's csv module, its dialect sniffed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .imported import SourceError
from .mapping import Mapping


class Table:
    """The rows, and where each mapped column is (by header text, letter or number)."""

    def __init__(self, name: str, rows: list[list], mapping: Mapping) -> None:
        self.name = name
        self.rows = rows
        header_index = (mapping.header_row or mapping.header_rows) - 1
        self.headers = rows[header_index] if 0 <= header_index < len(rows) else []

    def column(self, ref) -> int:
        """The 0-based index of a column reference."""
        text = str(ref).strip()
        for index, header in enumerate(self.headers):
            if header is not None and as_text(header).casefold() == text.casefold():
                return index
        if re.fullmatch(r"[A-Za-z]{1,3}", text):
            index = 0
            for letter in text.upper():
                index = index * 26 + ord(letter) - 64
            return index - 1
        if re.fullmatch(r"[1-9][0-9]*", text):
            return int(text) - 1
        known = ", ".join(str(h) for h in self.headers if h not in (None, ""))
        raise SourceError(f"{self.name}: no column {text!r} (the header row names: {known})")

    def place(self, row: int, column: int) -> str:
        return f"{self.name} row {row + 1}, column {_letters(column)}"


class Formula(str):
    """A formula cell that the spreadsheet program never calculated: no value to read."""


def xlsx_rows(path: Path, raw: bytes, mapping: Mapping) -> list[list]:
    import warnings

    import openpyxl

    # openpyxl warns of the features it drops (data validation, extensions) as it reads.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # Not read-only: in that mode a sheet may claim all 1,048,576 rows as its size.
            values = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
            name = mapping.sheet or values.sheetnames[0]
            if name not in values.sheetnames:
                raise SourceError(f"{path.name}: no sheet {name!r} (it has: {', '.join(values.sheetnames)})")
            cached_rows = list(values[name].iter_rows(values_only=True))
            written_rows = list(formulas[name].iter_rows(values_only=True))
        except SourceError:
            raise
        except Exception as error:  # noqa: BLE001 (openpyxl raises many kinds for a broken file)
            raise SourceError(f"{path.name}: not a readable XLSX file: {error}") from None
    # A formula's cell holds the value the spreadsheet program saved with it; a file
    # written by a program that calculates nothing has none.
    return [
        [
            Formula(w) if c is None and isinstance(w, str) and w.startswith("=") else c
            for c, w in zip(cached, written, strict=False)
        ]
        for cached, written in zip(cached_rows, written_rows, strict=False)
    ]


def csv_rows(path: Path, raw: bytes) -> list[list]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path.name}: byte {error.start}: not UTF-8 text (save the CSV as UTF-8)") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def refs(table: Table, ref) -> list[int]:
    return [table.column(r) for r in (ref if isinstance(ref, list) else [ref])]


def as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
