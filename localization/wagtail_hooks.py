from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name

from . import views
from .guards import harvest_direct_edits, translation_of
from .roles import SOURCE_LANGUAGE, may_edit_in_locale


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Registered before wagtail-localize's own URLs, so these paths replace its views.
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.refuse_convert_to_alias,
            name="localization_refuse_convert_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.SafeUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="localization_upload_pofile",
        ),
        path(
            "translation-status/",
            views.TranslationStatusView.as_view(),
            name="localization_translation_status",
        ),
        path(
            "translation/<int:translation_id>/submit-for-review/",
            views.submit_translation_for_review,
            name="localization_submit_for_review",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        gettext_lazy("Translation status"),
        reverse("localization_translation_status"),
        icon_name="site",
        order=8990,
    )


def _restart_requested(request):
    return request.method == "POST" and "localize-restart-translation" in request.POST


def _keep_direct_edits(request, instance):
    """Before wagtail-localize restarts a stopped translation, keep the hand edits (#876)."""
    translation = translation_of(instance, enabled=False)
    if translation is None:
        return
    saved, skipped = harvest_direct_edits(translation, instance, request.user)
    if saved:
        messages.info(
            request,
            ngettext(
                "%(count)s edited segment was kept as a translation.",
                "%(count)s edited segments were kept as translations.",
                saved,
            )
            % {"count": saved},
        )
    if skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)s field changed its structure; check it in the translation editor.",
                "%(count)s fields changed their structure; check them in the translation editor.",
                skipped,
            )
            % {"count": skipped},
        )


def _refuse_incomplete_publish(request, instance, edit_url):
    """ "Publish" in wagtail-localize's editor fills untranslated segments with the Russian
    source; refuse it until every segment is translated, so no Russian text goes live as English or
    Belarusian."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(instance)
    if translation is None:
        return None
    total, done = translation.get_progress()
    if done == total:
        return None
    messages.error(
        request,
        _("Not published: %(missing)s of %(total)s segments are not translated yet.")
        % {"missing": total - done, "total": total},
    )
    return redirect(edit_url)


@hooks.register("before_edit_page", order=-1)
def guard_page_translation_edit(request, page):
    if _restart_requested(request):
        _keep_direct_edits(request, page)
    return _refuse_incomplete_publish(request, page, reverse("wagtailadmin_pages:edit", args=[page.id]))


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def may_publish_snippet_translation(user, instance):
    if user.is_superuser:
        return True
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    # Saving a snippet without drafts publishes it: only those who may edit the
    # source language (editors, moderators) may do that, translators may not.
    source = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    return source is not None and may_edit_in_locale(user, source.id)


@hooks.register("before_edit_snippet", order=-1)
def guard_snippet_edit(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    if not may_edit_in_locale(request.user, instance.locale_id):
        raise PermissionDenied
    publishing = request.method == "POST" and request.POST.get("action") == "publish"
    if publishing and not may_publish_snippet_translation(request.user, instance):
        raise PermissionDenied
    if _restart_requested(request):
        _keep_direct_edits(request, instance)
    return _refuse_incomplete_publish(request, instance, request.get_full_path())


@hooks.register("before_create_snippet", order=-1)
def guard_snippet_create(request, model):
    if issubclass(model, TranslatableMixin):
        code = request.GET.get("locale") or SOURCE_LANGUAGE
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not may_edit_in_locale(request.user, locale.id):
            raise PermissionDenied


@hooks.register("before_delete_snippet", order=-1)
def guard_snippet_delete(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_edit_in_locale(
            request.user, instance.locale_id
        ):
            raise PermissionDenied
    # Deleting what readers see takes it off the site: only those who may publish may do that.
    published = [
        instance
        for instance in instances
        if isinstance(instance, DraftStateMixin)
        and instance.live
        and not request.user.has_perm(get_permission_name("publish", type(instance)))
    ]
    if published:
        messages.error(
            request,
            _("Published content can be deleted only by a moderator: %(items)s.")
            % {"items": ", ".join(f"«{instance}»" for instance in published[:5])},
        )
        viewset = type(published[0]).snippet_viewset
        return redirect(reverse(viewset.get_url_name("list")))
    return None


@hooks.register("before_serve_page")
def no_alias_of_another_language(page, request, serve_args, serve_kwargs):
    # An alias in the English or Belarusian tree would serve the Russian text
    # as if it were a translation: not found instead.
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        raise Http404


def _submit_button(instance):
    """The button for a translation a user may edit but not publish, when it is in a translation locale."""
    if instance.locale.language_code == SOURCE_LANGUAGE:
        return None
    translation = translation_of(instance)
    if translation is None:
        return None
    url = reverse("localization_submit_for_review", args=[translation.id])
    return Button(
        _("Submit translation for review"),
        url,
        icon_name="resubmit",
        priority=61,
        # w-action#post builds a form whose action is the URL value (without it, the current
        # page would receive the POST) and sends the current address as ``next``.
        attrs={"data-controller": "w-action", "data-action": "w-action#post", "data-w-action-url-value": url},
    )


def may_submit_for_review(user, instance):
    """Whether ``user`` hands this translated page or snippet to the moderators instead of publishing it."""
    if isinstance(instance, Page):
        perms = instance.permissions_for_user(user)
        return perms.can_edit() and not perms.can_publish()
    if not isinstance(instance, WorkflowMixin) or not isinstance(instance, TranslatableMixin):
        return False
    if not may_edit_in_locale(user, instance.locale_id):
        return False
    return not may_publish_snippet_translation(user, instance)


def submit_for_review_button(page, user, view_name=None, next_url=None):
    if may_submit_for_review(user, page):
        button = _submit_button(page)
        if button is not None:
            yield button


hooks.register("register_page_header_buttons", submit_for_review_button)
hooks.register("register_page_listing_more_buttons", submit_for_review_button)


@hooks.register("register_snippet_listing_buttons")
def submit_snippet_for_review_button(snippet, user, next_url=None):
    if not may_submit_for_review(user, snippet):
        return []
    button = _submit_button(snippet)
    return [button] if button is not None else []
