"""Demo data for the member directory: the network's real members. The provinces and membership
types they refer to are reference data (members.reference), loaded before them."""

from django.db import transaction

from vocabulary.models import Pillar, Province

from .demo_data import ORGANISATIONS
from .models import Membership, MembershipType, Organisation, PillarParticipation


def organisation_get_or_create(row: dict, *, provinces: dict[str, Province]) -> tuple[Organisation, bool]:
    """The organisation of a demo row, made from the row if its slug is new. Other apps' demo
    data add the organisations they refer to this way, giving fewer of the fields."""
    return Organisation.objects.get_or_create(
        slug=row["slug"],
        defaults={
            "name_vi": row["name_vi"],
            "name_en": row["name_en"],
            "description_vi": row.get("description_vi"),
            "description_en": row.get("description_en"),
            "acronym": row["acronym"],
            "aliases": "\n".join(row.get("aliases", [])),
            "kind": row["kind"],
            "province": provinces.get(row.get("province")),
            "is_published": row.get("published", True),
        },
    )


@transaction.atomic
def load() -> dict[str, int]:
    types = {t.code: t for t in MembershipType.objects.all()}
    provinces = {p.code: p for p in Province.objects.all()}
    pillars = {p.code: p for p in Pillar.objects.all()}

    created = 0
    for row in ORGANISATIONS:
        organisation, was_created = organisation_get_or_create(row, provinces=provinces)
        created += was_created
        if not was_created:
            continue  # a coordinator may have edited it since; leave their edits alone
        if row["membership"] in types:
            Membership.objects.create(
                organisation=organisation,
                membership_type=types[row["membership"]],
                status=Membership.Status.ACTIVE,
            )
        for pillar_code, role in row.get("pillars", []):
            if pillar_code in pillars:
                PillarParticipation.objects.get_or_create(
                    organisation=organisation, pillar=pillars[pillar_code], defaults={"role": role}
                )
    for row in ORGANISATIONS:
        if row.get("parent"):
            Organisation.objects.filter(slug=row["slug"], parent__isnull=True).update(
                parent=Organisation.objects.get(slug=row["parent"])
            )
    return {"organisations": created}
