"""The networkx analyses over HTTP: /analysis lists them, /analysis/{name} runs one with its options."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from ...analysis.registry import ANALYSES
from ...errors import UnknownEntityError
from ..deps import ServiceDep

router = APIRouter(prefix="/analysis", tags=["analysis"])


class OptionPublic(BaseModel):
    name: str
    type: str
    default: str | int | bool | None
    description: str
    choices: list[str]


class AnalysisPublic(BaseModel):
    name: str
    title: str
    description: str
    options: list[OptionPublic]
    rules: dict[str, str]


class AnalysesPublic(BaseModel):
    data: list[AnalysisPublic]
    count: int


class AnalysisResultPublic(BaseModel):
    analysis: str
    options: dict[str, str]
    rules: dict[str, str]
    result: Any


@router.get("", response_model=AnalysesPublic, summary="The analyses and their options")
def read_analyses() -> AnalysesPublic:
    data = [AnalysisPublic(name=a.name, title=a.title, description=a.description, rules=a.rules,
                           options=[OptionPublic(name=o.name, type=o.type.__name__, default=o.default,
                                                 description=o.description, choices=list(o.choices))
                                    for o in a.options]) for a in ANALYSES.values()]
    return AnalysesPublic(data=data, count=len(data))


@router.get("/{name}", response_model=AnalysisResultPublic, summary="Run an analysis",
            responses={404: {"description": "No such analysis or entity"}, 400: {"description": "Bad option"}})
async def read_analysis(name: str, request: Request, service: ServiceDep) -> AnalysisResultPublic:
    """Options are URL parameters (``/analysis/paths?source=Poland&target=Moscow``). Derived results name the
    rule that produced them; quotes come with every link."""
    if name not in ANALYSES:
        raise UnknownEntityError(f"no analysis named {name!r}; known: {', '.join(ANALYSES)}")
    options = dict(request.query_params)
    result = (await service.task("analysis", name=name, options=options)).value
    return AnalysisResultPublic(analysis=name, options=options, rules=ANALYSES[name].rules, result=result)
