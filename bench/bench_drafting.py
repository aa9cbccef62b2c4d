"""Benchmark: drafted candidates against the bundled article's hand-made facts, taken as the key.

Run:  .venv/bin/python bench/bench_drafting.py

For every statement of the article whose quote is a whole sentence of the text (the sentences a drafter can find;
quotes of a few words inside a sentence are left out of the key), the drafts are proposed over the whole text
(`propose(..., uncited_only=False)`) and compared:

* sentence recall: the share of the key's sentences for which a candidate was drafted;
* kind agreement: of those, the share whose proposed kind matches the statement's class family
  (Demand; Position; Assessment, Prediction, HistoricalAnalogy as Assessment; Claim and its other subclasses as Claim);
* asserter agreement: the share whose proposed asserter is one of the statement's (prov:wasAttributedTo);
* entity precision and recall: the candidate's mentioned entities against the entities the statement names
  (its dgr: objects other than itself and its documents); a mention of an earlier drafted statement ("the demand")
  counts as the recorded statement that quotes the same sentence (its drafted twin: the key names the recorded one).

Also the time to draft, as the median of five runs, over the same graph. Two drafters in the same run: each
sentence read alone (the baseline), and read through its list's lead and headings when its own words carry no
cue. Writes bench/results/drafting.json.
"""

from __future__ import annotations

import json
import statistics
import time

from common import RESULTS, markdown
from drafting_pages import measure_pages, ratios

from diplograph.drafting import propose
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DG, DGR, OA, PROV, RDF

DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
FAMILY = {"Demand": "Demand", "Position": "Position", "Principle": "Principle", "RedLine": "Principle",
          "Assessment": "Assessment", "Prediction": "Assessment",
          "HistoricalAnalogy": "Assessment"}


def key(graph: KnowledgeGraph, text: str) -> dict[str, list[dict]]:
    """Whole-sentence quote → the statements it supports (class family, asserters, entities named)."""
    sentences = {line.strip().lstrip("•").strip() for line in text.splitlines()}
    found: dict[str, list[dict]] = {}
    data = graph.dataset
    for statement in graph.instances(DG.Statement):
        classes = {str(t).rsplit("#", 1)[-1] for t in data.objects(statement, RDF.type)}
        family = next((FAMILY[c] for c in classes if c in FAMILY), "Claim")
        named = {data.namespace_manager.normalizeUri(o) for p, o in data.predicate_objects(statement)
                 if str(o).startswith(str(DGR)) and o != statement and p != PROV.wasAttributedTo}
        for evidence in data.objects(statement, DG.evidence):
            for selector in data.objects(evidence, OA.hasSelector):
                quote = str(data.value(selector, OA.exact))
                if quote in sentences and len(quote.split()) >= 4:
                    found.setdefault(quote, []).append({
                        "statement": str(statement), "family": family, "named": named,
                        "asserters": {data.namespace_manager.normalizeUri(a)
                                      for a in data.objects(statement, PROV.wasAttributedTo)}})
    return found


def drafted_as_recorded(graph: KnowledgeGraph, candidates) -> dict[str, set[str]]:
    """A drafted statement's IRI (``dgr:<kind>-<id>``, which a later candidate may refer to) → the recorded
    statements quoting its sentence: the benchmark drafts sentences already encoded, so "the demand" found by the
    drafter is the drafted twin of the key's recorded demand, and counts as it."""
    data = graph.dataset
    quoted = [(data.namespace_manager.normalizeUri(s), str(data.value(selector, OA.exact)))
              for s in graph.instances(DG.Statement) for evidence in data.objects(s, DG.evidence)
              for selector in data.objects(evidence, OA.hasSelector)]
    return {f"dgr:{c.kind.lower()}-{c.id}": {s for s, exact in quoted if exact in c.sentence or c.sentence in exact}
            for c in candidates}


def measure(graph: KnowledgeGraph, truth: dict[str, list[dict]], *, read_context: bool,
            counts: dict | None = None) -> dict:
    """The drafter's agreement with the key (``counts``, if given, receives the raw numbers the shares are of)."""
    counts = {} if counts is None else counts
    times = []
    for _ in range(5):
        began = time.perf_counter()
        candidates = propose(graph, DOCUMENT, uncited_only=False, read_context=read_context)
        times.append(time.perf_counter() - began)
    by_sentence = {c.sentence: c for c in candidates}
    found = [q for q in truth if q in by_sentence]
    kind = sum(any(s["family"] == FAMILY.get(by_sentence[q].kind, by_sentence[q].kind) for s in truth[q])
               for q in found)
    asserter = sum(any(by_sentence[q].asserted_by in s["asserters"] for s in truth[q]) for q in found)
    true_positive = proposed = expected = 0
    twins = drafted_as_recorded(graph, candidates)
    for quote in found:
        named = set().union(*(s["named"] for s in truth[quote]))
        mentioned = {next(iter(twins.get(m.entity, set()) & named), m.entity) for m in by_sentence[quote].mentions}
        true_positive += len(mentioned & named)
        proposed += len(mentioned)
        expected += len(named)
    counts.update(found=len(found), kind=kind, asserter=asserter, true_entities=true_positive, proposed=proposed,
                  expected=expected)
    return {"candidates": len(candidates), "sentence_recall": len(found) / len(truth),
            "kind_agreement": kind / len(found), "asserter_agreement": asserter / len(found),
            "entity_precision": true_positive / proposed if proposed else 0.0,
            "entity_recall": true_positive / expected if expected else 0.0,
            "draft_seconds_median": statistics.median(times)}


def main() -> None:
    graph = KnowledgeGraph.open()
    text = graph.source_texts()[DOCUMENT].read_text(encoding="utf-8")
    truth = key(graph, text)
    article: dict = {}
    report = {"document": DOCUMENT, "key_sentences": len(truth),
              "sentence_alone": measure(graph, truth, read_context=False),
              "with_lead_and_headings": measure(graph, truth, read_context=True, counts=article)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "drafting.json").write_text(json.dumps(report, indent=2))
    names = list(report["sentence_alone"])
    print(markdown(["drafter", *names], [[variant, *(report[variant][n] for n in names)]
                                         for variant in ("sentence_alone", "with_lead_and_headings")]))
    scores = measure_pages()
    pages = {page: ratios(score) for page, score in scores.items()}
    report["made_up_pages"] = pages
    report["made_up_counts"] = scores["overall"]  # what the overall shares are of (candidates, accepted …)
    report["article_and_pages"] = pooled(article, scores["overall"])
    (RESULTS / "drafting.json").write_text(json.dumps(report, indent=2))
    columns = list(next(iter(pages.values())))
    print()
    print(markdown(["page", *columns], [[page, *(values[c] for c in columns)] for page, values in pages.items()]))
    print()
    print(markdown(list(report["article_and_pages"]), [list(report["article_and_pages"].values())]))


def pooled(article: dict, pages: dict) -> dict:
    """The issue's overall figures: the article's key sentences and the pages' statements counted together."""
    def share(name: str, of: str) -> float:
        return round((article[name] + pages[name]) / (article[of] + pages[of]), 3)

    return {"sentences": article["found"] + pages["found"], "kind": share("kind", "found"),
            "asserter": share("asserter", "found"), "entities P": share("true_entities", "proposed"),
            "entities R": share("true_entities", "expected")}


if __name__ == "__main__":
    main()
