"""A dataset an instructor has opened and saved in a spreadsheet.

Harmless changes (a byte-order mark, Windows line endings, trailing blank lines) are accepted.
Harmful ones (semicolons, Latin-1, a date as 24/09/1982, "1,000" in a number, a duplicated key,
an emptied file) each give one message naming the file, row and column and saying what to do,
and a notebook shows that message, not a traceback.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

import borderline
from borderline import data

TABLES = ["repatriations", "events"]  # one saved with \n line endings, one with \r\n


def _rows(folder, name):
    return list(csv.reader(io.StringIO((folder / f"{name}.csv").read_text(encoding="utf-8"), newline="")))


def _write(folder, name, rows, encoding="utf-8", **fmt):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, **fmt).writerows(rows)
    (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode(encoding))


def _set(folder, name, row, column, value, **write):
    rows = _rows(folder, name)
    rows[row - 1][rows[0].index(column)] = value
    _write(folder, name, rows, **write)


def _error(folder, name) -> data.DataError:
    with pytest.raises(data.DataError) as info:
        data.load(name, folder)
    return info.value


def _same_as_shipped(folder, name):
    pd.testing.assert_frame_equal(data.load(name, folder), data.load(name))


# --- saved harmlessly: accepted ------------------------------------------------------------


@pytest.mark.parametrize("name", TABLES)
def test_a_byte_order_mark_is_accepted(datasets_copy, name):
    path = datasets_copy / f"{name}.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _same_as_shipped(datasets_copy, name)


@pytest.mark.parametrize("name", TABLES)
def test_windows_line_endings_are_accepted(datasets_copy, name):
    _write(datasets_copy, name, _rows(datasets_copy, name), lineterminator="\r\n")
    assert b"\r\n" in (datasets_copy / f"{name}.csv").read_bytes()
    _same_as_shipped(datasets_copy, name)


@pytest.mark.parametrize("name", TABLES)
@pytest.mark.parametrize("tail", ["\n", "\r\n\r\n", "\n \n", ",,,,,\n"])
def test_trailing_blank_lines_are_accepted(datasets_copy, name, tail):
    path = datasets_copy / f"{name}.csv"
    path.write_bytes(path.read_bytes() + tail.encode())
    _same_as_shipped(datasets_copy, name)


def test_all_three_at_once_are_accepted(datasets_copy):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(_rows(datasets_copy, "repatriations"))
    (datasets_copy / "repatriations.csv").write_bytes(("\ufeff" + buffer.getvalue() + "\r\n").encode("utf-8"))
    _same_as_shipped(datasets_copy, "repatriations")


# --- saved harmfully: one message naming file, row, column and what to do -------------------


def _says(err: data.DataError, pattern: str):
    assert err.row is not None and err.column is not None, str(err)
    assert "Fix:" in str(err) and err.fix, str(err)
    assert re.search(pattern, str(err)), str(err)
    assert "Traceback" not in str(err)


def test_semicolons_between_columns_are_explained(datasets_copy):
    _write(datasets_copy, "repatriations", _rows(datasets_copy, "repatriations"), delimiter=";")
    _says(
        _error(datasets_copy, "repatriations"),
        r"(^|/)datasets/repatriations\.csv, row 1, column 'rep_id': the columns are separated by semicolons \(;\), "
        r"not commas\. Fix: save it again with commas .*CSV UTF-8 \(Comma delimited\)",
    )


def test_tabs_between_columns_are_explained(datasets_copy):
    _write(datasets_copy, "repatriations", _rows(datasets_copy, "repatriations"), delimiter="\t")
    _says(_error(datasets_copy, "repatriations"), r"row 1, column 'rep_id': the columns are separated by tabs")


def test_a_file_saved_in_latin1_is_explained_where(datasets_copy):
    rows = _rows(datasets_copy, "events")
    korean = rows[0].index("title_ko")
    for row in rows[1:]:  # Latin-1 cannot hold the Korean titles: say the instructor's copy has none
        row[korean] = ""
    rows[6][rows[0].index("title")] = "Protocole signé à Dandong"
    _write(datasets_copy, "events", rows, encoding="latin-1")
    _says(
        _error(datasets_copy, "events"),
        r"(^|/)datasets/events\.csv, row 7, column 'title': the file is not saved as UTF-8 text "
        r"\('Protocole signé à Dandong' looks like Latin-1 or Windows-1252\)\. Fix: save it again as UTF-8",
    )


def test_a_day_first_date_is_explained_with_its_iso_form(datasets_copy):
    _set(datasets_copy, "events", 7, "date", "24/09/1982")
    err = _error(datasets_copy, "events")
    _says(
        err,
        r"(^|/)datasets/events\.csv, row 7, column 'date': '24/09/1982' is not a date in the form YYYY-MM-DD "
        r"\(1982-09-24\)\. Fix: Spreadsheets often change .*set the column's format to text, or type 1982-09-24\.$",
    )


@pytest.mark.parametrize(
    "value,shown",
    [
        ("03/04/1986", r"\(1986-04-03 if the day comes first, 1986-03-04 if the month does\)"),
        ("1986-08-12 00:00:00", r"\(1986-08-12\)"),
        ("1986/8/12", r"\(1986-08-12\)"),
        ("12.08.86", r"with the year in full"),
    ],
)
def test_other_spreadsheet_dates_are_explained(datasets_copy, value, shown):
    _set(datasets_copy, "repatriations", 4, "date", value)
    _says(_error(datasets_copy, "repatriations"), rf"row 4, column 'date': '{re.escape(value)}' .*{shown}")


def test_a_thousands_separator_in_a_number_is_explained(datasets_copy):
    _set(datasets_copy, "famine_estimates", 3, "low", "1,000")  # the writer quotes it, as a spreadsheet does
    _says(
        _error(datasets_copy, "famine_estimates"),
        r"(^|/)datasets/famine_estimates\.csv, row 3, column 'low': '1,000' has a comma in it\. "
        r"Fix: write 1000: digits only, no thousands separators\. .*then type 1000\.$",
    )


def test_a_decimal_comma_is_explained(datasets_copy):
    _set(datasets_copy, "famine_comparison", 3, "pct_low", "3,5")
    _says(_error(datasets_copy, "famine_comparison"), r"row 3, column 'pct_low': '3,5' has a decimal comma.*write 3\.5")


def test_scientific_notation_in_a_number_is_explained(datasets_copy):
    _set(datasets_copy, "famine_estimates", 3, "high", "3.5E+06")
    _says(_error(datasets_copy, "famine_estimates"), r"row 3, column 'high': '3\.5E\+06' .*scientific.*write 3500000")


def test_an_unquoted_thousands_separator_is_explained(datasets_copy):
    path = datasets_copy / "repatriations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = re.sub(r",(\d)(\d{3}),", r",\1,\2,", lines[3], count=1)
    assert lines[3] != path.read_text(encoding="utf-8").splitlines()[3], "no number of four digits in row 4"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _error(datasets_copy, "repatriations")
    assert err.row == 4 and "1000, not 1,000" in str(err) and "double quotes" in str(err)


def test_a_duplicated_key_names_both_rows(datasets_copy):
    rows = _rows(datasets_copy, "repatriations")
    rows.insert(9, list(rows[3]))  # a copied row pasted lower down: row 10 repeats row 4
    _write(datasets_copy, "repatriations", rows)
    _says(
        _error(datasets_copy, "repatriations"),
        rf"(^|/)datasets/repatriations\.csv, row 10, column 'rep_id': '{rows[3][0]}' is used twice \(rows 4 and 10\); "
        r"each row needs its own rep_id\. Fix: give row 10 a new, unused rep_id, or delete it if it is a copy of row 4\.",
    )


@pytest.mark.parametrize("content", [b"", b"\r\n", b"\xef\xbb\xbf", b",,,,,,\r\n,,,,,,\r\n", b"   \n\n"])
def test_an_emptied_file_is_explained(datasets_copy, content):
    (datasets_copy / "repatriations.csv").write_bytes(content)
    _says(
        _error(datasets_copy, "repatriations"),
        r"(^|/)datasets/repatriations\.csv, row 1, column 'rep_id': the file is empty: it has no header and no rows\. "
        r"Fix: restore it from git .*the first line must name the columns rep_id,",
    )


def test_a_file_left_with_only_its_header_is_explained(datasets_copy):
    _write(datasets_copy, "repatriations", _rows(datasets_copy, "repatriations")[:1])
    _says(_error(datasets_copy, "repatriations"), r"row 2, column 'rep_id': the file has its header but no rows")


def test_make_check_reports_a_spreadsheet_quirk(datasets_copy, monkeypatch, capsys):
    from borderline.__main__ import main

    _set(datasets_copy, "events", 7, "date", "24/09/1982")
    monkeypatch.setenv("BORDERLINE_DATA", str(datasets_copy))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "FIX   datasets/events.csv, row 7, column 'date': '24/09/1982' is not a date" in out


def test_a_notebook_shows_the_message_not_a_traceback(datasets_copy, monkeypatch):
    shown, registered = [], []

    class Shell:
        def set_custom_exc(self, kinds, handler):
            registered.append((kinds, handler))

    monkeypatch.setattr("IPython.get_ipython", lambda: Shell())
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    borderline._install_error_display()
    kinds, handler = registered[0]
    assert issubclass(data.DataError, kinds)

    _set(datasets_copy, "events", 7, "date", "24/09/1982")
    err = _error(datasets_copy, "events")
    assert handler(None, type(err), err, None) is None
    page = shown[0].data
    assert "row 7, column &#x27;date&#x27;: &#x27;24/09/1982&#x27; is not a date" in page
    assert "Traceback" not in page and 'role="alert"' in page
