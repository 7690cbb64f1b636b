"""Reference data of the member directory: the kinds of membership.

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again.
"""

from django.db import transaction

from core.reference import add_missing

from .models import MembershipType

MEMBERSHIP_TYPES = [
    ("founding-member", "Thành viên sáng lập", "Founding member"),
    ("member", "Thành viên", "Member"),
    ("observer", "Quan sát viên", "Observer"),
    ("secretariat", "Ban thư ký", "Secretariat"),
    ("partner", "Đối tác", "Partner"),
]


def load_membership_types() -> int:
    """Coordinators rename and reorder membership types in the admin: only missing ones are added."""
    return add_missing(MembershipType, MEMBERSHIP_TYPES)


@transaction.atomic
def load() -> dict[str, int]:
    return {"membership types": load_membership_types()}
