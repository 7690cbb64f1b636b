"""Addresses of the initiatives, results and pillar pages, and of member reporting."""

from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("initiatives/", views.initiative_list, name="list"),
    path("initiatives/results/", views.network_results, name="results"),
    path("initiatives/report/", views.report_index, name="report_index"),
    path("initiatives/report/approvals/", views.approval_queue, name="approval_queue"),
    path("initiatives/report/approvals/review/", views.approval_review, name="approval_review"),
    path("initiatives/report/<slug:slug>/", views.report_initiative, name="report_initiative"),
    path(
        "initiatives/report/<slug:slug>/periods/<int:period_id>/new/",
        views.report_update_create,
        name="report_update_create",
    ),
    path(
        "initiatives/report/<slug:slug>/updates/<int:update_id>/edit/",
        views.report_update_edit,
        name="report_update_edit",
    ),
    path("initiatives/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("initiatives/documents/<int:pk>/", views.document_download, name="document_download"),
    path("initiatives/<slug:slug>/", views.initiative_detail, name="detail"),
    path("pillars/", views.pillar_list, name="pillar_list"),
    path("map/", views.province_map, name="map"),
    path("pillars/<slug:code>/", views.pillar_detail, name="pillar_detail"),
]
