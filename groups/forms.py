"""The public subscription form."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import selectors


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    groups = forms.ModelMultipleChoiceField(
        label=_("Technical groups"),
        queryset=selectors.group_public_queryset(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pillars = forms.ModelMultipleChoiceField(
        label=_("Whole pillars"),
        help_text=_("The newsletters of every technical group of the pillar."),
        queryset=selectors.Pillar.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Each language in its own name, as the language switcher shows them.
    language = forms.ChoiceField(
        label=_("Language of the mails"),
        choices=[(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups, pillars = selectors.subscription_choices()
        self.fields["groups"].queryset = groups
        self.fields["pillars"].queryset = pillars

    def clean(self):
        data = super().clean()
        if not data.get("groups") and not data.get("pillars"):
            raise forms.ValidationError(_("Choose at least one technical group or pillar."))
        return data
