"""Size and render time of a generated 300-article story's HTML dossier (docs/benchmarks.md).

    PYTHONPATH=src:tests python tools/dossier_size.py OUT.html [N_ARTICLES] [N_OUTLETS]
"""

from __future__ import annotations

import sys
import time

from render.synthetic import synthetic_dossier  # tests/render/synthetic.py (invented text)
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown


def main(out: str, n_articles: int = 300, n_outlets: int = 50) -> None:
    d = synthetic_dossier(n_articles, n_outlets)
    start = time.perf_counter()
    page = render_html(d)
    took = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"html {len(page.encode()) / 1e6:.2f} MB rendered in {took:.1f} s; "
          f"markdown {len(render_markdown(d).encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv[1], *(int(x) for x in sys.argv[2:4]))
