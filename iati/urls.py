"""The IATI 2.03 files: /iati/activities.xml and /iati/organisation.xml."""

app_name = "iati"

urlpatterns: list = []
