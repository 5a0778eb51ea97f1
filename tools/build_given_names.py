"""Rebuild ``src/storyline/analyze/data/given_names.tsv`` from the nomquamgender name data.

Source: nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk; PyPI), whose ``name_data.json`` maps a
lower-cased given name to ``[number of sources, number of people, share of them female, ...]``,
pooled from name–gender data sets of many countries. We keep the names seen in at least
``MIN_SOURCES`` sources and for at least ``MIN_COUNT`` people: common given names of many cultures,
not rare strings that are also words ("coast", "navy"). Nothing from any evaluation set is used.

    pip download --no-deps nomquamgender==0.1.4 -d /tmp/nqg
    python tools/build_given_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

MIN_SOURCES = 10
MIN_COUNT = 3000
OUT = Path(__file__).resolve().parent.parent / "src" / "storyline" / "analyze" / "data" / "given_names.tsv"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("nomquamgender/name_data.json"))
    rows = []
    for name, v in data.items():
        if not name.isalpha() or not name.isascii() or len(name) < 2:
            continue
        if v[0] >= MIN_SOURCES and v[1] >= MIN_COUNT:
            rows.append(f"{name}\t{v[2]:.2f}")
    rows.sort()
    header = ("# given name<TAB>share of people with that name who are female (0-1); from "
              "nomquamgender 0.1.4 (MIT), >= %d sources, >= %d people; see tools/build_given_names.py\n"
              % (MIN_SOURCES, MIN_COUNT))
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
