"""Demo data: who works in the two technical groups the demo network has (facts from the shared
seeds: the Hoàn Kiếm circular-economy model for low-value plastic funded by Dow and recycled by
VietCycle and Vinacolour; CECR's ASPPIRe project with women waste pickers and the Nam Từ Liêm
Women's Union; POCCA with women's organisations), a few readers of the newsletters, and the
Innovation and finance group's newsletter for the fourth quarter of 2022, as sent."""

import datetime

from django.db import transaction
from django.utils import timezone

from members.models import Organisation
from vocabulary.models import TechnicalGroup

from . import services
from .models import GroupMembership, Issue, Subscriber

# pillar code of the group → (lead, [members])
MEMBERSHIPS = {
    "innovation": ("npap", ["cecr", "dow-viet-nam", "iced", "gimasys", "vietcycle", "vinacolour"]),
    "gender-inclusion": ("cecr", ["nam-tu-liem-womens-union", "un-women", "fhi-360", "stg"]),
}

SUBSCRIBERS = [
    ("bantin.cecr@npap.local", "vi", ["innovation", "gender-inclusion"]),
    ("doc.gia@npap.local", "vi", ["gender-inclusion"]),
    ("partner.reader@npap.local", "en", ["innovation"]),
]

ISSUE = {
    "pillar": "innovation",
    "year": 2022,
    "quarter": 4,
    "sent_at": datetime.datetime(2023, 1, 10, 9, 0, tzinfo=datetime.UTC),
    "editorial_vi": (
        "Quý IV/2022 khép lại mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp tại quận Hoàn Kiếm "
        "(2020–2022, Dow tài trợ): từ 30 hộ thí điểm, mô hình đã mở rộng ra 6 phường; 7.000 hộ phân loại "
        "rác tại nguồn và 16.150 kg rác thải nhựa giá trị thấp được thu gom từ 21/3 đến 30/6/2022, do "
        "VietCycle và Vinacolour tái chế. Hội nghị bàn giao mô hình ngày 28/10/2022 có hơn 70 đại biểu.\n\n"
        "Cùng thời gian, dự án ASPPIRe tổ chức hội thảo tập huấn về mô hình cho 3 phường của quận Nam Từ "
        "Liêm với khoảng 100 đại biểu. Nhóm mời các thành viên chia sẻ kinh nghiệm nhân rộng mô hình trong "
        "quý tới."
    ),
    "editorial_en": (
        "The fourth quarter of 2022 closed the circular-economy model for low-value plastic waste in Hoàn "
        "Kiếm (2020–2022, funded by Dow): from a pilot in 30 households it grew to 6 wards; 7,000 "
        "households sort waste at source, and 16,150 kg of low-value plastic were collected between 21/3 "
        "and 30/6/2022 and recycled by VietCycle and Vinacolour. The hand-over conference of 28/10/2022 "
        "brought together more than 70 delegates.\n\n"
        "In the same weeks the ASPPIRe project held a training workshop on its model for three wards of "
        "Nam Từ Liêm, with about 100 delegates. The group invites members to share how they would scale "
        "the model up in the coming quarter."
    ),
}


def _group(pillar_code: str) -> TechnicalGroup | None:
    return TechnicalGroup.objects.filter(pillar__code=pillar_code).order_by("order", "pk").first()


def load_memberships() -> int:
    created = 0
    for pillar_code, (lead_slug, member_slugs) in MEMBERSHIPS.items():
        group = _group(pillar_code)
        if group is None:
            continue
        organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[lead_slug, *member_slugs])}
        if lead_slug in organisations and group.lead_organisation_id is None:
            group.lead_organisation = organisations[lead_slug]
            group.save(update_fields=["lead_organisation", "updated_at"])
        for slug in [lead_slug, *member_slugs]:
            if slug not in organisations:
                continue
            _membership, new = GroupMembership.objects.get_or_create(
                group=group,
                organisation=organisations[slug],
                defaults={
                    "role": GroupMembership.Role.LEAD if slug == lead_slug else GroupMembership.Role.MEMBER
                },
            )
            created += new
    return created


def load_subscribers() -> int:
    created = 0
    for email, language, pillar_codes in SUBSCRIBERS:
        subscriber, new = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language, "confirmed_at": timezone.now()}
        )
        if new:
            subscriber.groups.set([group for code in pillar_codes if (group := _group(code)) is not None])
            created += 1
    return created


def load_issue() -> int:
    group = _group(ISSUE["pillar"])
    if (
        group is None
        or Issue.objects.filter(group=group, year=ISSUE["year"], quarter=ISSUE["quarter"]).exists()
    ):
        return 0
    issue = Issue.objects.create(
        group=group,
        year=ISSUE["year"],
        quarter=ISSUE["quarter"],
        editorial_vi=ISSUE["editorial_vi"],
        editorial_en=ISSUE["editorial_en"],
    )
    services.issue_draft_fill(issue=issue)
    # Sent before the portal kept deliveries: it is in the archive, with no mail to resend.
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=ISSUE["sent_at"])
    return 1


@transaction.atomic
def load() -> dict[str, int]:
    """Runs after the hub's demo: the issue picks the quarter's events, results and resources."""
    return {
        "group memberships": load_memberships(),
        "subscribers": load_subscribers(),
        "issues": load_issue(),
    }
