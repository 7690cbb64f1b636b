"""Organisations as an import sheet, with the membership each row describes."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    Duplicate,
    ListTextWidget,
    LookupWidget,
    SpreadsheetResource,
)
from core.imports.resources import (
    bilingual_columns,
    columns_changed,
    published_column,
    record_update,
    slug_column,
    slug_give,
)

from .. import matching
from ..models import Membership, MembershipType, Organisation
from ..selectors import current_membership, with_current_membership
from .common import RESERVED_SLUGS, dates_in_order, province_widget


class OrganisationResource(SpreadsheetResource):
    """Organisations, with the membership each row describes."""

    title = gettext_lazy("organisations")

    slug = slug_column(
        gettext_lazy(
            "The organisation's address in the portal. Leave it empty for a new organisation; "
            "keep it to update one."
        )
    )
    name_vi, name_en = bilingual_columns(
        "name",
        vi="Tên tổ chức",
        en="Name",
        aliases=("Tên tổ chức",),
        help_text=gettext_lazy(
            "Needed for a new organisation. A row with exactly the name of an organisation of the portal "
            "updates it."
        ),
    )
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
    description_vi, description_en = bilingual_columns(
        "description", vi="Giới thiệu", en="Description", multiline=True
    )
    is_published = published_column(gettext_lazy("Có (yes) shows the organisation in the public directory."))
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
        return self.find_by_slug_or_name(
            row,
            Organisation.objects.all(),
            column="name_vi",
            several=_("Several organisations have this name; add the slug column to say which one."),
        )

    def prepare_related(self, instance: Organisation, values: dict[str, Any], row: dict) -> None:
        slug_give(
            instance, instance.acronym or instance.name_vi or "", fallback="to-chuc", reserved=RESERVED_SLUGS
        )
        given = [name for name in (*self.MEMBERSHIP_FIELDS, "membership_start") if name in values]
        if given and "membership_type" not in values:
            raise ValidationError(
                {"membership_type": _("Give the type of the membership these columns describe.")}
            )
        dates_in_order(values, "membership_start", "membership_end")

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
        return columns_changed(membership, values, self.MEMBERSHIP_FIELDS)

    def save_related(self, instance: Organisation, values: dict[str, Any], row: dict) -> None:
        if "membership_type" not in values:
            return
        membership = self._membership(instance, values) or Membership(
            organisation=instance,
            membership_type=values["membership_type"],
            start=values.get("membership_start"),
        )
        record_update(membership, values, self.MEMBERSHIP_FIELDS)

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
