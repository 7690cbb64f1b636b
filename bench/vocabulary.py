"""The words the benchmark dataset is written in: Vietnamese names of people and organisations,
titles of events, initiatives, results and reports, places and topics of the plastics network.

Plain word lists and small builders that take a ``random.Random``, so the same seed always gives
the same text and no extra package is needed. Builders return ``(vietnamese, english)`` pairs;
the caller decides whether a row gets its English text (many real records have none and fall
back to Vietnamese).
"""

import random
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

Text = tuple[str, str]  # (Vietnamese, English)


def pick(rng: random.Random, items: Sequence):
    return items[rng.randrange(len(items))]


def fill(template: Text, **parts: Text | str | int) -> Text:
    """Both languages of ``template`` with ``parts``; a pair gives each language its own word.
    ``{Topic}`` is ``{topic}`` with a capital letter, for the start of a quoted title."""
    if "topic" in parts:
        topic = parts["topic"]
        parts["Topic"] = (
            tuple(text[:1].upper() + text[1:] for text in topic) if isinstance(topic, tuple) else topic
        )
    filled = []
    for language in (0, 1):
        values = {key: value[language] if isinstance(value, tuple) else value for key, value in parts.items()}
        filled.append(template[language].format(**values))
    return filled[0], filled[1]


# --- people ------------------------------------------------------------------------------------

# Family names with roughly their share of the population: Nguyễn alone is close to two in five.
FAMILY_NAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 4),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Đinh", 0.5),
    ("Trịnh", 0.5),
    ("Đào", 0.5),
    ("Lương", 0.4),
    ("Mai", 0.4),
    ("Tạ", 0.3),
]
_FAMILY = [name for name, _ in FAMILY_NAMES]
_FAMILY_WEIGHTS = [weight for _, weight in FAMILY_NAMES]

MIDDLE_FEMALE = [
    "Thị",
    "Thị",
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Minh",
    "Phương",
    "Hồng",
    "Kim",
    "Mai",
    "Diệu",
    "Bảo",
]
MIDDLE_MALE = [
    "Văn",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quang",
    "Thanh",
    "Công",
    "Xuân",
    "Anh",
    "Tuấn",
    "Trọng",
    "Ngọc",
]
GIVEN_FEMALE = [
    "Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thảo", "Hà", "Ngọc", "Anh", "Huyền", "Nhung",
    "Hạnh", "Phương", "Thủy", "Yến", "Vy", "Nga", "Dung", "Hằng", "Giang", "Loan", "Trâm", "Quyên",
    "Thu", "Hiền", "Oanh", "Chi", "My", "Nhi", "Duyên", "Liên", "Tâm", "Uyên", "Vân", "Xuân",
]  # fmt: skip
GIVEN_MALE = [
    "Anh", "Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Cường", "Hoàng",
    "Phúc", "Khoa", "Đức", "Trung", "Hiếu", "Quân", "Tài", "Vinh", "Bình", "Thành", "Tùng", "Huy",
    "Khánh", "Lâm", "Phong", "Quang", "Toàn", "Việt", "Hưng", "Kiên", "Đạt", "Thịnh", "Bảo", "Tâm",
]  # fmt: skip

POSITIONS = [
    "Giám đốc", "Phó Giám đốc", "Cán bộ dự án", "Chuyên viên", "Điều phối viên chương trình",
    "Trưởng phòng Truyền thông", "Nghiên cứu viên", "Chủ tịch Hội", "Cán bộ chương trình",
    "Trưởng ban Môi trường", "Tình nguyện viên", "Kế toán dự án", "Chuyên gia tư vấn",
    "Trưởng nhóm kỹ thuật", "Cán bộ giám sát và đánh giá", "Giảng viên", "Tổ trưởng tổ dân phố",
]  # fmt: skip


def person_name(rng: random.Random, *, female: bool) -> tuple[str, str, str]:
    """``(full name, family name, given name)``; one in five has a double middle name."""
    family = rng.choices(_FAMILY, weights=_FAMILY_WEIGHTS)[0]
    middles = MIDDLE_FEMALE if female else MIDDLE_MALE
    middle = pick(rng, middles)
    if rng.random() < 0.2:
        second = pick(rng, middles)
        if second != middle:
            middle = f"{middle} {second}"
    given = pick(rng, GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{family} {middle} {given}", family, given


# --- places ------------------------------------------------------------------------------------

# Ward and commune names found all over the country (named after heroes, or auspicious words).
WARDS = [
    "Tân Phú", "An Bình", "Hòa Thuận", "Phú Lợi", "Long Thạnh", "Bình An", "Thạnh Mỹ", "Hòa Khánh",
    "Tân Lập", "Quang Trung", "Trần Phú", "Lê Lợi", "Nguyễn Trãi", "Hùng Vương", "Minh Khai",
    "Hoàng Văn Thụ", "Phan Chu Trinh", "Lý Thường Kiệt", "Hòa Hiệp", "Tân An", "Phú Hòa", "Đông Hòa",
    "Thắng Lợi", "Hợp Thành", "Bình Minh", "Phước Long", "An Phú", "Tân Hưng", "Thanh Bình",
    "Vĩnh Hòa", "Tân Thành", "Hòa Bình", "Đông Thành", "Nam Sơn", "Bắc Sơn", "Trung Hòa", "Yên Hòa",
    "Phú Thượng", "Tân Định", "Xuân Hòa", "Hưng Phú", "Long Bình", "Phước Hòa", "Mỹ An", "Tân Mỹ",
    "Hiệp Phước", "Thới An", "Vĩnh Lạc", "Cửa Nam", "Hàng Đào", "Ba Đình", "Hải Châu", "Ninh Kiều",
]  # fmt: skip
REGIONS: list[Text] = [
    ("miền Bắc", "Northern Vietnam"),
    ("miền Trung", "Central Vietnam"),
    ("miền Nam", "Southern Vietnam"),
    ("Đồng bằng sông Cửu Long", "the Mekong Delta"),
    ("Tây Nguyên", "the Central Highlands"),
    ("Duyên hải Nam Trung Bộ", "the South-Central Coast"),
    ("Đồng bằng sông Hồng", "the Red River Delta"),
]
# Destinations for plastic-free tourism, with the current province they are in.
DESTINATIONS = [
    ("Hội An", "da-nang"),
    ("Cù Lao Chàm", "da-nang"),
    ("Phú Quốc", "an-giang"),
    ("Hạ Long", "quang-ninh"),
    ("Cát Bà", "hai-phong"),
    ("Sa Pa", "lao-cai"),
    ("Côn Đảo", "ho-chi-minh"),
    ("Nha Trang", "khanh-hoa"),
    ("Đà Lạt", "lam-dong"),
    ("Mũi Né", "lam-dong"),
    ("Lý Sơn", "quang-ngai"),
    ("Cửa Lò", "nghe-an"),
]
COASTAL_PROVINCES = {
    "quang-ninh", "hai-phong", "thanh-hoa", "nghe-an", "ha-tinh", "quang-tri", "hue", "da-nang",
    "quang-ngai", "gia-lai", "khanh-hoa", "dak-lak", "lam-dong", "ho-chi-minh", "ca-mau", "an-giang",
}  # fmt: skip
# Outbound delegations: the plastics-treaty negotiations on their real dates, and forums that
# recur every year (no date). (Vietnamese, English, city, country, country in English, date)
FORUMS = [
    ("phiên đàm phán INC-2 về Thỏa thuận toàn cầu về ô nhiễm nhựa", "the INC-2 plastics treaty session", "Paris", "Pháp", "France", "2023-05-29"),
    ("phiên đàm phán INC-3 về Thỏa thuận toàn cầu về ô nhiễm nhựa", "the INC-3 plastics treaty session", "Nairobi", "Kenya", "Kenya", "2023-11-13"),
    ("phiên đàm phán INC-4 về Thỏa thuận toàn cầu về ô nhiễm nhựa", "the INC-4 plastics treaty session", "Ottawa", "Canada", "Canada", "2024-04-23"),
    ("phiên đàm phán INC-5 về Thỏa thuận toàn cầu về ô nhiễm nhựa", "the INC-5 plastics treaty session", "Busan", "Hàn Quốc", "Korea", "2024-11-25"),
    ("phiên họp INC-5.2 về Thỏa thuận toàn cầu về ô nhiễm nhựa", "the INC-5.2 plastics treaty session", "Geneva", "Thụy Sĩ", "Switzerland", "2025-08-05"),
    ("Hội nghị Đại dương của Liên Hợp Quốc", "the UN Ocean Conference", "Nice", "Pháp", "France", "2025-06-09"),
    ("Diễn đàn Nhựa khu vực châu Á – Thái Bình Dương", "the Asia-Pacific plastics forum", "Bangkok", "Thái Lan", "Thailand", ""),
    ("Hội nghị thường niên Mạng lưới GPAP", "the GPAP network's annual meeting", "Geneva", "Thụy Sĩ", "Switzerland", ""),
    ("Diễn đàn Kinh tế tuần hoàn ASEAN", "the ASEAN circular economy forum", "Jakarta", "Indonesia", "Indonesia", ""),
    ("Tuần lễ Môi trường châu Á", "Asia Environment Week", "Singapore", "Singapore", "Singapore", ""),
]  # fmt: skip


# --- organisations -----------------------------------------------------------------------------

FIELDS: list[Text] = [
    ("Môi trường", "Environment"),
    ("Tái chế Nhựa", "Plastic Recycling"),
    ("Phát triển Bền vững", "Sustainable Development"),
    ("Kinh tế Tuần hoàn", "Circular Economy"),
    ("Bảo vệ Môi trường", "Environmental Protection"),
    ("Sống Xanh", "Green Living"),
    ("Giảm thiểu Rác thải", "Waste Reduction"),
    ("Biển và Hải đảo", "Seas and Islands"),
    ("Năng lượng và Môi trường", "Energy and Environment"),
    ("Sức khỏe Cộng đồng", "Community Health"),
    ("Phát triển Cộng đồng", "Community Development"),
    ("Quản lý Chất thải", "Waste Management"),
    ("Công nghệ Xanh", "Green Technology"),
    ("Bình đẳng Giới", "Gender Equality"),
    ("Giáo dục Môi trường", "Environmental Education"),
    ("Tiêu dùng Bền vững", "Sustainable Consumption"),
    ("Sinh kế Bền vững", "Sustainable Livelihoods"),
    ("Biến đổi Khí hậu", "Climate Change"),
]
SECTORS: list[Text] = [
    ("Tái chế Nhựa", "Plastic Recycling"),
    ("Môi trường Xanh", "Green Environment"),
    ("Bao bì Sinh học", "Bio-based Packaging"),
    ("Thu gom Phế liệu", "Scrap Collection"),
    ("Xử lý Chất thải", "Waste Treatment"),
    ("Vật liệu Tái chế", "Recycled Materials"),
    ("Bao bì Thân thiện", "Eco Packaging"),
    ("Công nghệ Môi trường", "Environmental Technology"),
    ("Nhựa Tái sinh", "Regenerated Plastics"),
    ("Sản phẩm Thay thế Nhựa", "Plastic Alternatives"),
    ("Dịch vụ Môi trường Đô thị", "Urban Environmental Services"),
]
BRAND_FIRST = ["Xanh", "Tân", "Minh", "Phú", "Hưng", "An", "Thành", "Đại", "Hòa", "Phúc", "Nam", "Sao",
               "Trường", "Thịnh", "Vạn", "Kim", "Ngọc", "Bảo", "Quang", "Việt"]  # fmt: skip
BRAND_SECOND = ["Việt", "Phát", "Thành", "Long", "Thịnh", "Lộc", "Hưng", "An", "Tiến", "Nguyên", "Sơn",
                "Hải", "Phong", "Tín", "Đạt", "Xanh", "Dương", "Minh"]  # fmt: skip
UNIVERSITIES: list[Text] = [
    ("Khoa học Tự nhiên", "Science"),
    ("Bách khoa", "Technology"),
    ("Nông Lâm", "Agriculture and Forestry"),
    ("Kinh tế", "Economics"),
    ("Sư phạm", "Education"),
    ("Tài nguyên và Môi trường", "Natural Resources and Environment"),
    ("Thủy lợi", "Water Resources"),
    ("Xây dựng", "Civil Engineering"),
    ("Y Dược", "Medicine and Pharmacy"),
    ("Khoa học Xã hội và Nhân văn", "Social Sciences and Humanities"),
]
FACULTIES: list[Text] = [
    ("Khoa Môi trường", "Faculty of Environment"),
    ("Khoa Công nghệ Hóa học", "Faculty of Chemical Engineering"),
    ("Khoa Kinh tế Tài nguyên", "Faculty of Resource Economics"),
    ("Khoa Xã hội học", "Faculty of Sociology"),
    ("Câu lạc bộ Sinh viên vì Môi trường", "Students for the Environment club"),
]
INTERNATIONAL: list[Text] = [
    ("Tổ chức Hành động vì Đại dương Xanh", "Blue Ocean Action"),
    ("Liên minh Không rác thải châu Á", "Zero Waste Asia Alliance"),
    ("Quỹ Hỗ trợ Môi trường Toàn cầu", "Global Environment Support Fund"),
    ("Tổ chức Phát triển Cộng đồng Quốc tế", "International Community Development"),
    ("Chương trình Thành phố Sạch Biển Xanh", "Clean Cities Programme"),
    ("Tổ chức Hợp tác Phát triển Bền vững", "Sustainable Development Cooperation"),
    ("Mạng lưới Hành động vì Nhựa Toàn cầu", "Global Plastics Action Network"),
    ("Tổ chức Vì Sức khỏe Môi trường", "Environmental Health International"),
    ("Quỹ Bảo tồn Thiên nhiên Quốc tế", "International Nature Conservation Fund"),
    ("Tổ chức Hỗ trợ Phụ nữ và Sinh kế", "Women and Livelihoods International"),
]
VOLUNTEER: list[Text] = [
    ("Sống Xanh", "Green Living"),
    ("Vì Biển Sạch", "Clean Seas"),
    ("Không Rác", "Zero Waste"),
    ("Xanh Hóa Phố Phường", "Greener Streets"),
    ("Đổi Rác Lấy Quà", "Waste for Gifts"),
]
FIGURES = ["Nguyễn Du", "Lê Quý Đôn", "Chu Văn An", "Trần Phú", "Lý Tự Trọng", "Nguyễn Trãi", "Võ Thị Sáu",
           "Kim Đồng", "Lê Lợi", "Quang Trung", "Trưng Vương", "Phan Bội Châu", "Trần Quốc Toản"]  # fmt: skip

# Templates per organisation kind: (Vietnamese, English). Placeholders: {province}, {field},
# {field2}, {sector}, {brand}, {ward}, {region}, {uni}, {faculty}, {intl}, {vol}, {figure}, {n}.
ORGANISATION_TEMPLATES: dict[str, list[Text]] = {
    "government": [
        ("Ủy ban nhân dân phường {ward}, {province}", "People's Committee of {ward} ward, {province}"),
        ("Ủy ban nhân dân xã {ward}, {province}", "People's Committee of {ward} commune, {province}"),
        ("Sở Nông nghiệp và Môi trường {province}", "{province} Department of Agriculture and Environment"),
        ("Chi cục Bảo vệ môi trường {province}", "{province} Sub-department of Environmental Protection"),
        ("Ban Quản lý các khu công nghiệp {province}", "{province} Industrial Zones Authority"),
        ("Trung tâm Quan trắc Môi trường {province}", "{province} Environmental Monitoring Centre"),
        ("Phòng Kinh tế phường {ward}, {province}", "Economic Division of {ward} ward, {province}"),
    ],
    "research": [
        ("Viện Nghiên cứu {field}", "Institute for {field} Research"),
        ("Trung tâm Nghiên cứu {field} {province}", "{province} Centre for {field} Research"),
        ("Viện {field} và {field2}", "Institute of {field} and {field2}"),
        ("Phân viện {field} tại {province}", "{field} Sub-institute in {province}"),
    ],
    "international": [
        ("Văn phòng đại diện {intl} tại Việt Nam", "{intl}, Vietnam office"),
        ("Văn phòng dự án {intl} tại {province}", "{intl}, {province} project office"),
        ("Dự án {field} – {intl}", "{field} project – {intl}"),
    ],
    "ngo": [
        ("Trung tâm {field} {province}", "{province} Centre for {field}"),
        ("Trung tâm Hỗ trợ {field} Cộng đồng", "Centre for Community {field} Support"),
        (
            "Trung tâm Nghiên cứu và Phát triển {field} {region}",
            "Research and Development Centre for {field}, {region}",
        ),
        ("Tổ chức {brand} vì {field}", "{brand} for {field}"),
        ("Trung tâm Hành động vì {field} {brand}", "{brand} Action Centre for {field}"),
    ],
    "business": [
        ("Công ty TNHH {brand} {sector}", "{brand} {sector} Co., Ltd."),
        ("Công ty Cổ phần {sector} {brand}", "{brand} {sector} JSC"),
        ("Công ty TNHH MTV {sector} {brand} {province}", "{brand} {sector} One-Member Co., Ltd., {province}"),
        ("Hợp tác xã {sector} {brand}", "{brand} {sector} Cooperative"),
    ],
    "academic": [
        ("{faculty} – Trường Đại học {uni} {province}", "{faculty}, {province} University of {uni}"),
        (
            "Trung tâm Nghiên cứu {field} – Trường Đại học {uni} {province}",
            "{field} Research Centre, {province} University of {uni}",
        ),
        ("Mạng lưới các trường đại học vì {field} {region}", "University Network for {field}, {region}"),
    ],
    "alliance": [
        ("Liên minh {field} {province}", "{province} {field} Alliance"),
        ("Mạng lưới {field} {region}", "{field} Network of {region}"),
        ("Liên minh Doanh nghiệp vì {field} {region}", "Business Alliance for {field}, {region}"),
    ],
    "foundation": [
        ("Quỹ {field} {province}", "{province} {field} Fund"),
        ("Quỹ Bảo vệ Môi trường {province}", "{province} Environmental Protection Fund"),
        ("Quỹ Hỗ trợ Sáng kiến {field} {region}", "{region} Fund for {field} Initiatives"),
        ("Quỹ {brand} vì Cộng đồng", "{brand} Community Fund"),
    ],
    "community": [
        ("Hội Phụ nữ phường {ward}, {province}", "Women's Union of {ward} ward, {province}"),
        ("Hội Phụ nữ xã {ward}, {province}", "Women's Union of {ward} commune, {province}"),
        ("Câu lạc bộ {field} phường {ward}, {province}", "{field} club of {ward} ward, {province}"),
        (
            "Tổ tự quản Môi trường tổ dân phố số {n}, phường {ward}, {province}",
            "Residential group {n} environment team, {ward} ward, {province}",
        ),
        ("Nhóm Tình nguyện {vol} {province}", "{vol} Volunteers, {province}"),
        ("Đoàn Thanh niên phường {ward}, {province}", "Youth Union of {ward} ward, {province}"),
    ],
    "other": [
        ("Ban Quản lý chợ {ward}, {province}", "{ward} Market Management Board, {province}"),
        ("Tổ thu gom phế liệu phường {ward}, {province}", "{ward} ward waste-picker group, {province}"),
        ("Trường THCS {figure}, {province}", "{figure} Lower Secondary School, {province}"),
        ("Trường Tiểu học {figure}, {province}", "{figure} Primary School, {province}"),
    ],
}
# Short descriptions of what an organisation of each kind does (Vietnamese, English).
KIND_DESCRIPTIONS: dict[str, Text] = {
    "government": ("Cơ quan quản lý nhà nước", "A government agency"),
    "research": ("Viện nghiên cứu", "A research institute"),
    "international": ("Tổ chức quốc tế", "An international organisation"),
    "ngo": ("Tổ chức phi chính phủ", "A non-governmental organisation"),
    "business": ("Doanh nghiệp", "A business"),
    "academic": ("Đơn vị thuộc trường đại học", "A university unit"),
    "alliance": ("Liên minh, mạng lưới", "An alliance"),
    "foundation": ("Quỹ tài trợ", "A foundation"),
    "community": ("Tổ chức cộng đồng", "A community group"),
    "other": ("Đơn vị", "An organisation"),
}


def brand(rng: random.Random) -> str:
    first, second = pick(rng, BRAND_FIRST), pick(rng, BRAND_SECOND)
    return f"{first} {second}" if first != second else f"{first} Phát"


class OrganisationName(NamedTuple):
    vi: str
    en: str
    in_province: bool  # the name places it in the province it was drawn for
    field: Text  # what it works on, for its description


def organisation_name(rng: random.Random, kind: str, province: Text) -> OrganisationName:
    template = pick(rng, ORGANISATION_TEMPLATES.get(kind) or ORGANISATION_TEMPLATES["other"])
    field, field2 = rng.sample(FIELDS, 2)
    sector, uni, faculty = pick(rng, SECTORS), pick(rng, UNIVERSITIES), pick(rng, FACULTIES)
    intl, vol, region = pick(rng, INTERNATIONAL), pick(rng, VOLUNTEER), pick(rng, REGIONS)
    ward, figure, name_brand, number = pick(rng, WARDS), pick(rng, FIGURES), brand(rng), rng.randint(1, 40)
    vi, en = fill(
        template,
        province=province,
        field=field,
        field2=field2,
        sector=sector,
        uni=uni,
        faculty=faculty,
        intl=intl,
        vol=vol,
        region=region,
        ward=ward,
        figure=figure,
        brand=name_brand,
        n=number,
    )
    return OrganisationName(vi, en, "{province}" in template[0], sector if kind == "business" else field)


def acronym(name: str) -> str:
    """Initials of the name's words before any comma or dash, as Vietnamese acronyms are made:
    tone marks dropped, Đ kept (it is a letter of its own)."""
    words = name.split(",")[0].split("–")[0].split()
    initials = (unicodedata.normalize("NFD", word[0].upper())[0] for word in words if word[0].isalpha())
    return "".join(initials)[:12]


def organisation_description(rng: random.Random, kind: str, field: Text, province: Text, year: int) -> Text:
    what = KIND_DESCRIPTIONS.get(kind, KIND_DESCRIPTIONS["other"])
    activity = pick(rng, ORGANISATION_ACTIVITIES)
    where_vi = f" tại {province[0]}" if province[0] else ""
    where_en = f" in {province[1]}" if province[1] else ""
    return (
        f"{what[0]} hoạt động trong lĩnh vực {field[0].lower()}{where_vi}. Tham gia Mạng lưới từ năm {year}, "
        f"{activity[0]}.",
        f"{what[1]} working on {field[1].lower()}{where_en}. A member of the network since {year}, it {activity[1]}.",
    )


ORGANISATION_ACTIVITIES: list[Text] = [
    (
        "tổ chức các lớp tập huấn phân loại rác tại nguồn cho cộng đồng",
        "runs trainings on sorting waste at source",
    ),
    ("thí điểm mô hình thu gom rác thải nhựa giá trị thấp", "pilots collection of low-value plastic waste"),
    (
        "đóng góp ý kiến cho chính sách về trách nhiệm mở rộng của nhà sản xuất",
        "contributes to extended producer responsibility policy",
    ),
    ("hỗ trợ sinh kế cho phụ nữ thu gom phế liệu", "supports the livelihoods of women waste pickers"),
    (
        "thực hiện chương trình trường học xanh không rác thải nhựa",
        "runs plastic-free green school programmes",
    ),
    (
        "nghiên cứu giải pháp tái chế và vật liệu thay thế nhựa",
        "researches recycling and alternatives to plastic",
    ),
    (
        "truyền thông nâng cao nhận thức về tác hại của rác thải nhựa",
        "raises awareness of the harm plastic waste does",
    ),
    ("kết nối doanh nghiệp tái chế với các nhóm thu gom", "connects recyclers with collection groups"),
    (
        "tài trợ cho các sáng kiến cộng đồng giảm thiểu nhựa dùng một lần",
        "funds community initiatives against single-use plastic",
    ),
]


# --- topics, events, initiatives -----------------------------------------------------------------

# (Vietnamese, English, pillar codes the topic belongs to)
TOPICS: list[tuple[str, str, tuple[str, ...]]] = [
    ("giảm thiểu rác thải nhựa dùng một lần", "reducing single-use plastic", ("awareness", "policy")),
    ("trách nhiệm mở rộng của nhà sản xuất (EPR) đối với bao bì nhựa", "extended producer responsibility (EPR) for plastic packaging", ("policy", "finance")),
    ("kinh tế tuần hoàn trong ngành nhựa", "a circular economy for the plastics sector", ("innovation",)),
    ("thu gom rác thải nhựa giá trị thấp", "collecting low-value plastic waste", ("innovation", "gender-inclusion")),
    ("phân loại rác tại nguồn", "sorting waste at source", ("awareness",)),
    ("Thỏa thuận toàn cầu về ô nhiễm nhựa", "the global plastics treaty", ("policy",)),
    ("vai trò của phụ nữ trong quản lý chất thải nhựa", "women's role in plastic waste management", ("gender-inclusion",)),
    ("hỗ trợ người thu gom phi chính thức", "supporting informal waste pickers", ("gender-inclusion",)),
    ("mô hình tái sử dụng và nạp lại (Reuse & Refill)", "Reuse & Refill models", ("innovation", "finance")),
    ("rác thải nhựa đại dương", "marine plastic litter", ("policy", "awareness")),
    ("tài chính xanh cho các sáng kiến giảm thiểu nhựa", "green finance for plastic-reduction initiatives", ("finance",)),
    ("trường học xanh không rác thải nhựa", "plastic-free green schools", ("awareness",)),
    ("du lịch không rác thải nhựa", "plastic-free tourism", ("awareness", "innovation")),
    ("vi nhựa và sức khỏe con người", "microplastics and human health", ("awareness", "communication")),
    ("chợ dân sinh giảm túi ni lông", "markets cutting plastic bags", ("awareness",)),
    ("sản phẩm thay thế nhựa", "alternatives to plastic", ("innovation",)),
    ("truyền thông thay đổi hành vi về rác thải nhựa", "behaviour-change communication on plastic waste", ("communication",)),
    ("Luật Bảo vệ môi trường 2020 và Nghị định 08/2022/NĐ-CP", "the 2020 Law on Environmental Protection and Decree 08/2022", ("policy",)),
    ("kinh nghiệm các quốc gia trong mạng lưới GPAP", "experience of countries in the GPAP network", ("policy", "communication")),
    ("chuỗi giá trị tái chế nhựa và doanh nghiệp", "the plastic recycling value chain and business", ("innovation", "finance")),
]  # fmt: skip

AUDIENCES: list[Text] = [
    ("cán bộ Hội Phụ nữ", "Women's Union officers"),
    ("giáo viên THCS", "lower-secondary teachers"),
    ("người thu gom phi chính thức", "informal waste pickers"),
    ("tổ trưởng tổ dân phố", "residential group leaders"),
    ("doanh nghiệp vừa và nhỏ", "small and medium businesses"),
    ("cán bộ môi trường cấp xã", "commune environment officers"),
    ("tiểu thương chợ dân sinh", "market traders"),
    ("đoàn viên thanh niên", "Youth Union members"),
    ("hướng dẫn viên du lịch", "tour guides"),
]
SKILLS: list[Text] = [
    ("phân loại rác tại nguồn", "sorting waste at source"),
    ("ủ phân hữu cơ từ rác thải sinh hoạt", "composting household waste"),
    ("thu gom và bán rác thải nhựa giá trị thấp", "collecting and selling low-value plastic"),
    ("báo cáo kết quả và chỉ số dự án", "reporting project results and indicators"),
    ("truyền thông về giảm thiểu rác thải nhựa", "communicating on plastic reduction"),
    ("lồng ghép giới trong dự án môi trường", "gender mainstreaming in environmental projects"),
    ("xây dựng kế hoạch hành động trường học xanh", "green-school action planning"),
]

# Titles per event type code: (Vietnamese, English) with {topic}, {place}, {ward}, {pillar},
# {audience}, {skill}, {year}, {quarter}, {region}, {n}.
EVENT_TEMPLATES: dict[str, list[Text]] = {
    "consultation-workshop": [
        ("Hội thảo tham vấn về {topic}", "Consultation workshop on {topic}"),
        ("Hội thảo tham vấn về {topic} tại {place}", "Consultation workshop on {topic} in {place}"),
        ("Tham vấn thành viên và đối tác về {topic}", "Member and partner consultation on {topic}"),
    ],
    "working-group-meeting": [
        ("Họp Nhóm công tác NPAP quý {quarter} năm {year}", "NPAP working-group meeting, Q{quarter} {year}"),
        (
            "Họp Nhóm kỹ thuật {pillar} quý {quarter} năm {year}",
            "{pillar} technical group meeting, Q{quarter} {year}",
        ),
        ("Họp Nhóm công tác khu vực {region} năm {year}", "Working-group meeting for {region}, {year}"),
    ],
    "pillar-workshop": [
        ("Hội thảo Trụ cột {pillar}: {topic}", "{pillar} pillar workshop: {topic}"),
        ("Hội thảo Trụ cột {pillar} năm {year}", "{pillar} pillar workshop {year}"),
    ],
    "training": [
        (
            "Tập huấn phân loại rác tại nguồn tại phường {ward}, {place}",
            "Training on sorting waste at source in {ward} ward, {place}",
        ),
        ("Tập huấn {skill} cho {audience}", "Training on {skill} for {audience}"),
        ("Tập huấn {skill} cho {audience} tại {place}", "Training on {skill} for {audience} in {place}"),
    ],
    "roundtable": [
        ("Tọa đàm “{Topic}”", "Roundtable talk: {topic}"),
        (
            "Tọa đàm “{Topic} – thách thức và cơ hội cho Việt Nam”",
            "Roundtable talk: {topic} – challenges and opportunities for Vietnam",
        ),
    ],
    "conference": [
        ("Hội nghị về {topic} khu vực {region} năm {year}", "Conference on {topic}, {region}, {year}"),
        ("Hội nghị tổng kết mô hình {topic} tại {place}", "Review conference on {topic} in {place}"),
        ("Diễn đàn doanh nghiệp về {topic}", "Business forum on {topic}"),
    ],
    "campaign": [
        (
            "Ra quân làm sạch bãi biển và khu dân cư tại {place}",
            "Beach and neighbourhood clean-up in {place}",
        ),
        (
            "Chiến dịch “Nói không với túi ni lông” tại phường {ward}, {place}",
            "“Say no to plastic bags” campaign in {ward} ward, {place}",
        ),
        (
            "Ngày hội đổi rác lấy quà tại phường {ward}, {place}",
            "Waste-for-gifts day in {ward} ward, {place}",
        ),
        ("Hưởng ứng Ngày Môi trường thế giới {year} tại {place}", "World Environment Day {year} in {place}"),
    ],
    "webinar": [
        ("Hội thảo trực tuyến: {topic}", "Webinar: {topic}"),
        ("Chia sẻ trực tuyến kinh nghiệm về {topic}", "Online exchange on {topic}"),
    ],
}
GENERIC_EVENT_TEMPLATES: list[Text] = [("{type} về {topic}", "{type} on {topic}")]
DELEGATION_TEMPLATE: Text = (
    "Đoàn công tác tham dự {forum} tại {city}, {country}",
    "Delegation to {forum} in {city}, {country}",
)

EVENT_SUMMARIES: list[Text] = [
    (
        "Sự kiện do {host} chủ trì, với sự tham gia của đại diện cơ quan quản lý, doanh nghiệp, tổ chức xã hội và cộng đồng.",
        "Hosted by {host}, with representatives of authorities, businesses, civil society and communities.",
    ),
    (
        "{host} phối hợp cùng các thành viên mạng lưới tổ chức sự kiện nhằm chia sẻ kinh nghiệm về {topic}.",
        "{host} and network members held the event to share experience on {topic}.",
    ),
    (
        "Các đại biểu thảo luận về {topic} và đề xuất các giải pháp phù hợp với điều kiện địa phương.",
        "Participants discussed {topic} and proposed solutions that fit local conditions.",
    ),
]
EVENT_OBJECTIVES: list[str] = [
    "Chia sẻ kết quả, bài học kinh nghiệm và thống nhất kế hoạch hoạt động giai đoạn tiếp theo.",
    "Nâng cao năng lực cho các thành viên và kết nối các bên liên quan trong chuỗi giá trị tái chế.",
    "Lấy ý kiến góp ý của thành viên và đối tác cho dự thảo chính sách.",
    "Giới thiệu các mô hình thực hành tốt để nhân rộng tại địa phương.",
]
EVENT_OUTCOMES: list[str] = [
    "Các đại biểu thống nhất kiến nghị gửi cơ quan quản lý và cam kết phối hợp triển khai trong năm tới.",
    "Hội thảo ghi nhận nhiều ý kiến đóng góp; ban tổ chức sẽ tổng hợp thành báo cáo gửi các thành viên.",
    "Học viên hoàn thành bài kiểm tra cuối khóa và xây dựng kế hoạch hành động tại đơn vị.",
    "Thu gom được nhiều rác thải nhựa và nâng cao nhận thức của người dân địa phương.",
]
VENUES = [
    "Khách sạn {brand}, {place}", "Hội trường Ủy ban nhân dân phường {ward}, {place}",
    "Trung tâm Hội nghị {place}", "Nhà văn hóa tổ dân phố số {n}, phường {ward}, {place}",
    "Trường THCS {figure}, {place}",
]  # fmt: skip
ONLINE_VENUES = ["Trực tuyến qua Zoom", "Trực tuyến qua Microsoft Teams", "Trực tuyến qua Google Meet"]
AGENDA_ITEMS = [
    "Khai mạc và phát biểu chào mừng", "Trình bày: {topic}", "Chia sẻ kinh nghiệm của {org}",
    "Thảo luận nhóm: {topic}", "Hỏi đáp và trao đổi", "Tổng kết và bế mạc",
]  # fmt: skip
SESSION_TITLES: list[tuple[str, str]] = [
    ("Phiên toàn thể", "plenary"),
    ("Phiên song song 1: chính sách và thể chế", "parallel"),
    ("Phiên song song 2: doanh nghiệp và đổi mới sáng tạo", "parallel"),
    ("Phiên song song 3: cộng đồng và truyền thông", "parallel"),
]
FREE_TEXT_ORGANISATIONS = [
    "UBND phường {ward}", "Tổ dân phố số {n}, phường {ward}", "Hội Người cao tuổi phường {ward}",
    "Trường Tiểu học {figure}", "Tự do", "Hộ kinh doanh cá thể",
]  # fmt: skip

# Initiative titles: (Vietnamese, English, theme). {place}: a ward and province, {province},
# {destination}. The theme picks the results and indicators the initiative reports.
INITIATIVE_TEMPLATES: list[tuple[str, str, str]] = [
    ("Mô hình thu gom rác thải nhựa giá trị thấp tại {place}", "Collecting low-value plastic waste in {place}", "collection"),
    ("Trường học xanh – nói không với rác thải nhựa tại {province}", "Green schools – no to plastic waste in {province}", "schools"),
    ("Phân loại rác tại nguồn ở khu dân cư {place}", "Sorting waste at source in {place}", "sorting"),
    ("Nâng cao năng lực cho phụ nữ thu gom phế liệu tại {province}", "Building the capacity of women waste pickers in {province}", "women"),
    ("Chợ xanh giảm túi ni lông tại {place}", "Green markets cutting plastic bags in {place}", "markets"),
    ("Tái chế rác thải nhựa thành vật liệu xây dựng tại {province}", "Recycling plastic waste into building materials in {province}", "collection"),
    ("Thúc đẩy mô hình tái sử dụng và nạp lại (Reuse & Refill) tại {province}", "Reuse & Refill models in {province}", "markets"),
    ("Du lịch không rác thải nhựa tại {destination}", "Plastic-free tourism in {destination}", "tourism"),
    ("Giảm thiểu rác thải nhựa đại dương tại cộng đồng ven biển {province}", "Reducing marine plastic litter in coastal communities of {province}", "collection"),
    ("Ngân hàng rác tại {place}", "A waste bank in {place}", "sorting"),
    ("Thí điểm trách nhiệm mở rộng của nhà sản xuất đối với bao bì nhựa tại {province}", "Piloting extended producer responsibility for plastic packaging in {province}", "policy"),
    ("Giáo dục môi trường về rác thải nhựa cho học sinh THCS tại {province}", "Plastic-waste education for lower-secondary pupils in {province}", "schools"),
    ("Hỗ trợ sinh kế cho người thu gom phi chính thức tại {province}", "Livelihood support for informal waste pickers in {province}", "women"),
    ("Truyền thông thay đổi hành vi về nhựa dùng một lần tại {province}", "Behaviour-change communication on single-use plastic in {province}", "communication"),
]  # fmt: skip
INITIATIVE_SUMMARIES: list[str] = [
    "Sáng kiến do {lead} chủ trì, phối hợp với chính quyền địa phương và các tổ chức đoàn thể triển khai tại {province}.",
    "Mô hình được thí điểm tại một số tổ dân phố trước khi nhân rộng ra toàn phường.",
    "Rác thải nhựa thu gom được chuyển cho các doanh nghiệp tái chế thành hạt nhựa và sản phẩm mới.",
    "Sáng kiến chú trọng sự tham gia của phụ nữ và các nhóm dễ bị tổn thương.",
    "Kết quả được theo dõi hằng quý và báo cáo cho Mạng lưới theo khung kết quả chung.",
]
INITIATIVE_OBJECTIVES: list[str] = [
    "Giảm lượng rác thải nhựa thải ra môi trường và tăng tỷ lệ tái chế.",
    "Thay đổi nhận thức và hành vi của người dân về nhựa dùng một lần.",
    "Tạo sinh kế ổn định cho người thu gom phi chính thức, đặc biệt là phụ nữ.",
    "Xây dựng mô hình có thể nhân rộng và đóng góp cho chính sách địa phương.",
]

# What each theme's results and indicators look like. Indicator: (key into INDICATORS).
RESULTS: dict[str, list[tuple[str, str, str, list[str]]]] = {
    # theme: [(result type, Vietnamese title, English title, indicator keys)]
    "collection": [
        ("output", "Mô hình thu gom được thiết lập và vận hành", "The collection model set up and running", ["people_trained", "groups", "collection_qual"]),
        ("outcome", "Rác thải nhựa giá trị thấp được thu gom, tái chế", "Low-value plastic collected and recycled", ["plastic_collected", "plastic_recycled", "households_sorting"]),
        ("impact", "Giảm rác thải nhựa ra môi trường", "Less plastic waste reaching the environment", ["share_sorting_correctly"]),
    ],
    "schools": [
        ("output", "Giáo viên và học sinh được tập huấn", "Teachers and pupils trained", ["people_trained", "students_reached"]),
        ("outcome", "Trường học xây dựng kế hoạch hành động", "Schools with action plans", ["schools_engaged", "student_initiatives"]),
        ("impact", "Giảm rác thải nhựa trong trường học", "Less plastic waste in schools", ["awareness_qual"]),
    ],
    "sorting": [
        ("output", "Người dân được hướng dẫn phân loại rác", "Residents shown how to sort waste", ["people_reached", "people_trained"]),
        ("outcome", "Hộ gia đình phân loại rác tại nguồn", "Households sorting waste at source", ["households_sorting", "share_sorting_correctly"]),
        ("outcome", "Rác thải nhựa được thu gom", "Plastic waste collected", ["plastic_collected"]),
    ],
    "women": [
        ("output", "Phụ nữ thu gom phế liệu được tập huấn", "Women waste pickers trained", ["people_trained", "women_supported"]),
        ("outcome", "Sinh kế của người thu gom được cải thiện", "Waste pickers' livelihoods improved", ["women_supported", "plastic_collected", "livelihood_qual"]),
        ("outcome", "Tổ chức thành viên nâng cao năng lực", "Member organisations with stronger capacity", ["organisations_improved"]),
    ],
    "markets": [
        ("output", "Tiểu thương và người dân được truyền thông", "Traders and residents informed", ["people_reached", "bags_replaced"]),
        ("outcome", "Giảm sử dụng túi ni lông tại chợ", "Fewer plastic bags used at markets", ["bags_replaced", "share_sorting_correctly"]),
    ],
    "tourism": [
        ("output", "Cơ sở du lịch cam kết giảm nhựa", "Tourism businesses committed to reduce plastic", ["businesses_committed", "people_trained"]),
        ("outcome", "Rác thải nhựa tại điểm du lịch được thu gom", "Plastic collected at the destination", ["plastic_collected", "awareness_qual"]),
    ],
    "policy": [
        ("output", "Góp ý chính sách được gửi cơ quan quản lý", "Policy recommendations submitted", ["policy_inputs", "people_trained"]),
        ("outcome", "Doanh nghiệp tham gia thí điểm", "Businesses taking part in the pilot", ["businesses_committed", "plastic_recycled"]),
        ("outcome", "Tổ chức được hỗ trợ nâng cao năng lực", "Supported organisations stronger", ["organisations_improved"]),
    ],
    "communication": [
        ("output", "Sản phẩm truyền thông được phát hành", "Communication products released", ["media_products", "people_reached"]),
        ("outcome", "Nhận thức của cộng đồng được nâng cao", "Community awareness raised", ["awareness_qual", "share_sorting_correctly"]),
    ],
}  # fmt: skip

# Indicator kinds: title, unit, measure, cumulative, the network indicator it may link to, whether
# it counts people (and so is split by sex), and the size of one report.
INDICATORS: dict[str, dict] = {
    "people_trained": {"title": ("Người được tập huấn", "People trained"), "unit": ("người", "people"), "measure": "quantitative", "cumulative": False, "network": "people-trained", "people": True, "size": (15, 180)},
    "students_reached": {"title": ("Học sinh tham gia hoạt động ngoại khóa về rác thải nhựa", "Pupils in extra-curricular plastic activities"), "unit": ("học sinh", "pupils"), "measure": "quantitative", "cumulative": False, "network": None, "people": True, "size": (80, 1500)},
    "people_reached": {"title": ("Người dân được tiếp cận thông tin tuyên truyền", "Residents reached by information"), "unit": ("người", "people"), "measure": "quantitative", "cumulative": False, "network": None, "people": True, "size": (100, 3000)},
    "women_supported": {"title": ("Phụ nữ thu gom phế liệu được hỗ trợ", "Women waste pickers supported"), "unit": ("người", "people"), "measure": "quantitative", "cumulative": True, "network": "women-waste-pickers", "people": "female", "size": (10, 150)},
    "plastic_collected": {"title": ("Rác thải nhựa giá trị thấp được thu gom", "Low-value plastic waste collected"), "unit": ("kg", "kg"), "measure": "quantitative", "cumulative": False, "network": "plastic-collected", "people": False, "size": (150, 9000)},
    "plastic_recycled": {"title": ("Rác thải nhựa được chuyển đi tái chế", "Plastic waste sent for recycling"), "unit": ("kg", "kg"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (100, 6000)},
    "households_sorting": {"title": ("Hộ gia đình phân loại rác tại nguồn", "Households sorting waste at source"), "unit": ("hộ", "households"), "measure": "quantitative", "cumulative": True, "network": "households-sorting", "people": False, "size": (50, 1200)},
    "schools_engaged": {"title": ("Trường học tham gia", "Schools engaged"), "unit": ("trường", "schools"), "measure": "quantitative", "cumulative": True, "network": "schools-engaged", "people": False, "size": (2, 12)},
    "student_initiatives": {"title": ("Sáng kiến của học sinh được lựa chọn", "Pupils' initiatives selected"), "unit": ("sáng kiến", "initiatives"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (3, 25)},
    "groups": {"title": ("Nhóm nòng cốt được thành lập", "Core groups set up"), "unit": ("nhóm", "groups"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (2, 20)},
    "bags_replaced": {"title": ("Túi ni lông được thay thế bằng túi thân thiện môi trường", "Plastic bags replaced by reusable bags"), "unit": ("chiếc", "bags"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (500, 20000)},
    "businesses_committed": {"title": ("Doanh nghiệp, cơ sở kinh doanh cam kết giảm nhựa", "Businesses committed to reduce plastic"), "unit": ("cơ sở", "businesses"), "measure": "quantitative", "cumulative": True, "network": None, "people": False, "size": (3, 40)},
    "policy_inputs": {"title": ("Văn bản góp ý chính sách được gửi", "Policy comments submitted"), "unit": ("văn bản", "documents"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (1, 4)},
    "media_products": {"title": ("Sản phẩm truyền thông được phát hành", "Communication products released"), "unit": ("sản phẩm", "products"), "measure": "quantitative", "cumulative": False, "network": None, "people": False, "size": (2, 30)},
    "share_sorting_correctly": {"title": ("Tỷ lệ hộ gia đình phân loại rác đúng cách", "Share of households sorting correctly"), "unit": ("%", "%"), "measure": "percentage", "cumulative": False, "network": None, "people": False, "size": (40, 600)},
    "organisations_improved": {"title": ("Tổ chức được hỗ trợ đã nâng cao hiệu suất hoạt động", "Supported organisations that improved"), "unit": ("%", "%"), "measure": "percentage", "cumulative": False, "network": "organisations-improved", "people": False, "size": (3, 20)},
    "collection_qual": {"title": ("Tình hình vận hành mô hình thu gom", "How the collection model is running"), "unit": ("", ""), "measure": "qualitative", "cumulative": False, "network": None, "people": False, "size": (0, 0)},
    "awareness_qual": {"title": ("Thay đổi nhận thức của cộng đồng", "Change in community awareness"), "unit": ("", ""), "measure": "qualitative", "cumulative": False, "network": None, "people": False, "size": (0, 0)},
    "livelihood_qual": {"title": ("Thay đổi về sinh kế của người thu gom", "Change in waste pickers' livelihoods"), "unit": ("", ""), "measure": "qualitative", "cumulative": False, "network": None, "people": False, "size": (0, 0)},
}  # fmt: skip

QUALITATIVE_NARRATIVES = [
    "Mô hình vận hành ổn định; tổ thu gom họp định kỳ hằng tháng tại phường {ward}.",
    "Người dân tích cực hưởng ứng, tỷ lệ hộ tham gia tăng so với kỳ trước.",
    "Một số hộ chưa duy trì phân loại thường xuyên; nhóm nòng cốt tiếp tục vận động.",
    "Chính quyền phường {ward} cam kết duy trì mô hình sau khi dự án kết thúc.",
    "Thu nhập của chị em thu gom tăng nhờ bán trực tiếp cho doanh nghiệp tái chế.",
    "Học sinh chủ động mang bình nước cá nhân; căng tin đã ngừng bán nước đóng chai nhựa.",
]
QUANTITATIVE_NARRATIVES = [
    "Số liệu tổng hợp từ sổ theo dõi của tổ thu gom phường {ward}.",
    "Theo danh sách ký nhận của các lớp tập huấn.",
    "Số liệu do doanh nghiệp tái chế xác nhận.",
    "Theo báo cáo của Hội Phụ nữ phường {ward}.",
]
RETURN_NOTES = [
    "Đề nghị bổ sung minh chứng (biên bản, ảnh chụp) cho số liệu này.",
    "Số liệu chưa khớp với báo cáo quý trước; đề nghị kiểm tra lại.",
    "Đề nghị tách số liệu theo giới tính.",
]
PARTNER_ROLES_WEIGHTS = [("implementing", 5), ("partner", 4), ("funder", 3)]

# The public library: report kinds and how they are titled.
ANALYTICAL_REPORTS: list[Text] = [
    ("Kinh nghiệm của các quốc gia trong mạng lưới GPAP", "Experience of countries in the GPAP network"),
    (
        "Các kịch bản đàm phán Thỏa thuận toàn cầu về ô nhiễm nhựa",
        "Negotiation scenarios for the global plastics treaty",
    ),
    ("Rà soát các dự án của Bộ về chất thải nhựa", "Review of the ministry's plastic-waste projects"),
    ("Khuyến nghị cho doanh nghiệp về giảm thiểu nhựa", "Recommendations for business on plastic reduction"),
    ("Đánh giá các mô hình thí điểm Reuse & Refill", "Assessment of Reuse & Refill pilots"),
    ("Lập trường của các nước châu Á – Thái Bình Dương về nhựa", "Asia-Pacific positions on plastics"),
    (
        "Các công ước quốc tế liên quan đến ô nhiễm nhựa",
        "International conventions related to plastic pollution",
    ),
    ("Lồng ghép giới trong quản lý chất thải nhựa", "Gender in plastic waste management"),
    ("Thị trường tái chế nhựa tại Việt Nam", "The plastic recycling market in Vietnam"),
]
