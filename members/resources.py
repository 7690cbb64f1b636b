"""The member directory as import sheets (``core.imports``): organisations with their membership,
and people with their role at an organisation.

Which stored row a sheet's row is, and whether a new row looks like one already there, is decided
by ``members.matching``, as for sign-in sheets and the person merge:

- an organisation is the one with the row's slug, or else with exactly the row's Vietnamese name;
  a new one whose name, English name, acronym or other name matches one of the directory's
  (ignoring accents) is a possible duplicate;
- a person is the one with the row's email or phone, or else the one with exactly the row's name
  at the row's organisation; a new one with a similar name at the same organisation is a possible
  duplicate.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    Duplicate,
    ListTextWidget,
    LookupWidget,
    PhoneWidget,
    SpreadsheetResource,
    TextWidget,
    YesNoWidget,
    cell_text,
)
from core.models import unique_slug
from core.search import fold
from vocabulary.models import Province

from . import matching
from .models import Affiliation, Membership, MembershipType, Organisation, Person
from .selectors import current_membership, with_current_membership

# Pages of the directory whose address an organisation's slug must not take.
RESERVED_SLUGS = {"mine", "reminders"}


def province_widget() -> LookupWidget:
    """A province by its code or its name in either language, with or without "Tỉnh",
    "Thành phố" or "TP." in front. A former province is itself: it counts in the province it
    merged into wherever provinces are counted (``vocabulary.models.in_province``)."""
    return LookupWidget(
        lambda: Province.objects.all(),
        keys=("code", "name_vi", "name_en"),
        prefixes=("tinh", "thanh pho", "tp"),
    )


class EmailWidget(TextWidget):
    def clean(self, value, row=None, **kwargs) -> str:
        return cell_text(value).replace(" ", "").lower()


def _dates_in_order(values: dict, start: str, end: str) -> None:
    if values.get(start) and values.get(end) and values[end] < values[start]:
        raise ValidationError({end: _("The end date cannot be before the start date.")})


class OrganisationResource(SpreadsheetResource):
    """Organisations, with the membership each row describes."""

    title = gettext_lazy("organisations")

    slug = Column(
        "slug",
        vi="Mã (slug)",
        en="Slug",
        help_text=gettext_lazy(
            "The organisation's address in the portal. Leave it empty for a new organisation; "
            "keep it to update one."
        ),
    )
    name_vi = Column(
        "name_vi",
        vi="Tên tổ chức (tiếng Việt)",
        en="Name (Vietnamese)",
        error_keys=("name",),
        aliases=("Tên tổ chức",),
        help_text=gettext_lazy(
            "Needed for a new organisation. A row with exactly the name of an organisation of the portal "
            "updates it."
        ),
    )
    name_en = Column("name_en", vi="Tên tổ chức (tiếng Anh)", en="Name (English)")
    acronym = Column("acronym", vi="Tên viết tắt", en="Acronym")
    aliases = Column(
        "aliases",
        vi="Tên gọi khác",
        en="Other names",
        widget=ListTextWidget(),
        help_text=gettext_lazy("Separated by “;”."),
    )
    kind = Column("kind", vi="Loại hình", en="Kind", widget=ChoiceWidget(Organisation.Kind))
    province = Column(
        "province",
        vi="Tỉnh/thành phố",
        en="Province",
        widget=province_widget(),
        help_text=gettext_lazy(
            "Its name or code, with or without accents; a former province is accepted and counts in the "
            "province it merged into."
        ),
    )
    website = Column("website", vi="Trang web", en="Website")
    description_vi = Column(
        "description_vi",
        vi="Giới thiệu (tiếng Việt)",
        en="Description (Vietnamese)",
        widget=TextWidget(multiline=True),
        error_keys=("description",),
    )
    description_en = Column(
        "description_en",
        vi="Giới thiệu (tiếng Anh)",
        en="Description (English)",
        widget=TextWidget(multiline=True),
    )
    is_published = Column(
        "is_published",
        vi="Công khai",
        en="Published",
        widget=YesNoWidget(),
        help_text=gettext_lazy("Có (yes) shows the organisation in the public directory."),
    )
    membership_type = Column(
        vi="Loại thành viên",
        en="Membership type",
        widget=LookupWidget(lambda: MembershipType.objects.all(), keys=("code", "name_vi", "name_en")),
        help_text=gettext_lazy(
            "With the dates, a membership: the organisation's membership of this type and start date is "
            "updated, or added."
        ),
    )
    membership_status = Column(
        vi="Tình trạng thành viên", en="Membership status", widget=ChoiceWidget(Membership.Status)
    )
    joined_on = Column(vi="Ngày gia nhập", en="Joined on", widget=DateWidget())
    membership_start = Column(vi="Thành viên từ ngày", en="Membership start", widget=DateWidget())
    membership_end = Column(vi="Thành viên đến ngày", en="Membership end", widget=DateWidget())

    class Meta:
        model = Organisation
        fields = (
            "slug",
            "name_vi",
            "name_en",
            "acronym",
            "aliases",
            "kind",
            "province",
            "website",
            "description_vi",
            "description_en",
            "is_published",
            "membership_type",
            "membership_status",
            "joined_on",
            "membership_start",
            "membership_end",
        )

    MEMBERSHIP_FIELDS = {"membership_status": "status", "joined_on": "joined_on", "membership_end": "end"}

    def prepare(self, dataset, **kwargs: Any) -> None:
        self.directory = matching.OrganisationIndex.load()
        # New organisations of this file so far, with their row: a later row may repeat one.
        self.earlier: list[tuple[Organisation, int]] = []

    def find_existing(self, row: dict) -> Organisation | None:
        slug = cell_text(row.get("slug"))
        if slug:
            return Organisation.objects.filter(slug=slug).first()
        name = cell_text(row.get("name_vi"))
        if not name:
            return None
        found = list(Organisation.objects.filter(name_vi=name)[:2])
        if len(found) > 1:
            self.add_row_error(
                "name_vi", _("Several organisations have this name; add the slug column to say which one.")
            )
            return None
        return found[0] if found else None

    def prepare_related(self, instance: Organisation, values: dict[str, Any], row: dict) -> None:
        if instance.pk is None and not instance.slug:
            base = slugify(fold(instance.acronym or instance.name_vi or "")) or "to-chuc"
            instance.slug = unique_slug(
                Organisation.objects.all(), base[:60], max_length=80, reserved=RESERVED_SLUGS
            )
        given = [name for name in (*self.MEMBERSHIP_FIELDS, "membership_start") if name in values]
        if given and "membership_type" not in values:
            raise ValidationError(
                {"membership_type": _("Give the type of the membership these columns describe.")}
            )
        _dates_in_order(values, "membership_start", "membership_end")

    def _membership(self, organisation: Organisation, values: dict[str, Any]) -> Membership | None:
        if organisation.pk is None:
            return None
        start = values.get("membership_start")
        return (
            organisation.memberships.filter(membership_type=values["membership_type"])
            .filter(**({"start": start} if start else {"start__isnull": True}))
            .order_by("-pk")
            .first()
        )

    def related_changes(self, instance: Organisation, values: dict[str, Any]) -> list[str]:
        if "membership_type" not in values:
            return []
        membership = self._membership(instance, values)
        if membership is None:
            return ["membership_type"]
        return [
            column
            for column, field in self.MEMBERSHIP_FIELDS.items()
            if column in values and getattr(membership, field) != values[column]
        ]

    def save_related(self, instance: Organisation, values: dict[str, Any], row: dict) -> None:
        if "membership_type" not in values:
            return
        membership = self._membership(instance, values) or Membership(
            organisation=instance,
            membership_type=values["membership_type"],
            start=values.get("membership_start"),
        )
        changed = membership.pk is None
        for column, field in self.MEMBERSHIP_FIELDS.items():
            if column in values and getattr(membership, field) != values[column]:
                setattr(membership, field, values[column])
                changed = True
        if changed:
            membership.full_clean()
            membership.save()

    def possible_duplicates(self, instance: Organisation, row: dict, *, line: int) -> list[Duplicate]:
        names = matching.organisation_names(instance)
        found: list[Duplicate] = []
        for name in names:
            match = self.directory.match(name)
            if match is not None and match.pk != instance.pk and Duplicate.of(match) not in found:
                found.append(Duplicate.of(match))
        earlier = matching.OrganisationIndex(organisation for organisation, _line in self.earlier)
        lines = {organisation.pk: earlier_line for organisation, earlier_line in self.earlier}
        for name in names:
            match = earlier.match(name)
            if match is not None and Duplicate.on_line(lines[match.pk]) not in found:
                found.append(Duplicate.on_line(lines[match.pk]))
        self.earlier.append((instance, line))
        return found

    # -- export

    def export_queryset(self, queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
        return with_current_membership(queryset.select_related("province")).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("membership_type").order_by(
                    F("start").desc(nulls_last=True), "-pk"
                ),
                to_attr="memberships_latest",
            )
        )

    @staticmethod
    def _exported_membership(organisation: Organisation) -> Membership | None:
        """The membership in force today, or else the latest one."""
        latest = getattr(organisation, "memberships_latest", None)
        if not hasattr(organisation, "memberships_in_force"):
            return None
        return current_membership(organisation) or (latest[0] if latest else None)

    def dehydrate_membership_type(self, organisation: Organisation) -> str:
        membership = self._exported_membership(organisation)
        return membership.membership_type.name if membership else ""

    def dehydrate_membership_status(self, organisation: Organisation) -> str:
        membership = self._exported_membership(organisation)
        return membership.get_status_display() if membership else ""

    def dehydrate_joined_on(self, organisation: Organisation) -> str:
        return DateWidget().render(getattr(self._exported_membership(organisation), "joined_on", None))

    def dehydrate_membership_start(self, organisation: Organisation) -> str:
        return DateWidget().render(getattr(self._exported_membership(organisation), "start", None))

    def dehydrate_membership_end(self, organisation: Organisation) -> str:
        return DateWidget().render(getattr(self._exported_membership(organisation), "end", None))


class PersonResource(SpreadsheetResource):
    """People, with the role at an organisation each row describes (a person with several roles
    takes several rows)."""

    title = gettext_lazy("people")

    full_name = Column("full_name", vi="Họ và tên", en="Full name", required=True, aliases=("Họ tên",))
    gender = Column("gender", vi="Giới tính", en="Gender", widget=ChoiceWidget(Person.Gender))
    position = Column("position", vi="Chức vụ", en="Position", aliases=("Chức danh",))
    email = Column(
        "email",
        vi="Email",
        en="Email",
        widget=EmailWidget(),
        help_text=gettext_lazy(
            "A row with the email or phone of a person of the directory updates that person."
        ),
    )
    phone = Column("phone", vi="Điện thoại", en="Phone", widget=PhoneWidget(), aliases=("Số điện thoại",))
    public_consent = Column(
        "public_consent",
        vi="Đồng ý công khai",
        en="May be listed publicly",
        widget=YesNoWidget(),
        help_text=gettext_lazy("Name and position only; contact details are never public."),
    )
    organisation = Column(
        vi="Tổ chức",
        en="Organisation",
        aliases=("Organization", "Cơ quan", "Đơn vị"),
        help_text=gettext_lazy("Its name, acronym or another name the directory knows it by."),
    )
    role = Column(vi="Vai trò", en="Role", widget=ChoiceWidget(Affiliation.Role))
    is_primary = Column(vi="Đầu mối chính", en="Primary contact", widget=YesNoWidget())
    role_start = Column(vi="Vai trò từ ngày", en="Role start", widget=DateWidget())
    role_end = Column(vi="Vai trò đến ngày", en="Role end", widget=DateWidget())

    class Meta:
        model = Person
        fields = (
            "full_name",
            "gender",
            "position",
            "email",
            "phone",
            "public_consent",
            "organisation",
            "role",
            "is_primary",
            "role_start",
            "role_end",
        )

    AFFILIATION_FIELDS = {"is_primary": "is_primary", "role_start": "start", "role_end": "end"}

    def prepare(self, dataset, **kwargs: Any) -> None:
        def column(name: str) -> list[str]:
            return [cell_text(value) for value in dataset[name]] if name in dataset.headers else []

        self.directory = matching.OrganisationIndex.load()
        self.finder = matching.PeopleFinder(
            names=column("full_name"),
            emails=column("email"),
            phones=[PhoneWidget().clean(value) for value in column("phone")],
        )
        # People of this file so far, by their email, phone and name at an organisation: a person
        # with two roles takes two rows.
        self.earlier: dict[tuple, Person] = {}

    def _row_keys(self, row: dict) -> list[tuple]:
        keys = []
        email = EmailWidget().clean(row.get("email"))
        phone = matching.phone_key(PhoneWidget().clean(row.get("phone")))
        if email:
            keys.append(("email", email))
        if len(phone) >= matching.MIN_PHONE_DIGITS:
            keys.append(("phone", phone))
        name = cell_text(row.get("full_name"))
        if name:
            keys.append(("name", name, getattr(self.row_organisation, "pk", None)))
        return keys

    def find_existing(self, row: dict) -> Person | None:
        self.row_found = matching.PersonFound()
        written = cell_text(row.get("organisation"))
        self.row_organisation = self.directory.match(written) if written else None
        if written and self.row_organisation is None:
            self.add_row_error(
                "organisation",
                _(
                    "“%(value)s” is not an organisation of the directory: add it first, or write its name as the directory has it."
                )
                % {"value": written},
            )
        for key in self._row_keys(row):
            if key in self.earlier:
                return self.earlier[key]
        name = cell_text(row.get("full_name"))
        self.row_found = found = self.finder.find(
            full_name=name,
            email=EmailWidget().clean(row.get("email")),
            phone=PhoneWidget().clean(row.get("phone")),
            at=matching.KnownAt.written(written, self.row_organisation),
        )
        if found.match == matching.Match.MATCHED:
            people = {candidate.person.pk: candidate.person for candidate in found.people}
            if len(people) > 1:
                self.add_row_error(
                    "email", _("Several people of the directory have this email or phone; merge them first.")
                )
                return None
            return next(iter(people.values()))
        # Exactly this name at exactly this organisation (or both at none) is the same person: a
        # file imported again finds the people it added.
        for candidate in found.people:
            places = matching.known_at(candidate.person)
            same_place = (
                self.row_organisation.pk in places.organisations
                if self.row_organisation is not None
                else not places
            )
            if candidate.person.full_name == name and same_place:
                return candidate.person
        return None

    def prepare_related(self, instance: Person, values: dict[str, Any], row: dict) -> None:
        if self.row_organisation is None and any(
            name in values for name in ("role", *self.AFFILIATION_FIELDS)
        ):
            raise ValidationError({"organisation": _("Name the organisation of this role.")})
        _dates_in_order(values, "role_start", "role_end")

    def _affiliation(self, person: Person, values: dict[str, Any]) -> Affiliation | None:
        if person.pk is None or self.row_organisation is None:
            return None
        roles = person.affiliations.filter(organisation=self.row_organisation)
        if "role" in values:
            roles = roles.filter(role=values["role"])
        return roles.order_by("pk").first()

    def related_changes(self, instance: Person, values: dict[str, Any]) -> list[str]:
        if self.row_organisation is None:
            return []
        affiliation = self._affiliation(instance, values)
        if affiliation is None:
            return ["organisation"]
        return [
            column
            for column, field in self.AFFILIATION_FIELDS.items()
            if column in values and getattr(affiliation, field) != values[column]
        ]

    def save_related(self, instance: Person, values: dict[str, Any], row: dict) -> None:
        for key in self._row_keys(row):
            self.earlier.setdefault(key, instance)
        if self.row_organisation is None:
            return
        affiliation = self._affiliation(instance, values) or Affiliation(
            person=instance,
            organisation=self.row_organisation,
            role=values.get("role") or Affiliation.Role.STAFF,
        )
        changed = affiliation.pk is None
        for column, field in self.AFFILIATION_FIELDS.items():
            if column in values and getattr(affiliation, field) != values[column]:
                setattr(affiliation, field, values[column])
                changed = True
        if changed:
            affiliation.full_clean()
            affiliation.save()

    def possible_duplicates(self, instance: Person, row: dict, *, line: int) -> list[Duplicate]:
        if self.row_found.match != matching.Match.DUPLICATE:
            return []
        return [Duplicate.of(candidate.person) for candidate in self.row_found.people]

    # -- export: a row for each role, and one for a person with none

    def export_queryset(self, queryset: QuerySet[Person]) -> QuerySet[Person]:
        return queryset.prefetch_related(
            Prefetch(
                "affiliations", queryset=Affiliation.objects.select_related("organisation").order_by("pk")
            )
        )

    def export_rows(self, queryset: QuerySet[Person]):
        columns = self.import_columns()
        own = [column for column in columns if not column.is_related]
        for person in self.iter_queryset(self.export_queryset(queryset)):
            base = {column.column_name: column.export(person) for column in own}
            for affiliation in list(person.affiliations.all()) or [None]:
                related = {}
                if affiliation is not None:
                    related = {
                        "organisation": affiliation.organisation.name_vi,
                        "role": affiliation.get_role_display(),
                        "is_primary": YesNoWidget().render(affiliation.is_primary),
                        "role_start": DateWidget().render(affiliation.start),
                        "role_end": DateWidget().render(affiliation.end),
                    }
                yield [{**base, **related}.get(column.column_name, "") for column in columns]
