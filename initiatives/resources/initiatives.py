"""Initiatives as an import sheet, with their partners, provinces, pillars and programme."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    LookupListWidget,
    LookupWidget,
    SpreadsheetResource,
)
from core.imports.resources import bilingual_columns, published_column, slug_column, slug_give
from members import matching
from members.models import Organisation
from members.resources import province_widget
from vocabulary.models import Pillar, Province

from ..models import (
    RESERVED_SLUGS,
    Initiative,
    InitiativePartner,
)
from .common import (
    InitiativeWidget,
    organisation_list,
    unknown_organisations,
)


class InitiativeResource(SpreadsheetResource):
    """Initiatives, with their partners by role, provinces, pillars and programme."""

    title = gettext_lazy("initiatives")

    slug = slug_column(
        gettext_lazy(
            "The initiative's address in the portal. Leave it empty for a new initiative; keep it to update one."
        )
    )
    title_vi, title_en = bilingual_columns(
        "title",
        vi="Tên sáng kiến",
        en="Title",
        help_text=gettext_lazy(
            "Needed for a new initiative. A row with exactly the title of an initiative of the portal updates it."
        ),
    )
    acronym = Column("acronym", vi="Tên viết tắt", en="Acronym")
    status = Column("status", vi="Tình trạng", en="Status", widget=ChoiceWidget(Initiative.Status))
    start = Column("start", vi="Ngày bắt đầu", en="Start", widget=DateWidget())
    end = Column("end", vi="Ngày kết thúc", en="End", widget=DateWidget())
    parent = Column(
        "parent",
        vi="Chương trình",
        en="Programme",
        widget=InitiativeWidget(),
        help_text=gettext_lazy(
            "The programme it belongs to: its slug, exactly its Vietnamese title, or its acronym. A programme "
            "in the same file comes on an earlier row."
        ),
    )
    provinces = Column(
        "provinces",
        vi="Tỉnh/thành phố",
        en="Provinces",
        widget=LookupListWidget(province_widget(), Province),
        help_text=gettext_lazy("Separated by “;”; a former province is accepted."),
    )
    location_detail = Column("location_detail", vi="Quận/huyện, phường/xã", en="Districts, wards")
    pillars = Column(
        "pillars",
        vi="Trụ cột",
        en="Pillars",
        widget=LookupListWidget(
            LookupWidget(lambda: Pillar.objects.all(), keys=("code", "name_vi", "name_en")), Pillar
        ),
        help_text=gettext_lazy("Separated by “;”."),
    )
    accountable = Column(
        vi="Tổ chức chủ trì",
        en="Lead organisations",
        help_text=gettext_lazy(
            "Organisations by name, acronym or other name, separated by “;”. A filled cell is the whole list "
            "of partners in that role."
        ),
    )
    funder = Column(vi="Nhà tài trợ", en="Funders")
    implementing = Column(vi="Đơn vị thực hiện", en="Implementing organisations")
    partner = Column(vi="Đối tác khác", en="Other partners")
    summary_vi, summary_en = bilingual_columns("summary", vi="Tóm tắt", en="Summary", multiline=True)
    is_published = published_column(gettext_lazy("Có (yes) shows the initiative on the public pages."))

    class Meta:
        model = Initiative
        fields = (
            "slug",
            "title_vi",
            "title_en",
            "acronym",
            "status",
            "start",
            "end",
            "parent",
            "provinces",
            "location_detail",
            "pillars",
            "accountable",
            "funder",
            "implementing",
            "partner",
            "summary_vi",
            "summary_en",
            "is_published",
        )

    ROLES = {
        "accountable": InitiativePartner.Role.ACCOUNTABLE,
        "funder": InitiativePartner.Role.FUNDER,
        "implementing": InitiativePartner.Role.IMPLEMENTING,
        "partner": InitiativePartner.Role.PARTNER,
    }

    def prepare(self, dataset, **kwargs: Any) -> None:
        self.directory = matching.OrganisationIndex.load()

    def find_existing(self, row: dict) -> Initiative | None:
        return self.find_by_slug_or_name(
            row,
            Initiative.objects.all(),
            column="title_vi",
            several=_("Several initiatives have this title; add the slug column to say which one."),
        )

    def prepare_related(self, instance: Initiative, values: dict[str, Any], row: dict) -> None:
        slug_give(
            instance,
            instance.acronym or instance.title_vi or "",
            fallback="sang-kien",
            reserved=RESERVED_SLUGS,
        )
        self.row_partners: dict[str, list[Organisation]] = {}
        errors = {}
        if instance.parent_id is not None and instance.parent_id == instance.pk:
            errors["parent"] = _("An initiative cannot be its own programme.")
        if instance.start and instance.end and instance.end < instance.start:
            errors["end"] = _("The end date cannot be before the start date.")
        for column in self.ROLES:
            if column in values:
                found, unknown = organisation_list(self.directory, values[column])
                if unknown:
                    errors[column] = unknown_organisations(unknown)
                self.row_partners[column] = found
        if errors:
            raise ValidationError(errors)

    def _partners(self, initiative: Initiative, role: str) -> set[int]:
        if initiative.pk is None:
            return set()
        return set(initiative.partners.filter(role=role).values_list("organisation_id", flat=True))

    def related_changes(self, instance: Initiative, values: dict[str, Any]) -> list[str]:
        return [
            column
            for column, organisations in self.row_partners.items()
            if {organisation.pk for organisation in organisations}
            != self._partners(instance, self.ROLES[column])
        ]

    def save_related(self, instance: Initiative, values: dict[str, Any], row: dict) -> None:
        for column, organisations in self.row_partners.items():
            role = self.ROLES[column]
            wanted = {organisation.pk for organisation in organisations}
            instance.partners.filter(role=role).exclude(organisation_id__in=wanted).delete()
            stored = self._partners(instance, role)
            InitiativePartner.objects.bulk_create(
                InitiativePartner(initiative=instance, organisation_id=pk, role=role)
                for pk in sorted(wanted - stored)
            )

    def export_queryset(self, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        return queryset.select_related("parent").prefetch_related(
            "provinces", "pillars", "partners__organisation"
        )

    def _partner_names(self, initiative: Initiative, column: str) -> str:
        role = self.ROLES[column]
        return "; ".join(
            partner.organisation.name_vi for partner in initiative.partners.all() if partner.role == role
        )

    def dehydrate_accountable(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "accountable")

    def dehydrate_funder(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "funder")

    def dehydrate_implementing(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "implementing")

    def dehydrate_partner(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "partner")


# --- the results framework --------------------------------------------------------------------
