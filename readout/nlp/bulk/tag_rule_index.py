"""Where the attribute ruler's rules other than the tag map apply: token index -> rule ids.

Those rules are word exceptions ("gonna", "y'all") and rules on dependencies: a few hundred,
each matching a handful of tokens in an article. Testing each rule against the whole doc costs
a numpy call per rule and test, which for short docs (a headline, a theme phrase) outweighs the
work itself. So each rule is filed under an *anchor*: one of its tests that lists the values a
token must have ("LOWER" in {"gon"}). A dict lookup per token and anchor attribute finds the
tokens whose value some rule names; only those tokens, and the rules filed under their value,
are then checked in full. A rule with no such test (only "NOT_IN" or "REGEX") is checked
where its first token's tests hold, computed on whole columns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy

# Anchor attributes, the most selective first: few tokens share a word, many share a tag,
# and most tokens are not spaces (a rule may test IS_SPACE == False).
ANCHOR_ORDER = ("LOWER", "ORTH", "DEP", "POS", "TAG", "IS_SPACE")

Test = dict[int, tuple[str, object]]  # column -> ("IN"|"NOT_IN", hashes) or ("REGEX", re)


@dataclass(frozen=True)
class TableRule:
    """Single-token rules testing ``columns`` for equality: {value hashes -> rule ids}."""

    columns: tuple[int, ...]
    table: dict[tuple[int, ...], list[int]]


@dataclass(frozen=True)
class SequenceRule:
    rule: int
    tests: tuple[Test, ...]  # one per token
    target: int  # the token the attributes go to, from the start (index resolved)
    anchor: int  # the token whose test files the rule


@dataclass
class RuleIndex:
    string_of: Callable[[int], str]  # the vocab's strings, for regular expressions
    anchors: dict[int, dict[int, list]] = field(default_factory=dict)  # column -> value -> rules
    unanchored: list[SequenceRule] = field(default_factory=list)
    _regex: dict[tuple[str, int], bool] = field(default_factory=dict)

    def add_table(self, names: tuple[str, ...], table: dict, column: dict[str, int]) -> None:
        anchor = min(range(len(names)), key=lambda k: ANCHOR_ORDER.index(names[k]))
        entry = TableRule(tuple(column[n] for n in names), table)
        for value in {row[anchor] for row in table}:
            self._file(column[names[anchor]], value, entry)

    def add_sequence(self, rule: int, tests: list[dict], index: int, column: dict[str, int]):
        """``tests``: per token, {attribute name: (operator, hashed operand)}."""
        target = index if index >= 0 else len(tests) + index
        ranked = [(ANCHOR_ORDER.index(name), j, name) for j, test in enumerate(tests)
                  for name, (op, _) in test.items() if op == "IN"]  # fmt: skip
        by_column = tuple({column[n]: t for n, t in test.items()} for test in tests)
        if not ranked:
            self.unanchored.append(SequenceRule(rule, by_column, target, 0))
            return
        _, j, name = min(ranked)  # the most selective "IN" test
        entry = SequenceRule(rule, by_column, target, j)
        for value in tests[j][name][1]:
            self._file(column[name], value, entry)

    def _file(self, column: int, value: int, entry) -> None:
        self.anchors.setdefault(column, defaultdict(list))[value].append(entry)

    def find(self, values: numpy.ndarray) -> dict[int, list[int]]:
        """Token index -> ids of the rules that apply to it (order not meaningful)."""
        found: dict[int, list[int]] = defaultdict(list)
        rows = values.tolist()
        anchors = list(self.anchors.items())
        for i, row in enumerate(rows):  # dict lookups: numpy.isin costs more on short docs
            for column, by_value in anchors:
                for entry in by_value.get(row[column], ()):
                    self._apply(entry, rows, i - getattr(entry, "anchor", 0), found)
        for entry in self.unanchored:
            for start in numpy.flatnonzero(self._mask(values, entry.tests[0])).tolist():
                self._apply(entry, rows, start, found)
        return found

    def _mask(self, values: numpy.ndarray, test: Test) -> numpy.ndarray:
        """The tokens that pass one token test, computed on whole columns."""
        mask = numpy.ones(len(values), dtype=bool)
        for column, (op, operand) in test.items():
            if op == "REGEX":
                unique = numpy.unique(values[:, column]).tolist()
                operand = [v for v in unique if self._search(operand, v)]
            inside = numpy.isin(values[:, column], numpy.array(list(operand), dtype=values.dtype))
            mask &= ~inside if op == "NOT_IN" else inside
        return mask

    def _apply(self, entry, rows: list[list[int]], start: int, found) -> None:
        if isinstance(entry, TableRule):
            rules = entry.table.get(tuple(rows[start][c] for c in entry.columns))
            if rules:
                found[start] += rules
            return
        if start < 0 or start + len(entry.tests) > len(rows):
            return
        if all(self._passes(rows[start + j], t) for j, t in enumerate(entry.tests)):
            found[start + entry.target].append(entry.rule)

    def _passes(self, row: list[int], test: Test) -> bool:
        for column, (op, operand) in test.items():
            value = row[column]
            if op == "IN" and value not in operand or op == "NOT_IN" and value in operand:
                return False
            if op == "REGEX" and not self._search(operand, value):
                return False
        return True

    def _search(self, pattern: re.Pattern, value: int) -> bool:
        """As the Matcher: ``re.search`` on the attribute's string (memoised per value)."""
        key = (pattern.pattern, value)
        if key not in self._regex:
            self._regex[key] = bool(pattern.search(self.string_of(value)))
        return self._regex[key]
