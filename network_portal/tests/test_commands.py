"""The set-up commands `make run` relies on: reference data, demo data and the coordinator login."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from vocabulary.models import Pillar


@pytest.mark.django_db
def test_setup_reference_loads_the_pillars_of_the_plan_once():
    call_command("setup_reference", stdout=StringIO())
    call_command("setup_reference", stdout=StringIO())
    assert Pillar.objects.count() == 6
    gender = Pillar.objects.get(code="gender-inclusion")
    assert gender.name_vi == "Bình đẳng giới và phát triển bao trùm"
    assert gender.name_en == "Gender equality and inclusive development"


@pytest.mark.django_db
def test_setup_reference_and_load_demo_keep_a_coordinators_edits_to_pillars():
    call_command("setup_reference", stdout=StringIO())
    Pillar.objects.filter(code="communication").update(name_vi="Truyền thông và tri thức", order=9)
    Pillar.objects.create(code="reuse-refill", name_vi="Tái sử dụng và nạp lại")
    call_command("setup_reference", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    communication = Pillar.objects.get(code="communication")
    assert (communication.name_vi, communication.order) == ("Truyền thông và tri thức", 9)
    assert Pillar.objects.filter(code="reuse-refill").exists()
    assert Pillar.objects.count() == 7


@pytest.mark.django_db
def test_setup_reference_keeps_renamed_event_and_membership_types_but_restores_province_names():
    from events.models import EventType
    from members.models import MembershipType
    from vocabulary.models import Province

    call_command("setup_reference", stdout=StringIO())
    EventType.objects.filter(code="webinar").update(name_vi="Hội thảo trực tuyến (Zoom)")
    MembershipType.objects.filter(code="observer").update(name_vi="Quan sát viên của Mạng lưới")
    Province.objects.filter(code="quang-nam").update(successor=None, name_vi="Quảng Nam (cũ)")
    call_command("setup_reference", stdout=StringIO())
    assert EventType.objects.get(code="webinar").name_vi == "Hội thảo trực tuyến (Zoom)"
    assert MembershipType.objects.get(code="observer").name_vi == "Quan sát viên của Mạng lưới"
    # Provinces and their mergers are fixed by law: the law's list wins.
    quang_nam = Province.objects.get(code="quang-nam")
    assert (quang_nam.name_vi, quang_nam.successor.code) == ("Quảng Nam", "da-nang")


@pytest.mark.django_db
def test_create_coordinator_prints_a_login_that_works(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("create_coordinator", stdout=out)
    call_command("create_coordinator", stdout=out)
    printed = out.getvalue()
    email = re.search(r"email:\s+(\S+)", printed).group(1)
    passwords = re.findall(r"password:\s+(\S+)", printed)
    assert passwords[0] == passwords[1], "the printed login must stay the same from run to run"

    response = client.post("/vi/accounts/login/", {"login": email, "password": passwords[0]})
    assert response.status_code == 302
    assert client.get("/vi/admin/").status_code == 200


@pytest.mark.django_db
def test_load_demo_loads_the_real_members_and_vietnams_provinces():
    from members.models import Organisation
    from vocabulary.models import Province

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Province.objects.filter(successor__isnull=True).count() == 34
    assert Province.objects.get(code="quang-nam").successor.code == "da-nang"
    founding = Organisation.objects.filter(memberships__membership_type__code="founding-member")
    assert founding.count() == 17
    assert Organisation.objects.get(acronym="ISPONRE").kind == Organisation.Kind.RESEARCH
    assert (
        Organisation.objects.get(slug="vingroup-environment-board").name_vi
        == "Ban Bảo vệ Môi trường – Tập đoàn Vingroup"
    )


@pytest.mark.django_db
def test_the_demos_member_editor_signs_in_and_finds_what_cecr_has_due(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("create_demo_editor", stdout=out)
    call_command("create_demo_editor", stdout=out)
    printed = out.getvalue()
    assert "Member editor login (CECR)" in printed
    email = re.search(r"email:\s+(\S+)", printed).group(1)
    passwords = re.findall(r"password:\s+(\S+)", printed)
    assert passwords[0] == passwords[1]

    assert client.post("/vi/accounts/login/", {"login": email, "password": passwords[0]}).status_code == 302
    page = client.get("/vi/members/mine/").content.decode()
    assert "Kỳ báo cáo 6 tháng cuối năm 2026" in page and "hạn 15/01/2027" in page
    from initiatives.models import Initiative

    # "My organisations" shows the first items due and links to the whole list, searchable.
    assert 'href="/vi/cycles/due/"' in page
    due = client.get("/vi/cycles/due/", {"q": "asppire"}).content.decode()
    assert Initiative.objects.get(slug="asppire").title_vi in due
