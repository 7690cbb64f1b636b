"""The results approvers' queue: oldest submitted first, in pages, filtered and searched without
accents; and approving several updates together after reviewing exactly what will be approved."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from core import roles
from core.models import OutgoingMail
from initiatives import services
from initiatives.forms import MAX_APPROVED_TOGETHER
from initiatives.models import IndicatorUpdate, Period, UpdateDisaggregation, UpdateEvidence
from initiatives.tests.factories import (
    IndicatorFactory,
    InitiativePartnerFactory,
    PillarFactory,
    sex_values,
)
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

QUEUE = "/vi/initiatives/report/approvals/"
REVIEW = "/vi/initiatives/report/approvals/review/"
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def submit(indicator, organisation, reporter, *, days_ago: int, value: int = 40) -> IndicatorUpdate:
    """An update of ``indicator`` submitted ``days_ago`` days ago, split by sex."""
    period = Period.objects.create(
        indicator=indicator, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30)
    )
    update = IndicatorUpdate.objects.create(
        period=period,
        organisation=organisation,
        reported_on=datetime.date(2026, 6, 30),
        value=Decimal(value),
        status=IndicatorUpdate.Status.SUBMITTED,
        submitted_by=reporter,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    UpdateDisaggregation.objects.create(
        update=update, dimension_value=sex_values()["female"], value=value - 10
    )
    return update


@pytest.fixture
def queue(editor_of, staff_in):
    """CECR reports ASPPIRe (innovation), GreenHub the green schools (communication); three
    updates wait, the schools' the oldest."""
    innovation = PillarFactory(code="innovation", name_vi="Đổi mới sáng tạo")
    communication = PillarFactory(code="communication", name_vi="Truyền thông")
    cecr = OrganisationFactory(
        slug="cecr", name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR"
    )
    greenhub = OrganisationFactory(
        slug="greenhub", name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub"
    )
    asppire = InitiativePartnerFactory(
        organisation=cecr,
        initiative__slug="asppire",
        initiative__title_vi="ASPPIRe: người thu gom phế liệu và phụ nữ",
        initiative__pillars=[innovation],
    ).initiative
    schools = InitiativePartnerFactory(
        organisation=greenhub,
        initiative__slug="truong-hoc-xanh",
        initiative__title_vi="Trường học xanh Hoàn Kiếm",
        initiative__pillars=[communication],
    ).initiative
    cecr_editor, greenhub_editor = editor_of(cecr), editor_of(greenhub)
    trained = IndicatorFactory(
        result__initiative=asppire, title_vi="Người thu gom được tập huấn", unit_vi="người"
    )
    sorting = IndicatorFactory(result__initiative=asppire, title_vi="Hộ gia đình phân loại rác", unit_vi="hộ")
    pupils = IndicatorFactory(result__initiative=schools, title_vi="Học sinh tham gia", unit_vi="em")
    trained_update = submit(trained, cecr, cecr_editor, days_ago=3, value=40)
    evidence = UpdateEvidence(update=trained_update, original_name="Danh sách học viên.pdf")
    evidence.file.save("danh-sach.pdf", ContentFile(PDF), save=True)
    return {
        "asppire": asppire,
        "schools": schools,
        "cecr": cecr,
        "greenhub": greenhub,
        "cecr_editor": cecr_editor,
        "greenhub_editor": greenhub_editor,
        "approver": staff_in(roles.RESULTS_APPROVERS),
        "trained": trained_update,
        "sorting": submit(sorting, cecr, cecr_editor, days_ago=2, value=120),
        "pupils": submit(pupils, greenhub, greenhub_editor, days_ago=5, value=300),
        "evidence": evidence,
        "indicators": {"trained": trained, "sorting": sorting, "pupils": pupils},
    }


def vi(message: str, plural: str = "", number: int = 0, **values) -> str:
    """``message`` as the Vietnamese pages say it."""
    with translation.override("vi"):
        text = translation.ngettext(message, plural, number) if plural else translation.gettext(message)
    return text % values if values else text


def approved_message(count: int) -> str:
    return vi(
        "%(count)d update has been approved and now counts in the totals.",
        "%(count)d updates have been approved and now count in the totals.",
        count,
        count=count,
    )


def skipped_message(count: int) -> str:
    return vi(
        "%(count)d of the chosen updates is no longer waiting for approval, or has changed since "
        "it was reviewed; it was left as it is.",
        "%(count)d of the chosen updates are no longer waiting for approval, or have changed since "
        "they were reviewed; they were left as they are.",
        count,
        count=count,
    )


def listed(response) -> list[int]:
    return [update.pk for update in response.context["page"].object_list]


def notes(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_queue_lists_the_oldest_submitted_first_in_pages_of_fifty(client, queue):
    indicator = queue["indicators"]["sorting"]
    more = [submit(indicator, queue["cecr"], queue["cecr_editor"], days_ago=1) for _ in range(50)]
    client.force_login(queue["approver"])
    first = client.get(QUEUE)
    assert first.context["page"].paginator.count == 53
    assert listed(first)[:3] == [queue["pupils"].pk, queue["trained"].pk, queue["sorting"].pk]
    assert len(listed(first)) == 50
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(QUEUE, {"page": 2})
    assert listed(second) == [update.pk for update in more[-3:]]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"pillar": "innovation"}, ["trained", "sorting"]),
        ({"pillar": "communication"}, ["pupils"]),
        ({"organisation": "greenhub"}, ["pupils"]),
        ({"initiative": "asppire"}, ["trained", "sorting"]),
        ({"q": "nguoi thu gom"}, ["trained", "sorting"]),  # the initiative's title, without accents
        ({"q": "truong hoc hoan kiem"}, ["pupils"]),
        ({"q": "cecr"}, ["trained", "sorting"]),  # the acronym of the organisation reported for
        ({"q": "phat trien xanh"}, ["pupils"]),  # the organisation reported for
        ({"q": "asppire cong dong"}, ["trained", "sorting"]),  # the initiative and the organisation
        ({"pillar": "innovation", "organisation": "greenhub"}, []),
        ({"organisation": "khong-co"}, []),
        ({"initiative": "khong-co"}, []),
        ({"cycle": "abc"}, []),
        ({"pillar": "x" * 300, "q": "%_"}, []),
        ({"page": "nonsense", "pillar": "no-such-pillar"}, ["pupils", "trained", "sorting"]),
    ],
)
def test_the_queue_filters_by_pillar_organisation_initiative_and_searches_without_accents(
    client, queue, filters, expected
):
    client.force_login(queue["approver"])
    response = client.get(QUEUE, filters)
    assert response.status_code == 200
    assert listed(response) == [queue[name].pk for name in expected]


def test_the_filters_offer_the_pillars_and_the_organisations_with_updates_waiting(client, queue):
    client.force_login(queue["approver"])
    response = client.get(QUEUE, {"organisation": "cecr"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {option.value for option in facets["organisation"].options} == {"cecr", "greenhub"}
    assert [option.value for option in facets["organisation"].options if option.selected] == ["cecr"]
    assert {"innovation", "communication"} <= {option.value for option in facets["pillar"].options}
    page = response.content.decode()
    # A row's initiative narrows the queue to it, keeping the organisation chosen.
    assert 'href="?organisation=cecr&amp;initiative=asppire"' in page


def test_a_row_still_approves_or_returns_one_update_and_comes_back_to_the_same_filters(client, queue):
    client.force_login(queue["approver"])
    response = client.post(
        f"{QUEUE}?pillar=innovation&page=1", {"update": queue["trained"].pk, "decision": "approve"}
    )
    assert response.status_code == 302 and response["Location"] == f"{QUEUE}?pillar=innovation&page=1"
    queue["trained"].refresh_from_db()
    assert queue["trained"].status == IndicatorUpdate.Status.APPROVED
    response = client.post(
        f"{QUEUE}?q=nguoi+thu+gom",
        {"update": queue["sorting"].pk, "decision": "return", "note": "Thiếu danh sách."},
    )
    assert response["Location"] == f"{QUEUE}?q=nguoi+thu+gom"
    queue["sorting"].refresh_from_db()
    assert queue["sorting"].status == IndicatorUpdate.Status.RETURNED


def test_only_results_approvers_open_the_queue_and_the_review(client, queue, staff_in):
    ids = {"update": [queue["trained"].pk]}
    assert client.get(QUEUE)["Location"].startswith("/vi/accounts/login/")
    assert client.get(REVIEW, ids)["Location"].startswith("/vi/accounts/login/")
    for user in (queue["cecr_editor"], staff_in(roles.REPORT_STAFF), staff_in(roles.COORDINATORS)):
        client.force_login(user)
        assert client.get(QUEUE).status_code == 404
        assert client.get(REVIEW, ids).status_code == 404
        token = f"{queue['trained'].pk}:1"
        assert client.post(REVIEW, {"update": token}).status_code == 404
    queue["trained"].refresh_from_db()
    assert queue["trained"].status == IndicatorUpdate.Status.SUBMITTED


def test_the_review_lists_exactly_what_will_be_approved_and_approves_nothing(client, queue):
    client.force_login(queue["approver"])
    response = client.get(
        REVIEW, {"update": [queue["sorting"].pk, queue["trained"].pk], "back": "pillar=innovation&page=1"}
    )
    assert response.status_code == 200
    assert [update.pk for update in response.context["updates"]] == [queue["trained"].pk, queue["sorting"].pk]
    page = response.content.decode()
    for shown in [
        "ASPPIRe: người thu gom phế liệu và phụ nữ",
        "Người thu gom được tập huấn",
        "Hộ gia đình phân loại rác",
        "01/01/2026–30/06/2026",
        "40 người",
        "120 hộ",
        "Nữ: 30",
        f'href="{queue["evidence"].download_url}">Danh sách học viên.pdf</a>',
        queue["cecr_editor"].email,
        vi("Approve this update", "Approve these %(counter)s updates", 2, counter=2),
    ]:
        assert shown in page, shown
    assert "Trường học xanh" not in page
    assert not IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).exists()


def test_confirming_approves_each_update_through_the_service_with_mail_and_history(
    client, queue, django_capture_on_commit_callbacks
):
    client.force_login(queue["approver"])
    review = client.get(
        REVIEW, {"update": [queue["trained"].pk, queue["sorting"].pk], "back": "pillar=innovation&page=1"}
    )
    tokens = [update.token for update in review.context["updates"]]
    with django_capture_on_commit_callbacks():
        response = client.post(f"{REVIEW}?back=pillar%3Dinnovation%26page%3D1", {"update": tokens})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?pillar=innovation&page=1"
    assert notes(response) == [approved_message(2)]
    for name in ("trained", "sorting"):
        update = queue[name]
        update.refresh_from_db()
        assert update.status == IndicatorUpdate.Status.APPROVED and update.reviewer == queue["approver"]
        assert update.history.filter(status=IndicatorUpdate.Status.APPROVED).exists()
    queue["pupils"].refresh_from_db()
    assert queue["pupils"].status == IndicatorUpdate.Status.SUBMITTED
    mails = OutgoingMail.objects.filter(to_email=queue["cecr_editor"].email, kind="update-approved")
    assert mails.count() == 2
    assert listed(client.get(QUEUE)) == [queue["pupils"].pk]


def test_an_update_decided_or_changed_since_the_review_is_skipped_with_a_clear_message(
    client, queue, staff_in
):
    client.force_login(queue["approver"])
    review = client.get(REVIEW, {"update": [queue["trained"].pk, queue["sorting"].pk, queue["pupils"].pk]})
    tokens = [update.token for update in review.context["updates"]]
    colleague = staff_in(roles.RESULTS_APPROVERS)
    # Meanwhile another approver approves one, and another is returned and submitted again.
    services.indicator_update_approve(update=queue["pupils"], reviewer=colleague)
    services.indicator_update_return(update=queue["sorting"], reviewer=colleague, note="Sửa số hộ.")
    IndicatorUpdate.objects.filter(pk=queue["sorting"].pk).update(
        status=IndicatorUpdate.Status.SUBMITTED, value=Decimal(999), updated_at=timezone.now()
    )
    response = client.post(REVIEW, {"update": tokens})
    assert notes(response) == [approved_message(1), skipped_message(2)]
    queue["trained"].refresh_from_db()
    queue["sorting"].refresh_from_db()
    queue["pupils"].refresh_from_db()
    assert queue["trained"].reviewer == queue["approver"]
    assert queue["sorting"].status == IndicatorUpdate.Status.SUBMITTED  # changed after the review
    assert queue["pupils"].reviewer == colleague


def test_a_review_of_updates_no_longer_waiting_says_so_and_goes_back(client, queue):
    services.indicator_update_approve(update=queue["trained"], reviewer=queue["approver"])
    client.force_login(queue["approver"])
    response = client.get(REVIEW, {"update": [queue["trained"].pk, queue["sorting"].pk]})
    assert response.status_code == 200
    assert [update.pk for update in response.context["updates"]] == [queue["sorting"].pk]
    assert response.context["skipped"] == 1
    assert (
        vi(
            "%(counter)s of the chosen updates is no longer waiting for approval and is not listed.",
            "%(counter)s of the chosen updates are no longer waiting for approval and are not listed.",
            1,
            counter=1,
        )
        in response.content.decode()
    )
    response = client.get(REVIEW, {"update": [queue["trained"].pk], "back": "q=abc"})
    assert response["Location"] == f"{QUEUE}?q=abc"


def test_review_all_on_this_page_takes_every_row_shown(client, queue):
    client.force_login(queue["approver"])
    page = client.get(QUEUE, {"pillar": "innovation"})
    on_page = listed(page)
    response = client.get(REVIEW, {"scope": "page", "on_page": on_page, "update": [queue["pupils"].pk]})
    assert [update.pk for update in response.context["updates"]] == on_page


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        ([], ("Choose at least one update.",)),
        (["1", "abc"], ("The choice of updates could not be read. Choose them again.",)),
        (
            [str(n) for n in range(1, MAX_APPROVED_TOGETHER + 2)],
            (
                "At most %(limit)d update can be approved at once. Choose fewer.",
                "At most %(limit)d updates can be approved at once. Choose fewer.",
                MAX_APPROVED_TOGETHER,
            ),
        ),
    ],
)
def test_a_bad_or_too_large_choice_is_refused_with_a_message(client, queue, chosen, message):
    message = vi(*message, limit=MAX_APPROVED_TOGETHER) if len(message) > 1 else vi(*message)
    client.force_login(queue["approver"])
    response = client.get(REVIEW, {"update": chosen, "back": "organisation=cecr"})
    assert response.status_code == 302 and response["Location"] == f"{QUEUE}?organisation=cecr"
    assert message in notes(response)[0]
    tokens = [f"{n}:1" for n in chosen] if chosen and chosen[1:2] != ["abc"] else chosen
    response = client.post(REVIEW, {"update": tokens})
    assert message in notes(response)[0]
    assert not IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).exists()


def test_the_way_back_to_the_queue_keeps_only_its_own_filters(client, queue):
    client.force_login(queue["approver"])
    response = client.get(
        REVIEW, {"update": [queue["trained"].pk], "back": "pillar=innovation&next=https://evil.example/"}
    )
    assert response.context["back"] == f"{QUEUE}?pillar=innovation"


def test_confirming_needs_the_csrf_token(queue):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(queue["approver"])
    review = client.get(REVIEW, {"update": [queue["trained"].pk]})
    token = review.context["updates"][0].token
    assert client.post(REVIEW, {"update": [token]}).status_code == 403
    queue["trained"].refresh_from_db()
    assert queue["trained"].status == IndicatorUpdate.Status.SUBMITTED


def grow(queue, count: int) -> list[int]:
    """``count`` more updates waiting, each with its own initiative, indicator, split and evidence."""
    ids = []
    for n in range(count):
        partner = InitiativePartnerFactory(
            organisation=queue["cecr"], initiative__pillars=[queue["asppire"].pillars.get()]
        )
        indicator = IndicatorFactory(result__initiative=partner.initiative, title_vi=f"Chỉ số {n}")
        update = submit(indicator, queue["cecr"], queue["cecr_editor"], days_ago=10 + n)
        UpdateEvidence.objects.create(
            update=update, file="evidence/x.pdf", original_name=f"minh-chung-{n}.pdf"
        )
        ids.append(update.pk)
    return ids


def test_the_queue_and_the_review_ask_the_same_queries_for_5_and_for_500_updates(client, queue, page_queries):
    client.force_login(queue["approver"])
    urls = [
        QUEUE,
        f"{QUEUE}?pillar=innovation&organisation=cecr&q=thu+gom&page=2",
        f"{QUEUE}?initiative=asppire",
    ]
    ids = grow(queue, 5)
    few = {url: page_queries(client, url) for url in urls}
    few_review = page_queries(client, REVIEW, {"update": ids})
    ids += grow(queue, 495)
    assert IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.SUBMITTED).count() == 503
    assert {url: page_queries(client, url) for url in urls} == few
    assert page_queries(client, REVIEW, {"update": ids[:MAX_APPROVED_TOGETHER]}) == few_review
