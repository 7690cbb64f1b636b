"""URL configuration: public pages under a language prefix (/vi/, /en/); the health check and
the language switch outside it."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

# Coordinators sign in through allauth, so the admin gets its rate limits and verification.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "NPAP Việt Nam"
admin.site.site_title = "NPAP Việt Nam"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Machine-readable data: one address for every language, bilingual fields in each answer.
    path("api/v1/", include("api.urls")),
    path("iati/", include("iati.urls")),
    path("i18n/<str:code>/", views.language_switch, name="language_switch"),
    # For crawlers: one address each, listing the pages of both languages.
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("events/", include("events.urls")),
    path("", include("initiatives.urls")),
    path("cycles/", include("cycles.urls")),
    path("reports/", include("reports.urls")),
    path("groups/", include("groups.urls")),
    path("hub/", include("hub.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    # Local runs serve public uploads (logos, photos) themselves; in production the proxy does.
    from django.urls import re_path

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", views.media, name="media")]
