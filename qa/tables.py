"""A table row read against its table's header: which figure belongs to which period.

"Total net sales $ 391,035 $ 383,285 $ 394,328" says nothing about fiscal 2024 without the header row
"2024 2023 2022" above it. When the header's last row has one column per figure of the row, the answer can
say it in words: "Total net sales: 2024 $ 391,035; 2023 $ 383,285; 2022 $ 394,328 (in millions)". Every word
of that sentence is taken from the two quotes it cites (the row and the header); nothing else is composed.
"""
from __future__ import annotations

import re

from index.lexical import terms
from index.lexicon import AMOUNT_SCALE, YEAR_IN_TEXT

CELL = "\t"
_CURRENCY = frozenset(("$", "€", "£", "¥", "US$", "EUR"))
_UNIT = re.compile(r"\b(?:in|dollars in|amounts in|\$ in|expressed in)\s+(?:u\.s\.\s+dollars\s+)?"
                   rf"{AMOUNT_SCALE}\b[^)\n\t]*", re.I)
_PERIOD = re.compile(r"\b(?:ended|ending|months|weeks|quarters?|years?)\b", re.I)
_NOTES_COLUMN = re.compile(r"(?:^|\t)notes?(?:\t|$)", re.I | re.M)
CURRENCY_SIGN = re.compile(r"[$€£¥]")
# a figure: "391,035", "(1,045)", "2 %", "$0.73", "—", and "$(188,316)", a loss after its dollar sign (Apple's 10-K
# of 1994)
_FIGURE = re.compile(r"^[$€£¥]?\(?[$€£¥]?\s*[\d.,]+\s*\)?\s*%?$|^[—–-]+$")


def _values(cells: list[str]) -> list[str]:
    """The row's figures, a currency sign joined to the figure after it ("$", "391,035" -> "$ 391,035")."""
    values: list[str] = []
    pending = ""
    for cell in cells:
        if cell in _CURRENCY:
            pending = f"{cell} "
        elif cell in (")", "%", ")%") and values:
            values[-1] += cell
        else:
            values.append(pending + cell)
            pending = ""
    return values


def cells_of(row: str) -> list[str]:
    """The row's cells. A row whose label stands on lines of its own above its figures (a PDF's layout,
    qa.quotes) has a cell on each of those lines, but for a line that goes on with the line above ("... of non-cash"
    over "capital expenditures")."""
    return [c.strip() for c in re.split(r"[\t\n]", re.sub(r"\n(?=[ \t]*[a-z])", " ", row)) if c.strip()]


def first_figure(row: str, header: str = "", column: int = 0) -> float | None:
    """The row's first figure (or that of its figures' `column`) as a number ("(1,045)" is -1045, "—" is 0), None
    when it has none there after its label. Under a header with a column of notes (Loncor's 2015 statement of
    financial position: "Notes", "December 31,"), a first figure of one or two digits is the note the row refers to,
    not its amount."""
    values = [v.replace("$ ", "$") for v in _values(_after_label(row)) if _FIGURE.match(v.replace("$ ", "$"))]
    if len(values) > 1 and _NOTES_COLUMN.search(header) and re.fullmatch(r"\d{1,2}", values[0]):
        values.pop(0)
    figure = values[column] if column < len(values) else ""
    if not figure:
        return None
    digits = re.sub(r"[^\d.]", "", figure)
    if not digits.strip("."):
        return 0.0 if re.fullmatch(r"[—–-]+", figure) else None
    value = float(digits) if digits.count(".") <= 1 else None
    return -value if value is not None and figure.lstrip("$€£¥").startswith("(") else value


# labels of a table's aggregate rows, which are no row among the others ("Total United States", "All other U.S.
# locations")
AGGREGATE_LABEL = re.compile(r"^(?:total|all other|other)\b", re.I)


def row_label(row: str) -> str:
    """What a table row is about: its first cell ("Total revenue" of "Total revenue\t17,606\t15,785"); "" for a row
    of figures alone (a year is a label: selected data's rows by year)."""
    label = next(iter(cells_of(row)), "")
    # (a currency sign in a cell of its own is a figure's, not a label: PepsiCo's 2022 10-K totals its provision for
    # income taxes in "$<tab>1,727<tab>$<tab>2,142" under its current and deferred parts)
    return "" if (_FIGURE.match(label.replace("$ ", "$")) and not YEAR_IN_TEXT.fullmatch(label)
                  or CURRENCY_SIGN.fullmatch(label)) else label


def _after_label(row: str) -> list[str]:
    """The row's cells after its label: all of them for a row of figures alone."""
    cells = cells_of(row)
    return cells[1:] if row_label(row) else cells


def year_cell(row: str) -> str:
    """The year of a row's second cell, where a table gives each label's years on rows of their own and the label's
    first row holds its first year ("Grooming<tab>2025<tab>1,505 ..."); "" otherwise."""
    cells = [cell.strip() for cell in row.split(CELL)]
    return cells[1] if len(cells) > 2 and YEAR_IN_TEXT.fullmatch(cells[1]) else ""


def caption_of(header: str) -> str:
    """The last caption line above a table's header rows, without its closing mark: what a row of figures alone
    under that header is of (a vote's proposal over "For Against Abstain" in 1-800-FLOWERS.COM's 8-K of December
    2023); "" when none."""
    captions = [line for line in header.split("\n") if line.strip() and CELL not in line]
    return captions[-1].strip().rstrip(".:;") if captions else ""


# words a statement adds to its line items ("Total liabilities", "Net sales", "Other income") or an analyst adds to
# what they ask ("R&D expense" of a row "Research and development"): a label that lacks them is the same line item
GENERIC_LABEL = frozenset(terms("total net other expense expenses"))


def label_terms(row: str) -> list[str]:
    """The search terms of a table row's label, its figures aside."""
    return [t for t in terms(row_label(row)) if not t[0].isdigit()]


def rows_of_cells(header: str) -> list[str]:
    """The header's lines that are rows of cells, not its caption lines."""
    return [line for line in header.split("\n") if CELL in line]


def label_column_head(header: str) -> str:
    """The first cell of the header's last row of cells, which heads the column of labels ("Millions", "Average
    revenue per car"); "" when none."""
    rows = rows_of_cells(header)
    return rows[-1].split(CELL)[0].strip().lower() if rows else ""


def read_row(header: str, row: str) -> str:
    """The row as "label: period figure; ..." when the header names one column for each of its figures; "" when
    it does not (then the row and the header are only quoted)."""
    label = row_label(row)
    if not label and not caption_of(header) or not (columns := column_figures(header, row)):
        return ""
    unit = _UNIT.search(header)
    read = "; ".join(f"{column} {figure}" for column, figure in columns)
    return f"{label or caption_of(header)}: {read}" + (f" ({unit.group(0).strip()})" if unit else "")


def column_figures(header: str, row: str, spanning: bool = True) -> list[tuple[str, str]]:
    """Each figure of the row with the name of its column, when the header names one column for each; none when it
    does not. The header's last row names the columns; with `spanning`, a row above it whose cells each span the
    same number of them ("Three Months Ended", "Nine Months Ended" over four dates) is read into each column's
    name."""
    if len(cells_of(row)) < 2:
        return []
    figures = _values(_after_label(row))
    while figures and not _FIGURE.match(figures[0].replace("$ ", "$")):
        figures.pop(0)  # a column of text beside the label's (a product's indication)
    if not figures or not all(_FIGURE.match(f.replace("$ ", "$")) for f in figures):
        return []
    rows = [[" ".join(c.split()) for c in line.split(CELL) if c.strip()] for line in rows_of_cells(header)]
    if not rows:
        return []
    columns = rows[-1]
    # the header row's first cell labels the label column ("(Dollars in millions)", "Years ended December 31"):
    # it is no column of figures when one is left over, or when it alone names no period among periods
    stub = not YEAR_IN_TEXT.search(columns[0]) and (
        len(columns) == len(figures) + 1 or len(columns) > 1 and all(YEAR_IN_TEXT.search(c) for c in columns[1:]))
    if stub:
        period, columns = columns[0], columns[1:]
        # "Three Months Ended December 31," over the years: the period each year's column closes
        if _PERIOD.search(period):
            columns = [f"{period} {column}" if YEAR_IN_TEXT.fullmatch(column) else column for column in columns]
    if len(columns) != len(figures):
        return []
    for above in reversed(rows[:-1] if spanning else []):
        if len(columns) % len(above):
            break
        width = len(columns) // len(above)
        columns = [f"{above[i // width]} {column}" for i, column in enumerate(columns)]
    if len(set(columns)) != len(columns):
        return []
    return list(zip(columns, figures))
