"""People as an import sheet, with the role at an organisation each row describes."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    Duplicate,
    PhoneWidget,
    SpreadsheetResource,
    YesNoWidget,
    cell_text,
)
from core.imports.resources import columns_changed, record_update

from .. import matching
from ..models import Affiliation, Person
from .common import EmailWidget, dates_in_order


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
        dates_in_order(values, "role_start", "role_end")

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
        return columns_changed(affiliation, values, self.AFFILIATION_FIELDS)

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
        record_update(affiliation, values, self.AFFILIATION_FIELDS)

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
