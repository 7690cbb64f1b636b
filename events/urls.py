from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.SectionView.as_view(template_name="events/section.html"), name="list"),
]
