"""Reads of pillars, initiatives and their results, by job: the pillars' pages (``pillars``);
the public initiatives list, its facets and an initiative's page (``public``); results and the
network's totals (``results``); member reporting and the approval queue (``reporting``); the
reads of a reporting period the reports build on (``periods``, ``values``); private files
(``files``). ``approved`` reads approved updates the way the roll-ups add them up.

Public reads only ever see published initiatives (and published organisations and pillars);
every page's query count is fixed. Other apps import from here.
"""

from .approved import Disaggregation, dimension_values, disaggregations
from .files import evidence_get_downloadable, initiative_document_get_private
from .periods import (
    PeriodTotal,
    initiative_counts_by_pillar,
    initiative_period_rows,
    initiatives_active,
    initiatives_most_reported,
    network_period_totals,
)
from .pillars import (
    pillar_get_public,
    pillar_initiatives,
    pillar_list_public,
    pillar_list_with_groups,
    pillar_organisations,
)
from .public import (
    initiative_counts_by_province,
    initiative_facets,
    initiative_filter_choices,
    initiative_get_public,
    initiative_list,
    initiative_public_queryset,
    initiative_years,
    organisation_initiatives,
)
from .reporting import (
    approval_queue,
    initiative_get_reportable,
    initiative_reporting_view,
    initiatives_reportable_by,
    period_get_reportable,
    reporting_organisation,
    sex_values,
    update_get_editable,
)
from .results import NetworkTotal, initiative_results, network_totals
from .values import IndicatorValueRow, indicator_value_rows

__all__ = [
    "Disaggregation",
    "IndicatorValueRow",
    "NetworkTotal",
    "PeriodTotal",
    "approval_queue",
    "dimension_values",
    "disaggregations",
    "evidence_get_downloadable",
    "indicator_value_rows",
    "initiative_counts_by_pillar",
    "initiative_document_get_private",
    "initiative_counts_by_province",
    "initiative_facets",
    "initiative_filter_choices",
    "initiative_get_public",
    "initiative_get_reportable",
    "initiative_list",
    "initiative_period_rows",
    "initiative_public_queryset",
    "initiative_years",
    "initiative_reporting_view",
    "initiative_results",
    "initiatives_active",
    "initiatives_most_reported",
    "initiatives_reportable_by",
    "network_period_totals",
    "network_totals",
    "organisation_initiatives",
    "period_get_reportable",
    "pillar_get_public",
    "pillar_initiatives",
    "pillar_list_public",
    "pillar_list_with_groups",
    "pillar_organisations",
    "reporting_organisation",
    "sex_values",
    "update_get_editable",
]
