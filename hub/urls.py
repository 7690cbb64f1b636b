from django.urls import path

from . import views

app_name = "hub"

urlpatterns = [
    path("", views.resource_list, name="list"),
    path("feed.rss", views.resource_feed_rss, name="feed_rss"),
    path("feed.atom", views.resource_feed_atom, name="feed_atom"),
    path("propose/<slug:organisation>/", views.proposal_create, name="propose"),
    path("mine/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
    path("<slug:slug>/download/", views.resource_download, name="download"),
]
