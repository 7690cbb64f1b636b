"""Merging duplicate people: everything about the duplicates ends up on the person kept."""

import pytest
from django.core.exceptions import ValidationError

from events.models import Participation
from events.tests.factories import AgendaItemFactory, EventFactory, ParticipationFactory
from members.models import Affiliation, Person
from members.services import person_merge
from members.tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def greenhub():
    return OrganisationFactory(name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub")


@pytest.fixture
def nhung(greenhub):
    person = PersonFactory(
        full_name="Nguyễn Thị Hồng Nhung",
        gender=Person.Gender.UNDISCLOSED,
        position="Điều phối dự án",
        email="nhung@greenhub.test",
        phone="",
    )
    AffiliationFactory(person=person, organisation=greenhub, role=Affiliation.Role.FOCAL_POINT)
    return person


@pytest.fixture
def duplicate(greenhub):
    person = PersonFactory(
        full_name="Nguyen Thi Hong Nhung",
        gender=Person.Gender.FEMALE,
        position="Cán bộ dự án",
        email="hongnhung@gmail.test",
        phone="0912 345 678",
        user=UserFactory(email="hongnhung@gmail.test"),
    )
    AffiliationFactory(person=person, organisation=greenhub, role=Affiliation.Role.FOCAL_POINT)
    return person


def test_every_relation_moves_to_the_person_kept(nhung, duplicate):
    workshop, training = EventFactory(), EventFactory()
    ParticipationFactory(event=workshop, person=duplicate)
    talk = AgendaItemFactory(event=workshop, presenter=duplicate)
    ParticipationFactory(event=training, person=nhung)
    account = duplicate.user

    kept = person_merge(keep=nhung, duplicates=[duplicate])

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    kept.refresh_from_db()
    assert set(kept.participations.values_list("event", flat=True)) == {workshop.pk, training.pk}
    talk.refresh_from_db()
    assert talk.presenter == kept
    assert kept.user == account
    # The same role at the same organisation twice becomes one.
    assert kept.affiliations.count() == 1
    # Nothing anywhere still points at the deleted person, whatever the relation.
    for relation in Person._meta.related_objects:
        assert not relation.related_model._base_manager.filter(**{relation.field.name: duplicate.pk}).exists()


def test_the_kept_persons_details_stay_and_only_empty_ones_are_filled(nhung, duplicate):
    kept = person_merge(keep=nhung, duplicates=[duplicate])
    kept.refresh_from_db()
    assert kept.full_name == "Nguyễn Thị Hồng Nhung"
    assert kept.email == "nhung@greenhub.test"
    assert kept.position == "Điều phối dự án"
    assert kept.phone == "0912 345 678"
    assert kept.gender == Person.Gender.FEMALE  # "not disclosed" counts as empty


def test_both_at_the_same_event_keeps_one_participation_preferring_attendance(nhung, duplicate):
    event = EventFactory()
    ParticipationFactory(event=event, person=nhung, status=Participation.Status.REGISTERED, organisation=None)
    attended = ParticipationFactory(
        event=event, person=duplicate, status=Participation.Status.ATTENDED, role=Participation.Role.SPEAKER
    )

    person_merge(keep=nhung, duplicates=[duplicate])

    remaining = Participation.objects.get(event=event)
    assert remaining.pk == attended.pk
    assert remaining.person == nhung
    assert remaining.status == Participation.Status.ATTENDED
    assert remaining.role == Participation.Role.SPEAKER


def test_a_clash_keeps_the_kept_persons_record_when_it_ranks_as_high(nhung, duplicate, greenhub):
    event = EventFactory()
    own = ParticipationFactory(event=event, person=nhung, organisation=None, organisation_name="")
    ParticipationFactory(event=event, person=duplicate, organisation=greenhub)

    person_merge(keep=nhung, duplicates=[duplicate])

    remaining = Participation.objects.get(event=event)
    assert remaining.pk == own.pk
    assert remaining.organisation == greenhub  # filled from the record let go


def test_several_duplicates_merge_at_once(nhung, duplicate):
    third = PersonFactory(full_name="Nguyễn Hồng Nhung", email="", phone="", position="")
    ParticipationFactory(person=third)
    person_merge(keep=nhung, duplicates=[duplicate, third])
    assert list(Person.objects.filter(full_name__icontains="Nhung")) == [nhung]
    assert nhung.participations.count() == 1


def test_two_accounts_cannot_be_merged_and_nothing_changes(nhung, duplicate):
    nhung.user = UserFactory()
    nhung.save()
    ParticipationFactory(person=duplicate)
    with pytest.raises(ValidationError, match="đều có tài khoản"):
        person_merge(keep=nhung, duplicates=[duplicate])
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert duplicate.participations.count() == 1


def test_merging_a_person_into_themselves_is_refused(nhung):
    with pytest.raises(ValidationError):
        person_merge(keep=nhung, duplicates=[nhung])


def test_the_admin_action_asks_which_person_to_keep_then_merges(client, coordinator, nhung, duplicate):
    client.force_login(coordinator)
    url = "/en/admin/members/person/"
    ParticipationFactory(person=duplicate)

    confirmation = client.post(url, {"action": "merge_people", "_selected_action": [nhung.pk, duplicate.pk]})
    assert confirmation.status_code == 200
    assert [person.pk for person in confirmation.context["people"]] == [duplicate.pk, nhung.pk]
    html = confirmation.content.decode()
    assert "Nguyễn Thị Hồng Nhung" in html and "Nguyen Thi Hong Nhung" in html
    assert Person.objects.count() == 2

    response = client.post(
        url,
        {
            "action": "merge_people",
            "_selected_action": [nhung.pk, duplicate.pk],
            "keep": nhung.pk,
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert list(Person.objects.all()) == [nhung]
    assert nhung.participations.count() == 1


def test_the_admin_action_needs_two_people(client, coordinator, nhung):
    client.force_login(coordinator)
    response = client.post(
        "/en/admin/members/person/", {"action": "merge_people", "_selected_action": [nhung.pk]}, follow=True
    )
    assert "Select at least two people to merge." in response.content.decode()
    assert Person.objects.filter(pk=nhung.pk).exists()


def merge_confirmation(client, coordinator, *people) -> str:
    client.force_login(coordinator)
    response = client.post(
        "/en/admin/members/person/",
        {"action": "merge_people", "_selected_action": [person.pk for person in people]},
    )
    assert response.status_code == 200
    return response.content.decode()


WARNING = "These may be different people"


def test_the_confirmation_shows_what_the_selected_people_have_in_common(
    client, coordinator, nhung, duplicate, greenhub
):
    html = merge_confirmation(client, coordinator, nhung, duplicate)
    assert (
        "Nguyen Thi Hong Nhung and Nguyễn Thị Hồng Nhung: same name at the same organisation "
        f"({greenhub.name_en} (GreenHub))"
    ) in html
    assert WARNING not in html


def test_the_same_phone_written_another_way_is_shown_as_shared(client, coordinator, duplicate):
    mobile = PersonFactory(full_name="Hồng Nhung", email="", phone="+84 912 345 678")
    html = merge_confirmation(client, coordinator, duplicate, mobile)
    assert "Hồng Nhung and Nguyen Thi Hong Nhung: same phone" in html
    assert WARNING not in html


def test_two_people_with_nothing_in_common_are_flagged_before_merging(client, coordinator, nhung):
    minh = PersonFactory(full_name="Trần Văn Minh", email="minh@isponre.test", phone="")
    AffiliationFactory(
        person=minh,
        organisation=OrganisationFactory(
            name_vi="Viện Chiến lược, Chính sách tài nguyên và môi trường",
            name_en="Institute of Strategy and Policy on Natural Resources and Environment",
            acronym="ISPONRE",
        ),
    )
    html = merge_confirmation(client, coordinator, nhung, minh)
    warning = html[html.index(WARNING) :]
    assert "Nguyễn Thị Hồng Nhung</li>" in warning and "Trần Văn Minh</li>" in warning
    # The warning asks for care; the merge itself is still the coordinator's call.
    assert 'value="Merge into the chosen person"' in html


def test_the_same_name_at_different_organisations_is_flagged_too(client, coordinator, nhung):
    namesake = PersonFactory(full_name="Nguyễn Thị Hồng Nhung", email="nhung@vea.test", phone="")
    AffiliationFactory(
        person=namesake,
        organisation=OrganisationFactory(
            name_vi="Tổng cục Môi trường", name_en="Vietnam Environment Administration", acronym="VEA"
        ),
    )
    assert WARNING in merge_confirmation(client, coordinator, nhung, namesake)


def test_a_person_linked_to_the_others_through_a_third_is_not_flagged(client, coordinator, nhung, duplicate):
    # Shares an email with one and a phone with the other: one person with three records.
    third = PersonFactory(full_name="N. H. Nhung", email="nhung@greenhub.test", phone="0912345678")
    html = merge_confirmation(client, coordinator, nhung, duplicate, third)
    assert "N. H. Nhung and Nguyen Thi Hong Nhung: same phone" in html
    assert "N. H. Nhung and Nguyễn Thị Hồng Nhung: same email" in html
    assert WARNING not in html
