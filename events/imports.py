"""Sign-in sheets: reading an XLSX or CSV list of delegates, and reviewing its rows against the directory.

A sheet becomes plain rows of text, the same shape the coordinator corrects in the preview, kept
on a :class:`~events.models.SignInImport`. Each time the preview is shown the rows are checked
again and compared with the people and organisations in the directory as they are now, so a
person added in another tab meanwhile is found, and a correction is checked as soon as it is made.
"""

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import F, Prefetch, Q, Value
from django.db.models.functions import Lower, Replace
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import uploads
from core.search import fold
from members.models import Affiliation, Organisation, Person

from .models import Participation

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# An XLSX is a zip file: a small upload may unpack to gigabytes, so the unpacked size is bounded too.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1000
# Sheets often start with a title, the event's name and date before the table's headings.
HEADER_SEARCH_ROWS = 20
MAX_CELL_CHARS = 500

FIELDS = ["full_name", "gender", "organisation", "position", "email", "phone", "role", "mode"]
MAX_LENGTHS = {"full_name": 200, "organisation": 300, "position": 200, "email": 254, "phone": 40}

ACTION_NEW = "new"
ACTION_SKIP = "skip"
PERSON_PREFIX = "person:"


def _key(value: object) -> str:
    """Folded words only: "Cơ quan/Tổ chức" and "co quan - to chuc" give the same key."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(value) or "").split())


def _keys(field_name: str, *words: str) -> dict[str, str]:
    return {_key(word): field_name for word in words}


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
UNREMARKABLE = {_key(word) for word in ["STT", "TT", "No", "No.", "#", "Ký tên", "Chữ ký", "Signature"]}

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


# --- reading the file ----------------------------------------------------------------------------


@dataclass
class ParsedSheet:
    rows: list[dict]
    ignored_columns: list[str]


NOT_A_SHEET = _("This is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file.")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split())[:MAX_CELL_CHARS]


def _phone_text(value: object) -> str:
    # Excel stores 0912 345 678 typed as a number as 912345678: the leading zero of a Vietnamese
    # mobile or Hà Nội/HCMC landline number is put back.
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) in (9, 10) and not digits.startswith(("0", "84")):
            return "0" + digits
        return digits
    return _text(value)


def _xlsx_rows(data: bytes) -> Iterator[tuple]:
    from openpyxl import load_workbook

    # A workbook by its content, without macros and not a zip bomb, before openpyxl opens it.
    if uploads.document_kind(data, kinds=[uploads.XLSX]) is None:
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The workbook is too large to read; keep only the list of people in it."))
    # openpyxl raises many kinds of error on a damaged workbook; all of them mean the same to the user.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
        workbook.close()
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("The workbook could not be read; open it in Excel and save it again as .xlsx."),
            code="unreadable",
        ) from None


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    if b"\x00" in data[:4096]:
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Save the CSV file as UTF-8 (in Excel: “CSV UTF-8”) so Vietnamese letters are kept."),
            code="encoding",
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes semicolons where the comma is the decimal separator, as it is in Vietnamese.
    delimiter = max([";", ",", "\t"], key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _table(data: bytes, name: str) -> Iterator[Iterable]:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            _("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or as CSV UTF-8."), code="xls"
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    if extension not in ("csv", "txt") or data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    return _csv_rows(data)


def parse_sheet(upload, *, default_mode: str = Participation.Mode.IN_PERSON) -> ParsedSheet:
    """Read an uploaded sign-in sheet into rows of text, one dict per person.

    Gender, role and attendance are turned into their codes where the text is recognised and left
    as written otherwise, for the preview to point out. Raises ``ValidationError`` with a message
    for the coordinator when the file cannot be used at all.
    """
    data = uploads.read_within(
        upload,
        MAX_UPLOAD_BYTES,
        declared_too_large=_("The file is %(size)s; sign-in sheets may be at most %(limit)s."),
        too_large=_("Sign-in sheets may be at most %(limit)s."),
    )
    if not data.strip():
        raise ValidationError(_("The file is empty."), code="empty")

    table = iter(_table(data, getattr(upload, "name", "") or ""))
    columns: dict[int, str] | None = None
    ignored: list[str] = []
    header_line = 0
    for position, cells in zip(range(HEADER_SEARCH_ROWS), table, strict=False):
        found = {i: HEADERS[_key(cell)] for i, cell in enumerate(cells) if _key(cell) in HEADERS}
        if "full_name" in found.values():
            columns = {}
            for i, name in found.items():
                # A second "Tên" or "Email" column is ignored rather than overwriting the first.
                if name not in columns.values():
                    columns[i] = name
            ignored = [
                _text(cell)
                for i, cell in enumerate(cells)
                if i not in columns and _text(cell) and _key(cell) not in UNREMARKABLE
            ]
            header_line = position + 1
            break
    if columns is None:
        raise ValidationError(
            _(
                "No column with the full name was found. The table needs a row of headings such as "
                "“Họ và tên”, “Giới tính”, “Tổ chức”, “Chức vụ”, “Email”, “Điện thoại” "
                "(or “Full name”, “Gender”, “Organisation”, “Position”, “Email”, “Phone”)."
            ),
            code="no_header",
        )

    rows: list[dict] = []
    for line, cells in enumerate(table, start=header_line + 1):
        cells = list(cells)
        values = {name: "" for name in FIELDS}
        for i, name in columns.items():
            if i < len(cells):
                values[name] = _phone_text(cells[i]) if name == "phone" else _text(cells[i])
        if not any(values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _("The sheet has more than %(limit)s people; split it into several files.")
                % {"limit": MAX_ROWS},
                code="too_many_rows",
            )
        values["gender"] = GENDERS.get(_key(values["gender"]), values["gender"]) or Person.Gender.UNDISCLOSED
        values["role"] = ROLES.get(_key(values["role"]), values["role"]) or Participation.Role.PARTICIPANT
        values["mode"] = MODES.get(_key(values["mode"]), values["mode"]) or default_mode
        values["email"] = values["email"].replace(" ", "").lower()
        rows.append({"line": line, **values, "action": ""})
    if not rows:
        raise ValidationError(_("The sheet has headings but no people under them."), code="no_rows")
    return ParsedSheet(rows=rows, ignored_columns=ignored)


# --- reviewing the rows ------------------------------------------------------------------------------


class Match:
    """How a row relates to the people already in the directory."""

    MATCHED = "matched"  # same email or phone
    DUPLICATE = "duplicate"  # a similar name at the same or a similar organisation
    NEW = "new"


@dataclass
class Candidate:
    person: Person
    reason: str
    organisations: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return f"{PERSON_PREFIX}{self.person.pk}"


@dataclass
class RowReview:
    index: int
    row: dict
    errors: dict[str, list[str]] = field(default_factory=dict)
    match: str = Match.NEW
    candidates: list[Candidate] = field(default_factory=list)
    organisation: Organisation | None = None
    action: str = ACTION_NEW

    @property
    def line(self) -> int:
        return self.row.get("line", self.index + 1)

    @property
    def skipped(self) -> bool:
        return self.action == ACTION_SKIP

    @property
    def blocking(self) -> bool:
        """Errors stop the import only on rows that are imported; a skipped row may stay wrong."""
        return bool(self.errors) and not self.skipped

    @property
    def person(self) -> Person | None:
        for candidate in self.candidates:
            if candidate.value == self.action:
                return candidate.person
        return None

    def add_error(self, field_name: str, message) -> None:
        self.errors.setdefault(field_name, []).append(str(message))


class SignInRowsInvalid(ValidationError):
    """Raised when rows to import have errors; carries the reviewed rows for the preview."""

    def __init__(self, reviews: list[RowReview]):
        self.reviews = reviews
        count = sum(1 for review in reviews if review.blocking)
        super().__init__(
            ngettext(
                "%(count)d row needs correcting or skipping; nothing was imported.",
                "%(count)d rows need correcting or skipping; nothing was imported.",
                count,
            )
            % {"count": count}
        )


def phone_key(value: str) -> str:
    """The digits of a phone number, with Vietnam's +84 written as the leading 0 used at home."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def _phone_variants(key: str) -> set[str]:
    return {key, "84" + key[1:]} if key.startswith("0") else {key}


def _validate(row: dict, review: RowReview) -> None:
    for name, limit in MAX_LENGTHS.items():
        if len(row.get(name, "")) > limit:
            review.add_error(name, _("At most %(limit)s characters.") % {"limit": limit})
    if not row.get("full_name"):
        review.add_error("full_name", _("The full name is missing."))
    gender = row.get("gender", "")
    if gender not in Person.Gender.values:
        if gender:
            review.add_error(
                "gender",
                _("Unknown gender “%(value)s”: choose female, male, other or not disclosed.")
                % {"value": gender},
            )
        else:
            review.add_error("gender", _("Choose a gender, or “not disclosed”."))
    if row.get("role", "") not in Participation.Role.values:
        review.add_error(
            "role", _("Unknown role “%(value)s”: choose one from the list.") % {"value": row.get("role")}
        )
    if row.get("mode", "") not in Participation.Mode.values:
        review.add_error(
            "mode",
            _("Unknown attendance “%(value)s”: choose in person or online.") % {"value": row.get("mode")},
        )
    email = row.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            review.add_error("email", _("“%(value)s” is not a valid email address.") % {"value": email})
    phone = row.get("phone", "")
    if phone and (re.search(r"[^0-9 +().\-]", phone) or not 8 <= len(re.sub(r"\D", "", phone)) <= 15):
        review.add_error("phone", _("“%(value)s” is not a phone number.") % {"value": phone})


def _organisation_index() -> dict[str, Organisation]:
    index: dict[str, Organisation] = {}
    organisations = Organisation.objects.only(
        "id", "slug", "name_vi", "name_en", "acronym", "aliases", "kind"
    )
    for organisation in organisations:
        names = [organisation.name_vi, organisation.name_en, organisation.acronym, *organisation.alias_list]
        for name in names:
            key = _key(name)
            if key:
                index.setdefault(key, organisation)
    return index


def match_organisation(text: str, index: dict[str, Organisation]) -> Organisation | None:
    """The directory organisation a sheet names, by any of its names, acronym or other names.

    "Trung tâm Hỗ trợ Phát triển Xanh (GreenHub)" is tried whole, then as its name and its acronym.
    """
    candidates = [text, *re.split(r"[()\[\]]|\s[-–]\s", text)]
    for candidate in candidates:
        organisation = index.get(_key(candidate))
        if organisation is not None:
            return organisation
    return None


def _person_organisation_keys(person: Person) -> tuple[set[int], set[str]]:
    ids: set[int] = set()
    keys: set[str] = set()
    for affiliation in person.affiliations.all():
        organisation = affiliation.organisation
        ids.add(organisation.pk)
        keys.update(_key(name) for name in [organisation.name_vi, organisation.name_en, organisation.acronym])
    for participation in person.participations.all():
        if participation.organisation_id:
            ids.add(participation.organisation_id)
            keys.update(
                _key(name)
                for name in [
                    participation.organisation.name_vi,
                    participation.organisation.name_en,
                    participation.organisation.acronym,
                ]
            )
        keys.add(_key(participation.organisation_name))
    keys.discard("")
    return ids, keys


def _similar(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    # The cheap upper bounds rule out most pairs before the full comparison.
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def _same_organisation(
    row_key: str, row_organisation: Organisation | None, ids: set[int], keys: set[str]
) -> bool:
    if row_organisation is not None and row_organisation.pk in ids:
        return True
    return any(
        _similar(row_key, key, 0.8)
        or (min(len(row_key), len(key)) >= 4 and (row_key in key or key in row_key))
        for key in keys
    )


def _organisation_labels(person: Person) -> list[str]:
    labels = [str(affiliation.organisation) for affiliation in person.affiliations.all()]
    for participation in person.participations.all():
        label = (
            str(participation.organisation)
            if participation.organisation_id
            else participation.organisation_name
        )
        if label and label not in labels:
            labels.append(label)
    return labels[:3]


def _people_with_organisations():
    return Person.objects.prefetch_related(
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation")),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("organisation").only(
                "id",
                "person_id",
                "organisation_name",
                "organisation__id",
                "organisation__name_vi",
                "organisation__name_en",
                "organisation__acronym",
            ),
        ),
    )


def _contact_matches(rows: list[dict]) -> tuple[dict[str, list[Person]], dict[str, list[Person]]]:
    emails = {row["email"].lower() for row in rows if row.get("email")}
    phones = {phone_key(row["phone"]) for row in rows if len(phone_key(row.get("phone", ""))) >= 8}
    by_email: dict[str, list[Person]] = {}
    by_phone: dict[str, list[Person]] = {}
    if not emails and not phones:
        return by_email, by_phone
    expression = Replace("phone", Value(" "), Value(""))
    for char in ".-()+":
        expression = Replace(expression, Value(char), Value(""))
    variants = set().union(*(_phone_variants(key) for key in phones)) if phones else set()
    people = (
        _people_with_organisations()
        .annotate(email_lower=Lower("email"), phone_digits=expression)
        .filter(Q(email_lower__in=emails) | Q(phone_digits__in=variants))
        .order_by("pk")
    )
    for person in people:
        if person.email and person.email.lower() in emails:
            by_email.setdefault(person.email.lower(), []).append(person)
        if person.phone and phone_key(person.phone) in phones:
            by_phone.setdefault(phone_key(person.phone), []).append(person)
    return by_email, by_phone


def _name_candidates(rows: list[dict]) -> dict[str, list[tuple[str, Person]]]:
    """People whose folded name ends with the same given name as a row, keyed by that given name.

    Vietnamese names put the given name last, and a misspelt family or middle name is the usual
    kind of duplicate; comparing only people who share the given name keeps this one query.
    """
    given_names = {_key(row["full_name"]).split()[-1] for row in rows if _key(row.get("full_name"))}
    found: dict[str, list[tuple[str, Person]]] = {}
    given_list = sorted(given_names)
    for start in range(0, len(given_list), 100):
        condition = Q()
        for given in given_list[start : start + 100]:
            condition |= Q(folded_name__endswith=f" {given}") | Q(folded_name=given)
        people = _people_with_organisations().alias(folded_name=F("search_text")).filter(condition)
        for person in people:
            key = _key(person.full_name)
            if key:
                found.setdefault(key.split()[-1], []).append((key, person))
    return found


def review_rows(*, rows: list[dict]) -> list[RowReview]:
    """Check every row and say whether it is someone already in the directory.

    A row with the same email or phone as a person is *matched*; one with a similar name (tone
    marks ignored) at the same or a similar organisation is a *possible duplicate*; anyone else is
    *new*. A row whose ``action`` is empty gets a suggested one: the matched person, the suggested
    person when the names are the same but for tone marks, or a new person.
    """
    reviews = [RowReview(index=i, row=row) for i, row in enumerate(rows)]
    organisations = _organisation_index()
    by_email, by_phone = _contact_matches(rows)
    by_given_name = _name_candidates(rows)
    chosen_ids = {
        int(row["action"][len(PERSON_PREFIX) :])
        for row in rows
        if str(row.get("action", "")).startswith(PERSON_PREFIX)
        and row["action"][len(PERSON_PREFIX) :].isdigit()
    }
    chosen = {person.pk: person for person in _people_with_organisations().filter(pk__in=chosen_ids)}

    for review in reviews:
        row = review.row
        _validate(row, review)
        organisation_text = row.get("organisation", "")
        review.organisation = (
            match_organisation(organisation_text, organisations) if organisation_text else None
        )

        contacts: list[Candidate] = []
        for person in by_email.get(row.get("email", "").lower(), []) if row.get("email") else []:
            contacts.append(Candidate(person, reason="email"))
        for person in by_phone.get(phone_key(row.get("phone", "")), []) if row.get("phone") else []:
            if all(candidate.person.pk != person.pk for candidate in contacts):
                contacts.append(Candidate(person, reason="phone"))
        name_key = _key(row.get("full_name"))
        same_name = False
        if contacts:
            review.match = Match.MATCHED
            review.candidates = contacts
        elif name_key:
            organisation_key = _key(organisation_text)
            scored = []
            for key, person in by_given_name.get(name_key.split()[-1], []):
                if not _similar(name_key, key, 0.85):
                    continue
                ids, keys = _person_organisation_keys(person)
                if organisation_key and (ids or keys):
                    related = _same_organisation(organisation_key, review.organisation, ids, keys)
                else:
                    # Without an organisation on one side only an identical name is worth a look.
                    related = key == name_key
                if related:
                    scored.append((key != name_key, person.full_name, person))
            scored.sort(key=lambda item: (item[0], item[1]))
            review.candidates = [Candidate(person, reason="name") for _, _, person in scored[:5]]
            if review.candidates:
                review.match = Match.DUPLICATE
                same_name = not scored[0][0]

        action = str(row.get("action") or "")
        if not action:
            if review.match == Match.MATCHED or (review.match == Match.DUPLICATE and same_name):
                action = review.candidates[0].value
            else:
                action = ACTION_NEW
        elif action.startswith(PERSON_PREFIX):
            suffix = action[len(PERSON_PREFIX) :]
            person = chosen.get(int(suffix)) if suffix.isdigit() else None
            if person is None:
                review.add_error(
                    "action", _("The chosen person is no longer in the directory; choose again.")
                )
                action = ""
            elif all(candidate.value != action for candidate in review.candidates):
                review.candidates.append(Candidate(person, reason="chosen"))
        elif action not in (ACTION_NEW, ACTION_SKIP):
            review.add_error("action", _("Choose what to do with this row."))
            action = ""
        review.action = action
        for candidate in review.candidates:
            candidate.organisations = _organisation_labels(candidate.person)

    _flag_repeats(reviews)
    return reviews


def _flag_repeats(reviews: list[RowReview]) -> None:
    """The same person twice on a sheet would be two participations in one event; say so instead."""
    seen_people: dict[int, int] = {}
    seen_emails: dict[str, int] = {}
    seen_phones: dict[str, int] = {}
    for review in reviews:
        if review.skipped:
            continue
        person = review.person
        if person is not None:
            if person.pk in seen_people:
                review.add_error(
                    "action",
                    _("Row %(line)s is already this person; skip one of the two rows.")
                    % {"line": seen_people[person.pk]},
                )
            seen_people.setdefault(person.pk, review.line)
        email = review.row.get("email", "").lower()
        if email:
            if email in seen_emails:
                review.add_error(
                    "email",
                    _("Row %(line)s has the same email; if it is the same person, skip one of the rows.")
                    % {"line": seen_emails[email]},
                )
            seen_emails.setdefault(email, review.line)
        phone = phone_key(review.row.get("phone", ""))
        if len(phone) >= 8:
            if phone in seen_phones:
                review.add_error(
                    "phone",
                    _("Row %(line)s has the same phone; if it is the same person, skip one of the rows.")
                    % {"line": seen_phones[phone]},
                )
            seen_phones.setdefault(phone, review.line)


def rows_from_post(data, stored: list[dict]) -> list[dict]:
    """The rows as corrected in the preview form; the form holds one set of fields per stored row."""
    rows = []
    for i, original in enumerate(stored):
        row = {"line": original.get("line", i + 1)}
        for name in [*FIELDS, "action"]:
            value = data.get(f"row-{i}-{name}", original.get(name, ""))
            row[name] = " ".join(unicodedata.normalize("NFC", str(value)).split())[:MAX_CELL_CHARS]
        row["email"] = row["email"].replace(" ", "").lower()
        rows.append(row)
    return rows
