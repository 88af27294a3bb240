from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from partnerships.models import AgreementPage, ChronicleEntry


class ChronicleEntryCreateView(CreateView):
    """«Add a chronicle entry» from an agreement arrives with ``?agreement=<page id>``."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        agreement_id = self.request.GET.get("agreement", "")
        if agreement_id.isdigit():
            agreement = AgreementPage.objects.filter(pk=agreement_id).first()
            if agreement is not None:
                # Entries belong to the Russian agreement; its translations show them too.
                instance.agreement = agreement.get_translation_or_none(instance.locale) or agreement
        return instance


class ChronicleEntryViewSet(SnippetViewSet):
    model = ChronicleEntry
    icon = "history"
    menu_label = gettext_lazy("Agreement chronicle")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["date", "agreement", "kind", "library", "recorded_at"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = ChronicleEntryCreateView


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ChronicleEntryViewSet()


def _published_entries(instances):
    return [item for item in instances if isinstance(item, ChronicleEntry) and item.is_published_record()]


@hooks.register("before_edit_snippet")
def keep_published_entries(request, instance):
    # Published facts are fixed; the form would fail on save, so it is not offered at all.
    if _published_entries([instance]):
        messages.error(request, _("A published chronicle entry cannot be changed; add a correction instead."))
        return redirect(reverse(ChronicleEntry.snippet_viewset.get_url_name("inspect"), args=[instance.pk]))
    return None


@hooks.register("before_delete_snippet")
def keep_published_entries_on_delete(request, instances):
    if _published_entries(instances):
        messages.error(request, _("A published chronicle entry cannot be deleted; add a correction instead."))
        return redirect(reverse(ChronicleEntry.snippet_viewset.get_url_name("list")))
    return None


@hooks.register("register_page_header_buttons")
def add_chronicle_entry_button(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, AgreementPage):
        return
    if not user.has_perm("partnerships.add_chronicleentry"):
        return
    url = reverse(ChronicleEntry.snippet_viewset.get_url_name("add")) + f"?agreement={page.pk}"
    yield Button(_("Add a chronicle entry"), url, icon_name="history", priority=30)
