"""The drafter measured on made-up saved news pages with hand-made keys (tests/fixtures/drafting/*.html and
*.key.yaml): each page is added to a copy of the project as a user would (add-source), drafted, and every
candidate compared with the key's statement of the same sentence; then every candidate is accepted as drafted
(no edit, no override), as a reviewer pressing "accept" would, and the share the library takes — valid with the
rest of the corpus and without audit findings — is counted. Used by bench_drafting.py.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import yaml

from diplograph.documents import add_source
from diplograph.drafting import draft
from diplograph.errors import DiplographError
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout
from diplograph.review import accept

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "tests" / "fixtures" / "drafting"
FAMILY = {"Prediction": "Assessment", "RedLine": "Principle", "HistoricalAnalogy": "Assessment",
          "LegitimacyClaim": "Claim"}


def measure_pages() -> dict[str, dict]:
    """Per page and overall: sentences found, kind, asserter, mode, date (day and precision), entities P/R, and the
    share of candidates the audit finds nothing in as drafted, and the share accepted as drafted."""
    with tempfile.TemporaryDirectory(prefix="bench-drafting-") as folder:
        root = Path(folder)
        shutil.copytree(HERE.parent / "data", root / "data", ignore=shutil.ignore_patterns("review", ".removed"))
        shutil.copytree(HERE.parent / "ontology", root / "ontology")
        layout = Layout(root / "data", root / "ontology")
        added = {}
        for page in sorted(PAGES.glob("*.html")):
            key = yaml.safe_load(page.with_name(page.stem + ".key.yaml").read_text(encoding="utf-8"))
            name, _ = add_source(layout, page, day=date.fromisoformat(str(key["document_date"])))
            added[page.stem] = (name, key)
        graph = KnowledgeGraph(layout)
        graph.load(validate=False)
        results = {stem: _score(graph, name, key) for stem, (name, key) in added.items()}
    totals = {k: sum(r[k] for r in results.values()) for k in next(iter(results.values()))}
    return {**results, "overall": totals}


def _score(graph: KnowledgeGraph, name: str, key: dict) -> dict:
    author = f"dgr:author-{name}"
    candidates = {c.sentence: c for c in draft(graph, name)}  # written to its review file, audited (vetted)
    score = dict.fromkeys(("statements", "found", "kind", "asserter", "mode", "dated", "date", "proposed",
                           "expected", "true_entities", "candidates", "audit_clean", "accepted"), 0)
    score["candidates"] = len(candidates)
    score["audit_clean"] = sum(not c.findings for c in candidates.values())
    for candidate in candidates.values():
        try:
            accept(graph.layout, name, candidate.id)
            score["accepted"] += 1
        except DiplographError:  # invalid (DataError) or with audit findings: the reviewer must edit it first
            pass
    for statement in key["statements"]:
        score["statements"] += 1
        candidate = candidates.get(statement["sentence"])
        if candidate is None:
            continue
        score["found"] += 1
        score["kind"] += FAMILY.get(candidate.kind, candidate.kind) == statement["family"]
        wanted = statement["asserter"] if isinstance(statement["asserter"], list) else [statement["asserter"]]
        score["asserter"] += (candidate.asserted_by or "") in {author if a == "author" else a for a in wanted}
        score["mode"] += candidate.assertion_mode == statement["mode"]
        if "precision" in statement:
            score["dated"] += 1
            score["date"] += (candidate.stated_on == (str(statement["date"]) if "date" in statement else None)
                              and candidate.date_precision == statement["precision"])
        mentioned, named = {m.entity for m in candidate.mentions}, set(statement["entities"])
        score["proposed"] += len(mentioned)
        score["expected"] += len(named)
        score["true_entities"] += len(mentioned & named)
    return score


def ratios(score: dict) -> dict:
    """The score as the benchmark's shares."""
    def share(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    return {"sentences": share(score["found"], score["statements"]), "kind": share(score["kind"], score["found"]),
            "asserter": share(score["asserter"], score["found"]), "mode": share(score["mode"], score["found"]),
            "date": share(score["date"], score["dated"]),
            "entities P": share(score["true_entities"], score["proposed"]),
            "entities R": share(score["true_entities"], score["expected"]),
            "audit-clean as drafted": share(score["audit_clean"], score["candidates"]),
            "accepted as drafted": share(score["accepted"], score["candidates"])}
