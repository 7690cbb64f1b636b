from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.library, name="library"),
    path("runs/", views.run_list, name="run_list"),
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/status/", views.run_status, name="run_status"),
    path("runs/<int:pk>/retry/", views.run_retry, name="run_retry"),
    path("files/<int:pk>/", views.file_download, name="file_download"),
    path("files/<int:pk>/publish/", views.file_publish, name="file_publish"),
    path("<slug:slug>/", views.published_detail, name="published_detail"),
    path("<slug:slug>/download/", views.published_download, name="published_download"),
]
