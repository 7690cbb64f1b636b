from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("export.<str:fmt>", views.organisation_export, name="export"),
    path("mine/", views.my_organisations, name="mine"),
    path("mine/settings/", views.account_settings, name="account_settings"),
    path("reminders/off/<str:token>/", views.reminders_off, name="reminders_off"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/join/", views.editor_request_create, name="join"),
]
