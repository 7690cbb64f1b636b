"""Reference data of the results framework: the dimensions results are split by (sex).

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again. Coordinators edit dimensions in the admin, so
only missing rows are added and existing ones are left as they are.
"""

from django.db import transaction

from core.reference import add_missing

from .models import Dimension, DimensionValue

DIMENSIONS = [
    (
        "sex",
        "Giới tính",
        "Sex",
        [("female", "Nữ", "Female"), ("male", "Nam", "Male"), ("other", "Khác", "Other")],
    ),
]


def load_dimensions() -> tuple[int, int]:
    """The dimensions the results forms ask for, with their values: (dimensions, values) added."""
    dimensions = add_missing(Dimension, [row[:3] for row in DIMENSIONS])
    values = sum(
        add_missing(DimensionValue, rows, dimension=Dimension.objects.get(code=code))
        for code, _name_vi, _name_en, rows in DIMENSIONS
    )
    return dimensions, values


@transaction.atomic
def load() -> dict[str, int]:
    dimensions, values = load_dimensions()
    return {"dimensions": dimensions, "dimension values": values}
