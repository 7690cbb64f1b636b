"""Vietnamese first, English second: URLs, switcher, catalogues and formats."""

import datetime
import re
import unicodedata
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/members/",
    "/{lang}/events/",
    "/{lang}/events/calendar/",
    "/{lang}/initiatives/",
    "/{lang}/pillars/",
    "/{lang}/reports/",
    "/{lang}/accounts/login/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/password/reset/",
]
VI_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
ALLAUTH_VI_CATALOGUE = (
    Path(settings.BASE_DIR) / "locale" / "vendor" / "allauth" / "vi" / "LC_MESSAGES" / "django.po"
)


def visible_text(html: str, lang: str) -> str:
    """The page's text in its own language: scripts, styles and elements marked as another
    language (the switcher's "English"/"Tiếng Việt") are left out."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(rf'<(\w+)\b[^>]*\slang="(?!{lang}")[^"]*"[^>]*>.*?</\1>', " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("catalogue", [VI_CATALOGUE, ALLAUTH_VI_CATALOGUE], ids=["portal", "allauth"])
def test_vietnamese_catalogue_is_complete(catalogue):
    po = polib.pofile(str(catalogue))
    assert len(po) > 0
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_the_root_redirects_to_vietnamese(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_the_root_follows_an_english_browser(client):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response["Location"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_page_speaks_vietnamese_with_no_english_left(client, page):
    response = client.get(page.format(lang="vi"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    text = visible_text(html, "vi")
    assert "Trang chủ" in text and "Thành viên" in text and "Sự kiện" in text and "Trụ cột" in text
    # Any catalogue string shown in English on a Vietnamese page was left untranslated.
    for catalogue in (VI_CATALOGUE, ALLAUTH_VI_CATALOGUE):
        for entry in polib.pofile(str(catalogue)):
            msgid = entry.msgid
            if len(msgid) > 3 and msgid != entry.msgstr and "%" not in msgid and "{" not in msgid:
                assert f" {msgid} " not in f" {text} ", f"untranslated on {page}: {msgid!r}"


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_page_speaks_english(client, page):
    response = client.get(page.format(lang="en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    # Vietnamese is composed (NFC) everywhere, the switcher's "Tiếng Việt" included.
    assert unicodedata.is_normalized("NFC", html)
    assert ">Tiếng Việt</a>" in html
    text = visible_text(html, "en")
    assert "Home" in text and "Members" in text and "Events" in text and "Pillars" in text
    assert "Trang chủ" not in text


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_page(client):
    page = client.get("/vi/pillars/?page=2").content.decode()
    assert 'href="/i18n/en/?next=%2Fvi%2Fpillars%2F%3Fpage%3D2"' in page
    response = client.get("/i18n/en/", {"next": "/vi/pillars/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/en/pillars/?page=2"
    # The choice is remembered: the bare address opens in English from now on.
    assert client.get("/", headers={"accept-language": "vi"})["Location"] == "/en/"


@pytest.mark.django_db
def test_the_language_switcher_never_sends_visitors_elsewhere(client):
    assert client.get("/i18n/en/", {"next": "https://evil.example/"})["Location"] == "/en/"
    assert client.get("/i18n/xx/", {"next": "/vi/"}).status_code == 404


def test_vietnamese_numbers_and_dates():
    template = Template(
        "{% load humanize %}{{ kg|floatformat:'0g' }} kg · {{ day|date:'SHORT_DATE_FORMAT' }} · {{ share }}"
    )
    context = Context({"kg": 35000, "day": datetime.date(2024, 11, 8), "share": 1.5})
    with translation.override("vi"):
        assert template.render(context) == "35.000 kg · 08/11/2024 · 1,5"
    with translation.override("en"):
        assert template.render(context) == "35,000 kg · 08/11/2024 · 1.5"


def test_time_zone_is_vietnam():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
