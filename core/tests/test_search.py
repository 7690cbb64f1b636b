"""Accent-insensitive search: visitors type without tone marks and still find Vietnamese names."""

import unicodedata

import pytest

from core.search import accent_insensitive_search, fold, search_terms
from vocabulary.models import Pillar


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("nhựa", "nhua"),
        ("Đà Nẵng", "da nang"),
        ("Ban Bảo vệ Môi trường", "ban bao ve moi truong"),
        ("Rác thải nhựa giá trị thấp", "rac thai nhua gia tri thap"),
        ("Hoàn Kiếm", "hoan kiem"),
        ("Nam Từ Liêm", "nam tu liem"),
        ("Quỹ Vì Tầm Vóc Việt", "quy vi tam voc viet"),
        ("ĐHQG TP.HCM", "dhqg tp.hcm"),
    ],
)
def test_fold_removes_vietnamese_diacritics_and_case(text, folded):
    assert fold(text) == folded


def test_fold_treats_decomposed_input_like_composed():
    # Text pasted from some editors arrives decomposed (base letter + combining marks).
    assert fold("nh\u01b0\u0323a") == "nhua"
    assert fold("Nhu\u031b\u0323a") == "nhua"


def test_search_terms_are_bounded_and_folded():
    assert search_terms("  Đà   NẴNG ") == ["da", "nang"]
    assert len(search_terms("a " * 500)) == 8
    assert search_terms(None) == []


def _pillar(code, name_vi, name_en=""):
    return Pillar.objects.create(code=code, name_vi=name_vi, name_en=name_en)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nhua", {"plastic"}),
        ("NHỰA", {"plastic"}),
        ("da nang", {"danang"}),
        ("bao ve moi truong", {"environment"}),
        ("dong", {"danang"}),
        ("moi truong nhua", set()),
        ("", {"plastic", "danang", "environment"}),
    ],
)
def test_search_finds_vietnamese_names_without_diacritics(query, expected):
    _pillar("plastic", "Giảm thiểu rác thải nhựa")
    _pillar("danang", "Cộng đồng Đà Nẵng")
    _pillar("environment", "Ban Bảo vệ Môi trường")
    found = accent_insensitive_search(Pillar.objects.all(), query, ["name_vi", "name_en"])
    assert {pillar.code for pillar in found} == expected


@pytest.mark.django_db
def test_search_matches_any_of_the_fields_and_every_word():
    _pillar("gender", "Bình đẳng giới và phát triển bao trùm", "Gender equality and inclusive development")
    _pillar("finance", "Tài chính", "Finance")
    fields = ["name_vi", "name_en"]
    assert [p.code for p in accent_insensitive_search(Pillar.objects.all(), "gender bao trum", fields)] == [
        "gender"
    ]
    assert [p.code for p in accent_insensitive_search(Pillar.objects.all(), "tai chinh", fields)] == [
        "finance"
    ]


@pytest.mark.django_db
def test_search_treats_like_wildcards_as_plain_text():
    _pillar("percent", "Giảm 20% rác thải")
    _pillar("other", "Tái chế")
    found = accent_insensitive_search(Pillar.objects.all(), "%", ["name_vi"])
    assert [p.code for p in found] == ["percent"]
    assert list(accent_insensitive_search(Pillar.objects.all(), "_", ["name_vi"])) == []


VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


@pytest.mark.django_db
def test_the_database_folds_every_vietnamese_letter_as_python_does():
    from django.db import connection

    letters = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper()
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_fold(%s)", [letters])
        (folded,) = cursor.fetchone()
        # Text pasted decomposed (base letter + combining marks) folds the same way.
        cursor.execute("SELECT portal_fold(%s)", [unicodedata.normalize("NFD", letters)])
        (decomposed,) = cursor.fetchone()
    assert folded == decomposed == fold(letters)
    assert set(folded) <= set("abcdefghijklmnopqrstuvwxyz")
