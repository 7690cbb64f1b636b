"""Forms of initiatives: the indicator update member editors report (with its upload checks and
the amount and evidence fields the admin shares), the approvers' decision, and the results
page's choice of province and pillar, and the updates an approver approves together."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core import uploads
from core.images import clean_image

from .models import DimensionValue, IndicatorUpdate, Measure, Period

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png,image/jpeg,image/png"
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png")
IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def clean_document(upload, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> tuple[ContentFile, str]:
    """Accept a PDF, DOCX or XLSX document (checked by content, see :mod:`core.uploads`)
    or a JPEG/PNG photo (re-encoded). Returns the file to store under a generated name, and the
    original name."""
    name = getattr(upload, "name", "") or ""
    upload.seek(0)
    head = upload.read(8)
    if name.lower().endswith(IMAGE_EXTENSIONS) or head.startswith(IMAGE_SIGNATURES):
        clean = clean_image(upload)
        if not clean.image.name.endswith((".jpg", ".png")):
            raise ValidationError(_("Photos must be JPEG or PNG."), code="invalid_image")
        return clean.image, name
    document = uploads.clean_document(
        upload,
        kinds=(uploads.PDF, uploads.DOCX, uploads.XLSX),
        max_bytes=max_bytes,
        wrong_kind=_("Upload a PDF, Word (.docx) or Excel (.xlsx) file, or a JPEG or PNG photo."),
    )
    return document, name


class EvidenceField(forms.FileField):
    widget = forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and hasattr(value, "read") and not isinstance(value, ContentFile):
            return clean_document(value)
        return None


def _plain(value: Decimal | None) -> Decimal | int | None:
    """A stored figure as a person typed it: "5", not "5.00", which reads as five hundred in
    Vietnamese, where the dot separates thousands."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def amount_field(label, required: bool = False) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=0,
        max_digits=16,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a number, using digits only."),
            "min_value": _("Enter a number that is not negative."),
        },
        widget=forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"}),
    )


class IndicatorUpdateForm(forms.Form):
    """What a member editor reports for one period of one indicator."""

    reported_on = forms.DateField(
        label=_("Figure as of"),
        help_text=_("The date the figure describes; it must fall within the period."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Enter a date such as 30/06/2022.")},
    )
    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence = EvidenceField(
        label=_("Evidence"),
        required=False,
        help_text=_(
            "Optional: a PDF, Word or Excel file (at most 10 MB) or a JPEG or PNG photo (at most 5 MB)."
        ),
    )

    def __init__(
        self,
        *args,
        period: Period,
        sex_values: list[DimensionValue],
        update: IndicatorUpdate | None = None,
        **kwargs,
    ):
        self.period = period
        self.indicator = period.indicator
        if update is not None and "initial" not in kwargs:
            initial = {
                "reported_on": update.reported_on,
                "value": _plain(update.value),
                "numerator": _plain(update.numerator),
                "denominator": _plain(update.denominator),
                "narrative": update.narrative,
            }
            for item in update.disaggregations.all():
                initial[f"dv_{item.dimension_value_id}"] = _plain(item.value)
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        unit = f" ({self.indicator.unit})" if self.indicator.unit else ""
        self.sex_fields: list[str] = []
        if self.indicator.measure == Measure.QUANTITATIVE:
            self.fields["value"] = amount_field(_("Value") + unit, required=True)
        elif self.indicator.measure == Measure.PERCENTAGE:
            self.fields["numerator"] = amount_field(_("Numerator"), required=True)
            self.fields["denominator"] = amount_field(_("Denominator"), required=True)
        else:
            self.fields["narrative"].required = True
        if self.indicator.measure != Measure.QUALITATIVE:
            for dimension_value in sex_values:
                name = f"dv_{dimension_value.pk}"
                self.fields[name] = amount_field(dimension_value.name)
                self.sex_fields.append(name)
        self.dimension_values = {f"dv_{v.pk}": v for v in sex_values}
        self.order_fields(["reported_on", "value", "numerator", "denominator", *self.sex_fields, "narrative"])

    def sex_bound_fields(self):
        return [self[name] for name in self.sex_fields]

    def main_bound_fields(self):
        return [
            self[name] for name in ("reported_on", "value", "numerator", "denominator") if name in self.fields
        ]

    def clean(self):
        data = super().clean()
        reported_on = data.get("reported_on")
        period = self.period
        if reported_on and not (period.start <= reported_on <= period.end):
            self.add_error(
                "reported_on",
                _("The date must fall within the period, %(start)s to %(end)s.")
                % {"start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"},
            )
        numerator, denominator = data.get("numerator"), data.get("denominator")
        if "denominator" in self.fields and denominator is not None and denominator == 0:
            self.add_error("denominator", _("Enter a denominator greater than zero."))
        if numerator is not None and denominator and numerator > denominator:
            self.add_error("numerator", _("The numerator cannot be larger than the denominator."))
        total = data.get("numerator") if "numerator" in self.fields else data.get("value")
        parts = [data.get(name) for name in self.sex_fields if data.get(name) is not None]
        if total is not None and parts and sum(parts) > total:
            self.add_error(
                None,
                _("The figures by sex add up to %(parts)s, more than the total of %(total)s.")
                % {"parts": f"{sum(parts):g}", "total": f"{total:g}"},
            )
        return data

    def disaggregations(self) -> dict[DimensionValue, object]:
        return {
            self.dimension_values[name]: self.cleaned_data.get(name)
            for name in self.sex_fields
            if self.cleaned_data.get(name) is not None
        }

    def evidence_files(self) -> list[tuple[ContentFile, str]]:
        item = self.cleaned_data.get("evidence")
        return [item] if item else []


class ReviewForm(forms.Form):
    update = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("return", _("Return for revision"))])
    note = forms.CharField(
        label=_("Note to the reporter"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# How many updates one approval of several may take: a page of the queue several times over,
# few enough for one request to approve and mail them all.
MAX_APPROVED_TOGETHER = 200


class _ChosenUpdates(forms.Field):
    """The values of every ``update`` parameter, each one of ``pattern``, at least one and at
    most :data:`MAX_APPROVED_TOGETHER` of them, each kept once."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, pattern: str, **kwargs):
        self.pattern = re.compile(pattern)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        values = list(dict.fromkeys(value or []))
        if not values:
            raise ValidationError(_("Choose at least one update."), code="required")
        if len(values) > MAX_APPROVED_TOGETHER:
            raise ValidationError(
                ngettext_lazy(
                    "At most %(limit)d update can be approved at once. Choose fewer.",
                    "At most %(limit)d updates can be approved at once. Choose fewer.",
                    "limit",
                ),
                code="too_many",
                params={"limit": MAX_APPROVED_TOGETHER},
            )
        if not all(isinstance(item, str) and self.pattern.fullmatch(item) for item in values):
            raise ValidationError(
                _("The choice of updates could not be read. Choose them again."), code="invalid"
            )
        return values


class ApprovalSelectionForm(forms.Form):
    """The updates an approver ticked in the queue, to review before approving them."""

    update = _ChosenUpdates(pattern=r"[0-9]{1,18}")

    def ids(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["update"]]


class ApprovalConfirmForm(forms.Form):
    """The updates an approver reviewed and confirms, each as the token of the version seen."""

    update = _ChosenUpdates(pattern=r"[0-9]{1,18}:[0-9]{1,20}")


class ResultsScopeForm(forms.Form):
    """What part of the network the results page totals: one province, one pillar, or all of it.
    Only read, to mark the chosen options; a code that names nothing shows the whole network."""

    province = forms.CharField(required=False)
    pillar = forms.CharField(required=False)


class MapScopeForm(forms.Form):
    """What the map of provinces counts: a pillar, a year, and which layer it shades first.
    Only read, to mark the chosen options; a value that names nothing counts everything."""

    pillar = forms.CharField(required=False)
    year = forms.CharField(required=False)
    layer = forms.CharField(required=False)
