"""CoNLL coreference scores (MUC, B³, CEAF-e and their average, "CoNLL F1").

The formulas come from ``scorch`` (an MIT-licensed re-implementation of the CoNLL-2012 reference
scorer, Pradhan et al. 2014); this module only adapts our clusterings (any hashable mention ids) to
it and returns plain numbers in percent.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from types import ModuleType

from storyline.errors import StorylineError


def require_scorch() -> ModuleType:
    """The scorch scores module, or a one-line error saying how to install it."""
    try:
        from scorch import scores
    except ImportError:
        raise StorylineError("the CoNLL coreference scorer needs the 'scorch' package "
                             "(pip install 'scorch>=0.2')") from None
    return scores


def clusters_from_labels(labels: Mapping[Hashable, Hashable]) -> list[set[Hashable]]:
    """mention → cluster label, as a list of clusters (sets of mentions), in a stable order."""
    out: dict[Hashable, set[Hashable]] = {}
    for mention, label in labels.items():
        out.setdefault(label, set()).add(mention)
    return [out[k] for k in sorted(out, key=str)]


def conll_scores(key: Iterable[set[Hashable]], response: Iterable[set[Hashable]]) -> dict[str, float]:
    """Recall/precision/F1 (percent) of MUC, B³ and CEAF-e, and ``conll`` = mean of the three F1.

    Both clusterings are over the same mentions in our use (gold mentions); mentions present in
    one side only count as singletons on the other, as in scorch.
    """
    scorch = require_scorch()
    k = [set(c) for c in key if c]
    r = [set(c) for c in response if c]
    out: dict[str, float] = {}
    for name, fn in (("muc", scorch.muc), ("b3", scorch.b_cubed), ("ceafe", scorch.ceaf_e)):
        rec, prec, f1 = fn(k, r)
        out[f"{name}_r"], out[f"{name}_p"] = 100 * float(rec), 100 * float(prec)
        out[f"{name}_f"] = 100 * float(f1)
    out["conll"] = (out["muc_f"] + out["b3_f"] + out["ceafe_f"]) / 3
    return out
