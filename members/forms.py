"""Forms member editors and applicants fill in on the public site."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import ImageUploadField

from .models import EditorRequest, Organisation


class LogoFormMixin:
    """Puts the logo through :func:`core.images.clean_image`; the caller stores it
    with :func:`members.services.organisation_logo_store`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.logo:
            self.fields["logo"].initial = self.instance.logo

    def logo_upload(self):
        field = self.fields.get("logo")
        return getattr(field, "last_clean", None)

    def logo_cleared(self) -> bool:
        return self.cleaned_data.get("logo") is False


class OrganisationProfileForm(LogoFormMixin, forms.ModelForm):
    """What a member editor may change: the public profile, never the membership."""

    logo = ImageUploadField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = Organisation
        # The logo is not a model field here: the view stores the re-encoded copy and thumbnail.
        fields = ["name_vi", "name_en", "acronym", "description_vi", "description_en", "website"]
        labels = {
            "name_vi": _("Name in Vietnamese"),
            "name_en": _("Name in English"),
            "description_vi": _("Description in Vietnamese"),
            "description_en": _("Description in English"),
        }
        widgets = {
            "description_vi": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
        }


class EditorRequestForm(forms.ModelForm):
    class Meta:
        model = EditorRequest
        fields = ["position", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class AccountSettingsForm(forms.Form):
    """What a member chooses for the portal's mails."""

    language = forms.ChoiceField(label=_("Language of the portal's mails"), choices=settings.LANGUAGES)
    reminders = forms.BooleanField(
        label=_("Remind me of results due and of updates waiting for my approval"),
        required=False,
        help_text=_("At most one mail a day. Notices about your own requests and updates are always sent."),
    )
