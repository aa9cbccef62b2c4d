"""The mutation suite as a table: per class of careless edit, how many mutations `validate` and `audit` catch.

Run:  .venv/bin/python bench/bench_mutations.py

The mutations are tests/mutations.py (each applied to a fresh copy of data/ and ontology/, one process, serially);
the clean copy must give no problem and no finding. Writes bench/results/mutations.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from common import HERE, RESULTS, markdown

sys.path.insert(0, str(HERE.parent / "tests"))
from mutations import MUTATIONS, caught, run  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-mutations-") as folder:
        clean = caught(Path(folder) / "clean", None)
        table = run(Path(folder))
    rows = [[kind, row["mutations"], row["validate"], row["audit"], row["either"]] for kind, row in table.items()]
    total = [sum(r[i] for r in rows) for i in range(1, 5)]
    rows.append(["all", *total])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "mutations.json").write_text(json.dumps({"clean": clean, "classes": table}, indent=2))
    print(f"clean data: validation problems {clean[0]}, audit findings {clean[1]}; {len(MUTATIONS)} mutations")
    print(markdown(["class", "mutations", "caught by validate", "caught by audit", "caught"], rows))


if __name__ == "__main__":
    main()
