"""The IATI 2.03 files: /iati/activities.xml and /iati/organisation.xml."""

from django.urls import path

from . import views

app_name = "iati"

urlpatterns = [
    path("activities.xml", views.activities, name="activities"),
    path("organisation.xml", views.organisation, name="organisation"),
]
