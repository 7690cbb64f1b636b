"""Reference data of the shared vocabulary: Vietnam's provinces, and the six pillars of the NPAP
2024 plan (Decision 538/QĐ-BTNMT) with the OECD DAC purpose code of each one's work, which the
IATI export reports as the activities' sectors: 14050 waste management/disposal, 41010
environmental policy and administrative management, 41081 environmental education/training.

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again.
"""

from django.db import transaction

from .models import Pillar, Province
from .provinces_data import CURRENT_PROVINCES, FORMER_PROVINCES

PILLARS = [
    {
        "code": "innovation",
        "dac_sector": "14050",
        "name_vi": "Đổi mới sáng tạo",
        "name_en": "Innovation",
        "description_vi": "Thúc đẩy các giải pháp, mô hình và công nghệ mới nhằm giảm thiểu, tái sử dụng và tái chế chất thải nhựa theo cách tiếp cận kinh tế tuần hoàn.",
        "description_en": "Promoting new solutions, models and technologies to reduce, reuse and recycle plastic waste through a circular-economy approach.",
        "colour": "#1f6f5c",
    },
    {
        "code": "finance",
        "dac_sector": "14050",
        "name_vi": "Tài chính",
        "name_en": "Finance",
        "description_vi": "Khơi nguồn tài chính cho các sáng kiến giảm thiểu ô nhiễm nhựa, kết nối doanh nghiệp, nhà tài trợ và các dự án.",
        "description_en": "Unlocking finance for initiatives that reduce plastic pollution, connecting businesses, donors and projects.",
        "colour": "#2b5f9e",
    },
    {
        "code": "policy",
        "dac_sector": "41010",
        "name_vi": "Chính sách",
        "name_en": "Policy",
        "description_vi": "Đóng góp ý kiến cho chính sách về chất thải nhựa và hỗ trợ Việt Nam tham gia đàm phán Thỏa thuận toàn cầu về ô nhiễm nhựa.",
        "description_en": "Feeding plastic-waste policy and supporting Vietnam's part in negotiating the global plastics treaty.",
        "colour": "#7a4fa3",
    },
    {
        "code": "gender-inclusion",
        "dac_sector": "14050",
        "name_vi": "Bình đẳng giới và phát triển bao trùm",
        "name_en": "Gender equality and inclusive development",
        "description_vi": "Bảo đảm phụ nữ, người thu gom phi chính thức và các nhóm dễ bị tổn thương được tham gia và hưởng lợi từ các hoạt động giảm thiểu nhựa.",
        "description_en": "Making sure women, informal waste pickers and vulnerable groups take part in and benefit from plastic-reduction work.",
        "colour": "#b5473a",
    },
    {
        "code": "communication",
        "dac_sector": "41081",
        "name_vi": "Truyền thông",
        "name_en": "Communication",
        "description_vi": "Duy trì trang thông tin của Chương trình, bản tin quý của các Nhóm kỹ thuật và chia sẻ thông tin về hoạt động hợp tác.",
        "description_en": "Keeping the programme's website, the technical groups' quarterly newsletters and news of joint work.",
        "colour": "#c07a00",
    },
    {
        "code": "awareness",
        "dac_sector": "41081",
        "name_vi": "Nâng cao nhận thức",
        "name_en": "Awareness-raising",
        "description_vi": "Nâng cao nhận thức của cộng đồng, trường học và doanh nghiệp về tác hại của ô nhiễm nhựa và việc phân loại rác tại nguồn.",
        "description_en": "Raising awareness among communities, schools and businesses of plastic pollution's harm and of sorting waste at source.",
        "colour": "#3d7d2b",
    },
]


def load_provinces() -> int:
    """The provinces are fixed by law (Resolution 202/2025/QH15), so each run brings every row,
    names and mergers included, back to the law's list."""
    created = 0
    for order, row in enumerate(CURRENT_PROVINCES, start=1):
        created += _province_put(row, kind=row["kind"], order=order, successor=None)
    current = {p.code: p for p in Province.objects.current()}
    for order, row in enumerate(FORMER_PROVINCES, start=100):
        successor = current[row["successor"]]
        created += _province_put(row, kind=Province.Kind.PROVINCE, order=order, successor=successor)
    return created


def _province_put(row: dict, **values: object) -> bool:
    """Bring the province of ``row`` to the row's names and ``values``; True if it is new."""
    _, was_created = Province.objects.update_or_create(
        code=row["code"], defaults={"name_vi": row["name_vi"], "name_en": row["name_en"], **values}
    )
    return was_created


def load_pillars() -> int:
    """Coordinators edit pillars in the admin: only missing ones are added."""
    created = 0
    for order, fields in enumerate(PILLARS, start=1):
        values = {key: value for key, value in fields.items() if key != "code"}
        _, was_created = Pillar.objects.get_or_create(
            code=fields["code"], defaults={**values, "order": order}
        )
        created += was_created
    return created


@transaction.atomic
def load() -> dict[str, int]:
    return {"provinces": load_provinces(), "pillars": load_pillars()}
