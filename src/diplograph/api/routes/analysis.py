"""The networkx analyses over HTTP: /analysis lists them, /analysis/{name} runs one with its options."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from ...analysis.registry import ANALYSES
from ...errors import DiplographError, UnknownEntityError, unknown
from ..deps import ServiceDep
from ..pages import analysis_page, catalogue_page, prefers_html
from ..problems import NotAcceptable
from ..schemas import AnalysesPublic, AnalysisPublic, AnalysisResultPublic, OptionPublic

router = APIRouter(prefix="/analysis", tags=["analysis"])


@router.get("", response_model=AnalysesPublic, summary="The analyses and their options",
            responses={200: {"content": {"text/html": {}}}})
def read_analyses(request: Request, format: Annotated[str | None, Query(pattern="^(json|html)$")] = None
                  ) -> Response | AnalysesPublic:
    if prefers_html(request, format):
        items = [{"path": f"/analysis/{a.name}", "title": a.title, "description": a.description}
                 for a in ANALYSES.values()]
        return catalogue_page("Analyses", "networkx over the graph's projections. Derived results name the rule that "
                              "produced them; every link comes with the quotes behind it.", items,
                              "/analysis?format=json")
    data = [AnalysisPublic(name=a.name, title=a.title, description=a.description, rules=a.rules,
                           options=[OptionPublic(name=o.name, type=o.type.__name__, default=o.default,
                                                 description=o.description, choices=list(o.choices))
                                    for o in a.options]) for a in ANALYSES.values()]
    return AnalysesPublic(data=data, count=len(data))


@router.get("/{name}", response_model=AnalysisResultPublic, summary="Run an analysis",
            responses={200: {"content": {"text/html": {}}}, 404: {"description": "No such analysis or entity"},
                       400: {"description": "Bad option"}})
async def read_analysis(name: str, request: Request, service: ServiceDep,
                        format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> AnalysisResultPublic:
    """Options are URL parameters (``/analysis/paths?source=Poland&target=Moscow``). Derived results name the
    rule that produced them; quotes come with every link."""
    if name not in ANALYSES:
        raise unknown("analysis", name, ANALYSES, "analyses")
    options = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
    format = request.query_params.get("format")
    if format not in (None, "json", "html"):
        raise NotAcceptable(f"format {format!r} is not available here", ["json", "html"])
    if prefers_html(request, format):
        names = await service.labels()
        analysis, described = ANALYSES[name], service.operation(name)
        missing = [o.name for o in analysis.options if o.required and o.name not in options]
        if missing and not request.query_params:  # it needs an entity first: show the form
            return analysis_page(analysis, described, request, None, names, ask=True)
        if missing:
            return analysis_page(analysis, described, request, None, names, status=400,
                                 error=f"{name} needs {' and '.join(missing)}")
        try:
            result = await service.analysis(name, options)
        except DiplographError as error:
            status = 404 if isinstance(error, UnknownEntityError) else 400
            return analysis_page(analysis, described, request, None, names, error=str(error), status=status)
        return analysis_page(analysis, described, request, result, names)
    result = await service.analysis(name, options)
    return AnalysisResultPublic(analysis=name, options=options, rules=ANALYSES[name].rules, result=result)
