"""The participation form and the participant filter."""

import secrets
import time

import django_filters

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.filters import ListingFilterSet
from core.i18n import small_table
from core.widgets import one_template_selects
from libraries.models import Library, Region
from movement.consent import CONSENT_TEXT
from movement.models import ParticipationReport
from movement.models.participation import library_key

MIN_FILL_SECONDS = getattr(settings, "MOVEMENT_FORM_MIN_SECONDS", 3)
MAX_FILL_SECONDS = 60 * 60 * 24
SIGNER_SALT = "movement.participation.started"


def russian_regions():
    return Region.objects.filter(locale__language_code=settings.LANGUAGE_CODE, live=True)


class RegionChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices from the regions kept whole in a fragment of the page cache (no query)."""

    def rows(self):
        russian = Locale.get_default().pk
        rows = [row for row in small_table(Region).values() if row.locale_id == russian]
        return sorted(rows, key=lambda row: (row.sort_name, row.name))

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.rows():
            yield self.choice(row)

    def __len__(self):
        return len(self.rows()) + (1 if self.field.empty_label is not None else 0)


class LocalizedRegionField(forms.ModelChoiceField):
    """Russian-locale regions (reports group by them) labelled in the reader's language."""

    iterator = RegionChoiceIterator

    def __init__(self, **kwargs):
        super().__init__(queryset=russian_regions(), **kwargs)
        self._names = None

    def label_from_instance(self, obj):
        if self._names is None:
            locale = Locale.get_active()
            self._names = {
                row.translation_key: row.name
                for row in small_table(Region).values()
                if row.locale_id == locale.pk and row.live
            }
        return self._names.get(obj.translation_key, obj.name)


def new_started_token():
    """The time the form was shown, signed, with a random part: each form gets its own token, and a
    token is accepted with one report only (movement.participation.use_form_token)."""
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(f"{int(time.time())}:{secrets.token_hex(8)}")


class ParticipationForm(forms.ModelForm):
    region = LocalizedRegionField(label=_("Region"), empty_label=_("Choose the region"))
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        required=True,
        error_messages={"required": _("Without the consent we cannot accept the report.")},
    )
    # Hidden from people; scripts that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = ParticipationReport
        fields = ["library_name", "region", "settlement", "library_kind", "post_url", "contact_email"]
        labels = {
            "library_name": _("Full name of the library"),
            "settlement": _("Settlement"),
            "library_kind": _("Library type"),
            "post_url": _("Link to the library's post"),
            "contact_email": _("Contact email"),
        }
        help_texts = {
            "post_url": _(
                "The post with the banner and the hashtag on the library's site or social network."
            ),
            "settlement": _("City, town or village."),
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["post_url"].assume_scheme = "https"
        self.fields["library_kind"].choices = [("", _("Choose the type"))] + list(Library.Kind.choices)
        if not self.is_bound:
            self.initial["started"] = new_started_token()
        one_template_selects(self)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("The form could not be accepted. Please leave the last field empty.")
            )
        return ""

    def clean_started(self):
        token = self.cleaned_data.get("started", "")
        try:
            value = signing.TimestampSigner(salt=SIGNER_SALT).unsign(token, max_age=MAX_FILL_SECONDS)
            started = int(value.split(":", 1)[0])
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("The form has expired or was damaged. Please fill it in again.")
            ) from None
        if time.time() - started < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please check the data and send it again.")
            )
        return token

    def clean(self):
        cleaned = super().clean()
        name, region, settlement = (
            cleaned.get("library_name"),
            cleaned.get("region"),
            cleaned.get("settlement"),
        )
        if name and region and settlement:
            key = library_key(name, region.pk, settlement)
            if ParticipationReport.objects.filter(campaign=self.campaign, library_key=key).exists():
                raise forms.ValidationError(self.duplicate_message(), code="duplicate")
        return cleaned

    @staticmethod
    def duplicate_message():
        return _(
            "This library has already reported taking part in this campaign. "
            "If the earlier report needs a correction, please write to the coordinators."
        )

    def validate_unique(self):
        # The campaign is not a form field; clean() and the database constraint guard duplicates.
        pass


class LocalizedRegionFilter(django_filters.ModelChoiceFilter):
    field_class = LocalizedRegionField


class ParticipantFilterSet(ListingFilterSet):
    # The list has always been shown whole when any value was not understood.
    all_or_nothing = True

    region = LocalizedRegionFilter(label=_("Region"), empty_label=_("All regions"))
    kind = django_filters.ChoiceFilter(label=_("Library type"), field_name="library_kind")

    class Meta:
        model = ParticipationReport
        fields = []

    def set_choices(self):
        self.offer("kind", Library.Kind.choices, all_label=_("All types"))
