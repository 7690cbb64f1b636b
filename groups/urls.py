"""The addresses of the technical groups' pages, under /groups/ in each language."""

from django.urls import path
from django.views.decorators.http import require_safe

from core.page_cache import public_page

from . import feeds, views

app_name = "groups"

urlpatterns = [
    path("", views.group_list, name="list"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletters/feed/", require_safe(public_page(feeds.IssueFeed())), name="feed"),
    path("<int:pk>/", views.group_detail, name="detail"),
    path("<int:pk>/newsletters/feed/", require_safe(public_page(feeds.IssueFeed())), name="group_feed"),
    path("<int:group>/newsletters/<int:pk>/", views.issue_detail, name="issue"),
]
