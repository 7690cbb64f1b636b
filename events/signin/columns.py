"""The columns of a sign-in sheet: the headings and words sheets use for them, and the checks a
row must pass before it is imported."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from members.matching import folded_words
from members.models import Person

from ..models import Participation

FIELDS = ["full_name", "gender", "organisation", "position", "email", "phone", "role", "mode"]
MAX_LENGTHS = {"full_name": 200, "organisation": 300, "position": 200, "email": 254, "phone": 40}
MAX_CELL_CHARS = 500


def _keys(field_name: str, *words: str) -> dict[str, str]:
    return {folded_words(word): field_name for word in words}


HEADERS = {
    **_keys(
        "full_name",
        "Họ và tên",
        "Họ tên",
        "Tên",
        "Họ và tên đại biểu",
        "Tên đại biểu",
        "Đại biểu",
        "Full name",
        "Name",
        "Participant",
        "Participant name",
    ),
    **_keys("gender", "Giới tính", "Nam/Nữ", "Gender", "Sex"),
    **_keys(
        "organisation",
        "Tổ chức",
        "Cơ quan",
        "Đơn vị",
        "Cơ quan/Tổ chức",
        "Tổ chức/Cơ quan",
        "Cơ quan/Đơn vị",
        "Đơn vị công tác",
        "Cơ quan công tác",
        "Tên tổ chức",
        "Tên cơ quan",
        "Tên đơn vị",
        "Organisation",
        "Organization",
        "Agency",
        "Affiliation",
    ),
    **_keys(
        "position", "Chức vụ", "Chức danh", "Vị trí", "Vị trí công tác", "Position", "Title", "Job title"
    ),
    **_keys("email", "Email", "E-mail", "Thư điện tử", "Địa chỉ email"),
    **_keys(
        "phone",
        "Điện thoại",
        "Số điện thoại",
        "SĐT",
        "ĐT",
        "Di động",
        "Phone",
        "Phone number",
        "Mobile",
        "Telephone",
        "Tel",
    ),
    **_keys("role", "Vai trò", "Role"),
    **_keys("mode", "Hình thức", "Hình thức tham dự", "Hình thức tham gia", "Attendance", "Mode"),
}

# Columns every sheet has that carry nothing to import; not worth mentioning as ignored.
UNREMARKABLE = {
    folded_words(word) for word in ["STT", "TT", "No", "No.", "#", "Ký tên", "Chữ ký", "Signature"]
}

GENDERS = {
    **_keys(Person.Gender.FEMALE, "Nữ", "Nữ giới", "Phụ nữ", "female", "f", "woman", "w"),
    **_keys(Person.Gender.MALE, "Nam", "Nam giới", "male", "m", "man"),
    **_keys(Person.Gender.OTHER, "Khác", "other"),
    **_keys(
        Person.Gender.UNDISCLOSED,
        "Không tiết lộ",
        "Không muốn nêu",
        "not disclosed",
        "undisclosed",
        "prefer not to say",
    ),
}
ROLES = {
    **_keys(
        Participation.Role.PARTICIPANT,
        "Đại biểu",
        "Người tham dự",
        "Tham dự",
        "Học viên",
        "participant",
        "delegate",
    ),
    **_keys(
        Participation.Role.SPEAKER,
        "Diễn giả",
        "Báo cáo viên",
        "Trình bày",
        "Chuyên gia",
        "speaker",
        "presenter",
    ),
    **_keys(
        Participation.Role.FACILITATOR,
        "Điều phối",
        "Điều hành",
        "Chủ trì",
        "Người điều phối",
        "facilitator",
        "moderator",
        "chair",
    ),
    **_keys(Participation.Role.ORGANISER, "Ban tổ chức", "BTC", "organiser", "organizer"),
    **_keys(Participation.Role.PRESS, "Báo chí", "Phóng viên", "press", "journalist", "media"),
}
MODES = {
    **_keys(
        Participation.Mode.IN_PERSON, "Trực tiếp", "in person", "in_person", "offline", "onsite", "on site"
    ),
    **_keys(Participation.Mode.ONLINE, "Trực tuyến", "online", "Zoom", "virtual", "remote"),
}


def heading_field(cell: object) -> str | None:
    """The field a column's heading names, if it is one of the headings sheets use."""
    return HEADERS.get(folded_words(cell))


def unremarkable(cell: object) -> bool:
    return folded_words(cell) in UNREMARKABLE


def cell_text(value: str) -> str:
    """A cell as one line of text, its letters composed the one way Vietnamese is stored."""
    return " ".join(unicodedata.normalize("NFC", value).split())[:MAX_CELL_CHARS]


def clean_email(value: str) -> str:
    return value.replace(" ", "").lower()


def coded(row: dict, *, default_mode: str) -> dict:
    """The row with its gender, role and attendance as codes where the words are recognised,
    left as written otherwise for the preview to point out; blanks get the usual value."""
    return {
        **row,
        "gender": GENDERS.get(folded_words(row["gender"]), row["gender"]) or Person.Gender.UNDISCLOSED,
        "role": ROLES.get(folded_words(row["role"]), row["role"]) or Participation.Role.PARTICIPANT,
        "mode": MODES.get(folded_words(row["mode"]), row["mode"]) or default_mode,
        "email": clean_email(row["email"]),
    }


def row_errors(row: dict) -> dict[str, list[str]]:
    """What is wrong with a row's values, by field; empty when the row may be imported."""
    errors: dict[str, list[str]] = {}

    def add(field_name: str, message) -> None:
        errors.setdefault(field_name, []).append(str(message))

    for name, limit in MAX_LENGTHS.items():
        if len(row.get(name, "")) > limit:
            add(name, _("At most %(limit)s characters.") % {"limit": limit})
    if not row.get("full_name"):
        add("full_name", _("The full name is missing."))
    gender = row.get("gender", "")
    if gender not in Person.Gender.values:
        if gender:
            add(
                "gender",
                _("Unknown gender “%(value)s”: choose female, male, other or not disclosed.")
                % {"value": gender},
            )
        else:
            add("gender", _("Choose a gender, or “not disclosed”."))
    if row.get("role", "") not in Participation.Role.values:
        add("role", _("Unknown role “%(value)s”: choose one from the list.") % {"value": row.get("role")})
    if row.get("mode", "") not in Participation.Mode.values:
        add(
            "mode",
            _("Unknown attendance “%(value)s”: choose in person or online.") % {"value": row.get("mode")},
        )
    email = row.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            add("email", _("“%(value)s” is not a valid email address.") % {"value": email})
    phone = row.get("phone", "")
    if phone and (re.search(r"[^0-9 +().\-]", phone) or not 8 <= len(re.sub(r"\D", "", phone)) <= 15):
        add("phone", _("“%(value)s” is not a phone number.") % {"value": phone})
    return errors
