"""Evaluation on annotated datasets (loaders + scorers), and the shared report shape.

Each task module (``time``, ``quotes``, ``entities``) exposes::

    evaluate(path: Path, *, split: str = "test", limit: int | None = None) -> EvalReport

where ``path`` is either the shared datasets folder (``../shared/datasets``) or the task's own dataset
folder; it raises :class:`storyline.errors.DatasetError` with a one-line message when the layout is
not what it expects. The CLI prints the report as a table (``storyline eval time PATH``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class EvalReport:
    """A table of scores: one row per system (or per metric), plus notes saying what was measured."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # machine-readable extras (per-doc scores...)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.rows,
                "notes": self.notes, "details": self.details}

    def to_markdown(self) -> str:
        def fmt(v: Any) -> str:
            return f"{v:.2f}" if isinstance(v, float) else str(v)

        lines = [f"| {' | '.join(self.columns)} |", f"|{'---|' * len(self.columns)}"]
        lines += [f"| {' | '.join(fmt(v) for v in row)} |" for row in self.rows]
        return "\n".join(lines + [""] + [f"- {n}" for n in self.notes])
