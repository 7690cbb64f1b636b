"""Telling whether what someone typed names an organisation or a person the directory holds:
accent-insensitive, by any name, acronym or other name of an organisation, by email or phone
however written, by a similar name at the same organisation."""

import pytest

from events.tests.factories import ParticipationFactory
from members.matching import (
    KnownAt,
    Match,
    OrganisationIndex,
    PeopleFinder,
    Reason,
    people_with_organisations,
    person_pairs,
    phone_key,
    unlinked_groups,
)
from members.tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def greenhub():
    return OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh",
        name_en="Green Development Support Centre",
        acronym="GreenHub",
        aliases="Trung tâm GreenHub",
    )


@pytest.fixture
def nhung(greenhub):
    person = PersonFactory(
        full_name="Nguyễn Thị Hồng Nhung", email="Nhung@GreenHub.test", phone="+84 91 234 5678"
    )
    AffiliationFactory(person=person, organisation=greenhub)
    return person


def test_organisations_are_found_by_any_of_their_names_without_diacritics():
    vingroup = OrganisationFactory(
        name_vi="Ban Bảo vệ Môi trường – Tập đoàn Vingroup",
        name_en="Vingroup Environment Protection Board",
        aliases="Ban BVMT Vingroup\nVingroup Environment Board",
    )
    vifep = OrganisationFactory(name_vi="Viện Kinh tế và Quy hoạch thủy sản", acronym="Vifep")
    index = OrganisationIndex.load()
    assert index.match("ban bao ve moi truong - tap doan vingroup") == vingroup
    assert index.match("Ban BVMT Vingroup") == vingroup
    assert index.match("VINGROUP ENVIRONMENT PROTECTION BOARD") == vingroup
    assert index.match("Viện Kinh tế và Quy hoạch thủy sản (VIFEP)") == vifep
    assert index.match("Viện Kinh tế Nông nghiệp") is None
    assert index.match("") is None


def test_a_phone_is_its_digits_with_84_written_as_0():
    assert phone_key("+84 (91) 234-5678") == "0912345678"
    assert phone_key("0912 345 678") == "0912345678"
    assert phone_key("024.3822.1234") == "02438221234"


@pytest.mark.parametrize(
    ("email", "phone", "reason"),
    [("nhung@greenhub.test", "", Reason.EMAIL), ("", "0912 345 678", Reason.PHONE)],
)
def test_the_same_email_or_phone_however_written_is_the_same_person(nhung, email, phone, reason):
    found = PeopleFinder(emails=[email], phones=[phone]).find(
        full_name="N. H. Nhung", email=email, phone=phone
    )
    assert found.match == Match.MATCHED
    assert [(match.person, match.reason) for match in found.people] == [(nhung, reason)]


def test_a_similar_name_at_the_same_organisation_is_a_possible_duplicate(nhung, greenhub):
    index = OrganisationIndex.load()
    names = ["Nguyen Thi Hong Nhung", "Nguyễn Thị Hằng Nhung"]
    finder = PeopleFinder(names=names)

    same = finder.find(full_name=names[0], at=KnownAt.written("GREENHUB", index.match("GREENHUB")))
    assert same.match == Match.DUPLICATE
    assert [(match.person, match.same_name) for match in same.people] == [(nhung, True)]
    # An organisation written a little differently is still the same organisation.
    similar = finder.find(full_name=names[1], at=KnownAt.written("TT GreenHub Hà Nội"))
    assert [(match.person, match.same_name) for match in similar.people] == [(nhung, False)]
    # The same name at another organisation is someone else.
    elsewhere = finder.find(full_name=names[0], at=KnownAt.written("Keep Hanoi Clean"))
    assert elsewhere.match == Match.NEW and not elsewhere.people


def test_without_an_organisation_only_the_identical_name_is_a_possible_duplicate(nhung):
    finder = PeopleFinder(names=["nguyen thi hong nhung", "Nguyễn Thị Hằng Nhung"])
    assert finder.find(full_name="nguyen thi hong nhung").people[0].person == nhung
    assert finder.find(full_name="Nguyễn Thị Hằng Nhung").match == Match.NEW


def test_the_organisation_someone_came_to_an_event_from_counts_as_theirs():
    person = PersonFactory(full_name="Lê Thị Thu Hà")
    ParticipationFactory(
        person=person, organisation=None, organisation_name="Liên minh Không rác thải Việt Nam"
    )
    finder = PeopleFinder(names=["Le Thi Thu Ha"])
    found = finder.find(full_name="Le Thi Thu Ha", at=KnownAt.written("Liên minh Không rác thải VN"))
    assert found.match == Match.DUPLICATE and found.people[0].person == person


def test_what_people_share_links_them_directly_or_through_a_third(nhung, greenhub):
    other_account = PersonFactory(full_name="Hồng Nhung", email="nhung@greenhub.test", phone="")
    mobile = PersonFactory(full_name="Nhung Nguyễn", email="", phone="+84 987 654 321")
    other_account.phone = "0987654321"
    other_account.save()
    stranger = PersonFactory(full_name="Trần Văn Minh", email="minh@isponre.test", phone="")
    people = list(people_with_organisations().order_by("pk"))

    pairs = {(pair.first.pk, pair.second.pk): pair for pair in person_pairs(people)}
    assert pairs[nhung.pk, other_account.pk].same_email
    assert pairs[other_account.pk, mobile.pk].same_phone
    assert not pairs[nhung.pk, mobile.pk].linked
    groups = unlinked_groups(people, pairs.values())
    assert [[person.pk for person in group] for group in groups] == [
        [nhung.pk, other_account.pk, mobile.pk],
        [stranger.pk],
    ]
