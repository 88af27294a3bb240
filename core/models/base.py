"""The abstract page every public page type builds on, the mixins that own their panels,
and the publishing mixin of translatable snippets."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index


class ListingFieldsMixin(models.Model):
    """How a page presents itself in listings and cards."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Shorter title for cards and lists; the page title is used when empty."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for cards; the introduction is used when empty."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title


class SocialFieldsMixin(models.Model):
    """Open Graph and VK sharing data."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200×630 works best."),
    )
    social_text = models.CharField(_("social text"), max_length=255, blank=True)

    social_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing"))
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Fields and panels every public page shares."""

    introduction = models.TextField(_("introduction"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("listing_summary"),
    ]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    promote_panels = (
        [MultiFieldPanel(Page.promote_panels, heading=_("Common page configuration"))]
        + ListingFieldsMixin.listing_panels
        + SocialFieldsMixin.social_panels
    )

    # What serving a page loads with it in one query (core.routing.load_specific): the images
    # of the head and cards, and the rows of inline panels a page type lists in serve_inlines.
    serve_select_related = ("social_image", "listing_image")
    serve_inlines = ()

    class Meta:
        abstract = True

    def get_listing_summary(self):
        return self.listing_summary or self.introduction

    def get_meta_description(self):
        return self.search_description or self.get_listing_summary()

    def get_social_image(self):
        return self.social_image or self.listing_image

    def get_view_restrictions(self):
        # Most sites restrict nothing: then no query of ancestors and restrictions per page.
        from core.routing import no_view_restrictions

        if no_view_restrictions():
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def validate_locale_constraints(instance):
    """Unique constraints that include the locale, checked as field errors.

    An admin form leaves ``locale`` out of its validation (it is not a form field), so Django skips
    every constraint naming it and a duplicate slug or code would reach the database as an
    IntegrityError: a 500 on save, on autosave or on publishing a draft.
    """
    errors = {}
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint) or constraint.condition is not None:
            continue
        if "locale" not in constraint.fields or instance.locale_id is None:
            continue
        fields = [name for name in constraint.fields if name != "locale"]
        lookup = {name: getattr(instance, instance._meta.get_field(name).attname) for name in fields}
        if any(value in (None, "") for value in lookup.values()):
            continue
        clash = type(instance)._default_manager.filter(locale_id=instance.locale_id, **lookup)
        if instance.pk is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            field = instance._meta.get_field(fields[0])
            errors[fields[0]] = ValidationError(
                _("%(model)s with this %(field)s already exists in this language."),
                code="unique_in_locale",
                params={"model": capfirst(instance._meta.verbose_name), "field": field.verbose_name},
            )
    if errors:
        raise ValidationError(errors)


class PublishableSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Drafts, revisions and moderation for a translatable snippet, as pages have.

    wagtail-localize creates a new translation of such a snippet as a draft
    (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off), so the Russian text
    it starts from is never public under /en/ or /be/; public lookups filter on
    ``live``. Translators save drafts and submit them; Moderators publish.
    The generic relations only make deleting a snippet delete its revisions
    and workflow states.
    """

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        validate_locale_constraints(self)
