"""Reports of libraries that took part in a campaign, waiting for moderation."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from libraries.models import Library

QUOTES = re.compile(r"[«»\"'“”„]")
SPACES = re.compile(r"\s+")


def normalise(text):
    """Case, quotes, ё and spacing do not make a different library."""
    text = QUOTES.sub(" ", text or "").casefold().replace("ё", "е")
    return SPACES.sub(" ", text).strip()


def library_key(name, region_id, settlement):
    return f"{region_id}|{normalise(settlement)}|{normalise(name)}"[:600]


class ParticipationReport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    campaign = models.ForeignKey(
        "movement.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    library_name = models.CharField(_("library"), max_length=500)
    library_key = models.CharField(max_length=600, editable=False)
    region = models.ForeignKey(
        "libraries.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    settlement = models.CharField(_("settlement"), max_length=255)
    library_kind = models.CharField(_("library type"), max_length=30, choices=Library.Kind.choices)
    post_url = models.URLField(_("link to the post"), max_length=1000)
    contact_email = models.EmailField(_("contact email"))
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set by a moderator when the library is in the directory."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Consent to personal data processing (152-FZ): a separate act, recorded with its evidence.
    consent_given = models.BooleanField(_("consent given"), default=False)
    consent_at = models.DateTimeField(_("consent date and time"), null=True, blank=True)
    consent_ip = models.GenericIPAddressField(_("consent IP address"), null=True, blank=True)
    consent_text_version = models.CharField(_("consent text version"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("participation report")
        verbose_name_plural = _("participation reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "library_key"], name="movement_one_report_per_library_and_campaign"
            )
        ]
        # A campaign's approved reports by region and library name, as its page lists them.
        indexes = [
            models.Index(
                fields=["campaign", "status", "region", "library_name"], name="movement_report_listing"
            )
        ]

    def __str__(self):
        return f"{self.library_name} ({self.settlement})"

    def save(self, *args, **kwargs):
        self.library_key = library_key(self.library_name, self.region_id, self.settlement)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        report = super().from_db(db, field_names, values)
        report._loaded_status = report.__dict__.get("status")
        return report

    def affects_public_pages(self):
        """Only approved reports are listed: a change to or from approved changes pages (page cache)."""
        approved = self.Status.APPROVED
        return self.status == approved or getattr(self, "_loaded_status", None) == approved
