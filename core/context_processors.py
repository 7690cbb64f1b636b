"""Template context shared by every page."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils.translation import gettext_lazy as _

# The site's sections, in the order of the main navigation.
SECTIONS = [
    ("members:list", _("Members")),
    ("events:list", _("Events")),
    ("initiatives:list", _("Initiatives")),
    ("initiatives:pillar_list", _("Pillars")),
    ("initiatives:map", _("Map")),
    ("reports:library", _("Reports")),
]


# Each language named in itself for the switcher. Django's own table spells "Tiếng Việt" with
# combining marks, which breaks matching and copy-paste; these are composed (NFC).
LANGUAGE_SELF_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def navigation(request: HttpRequest) -> dict:
    path = request.path
    items = []
    for url_name, label in SECTIONS:
        url = reverse(url_name)
        items.append({"url": url, "label": label, "current": path.startswith(url)})
    here = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": LANGUAGE_SELF_NAMES.get(code, code),
            "switch_url": f"{reverse('language_switch', args=[code])}?{urlencode({'next': here})}",
            "page_url": request.build_absolute_uri(translate_url(here, code)),
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"nav_items": items, "language_choices": languages}
