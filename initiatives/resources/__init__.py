"""Initiatives and their results as import sheets (``core.imports``): initiatives with their
partners, provinces, pillars and programme; results, indicators and periods with their targets,
each placed by the initiative's slug; and approved figures of the past with their split by sex.

A row names what it belongs to as a coordinator reads it: an initiative by its slug (or exactly
its Vietnamese title), a result and an indicator by their Vietnamese titles within it, an
organisation by its name, acronym or another name the directory knows it by (``members.matching``).
A row updates the stored row with the same place and name, and is new otherwise.

An approved figure is never changed by an import: a row identical to one stored is unchanged, a
row that differs is refused and points to the recorded correction.
"""

from .initiatives import InitiativeResource
from .results import IndicatorResource, PeriodResource, ResultResource
from .updates import IndicatorUpdateResource

__all__ = [
    "IndicatorResource",
    "IndicatorUpdateResource",
    "InitiativeResource",
    "PeriodResource",
    "ResultResource",
]
