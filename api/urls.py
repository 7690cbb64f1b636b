"""The public read-only API: /api/v1/, its OpenAPI schema and its documentation."""

from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("organisations/", views.OrganisationList.as_view(), name="organisation_list"),
    path("organisations/<slug:slug>/", views.OrganisationDetail.as_view(), name="organisation_detail"),
    path("pillars/", views.PillarList.as_view(), name="pillar_list"),
    path("events/", views.EventList.as_view(), name="event_list"),
    path("events/<slug:slug>/", views.EventDetail.as_view(), name="event_detail"),
    path("initiatives/", views.InitiativeList.as_view(), name="initiative_list"),
    path("initiatives/<slug:slug>/", views.InitiativeDetail.as_view(), name="initiative_detail"),
    path("totals/", views.NetworkTotals.as_view(), name="totals"),
    path("reports/", views.ReportList.as_view(), name="report_list"),
    path("openapi.json", views.Schema.as_view(), name="schema"),
    path("docs/", views.Docs.as_view(), name="docs"),
]
