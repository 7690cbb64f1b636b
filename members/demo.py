"""Demo data for the member directory: Vietnam's provinces and the network's real members."""

from django.db import transaction

from initiatives.models import Pillar

from .demo_data import ORGANISATIONS
from .models import Membership, MembershipType, Organisation, PillarParticipation, Province
from .provinces_data import CURRENT_PROVINCES, FORMER_PROVINCES

MEMBERSHIP_TYPES = [
    ("founding-member", "Thành viên sáng lập", "Founding member"),
    ("member", "Thành viên", "Member"),
    ("observer", "Quan sát viên", "Observer"),
    ("secretariat", "Ban thư ký", "Secretariat"),
    ("partner", "Đối tác", "Partner"),
]


def load_provinces() -> int:
    created = 0
    for order, row in enumerate(CURRENT_PROVINCES, start=1):
        _, was_created = Province.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "kind": row["kind"],
                "order": order,
                "successor": None,
            },
        )
        created += was_created
    current = {p.code: p for p in Province.objects.filter(successor__isnull=True)}
    for order, row in enumerate(FORMER_PROVINCES, start=100):
        _, was_created = Province.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "kind": Province.Kind.PROVINCE,
                "order": order,
                "successor": current[row["successor"]],
            },
        )
        created += was_created
    return created


@transaction.atomic
def load() -> dict[str, int]:
    provinces = load_provinces()
    types = {}
    for order, (code, name_vi, name_en) in enumerate(MEMBERSHIP_TYPES, start=1):
        types[code], _ = MembershipType.objects.update_or_create(
            code=code, defaults={"name_vi": name_vi, "name_en": name_en, "order": order}
        )
    provinces_by_code = {p.code: p for p in Province.objects.all()}
    pillars = {p.code: p for p in Pillar.objects.all()}

    created = 0
    for row in ORGANISATIONS:
        organisation, was_created = Organisation.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "description_vi": row["description_vi"],
                "description_en": row["description_en"],
                "acronym": row["acronym"],
                "aliases": "\n".join(row["aliases"]),
                "kind": row["kind"],
                "province": provinces_by_code.get(row["province"]) if row["province"] else None,
                "is_published": row.get("published", True),
            },
        )
        created += was_created
        if not was_created:
            continue  # a coordinator may have edited it since; leave their edits alone
        if row["membership"]:
            Membership.objects.create(
                organisation=organisation,
                membership_type=types[row["membership"]],
                status=Membership.Status.ACTIVE,
            )
        for pillar_code, role in row["pillars"]:
            if pillar_code in pillars:
                PillarParticipation.objects.get_or_create(
                    organisation=organisation, pillar=pillars[pillar_code], defaults={"role": role}
                )
    for row in ORGANISATIONS:
        if row["parent"]:
            Organisation.objects.filter(slug=row["slug"], parent__isnull=True).update(
                parent=Organisation.objects.get(slug=row["parent"])
            )
    return {"provinces": provinces, "organisations": created}
