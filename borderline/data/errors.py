"""The errors the curriculum explains to a person instead of showing a traceback.

>>> err = DataError("datasets/x.csv", "this cell is empty.", "fill it in.", row=3, column="low")
>>> str(err)
"datasets/x.csv, row 3, column 'low': this cell is empty. Fix: fill it in."
>>> isinstance(err, BorderlineError) and isinstance(err, ValueError)
True
"""

from __future__ import annotations


class BorderlineError(Exception):
    """Base class for errors that the curriculum explains to a person.

    >>> issubclass(DataError, BorderlineError)
    True
    """


class DataError(BorderlineError, ValueError):
    """A dataset cell, row or file that does not match the description.

    Attributes name where to look, so an instructor can fix the CSV.

    >>> DataError("datasets/x.csv", "the file is missing.").file
    'datasets/x.csv'
    """

    def __init__(self, file, problem, fix="", row=None, column=None):
        self.file, self.row, self.column = str(file), row, column
        self.problem, self.fix = problem, fix
        where = self.file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        message = f"{where}: {problem}"
        if fix:
            message += f" Fix: {fix}"
        super().__init__(message)
