"""Initiatives and their results framework, by job: the shared catalogue (``catalogue``), the
initiatives with their partners, documents and photos (``initiatives``), the results framework
they set out (``results``), what members report against it (``updates``) and the network's
figures kept from the approved updates (``figures``).

The results framework follows the IATI results standard as Akvo RSR implements it:
an initiative has results (output, outcome, impact), each result has indicators, each indicator
has reporting periods, and each period receives updates that coordinators approve. A period's
actual is never typed in: it is computed from its approved updates (see ``initiatives.rollups``).
"""

from .catalogue import NON_NEGATIVE, Dimension, DimensionValue, Measure, NetworkIndicator
from .figures import YearFigure
from .initiatives import (
    RESERVED_SLUGS,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    InitiativePhoto,
    InitiativeQuerySet,
    document_upload_to,
)
from .results import Indicator, Period, PeriodTarget, Result
from .updates import (
    IndicatorUpdate,
    UpdateCorrection,
    UpdateDisaggregation,
    UpdateEvidence,
    evidence_upload_to,
)

__all__ = [
    "NON_NEGATIVE",
    "RESERVED_SLUGS",
    "Dimension",
    "DimensionValue",
    "Indicator",
    "IndicatorUpdate",
    "Initiative",
    "InitiativeDocument",
    "InitiativePartner",
    "InitiativePhoto",
    "InitiativeQuerySet",
    "Measure",
    "NetworkIndicator",
    "Period",
    "PeriodTarget",
    "Result",
    "UpdateCorrection",
    "UpdateDisaggregation",
    "UpdateEvidence",
    "YearFigure",
    "document_upload_to",
    "evidence_upload_to",
]
