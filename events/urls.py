"""The addresses of the public events pages, under /events/ in each language."""

from django.urls import path

from . import views

app_name = "events"

# The fixed words (calendar, feed) are matched before event slugs, so the calendar and the feeds
# keep working whatever slugs coordinators choose; "calendar" and "feed" are not event slugs.
urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar/", views.event_calendar, name="calendar"),
    path("calendar/<int:year>/<int:month>/", views.event_calendar, name="calendar_month"),
    path("feed.ics", views.event_feed, name="feed"),
    path("feed/<slug:code>.ics", views.pillar_feed, name="pillar_feed"),
    path("<slug:slug>.ics", views.event_ical, name="ical"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
    path("<slug:slug>/", views.event_detail, name="detail"),
]
