"""The benchmark dataset at a tiny scale: the national proportions, the same rows for the same
seed, public and private rows mixed, only generated rows removed by a reset, and the public
pages still answering on it. Calls ``bench.dataset`` directly: ``bench`` need not be installed."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape

from bench import dataset
from events.models import Event, EventOrganiser, Participation
from initiatives.models import IndicatorUpdate, Initiative, InitiativePartner, UpdateDisaggregation
from members.models import Organisation, Person
from reports.models import PublishedReport

SCALE = 0.002  # 20 organisations, 100 events, 1,000 participations, 16 initiatives, 1,000 updates
GENERATED = {"slug__startswith": dataset.PREFIX}


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def counts(db, private_media):
    return dataset.generate(scale=SCALE, seed=7, analyze=False)


def _fingerprint() -> dict[str, list]:
    return {
        "organisations": list(
            Organisation.objects.filter(**GENERATED).order_by("slug").values_list("slug", "name", "kind")
        ),
        "events": list(
            Event.objects.filter(**GENERATED)
            .order_by("slug")
            .values_list("slug", "title", "start_date", "status")
        ),
        "initiatives": list(
            Initiative.objects.filter(**GENERATED).order_by("slug").values_list("slug", "title")
        ),
        "people": list(
            Person.objects.filter(email__endswith=dataset.EMAIL_DOMAIN)
            .order_by("email")
            .values_list("full_name", "email", "gender")
        ),
        "updates": list(
            IndicatorUpdate.objects.filter(
                period__indicator__result__initiative__slug__startswith=dataset.PREFIX
            )
            .order_by(
                "period__indicator__result__initiative__slug", "reported_on", "value", "numerator", "status"
            )
            .values_list(
                "period__indicator__result__initiative__slug", "reported_on", "value", "numerator", "status"
            )
        ),
        "reports": list(
            PublishedReport.objects.filter(**GENERATED).order_by("slug").values_list("slug", "title")
        ),
    }


def test_the_dataset_has_the_national_proportions_at_a_small_scale(counts):
    assert Organisation.objects.filter(**GENERATED).count() == 20
    assert Event.objects.filter(**GENERATED).count() == 100
    assert Participation.objects.filter(event__slug__startswith=dataset.PREFIX).count() == 1_000
    assert Initiative.objects.filter(**GENERATED).count() == 16
    updates = IndicatorUpdate.objects.filter(
        period__indicator__result__initiative__slug__startswith=dataset.PREFIX
    )
    assert updates.count() == 1_000
    assert Person.objects.filter(email__endswith=dataset.EMAIL_DOMAIN).count() == 250
    assert PublishedReport.objects.filter(**GENERATED).count() >= 3
    # What the command reports is what is in the database.
    assert counts["events.Participation"] == 1_000
    assert counts["initiatives.IndicatorUpdate"] == 1_000
    assert counts["members.Organisation"] == 20


def test_every_organisation_kind_and_a_realistic_mix_of_statuses_appear(counts):
    kinds = set(Organisation.objects.filter(**GENERATED).values_list("kind", flat=True))
    assert kinds == set(Organisation.Kind.values)
    updates = IndicatorUpdate.objects.filter(
        period__indicator__result__initiative__slug__startswith=dataset.PREFIX
    )
    approved = updates.filter(status=IndicatorUpdate.Status.APPROVED).count() / updates.count()
    assert 0.7 < approved < 0.97
    assert updates.exclude(status=IndicatorUpdate.Status.APPROVED).values("status").distinct().count() >= 2
    split = UpdateDisaggregation.objects.filter(update__in=updates).values("update").distinct().count()
    assert 0.05 < split / updates.count() < 0.6
    assert Event.objects.filter(**GENERATED, start_date__gt=dataset.BASE_DATE).exists()
    assert Event.objects.filter(**GENERATED, start_date__lt=dataset.BASE_DATE).exists()


def test_every_event_has_an_organiser_and_every_initiative_an_accountable_lead(counts):
    events = Event.objects.filter(**GENERATED)
    assert not events.filter(organisers__isnull=True).exists()
    assert EventOrganiser.objects.filter(event__in=events).count() <= 3 * events.count()
    for initiative in Initiative.objects.filter(**GENERATED):
        roles = list(InitiativePartner.objects.filter(initiative=initiative).values_list("role", flat=True))
        assert roles.count(InitiativePartner.Role.ACCOUNTABLE) == 1


def test_published_and_unpublished_rows_are_mixed(counts):
    for model in (Organisation, Event, Initiative):
        rows = model.objects.filter(**GENERATED)
        published = rows.filter(is_published=True).count()
        assert 0 < published < rows.count(), model


def test_the_same_seed_gives_the_same_rows(db, private_media):
    dataset.generate(scale=SCALE, seed=11, analyze=False)
    first = _fingerprint()
    dataset.reset()
    assert not Organisation.objects.filter(**GENERATED).exists()
    dataset.generate(scale=SCALE, seed=11, analyze=False)
    assert _fingerprint() == first
    dataset.reset()
    dataset.generate(scale=SCALE, seed=12, analyze=False)
    assert _fingerprint()["events"] != first["events"]


def test_a_second_run_is_refused_and_a_reset_keeps_the_demo_network(
    db, private_media, django_capture_on_commit_callbacks
):
    call_command("load_demo", stdout=io.StringIO())
    demo = {
        model: model.objects.count() for model in (Organisation, Event, Initiative, Person, IndicatorUpdate)
    }
    dataset.generate(scale=SCALE, seed=3, analyze=False)
    with pytest.raises(dataset.DatasetExists):
        dataset.generate(scale=SCALE, seed=3, analyze=False)
    with django_capture_on_commit_callbacks(execute=True):
        removed = dataset.reset()
    assert removed["events.Participation"] == 1_000
    assert {model: model.objects.count() for model in demo} == demo
    assert not (private_media / dataset.REPORT_FILE).exists()


def test_the_public_pages_answer_on_the_generated_data(db, private_media, client):
    dataset.generate(scale=SCALE, seed=7)  # as the command runs it, statistics refreshed
    for url in ("/vi/", "/vi/members/", "/vi/events/", "/vi/initiatives/", "/vi/reports/", "/en/events/"):
        assert client.get(url).status_code == 200, url
    organisation = Organisation.objects.filter(**GENERATED, is_published=True).first()
    event = Event.objects.filter(**GENERATED, is_published=True, participations__isnull=False).first()
    initiative = (
        Initiative.objects.filter(
            **GENERATED, is_published=True, results__indicators__periods__updates__isnull=False
        )
        .distinct()
        .first()
    )
    report = PublishedReport.objects.filter(**GENERATED, is_published=True).first()
    for item in (organisation, event, initiative, report):
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, item
        assert escape(item.title if hasattr(item, "title") else item.name) in response.content.decode()
    download = client.get(f"{report.get_absolute_url()}download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    hidden = Event.objects.filter(**GENERATED, is_published=False).first()
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_generated_rows_are_found_by_the_accent_insensitive_search(client):
    dataset.generate(scale=0.002, seed=7, analyze=False)
    organisation = Organisation.objects.filter(is_published=True, slug__startswith="bench-").first()
    assert organisation.search_text == organisation.build_search_text() != ""
    word = organisation.search_text.split()[-1]
    assert organisation.name in [
        o.name for o in client.get("/vi/members/", {"q": word}).context["page"].paginator.object_list
    ]
