"""Reference data of the member directory: Vietnam's provinces and the kinds of membership.

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again.
"""

from django.db import transaction

from network_portal.reference import add_missing

from .models import MembershipType, Province
from .provinces_data import CURRENT_PROVINCES, FORMER_PROVINCES

MEMBERSHIP_TYPES = [
    ("founding-member", "Thành viên sáng lập", "Founding member"),
    ("member", "Thành viên", "Member"),
    ("observer", "Quan sát viên", "Observer"),
    ("secretariat", "Ban thư ký", "Secretariat"),
    ("partner", "Đối tác", "Partner"),
]


def load_provinces() -> int:
    """The provinces are fixed by law (Resolution 202/2025/QH15), so each run brings every row,
    names and mergers included, back to the law's list."""
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


def load_membership_types() -> int:
    """Coordinators rename and reorder membership types in the admin: only missing ones are added."""
    return add_missing(MembershipType, MEMBERSHIP_TYPES)


@transaction.atomic
def load() -> dict[str, int]:
    return {"provinces": load_provinces(), "membership types": load_membership_types()}
