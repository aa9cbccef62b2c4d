"""The mutation suite: copies of the bundled data with one careless edit each; validate and audit must catch them.

The mutations and their classes are in tests/mutations.py (bench/bench_mutations.py prints the same table).
"""

from __future__ import annotations

from mutations import MUTATIONS, caught, run


def test_the_clean_data_gives_no_problem_and_no_finding(tmp_path):
    assert caught(tmp_path / "clean", None) == (False, False)


def test_every_class_of_mutation_is_caught(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    assert len(MUTATIONS) >= 40 and len({m.kind for m in MUTATIONS}) >= 8
    table = run(tmp_path)
    missed = {kind: row["mutations"] - row["either"] for kind, row in table.items() if row["either"] < row["mutations"]}
    assert all(row["either"] * 2 >= row["mutations"] for row in table.values()), missed
    assert sum(row["either"] for row in table.values()) >= 0.9 * len(MUTATIONS), missed
