"""The IATI 2.03 codes the export writes, and how the portal's own choices map onto them.

The codelists are IATI's (https://iatistandard.org/en/iati-standard/203/codelists/); the
schema does not check codes, so each mapping below is the whole of what the export can write.
``docs/iati.md`` explains the choices.
"""

from initiatives.models import Initiative, InitiativePartner, Measure, Result
from members.models import Organisation

VERSION = "2.03"

# OrganisationRole. The portal's "partner" takes part in the work: IATI's implementing role.
# The portal has no extending organisation (3).
ORGANISATION_ROLE = {
    InitiativePartner.Role.FUNDER: "1",
    InitiativePartner.Role.ACCOUNTABLE: "2",
    InitiativePartner.Role.IMPLEMENTING: "4",
    InitiativePartner.Role.PARTNER: "4",
}
ACCOUNTABLE = ORGANISATION_ROLE[InitiativePartner.Role.ACCOUNTABLE]

# OrganisationType, where a kind says enough. Members are in Vietnam, the country the
# activities take place in: IATI's "partner country based NGO" (24) is its NGOs and community
# groups. "International organisation / INGO" mixes INGOs (21) and multilaterals (40), and an
# alliance gathers organisations of every type: for those the type is left out.
ORGANISATION_TYPE = {
    Organisation.Kind.GOVERNMENT: "10",
    Organisation.Kind.RESEARCH: "80",
    Organisation.Kind.NGO: "24",
    Organisation.Kind.BUSINESS: "70",
    Organisation.Kind.ACADEMIC: "80",
    Organisation.Kind.FOUNDATION: "60",
    Organisation.Kind.COMMUNITY: "24",
    Organisation.Kind.OTHER: "90",
}

# ActivityStatus: 1 pipeline/identification, 2 implementation, 4 closed, 5 cancelled. A
# completed initiative is closed (4): the portal records no financial sign-off to wait for (3).
ACTIVITY_STATUS = {
    Initiative.Status.PLANNED: "1",
    Initiative.Status.ONGOING: "2",
    Initiative.Status.COMPLETED: "4",
    Initiative.Status.CANCELLED: "5",
}

# ActivityDateType.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# DescriptionType.
GENERAL, OBJECTIVES = "1", "2"

# ActivityScope: one first-level administrative area (a province), or several.
SCOPE_ONE_PROVINCE, SCOPE_PROVINCES = "6", "5"

COUNTRY = "VN"
# A province as a location: where the activity is carried out (GeographicLocationReach 1), an
# administrative region (GeographicLocationClass 1), a first-order administrative division
# (LocationType ADM1, GeoNames' feature code).
LOCATION_REACH_ACTIVITY = "1"
LOCATION_CLASS_ADMINISTRATIVE = "1"
FEATURE_FIRST_ORDER_DIVISION = "ADM1"

# SectorVocabulary: OECD DAC CRS 5-digit purpose codes, and the reporting organisation's own
# (the pillars). A pillar without a DAC code of its own counts as waste management/disposal:
# every initiative of the network is about plastic waste.
SECTOR_DAC = "1"
SECTOR_REPORTING_ORGANISATION = "99"
DEFAULT_DAC_SECTOR = "14050"

# RelatedActivityType.
RELATED_PARENT, RELATED_CHILD = "1", "2"

# DocumentCategory: an activity's web page; an organisation's annual report and web page.
ACTIVITY_WEB_PAGE = "A12"
ANNUAL_REPORT = "B01"
ORGANISATION_WEB_PAGE = "B16"

RESULT_TYPE = {Result.Type.OUTPUT: "1", Result.Type.OUTCOME: "2", Result.Type.IMPACT: "3"}

# IndicatorMeasure: unit, percentage, qualitative.
INDICATOR_MEASURE = {Measure.QUANTITATIVE: "1", Measure.PERCENTAGE: "2", Measure.QUALITATIVE: "5"}

# IndicatorVocabulary: the reporting organisation's own, the network indicators' catalogue.
INDICATOR_REPORTING_ORGANISATION = "99"

# FileFormat: IANA media types.
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}
HTML = "text/html"
