"""Notices go out through the worker: written with the change, sent after it commits, in the
recipient's language, with links a mail client can open; failures are kept, never dropped."""

import re
import smtplib
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.core import mail as django_mail

from core import roles
from core.mail import Notice, mail_deliver, mail_notify, mail_resend, mail_sweep
from core.models import OutgoingMail
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorFactory, InitiativePartnerFactory, PeriodFactory, sex_values
from members.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE = "https://npap.example.vn"


@pytest.fixture(autouse=True)
def base_url(settings, tmp_path):
    settings.PORTAL_BASE_URL = BASE
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def reporting(editor_of):
    sex_values()
    cecr = OrganisationFactory(slug="cecr", acronym="CECR", name_vi="Trung tâm CECR")
    partner = InitiativePartnerFactory(organisation=cecr, initiative__slug="asppire")
    indicator = IndicatorFactory(
        result__initiative=partner.initiative, title_vi="Người được tập huấn", title_en="People trained"
    )
    period = PeriodFactory(indicator=indicator, start=date(2022, 1, 1), end=date(2022, 12, 31))
    return {"initiative": partner.initiative, "period": period, "editor": editor_of(cecr)}


def submit(client, reporting) -> IndicatorUpdate:
    client.force_login(reporting["editor"])
    url = f"/vi/initiatives/report/{reporting['initiative'].slug}/periods/{reporting['period'].pk}/new/"
    response = client.post(
        url, {"reported_on": "15/06/2022", "value": "40", "narrative": "Hai lớp tập huấn."}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return IndicatorUpdate.objects.get()


def links(message) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def local_path(url: str) -> str:
    assert url.startswith(BASE + "/"), url
    return urlsplit(url).path


def test_submitting_an_update_writes_a_mail_to_each_results_approver_and_sends_none_in_the_request(
    client, reporting, staff_in
):
    approver = staff_in(roles.RESULTS_APPROVERS, email="duyet@npap.test")
    staff_in(roles.REPORT_STAFF, email="baocao@npap.test")
    submit(client, reporting)
    assert django_mail.outbox == [], "mail is sent by the worker, never inside the request"
    waiting = OutgoingMail.objects.get(kind="update-submitted")
    assert waiting.to_email == approver.email
    assert waiting.status == OutgoingMail.Status.PENDING


def test_the_approver_reads_the_mail_and_its_link_opens_the_queue_with_the_update(
    client, reporting, staff_in, deliver_mail
):
    approver = staff_in(roles.RESULTS_APPROVERS, email="duyet@npap.test")
    submit(client, reporting)
    [message] = [m for m in deliver_mail() if m.to == [approver.email]]
    assert "Người được tập huấn" in message.subject and "chờ bạn phê duyệt" in message.subject
    html = dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]
    assert '<html lang="vi">' in html and "Người được tập huấn" in html
    [queue_link] = [url for url in links(message) if "/initiatives/report/approvals/" in url]
    client.force_login(approver)
    page = client.get(local_path(queue_link))
    assert page.status_code == 200
    assert "Hai lớp tập huấn." in page.content.decode()
    assert OutgoingMail.objects.get(to_email=approver.email).status == OutgoingMail.Status.SENT


def test_a_recipient_who_uses_the_portal_in_english_is_written_to_in_english(
    client, reporting, staff_in, deliver_mail
):
    approver = staff_in(roles.RESULTS_APPROVERS, email="approver@npap.test")
    client.force_login(approver)
    client.get("/i18n/en/?next=/en/")  # the language switch remembers the choice for mail too
    submit(client, reporting)
    [message] = [m for m in deliver_mail() if m.to == [approver.email]]
    assert message.subject.endswith("An update to People trained waits for your approval")
    assert any(url.startswith(f"{BASE}/en/initiatives/report/approvals/") for url in links(message))


def test_signing_in_in_english_sets_the_language_of_mails(client, reporting):
    user = UserFactory(email="lan@greenhub.test")
    user.set_password("Mat-khau-2026")
    user.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post("/en/accounts/login/", {"login": user.email, "password": "Mat-khau-2026"})
    assert user.portal_settings.language == "en"


def test_approving_tells_the_reporter_with_a_link_to_the_initiatives_results(
    client, reporting, staff_in, deliver_mail
):
    approver = staff_in(roles.RESULTS_APPROVERS)
    update = submit(client, reporting)
    client.force_login(approver)
    client.post("/vi/initiatives/report/approvals/", {"update": update.pk, "decision": "approve"})
    [message] = [m for m in deliver_mail() if m.to == [reporting["editor"].email]]
    assert "đã được phê duyệt" in message.subject
    [link] = [url for url in links(message) if "/initiatives/report/" in url]
    client.force_login(reporting["editor"])
    assert client.get(local_path(link)).status_code == 200


def test_an_editor_request_is_mailed_to_those_who_decide_and_the_link_opens_it(
    client, staff_in, deliver_mail
):
    coordinator = staff_in(roles.COORDINATORS, email="dieuphoi2@npap.test")
    staff_in(roles.REPORT_STAFF, email="baocao@npap.test")
    organisation = OrganisationFactory(name_vi="Trung tâm Hỗ trợ Phát triển Xanh", is_published=True)
    requester = UserFactory(email="thu@greenhub.test")
    client.force_login(requester)
    client.post(
        f"/vi/members/{organisation.slug}/join/", {"position": "Cán bộ", "message": "Tôi phụ trách web."}
    )
    outbox = deliver_mail()
    assert [m.to for m in outbox] == [[coordinator.email]]
    [message] = outbox
    assert "Trung tâm Hỗ trợ Phát triển Xanh" in message.subject
    assert "Tôi phụ trách web." in message.body
    [link] = [url for url in links(message) if "/admin/members/editorrequest/" in url]
    client.force_login(coordinator)
    page = client.get(local_path(link))
    assert page.status_code == 200 and "Tôi phụ trách web." in page.content.decode()


def test_the_same_notice_is_written_once_however_often_it_is_caused(reporting, deliver_mail):
    user = reporting["editor"]

    def compose() -> Notice:
        return Notice(subject="Thử", paragraphs=["Một lần thôi."])

    first = mail_notify(user=user, kind="test", key="1", compose=compose)
    again = mail_notify(user=user, kind="test", key="1", compose=compose)
    assert first is not None and again is None
    assert len(deliver_mail()) == 1
    assert mail_deliver(mail_id=first.pk) is False, "a sent mail is never sent again"
    assert len(django_mail.outbox) == 1


def test_a_mail_server_failure_is_kept_with_its_error_and_can_be_sent_again(
    reporting, settings, coordinator, client
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    written = mail_notify(
        user=reporting["editor"],
        kind="test",
        key="smtp",
        compose=lambda: Notice(subject="Thử", paragraphs=["x"]),
    )
    with pytest.raises((OSError, smtplib.SMTPException)):
        mail_deliver(mail_id=written.pk)
    written.refresh_from_db()
    assert written.status == OutgoingMail.Status.FAILED
    assert written.attempts == 1 and "Error" in written.error
    client.force_login(coordinator)
    listing = client.get("/vi/admin/core/outgoingmail/?status=failed").content.decode()
    assert reporting["editor"].email in listing

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_resend(mail=written) is True
    assert mail_deliver(mail_id=written.pk) is True
    written.refresh_from_db()
    assert written.status == OutgoingMail.Status.SENT and written.error == ""
    assert len(django_mail.outbox) == 1


def test_coordinators_read_the_mail_log_but_member_editors_do_not(client, reporting, staff_in):
    mail_notify(
        user=reporting["editor"], kind="test", key="log", compose=lambda: Notice(subject="Thử", paragraphs=[])
    )
    client.force_login(staff_in(roles.COORDINATORS))
    assert client.get("/vi/admin/core/outgoingmail/").status_code == 200
    client.force_login(staff_in(roles.REPORT_STAFF))
    assert client.get("/vi/admin/core/outgoingmail/").status_code == 403


def test_the_sweep_sends_again_what_the_broker_never_received(reporting, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from core import mail as mail_module

    written = mail_notify(
        user=reporting["editor"],
        kind="test",
        key="sweep",
        compose=lambda: Notice(subject="Thử", paragraphs=[]),
    )
    sent = []
    monkeypatch.setattr(mail_module, "mail_dispatch", lambda *, mail_id: sent.append(mail_id) or True)
    assert mail_sweep()["dispatched"] == 0, "a fresh mail is still on its way"
    assert mail_sweep(now=timezone.now() + timedelta(minutes=3))["dispatched"] == 1
    assert sent == [written.pk]


def test_a_member_without_an_address_is_not_written_to(reporting):
    user = UserFactory(email="")
    assert (
        mail_notify(user=user, kind="test", key="none", compose=lambda: Notice(subject="x", paragraphs=[]))
        is None
    )


def test_each_role_holds_the_permissions_its_notices_follow(staff_in):
    approver, coordinator, report_staff = (
        staff_in(role) for role in (roles.RESULTS_APPROVERS, roles.COORDINATORS, roles.REPORT_STAFF)
    )
    assert approver.has_perm(roles.APPROVE_RESULTS) and not coordinator.has_perm(roles.APPROVE_RESULTS)
    assert coordinator.has_perm(roles.DECIDE_EDITOR_REQUESTS) and not approver.has_perm(
        roles.DECIDE_EDITOR_REQUESTS
    )
    assert report_staff.has_perm(roles.BUILD_REPORTS) and not coordinator.has_perm(roles.BUILD_REPORTS)
