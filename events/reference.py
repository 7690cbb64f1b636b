"""Reference data of events: the kinds of event the network holds.

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again.
"""

from django.db import transaction

from core.reference import add_missing

from .models import EventType

EVENT_TYPES = [
    ("consultation-workshop", "Hội thảo tham vấn", "Consultation workshop"),
    ("working-group-meeting", "Hội nghị Nhóm công tác", "Working-group meeting"),
    ("pillar-workshop", "Hội thảo Trụ cột", "Pillar workshop"),
    ("training", "Tập huấn", "Training"),
    ("roundtable", "Tọa đàm", "Roundtable talk"),
    ("conference", "Hội nghị", "Conference"),
    ("delegation", "Đoàn ra", "Outbound delegation"),
    ("campaign", "Chiến dịch / ra quân làm sạch", "Campaign / clean-up"),
    ("webinar", "Hội thảo trực tuyến", "Webinar"),
]


@transaction.atomic
def load() -> dict[str, int]:
    """Coordinators rename and reorder event types in the admin: only missing ones are added."""
    return {"event types": add_missing(EventType, EVENT_TYPES)}
