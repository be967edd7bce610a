"""What a reference load added, changed and removed, table by table, readable on the terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: How many keys of each kind of change the text lists before it summarises the rest.
LISTED = 10


@dataclass
class TableChanges:
    """The changes one load made to one table, named by their natural keys."""

    table: str
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    removal: str = "removed"

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        """Return one line such as ``organisation: 1 added, 2 changed, 1 marked inactive``."""
        parts = [
            f"{len(items)} {label}"
            for items, label in (
                (self.added, "added"),
                (self.changed, "changed"),
                (self.removed, self.removal),
            )
            if items
        ]
        return f"{self.table}: {', '.join(parts)}"

    def lines(self) -> list[str]:
        """Return the summary and, below it, the keys of the rows concerned."""
        details = [
            *(f"added {self.table} {key}" for key in self.added),
            *(f"changed {self.table} {key}: {', '.join(fields)}" for key, fields in self.changed),
            *(f"{self.removal} {self.table} {key}" for key in self.removed),
        ]
        shown = [f"  {line}" for line in details[:LISTED]]
        if len(details) > LISTED:
            shown.append(f"  … and {len(details) - LISTED} more")
        return [self.summary(), *shown]


@dataclass
class LoadReport:
    """Every table's changes from one ``load_reference`` run."""

    directory: Path
    tables: list[TableChanges] = field(default_factory=list)
    seconds: float = 0.0

    def __bool__(self) -> bool:
        return any(self.tables)

    def table(self, name: str) -> TableChanges:
        """Return the changes to table ``name`` (empty if the load did not touch it)."""
        return next((t for t in self.tables if t.table == name), TableChanges(name))

    def __str__(self) -> str:
        if not self:
            return f"Reference data from {self.directory}: no changes."
        lines = [f"Reference data from {self.directory}:"]
        for changes in self.tables:
            if changes:
                lines += changes.lines()
        return "\n".join(lines)
