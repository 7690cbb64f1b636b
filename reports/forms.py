"""Forms of the staff report pages."""

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ImageUploadField
from vocabulary.models import Pillar

from .models import ReportRun


def period_presets(today: date) -> list[tuple[str, str, date, date]]:
    """Quarters, half-years and years of the last three years: (key, label, start, end)."""
    presets = []
    for year in range(today.year, today.year - 3, -1):
        for quarter in range(4, 0, -1):
            start = date(year, 3 * quarter - 2, 1)
            if start > today:
                continue
            end = (date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)) - timedelta(days=1)
            presets.append(
                (f"{year}-q{quarter}", _("Quarter %(q)s/%(year)s") % {"q": quarter, "year": year}, start, end)
            )
        for half in (2, 1):
            start = date(year, 1 if half == 1 else 7, 1)
            if start > today:
                continue
            end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
            label = _("First half of %(year)s") if half == 1 else _("Second half of %(year)s")
            presets.append((f"{year}-h{half}", label % {"year": year}, start, end))
        presets.append((f"{year}", _("Year %(year)s") % {"year": year}, date(year, 1, 1), date(year, 12, 31)))
    return presets


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"))
    preset = forms.ChoiceField(label=_("Period"), required=False)
    period_start = forms.DateField(
        label=_("From"), required=False, help_text=_("dd/mm/yyyy, for a period of your own")
    )
    period_end = forms.DateField(label=_("To"), required=False)
    pillar = forms.ModelChoiceField(
        label=_("Pillar"),
        queryset=Pillar.objects.published(),
        required=False,
        help_text=_("For pillar reports and newsletters."),
        to_field_name="code",
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial="vi", widget=forms.RadioSelect
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats"),
        choices=ReportRun.Format.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=["pdf"],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind, str(label).capitalize()) for kind, label in ReportRun.Kind.choices
        ]
        self.presets = {key: (start, end) for key, _label, start, end in period_presets(timezone.localdate())}
        self.fields["preset"].choices = [("", _("Dates below"))] + [
            (key, label) for key, label, _start, _end in period_presets(timezone.localdate())
        ]

    def clean(self):
        data = super().clean()
        preset = data.get("preset")
        if preset:
            data["period_start"], data["period_end"] = self.presets[preset]
        start, end = data.get("period_start"), data.get("period_end")
        if not preset and not (start and end):
            raise forms.ValidationError(_("Choose a period, or enter both dates."))
        if start and end and end < start:
            self.add_error("period_end", _("The end of the period cannot be before its start."))
        if data.get("kind") in (ReportRun.Kind.PILLAR, ReportRun.Kind.NEWSLETTER) and not data.get("pillar"):
            self.add_error("pillar", _("Choose the pillar this report is about."))
        return data


class PublishForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    cover = ImageUploadField(
        label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, at most 5 MB.")
    )

    def cover_upload(self):
        return getattr(self.fields["cover"], "last_clean", None)
