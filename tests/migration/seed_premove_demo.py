"""Adds what the demo network lacks to a database of commit e4fe991 (before the layers move):
accounts in the roles, mail, uploads on both the public and the private side, a built and
published report, and the admin's record of a change to a pillar.

It imports the project package as it was then (``network_portal.images``, ``initiatives.Pillar``…),
so it runs only in a checkout of e4fe991, through that checkout's ``manage.py shell``
(README.md beside it gives the commands).
"""

import io
from datetime import date
from decimal import Decimal

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from network_portal.images import clean_image
from network_portal.mail import account_language_remember
from network_portal.private_files import document_save
from network_portal.uploads import PDF, clean_document
from PIL import Image, ImageDraw

from events.models import Event, EventDocument, EventPhoto
from initiatives.models import (
    Indicator,
    Initiative,
    InitiativeDocument,
    InitiativePhoto,
    Measure,
    Period,
    Pillar,
)
from initiatives.services import indicator_update_approve, indicator_update_save
from members.models import Organisation, Person
from members.services import editor_request_create, editor_request_decide, organisation_logo_store
from network_portal import roles
from reports.models import ReportRun
from reports.services import report_publish, report_run_build, report_run_request


def picture(name: str, colour: str, fmt: str = "PNG") -> ContentFile:
    image = Image.new("RGB", (320, 200), colour)
    ImageDraw.Draw(image).rectangle((40, 40, 280, 160), outline="white", width=6)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return ContentFile(buffer.getvalue(), name=name)


def pdf(title: str) -> ContentFile:
    text = f"BT /F1 18 Tf 40 760 Td ({title}) Tj ET".encode()
    body = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
        + f"4 0 obj << /Length {len(text)} >> stream\n".encode()
        + text
        + b"\nendstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    return clean_document(
        ContentFile(body, name="document.pdf"), kinds=[PDF], max_bytes=1 << 20, wrong_kind=""
    )


def account(username: str, group: str | None, **extra) -> User:
    user = User.objects.create_user(
        username, f"{username}@example.org", "premove-demo", first_name=username.title(), **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


coordinator = account("coordinator", roles.COORDINATORS, is_staff=True)
approver = account("approver", roles.RESULTS_APPROVERS)
account("reportstaff", roles.REPORT_STAFF, is_staff=True)
reporter = account("reporter", None)
# Direct grants on models that move, beside the roles' grants through groups.
coordinator.user_permissions.add(
    Permission.objects.get(content_type__app_label="initiatives", codename="change_pillar"),
    Permission.objects.get(content_type__app_label="members", codename="view_province"),
    Permission.objects.get(content_type__app_label="network_portal", codename="change_outgoingmail"),
)
account_language_remember(user=approver, language="en")
account_language_remember(user=reporter, language="vi")

initiative = Initiative.objects.filter(partners__isnull=False).order_by("pk").first()
organisation = initiative.partners.order_by("pk").first().organisation
Person.objects.create(full_name="Nguyễn Thị Demo", email="reporter@example.org", user=reporter)

request = editor_request_create(user=reporter, organisation=organisation, position="Cán bộ dự án")
editor_request_decide(editor_request=request, coordinator=coordinator, approve=True)

# Public uploads.
organisation_logo_store(organisation=organisation, clean=clean_image(picture("logo.png", "#1f6f5c")))
event = Event.objects.order_by("pk").first()
clean = clean_image(picture("photo.jpg", "#336699", "JPEG"))
photo = EventPhoto(event=event, caption="Hội thảo tham vấn", width=clean.width, height=clean.height)
photo.image.save(clean.image.name, clean.image, save=False)
photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
photo.save()
clean = clean_image(picture("photo.png", "#aa5522"))
photo = InitiativePhoto(initiative=initiative, caption="Thu gom rác thải nhựa")
photo.image.save(clean.image.name, clean.image, save=False)
photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
photo.save()

# Documents on both sides, and one that changed sides after it was uploaded.
for title, public in [
    ("Chương trình hội thảo", True),
    ("Biên bản nội bộ", False),
    ("Danh sách khách mời", True),
]:
    document = EventDocument(event=event, title=title, kind=EventDocument.Kind.OTHER, is_public=public)
    document.file = pdf(title)
    document_save(document=document)
document.is_public = False
document_save(document=document)
document = InitiativeDocument(initiative=initiative, title="Báo cáo đánh giá giữa kỳ", is_public=False)
document.file = pdf("Bao cao danh gia")
document_save(document=document)

# An update with private evidence, submitted (mail to the approvers) and approved (mail back).
# The demo's periods are all locked: the update goes into a new one.
indicator = Indicator.objects.filter(result__initiative=initiative, measure=Measure.QUANTITATIVE).first()
period = Period.objects.create(
    indicator=indicator, start=date(2026, 1, 1), end=date(2026, 6, 30), target_value=Decimal("2000")
)
update = indicator_update_save(
    period=period,
    user=reporter,
    organisation=organisation,
    reported_on=date(2026, 6, 30),
    value=Decimal("1250"),
    narrative="Số liệu thu gom quý II.",
    evidence=[(pdf("Bang ke thu gom"), "Bảng kê thu gom.pdf")],
)
indicator_update_approve(update=update, reviewer=approver, note="Đã đối chiếu bảng kê.")

# A built report in private storage, then published with a public cover.
run = report_run_request(
    kind=ReportRun.Kind.MEMBER_DIRECTORY,
    period_start=date(2026, 1, 1),
    period_end=date(2026, 6, 30),
    language="vi",
    formats=[ReportRun.Format.CSV],
    requested_by=coordinator,
)
assert report_run_build(run_id=run.pk)
run.refresh_from_db()
report_publish(
    report_file=run.files.get(),
    title="Danh bạ thành viên 2026",
    summary="Danh bạ các tổ chức thành viên.",
    cover=clean_image(picture("cover.png", "#225588")),
    published_by=coordinator,
)

pillar = Pillar.objects.order_by("pk").first()
LogEntry.objects.create(
    user=coordinator,
    content_type=ContentType.objects.get_for_model(Pillar),
    object_id=str(pillar.pk),
    object_repr=str(pillar)[:200],
    action_flag=CHANGE,
    change_message='[{"changed": {"fields": ["Colour"]}}]',
    action_time=timezone.now(),
)
print("seeded", Organisation.objects.exclude(logo="").count(), "logo,", run.files.count(), "report file")
