import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .guards import save_translation_draft
from .report import STATUS_LABELS, snippet_models, source_pages, source_snippets, status_rows


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Translation status: every source page, or every Russian snippet of one type
    (``?kind=libraries.library``), in every translation locale."""

    template_name = "localization/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": _("Reports")}, {"url": "", "label": self.page_title}]

    def kinds(self):
        """(key, label, source objects) of pages and every translatable snippet type."""
        kinds = [("pages", _("Pages"), source_pages())]
        for model in snippet_models():
            label = str(model._meta.verbose_name_plural)
            kinds.append((model._meta.label_lower, label[:1].upper() + label[1:], source_snippets(model)))
        return kinds

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = self.kinds()
        wanted = self.request.GET.get("kind", "pages")
        key, label, objects = next((kind for kind in kinds if kind[0] == wanted), kinds[0])
        paginator = Paginator(objects, self.paginate_by)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        locales, rows = status_rows(page_obj.object_list)
        finder = AdminURLFinder(self.request.user)
        for row in rows:
            row.edit_url = finder.get_edit_url(row.source)
            row.title = (
                row.source.get_admin_display_title() if isinstance(row.source, Page) else str(row.source)
            )
            row.type_label = row.source.content_type.name if isinstance(row.source, Page) else label
            for cell in row.cells:
                cell.edit_url = finder.get_edit_url(cell.target) if cell.target is not None else None
        context.update(
            {
                "kinds": [(k, kind_label) for k, kind_label, _objects in kinds],
                "kind": key,
                "locales": locales,
                "rows": rows,
                "page_obj": page_obj,
                "status_labels": STATUS_LABELS,
            }
        )
        return context


def translation_target(translation):
    """The translated page (specific) or snippet of a translation; 404 once it is gone."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as err:
        raise Http404 from err
    return target.specific if isinstance(target, Page) else target


def _target_for_review(request, translation):
    """The translated page or snippet, its admin edit URL, and whether this user may edit it."""
    from .roles import may_edit_in_locale

    target = translation_target(translation)
    if isinstance(target, Page):
        return (
            target,
            reverse("wagtailadmin_pages:edit", args=[target.pk]),
            target.permissions_for_user(request.user).can_edit(),
        )
    if not isinstance(target, WorkflowMixin):
        raise Http404
    may_edit = request.user.has_perm(get_permission_name("change", type(target))) and may_edit_in_locale(
        request.user, target.locale_id
    )
    return target, AdminURLFinder(request.user).get_edit_url(target), may_edit


@require_POST
def submit_translation_for_review(request, translation_id):
    """Save the translation as a draft of the target page or snippet and start its moderation workflow.

    wagtail-localize's editor lets only publishers publish; this is the
    translator's way to hand a finished translation to the Moderators.
    """
    from wagtail.admin.views.pages.utils import get_valid_next_url_from_request

    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    target, edit_url, may_edit = _target_for_review(request, translation)
    if not may_edit:
        raise PermissionDenied
    # Back where the button was clicked (explorer, listing, editor), else the edit view.
    back = redirect(get_valid_next_url_from_request(request) or edit_url)
    total, done = translation.get_progress()
    if done < total:
        messages.error(
            request,
            _("Translate every segment before submitting: %(done)s of %(total)s are done.")
            % {"done": done, "total": total},
        )
        return back
    workflow = target.get_workflow()
    if workflow is None:
        messages.error(
            request, _("No moderation workflow is assigned to this content; ask an administrator.")
        )
        return back
    try:
        with transaction.atomic():
            save_translation_draft(translation, request.user)
            target = type(target)._default_manager.get(pk=target.pk)
            started = not target.workflow_in_progress
            if started:
                workflow.start(target, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation is not valid yet: %(errors)s") % {"errors": "; ".join(error.messages)},
        )
        return back
    if started:
        messages.success(request, _("The translation was submitted to the moderators."))
    else:
        messages.success(request, _("The draft was updated; it is already awaiting moderation."))
    return back


def refuse_convert_to_alias(request, page_id):
    # Converting a translation into an alias would replace it with the Russian
    # source and delete the translation record: the translator's work is lost
    # and Russian text appears under /en/ or /be/.
    page = get_object_or_404(Page, id=page_id)
    messages.error(
        request,
        _(
            "Converting a translated page into an alias is disabled: it would discard the translation. "
            "Stop the translation or delete the page instead."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.id)


class SafeUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages" that never publishes over a translation that is not finished.

    The source is re-read (unchanged segments keep their translations; changed
    ones become untranslated), optional machine translation only fills empty
    segments. "Publish immediately" is allowed only to users who may publish
    every target, and publishes only targets whose every segment is
    translated, so no Russian text is published into a translation.
    """

    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        enabled = list(
            self.object.translations.filter(enabled=True).select_related("target_locale", "source")
        )
        if publish and not all(self._may_publish(translation) for translation in enabled):
            form.add_error(
                "publish_translations", _("You may not publish these translations; sync without publishing.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            self.object.update_from_db()
            if form.cleaned_data.get("use_machine_translation"):
                from wagtail_localize.machine_translators import get_machine_translator
                from wagtail_localize.views.edit_translation import apply_machine_translation

                translator = get_machine_translator()
                for translation in enabled:
                    apply_machine_translation(translation.id, self.request.user, translator)
            held_back = []
            for translation in enabled:
                total, done = translation.get_progress()
                if publish and done == total:
                    with contextlib.suppress(ValidationError):
                        translation.save_target(user=self.request.user, publish=True)
                else:
                    if publish:
                        held_back.append(translation.target_locale.get_display_name())
                    with contextlib.suppress(ValidationError):
                        translation.source.update_target_view_restrictions(translation.target_locale)
            self.components.save(self.object, sources_and_translations={self.object: enabled})
        messages.success(self.request, self.get_success_message())
        if held_back:
            messages.warning(
                self.request,
                _("Not published, some segments need translating first: %(locales)s.")
                % {"locales": ", ".join(held_back)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        context = super().get_context_data(**kwargs)
        if form is not None:
            context["form"] = form
        return context

    def _may_publish(self, translation):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            return True
        if isinstance(target, Page):
            return target.permissions_for_user(self.request.user).can_publish()
        from .wagtail_hooks import may_publish_snippet_translation

        return may_publish_snippet_translation(self.request.user, target)


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, minus its ways to lose work or fail.

    A file downloaded before a segment was edited in the editor no longer
    overwrites that edit (the newer text is kept and listed), a missing, foreign
    or broken file gives a message instead of an error page, and a large file is
    imported by the background worker while the admin shows the progress.
    """
    from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
    from wagtail_localize.views.edit_translation import user_can_edit_instance

    from core.jobs import start_job

    from .jobs import MAX_PO_BYTES, check_upload
    from .roles import may_edit_in_locale

    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation_target(translation)
    if not user_can_edit_instance(request.user, instance) or not may_edit_in_locale(
        request.user, instance.locale_id
    ):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Please upload a valid PO file of at most 5 MB."))
        return redirect(next_url)
    data = upload.read(MAX_PO_BYTES + 1)
    problem = check_upload(data)
    if problem:
        messages.error(request, problem)
        return redirect(next_url)
    job = start_job(
        "localization.jobs.import_po_job",
        _("PO file %(file)s for %(target)s") % {"file": upload.name, "target": instance},
        user=request.user,
        payload=data,
        params={
            "translation_id": translation.pk,
            "result_template": "localization/admin/po_report.html",
        },
        return_url=next_url,
    )
    messages.info(request, _("The file was received; its translations are imported in the background."))
    return redirect("core_job", job.pk)
