"""Reference data of pillars and results: the six pillars of the NPAP 2024 plan (Decision
538/QĐ-BTNMT) and the dimensions results are split by (sex).

Every install needs these rows, with or without the demo network; ``manage.py setup_reference``
loads them and is safe to run again. Coordinators edit pillars and dimensions in the admin, so
only missing rows are added and existing ones are left as they are.
"""

from django.db import transaction

from network_portal.reference import add_missing

from .models import Dimension, DimensionValue, Pillar

PILLARS = [
    {
        "code": "innovation",
        "name_vi": "Đổi mới sáng tạo",
        "name_en": "Innovation",
        "description_vi": "Thúc đẩy các giải pháp, mô hình và công nghệ mới nhằm giảm thiểu, tái sử dụng và tái chế chất thải nhựa theo cách tiếp cận kinh tế tuần hoàn.",
        "description_en": "Promoting new solutions, models and technologies to reduce, reuse and recycle plastic waste through a circular-economy approach.",
        "colour": "#1f6f5c",
    },
    {
        "code": "finance",
        "name_vi": "Tài chính",
        "name_en": "Finance",
        "description_vi": "Khơi nguồn tài chính cho các sáng kiến giảm thiểu ô nhiễm nhựa, kết nối doanh nghiệp, nhà tài trợ và các dự án.",
        "description_en": "Unlocking finance for initiatives that reduce plastic pollution, connecting businesses, donors and projects.",
        "colour": "#2b5f9e",
    },
    {
        "code": "policy",
        "name_vi": "Chính sách",
        "name_en": "Policy",
        "description_vi": "Đóng góp ý kiến cho chính sách về chất thải nhựa và hỗ trợ Việt Nam tham gia đàm phán Thỏa thuận toàn cầu về ô nhiễm nhựa.",
        "description_en": "Feeding plastic-waste policy and supporting Vietnam's part in negotiating the global plastics treaty.",
        "colour": "#7a4fa3",
    },
    {
        "code": "gender-inclusion",
        "name_vi": "Bình đẳng giới và phát triển bao trùm",
        "name_en": "Gender equality and inclusive development",
        "description_vi": "Bảo đảm phụ nữ, người thu gom phi chính thức và các nhóm dễ bị tổn thương được tham gia và hưởng lợi từ các hoạt động giảm thiểu nhựa.",
        "description_en": "Making sure women, informal waste pickers and vulnerable groups take part in and benefit from plastic-reduction work.",
        "colour": "#b5473a",
    },
    {
        "code": "communication",
        "name_vi": "Truyền thông",
        "name_en": "Communication",
        "description_vi": "Duy trì trang thông tin của Chương trình, bản tin quý của các Nhóm kỹ thuật và chia sẻ thông tin về hoạt động hợp tác.",
        "description_en": "Keeping the programme's website, the technical groups' quarterly newsletters and news of joint work.",
        "colour": "#c07a00",
    },
    {
        "code": "awareness",
        "name_vi": "Nâng cao nhận thức",
        "name_en": "Awareness-raising",
        "description_vi": "Nâng cao nhận thức của cộng đồng, trường học và doanh nghiệp về tác hại của ô nhiễm nhựa và việc phân loại rác tại nguồn.",
        "description_en": "Raising awareness among communities, schools and businesses of plastic pollution's harm and of sorting waste at source.",
        "colour": "#3d7d2b",
    },
]

DIMENSIONS = [
    (
        "sex",
        "Giới tính",
        "Sex",
        [("female", "Nữ", "Female"), ("male", "Nam", "Male"), ("other", "Khác", "Other")],
    ),
]


def load_pillars() -> int:
    created = 0
    for order, fields in enumerate(PILLARS, start=1):
        values = {key: value for key, value in fields.items() if key != "code"}
        _, was_created = Pillar.objects.get_or_create(
            code=fields["code"], defaults={**values, "order": order}
        )
        created += was_created
    return created


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
    return {"pillars": load_pillars(), "dimensions": dimensions, "dimension values": values}
