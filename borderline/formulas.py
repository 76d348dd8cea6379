"""Computed answers: a small arithmetic language over cells of the datasets, never ``eval``.

A lesson's exercises file writes a computed answer as a formula, so nobody types a figure
that the data already hold::

    answer:
      formula: famine_estimates["ROW_A"].high / famine_estimates["ROW_B"].high

Formulas allow numbers, ``+ - * /``, brackets, ``table["ROW"].column`` (one cell, by the
table's key), ``sum(table["ROW1", "ROW2"].column)`` and, in a slip, ``answer``.

>>> evaluate("2 * (3 + 4)")
14.0
>>> evaluate("answer / 100", answer=74.7)
0.747
"""

from __future__ import annotations

import ast
import operator

from .data import load, schema

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _cells(node: ast.AST) -> list[float]:
    """``table["A", "B"].column`` as a list of numbers."""
    if not (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Subscript)
        and isinstance(node.value.value, ast.Name)
    ):
        raise ValueError('write a cell as table["ROW"].column')
    table, column = node.value.value.id, node.attr
    keys = node.value.slice.elts if isinstance(node.value.slice, ast.Tuple) else [node.value.slice]
    ids = [k.value for k in keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if len(ids) != len(keys):
        raise ValueError('row ids must be quoted, as in table["ROW_ID"]')
    frame = load(table).set_index(schema(table)["schema"]["primaryKey"])
    missing = [i for i in ids if i not in frame.index]
    if missing:
        raise ValueError(f"{table} has no row {', '.join(missing)}")
    if column not in frame.columns:
        raise ValueError(f"{table} has no column '{column}'")
    return [float(frame.at[i, column]) for i in ids]


def _eval(node: ast.AST, answer):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left, answer), _eval(node.right, answer))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, answer)
    if isinstance(node, ast.Name) and node.id == "answer" and answer is not None:
        return float(answer)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1:
        return float(sum(_cells(node.args[0])))
    if isinstance(node, ast.Attribute):
        values = _cells(node)
        if len(values) != 1:
            raise ValueError("several rows give several numbers: wrap them in sum(...)")
        return values[0]
    raise ValueError(f"'{ast.unparse(node)}' is not allowed in a formula")


def evaluate(formula: str, answer: float | None = None) -> float:
    """The value of a formula (see the module docstring); raises ValueError saying what is wrong.

    >>> first = load("famine_estimates").iloc[0]
    >>> bool(evaluate(f'famine_estimates["{first.est_id}"].high') == first.high)
    True
    """
    try:
        tree = ast.parse(str(formula), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"the formula cannot be read ({exc.msg})") from None
    return _eval(tree.body, answer)
