from django.urls import path

from . import views

app_name = "cycles"

urlpatterns = [
    path("", views.cycle_list, name="list"),
    path("due/", views.due, name="due"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/export.<str:fmt>", views.dashboard_export, name="export"),
]
