"""The three editorial roles and what each may do.

Roles are defined here, in code, and applied idempotently:
- the data migration creates the groups and the permissions that exist at
  that point (admin access, page permissions on the tree root, submitting
  for translation);
- after every ``migrate`` (``post_migrate``) the snippet model permissions
  are re-applied, so snippet types added later by any app are covered;
- every snippet type with drafts (any language) gets the moderation workflow
  of the page tree's root, so a draft reaches the Moderators the same way;
- when the home page of a translation locale (English, Belarusian) is
  created, Translators get add/change (never publish) on that tree and the
  translation review workflow is assigned to it (``post_save`` of a page at
  depth 2). The Russian tree never gets Translator permissions.
"""

from django.conf import settings

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATION_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]

WORKFLOW_NAME = "Перевод → модерация"
TASK_NAME = "Проверка перевода модераторами"

# Page permissions (wagtailcore.Page codenames) granted on a tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Model permissions by group (app_label.codename).
GROUP_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    MODERATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    TRANSLATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
}


def _permission(Permission, ContentType, app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def create_groups(Group, Permission, ContentType, GroupPagePermission, Page):
    """Groups, model permissions and root page permissions; usable from a migration."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS, TRANSLATORS)}
    for name, perms in GROUP_PERMISSIONS.items():
        for label in perms:
            app_label, codename = label.split(".")
            permission = _permission(Permission, ContentType, app_label, codename)
            if permission is not None:
                groups[name].permissions.add(permission)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for name, codenames in ((EDITORS, EDITOR_PAGE_PERMISSIONS), (MODERATORS, MODERATOR_PAGE_PERMISSIONS)):
            for codename in codenames:
                permission = _permission(Permission, ContentType, "wagtailcore", codename)
                if permission is not None:  # on a fresh database sync_roles() adds it after migrate
                    GroupPagePermission.objects.get_or_create(
                        group=groups[name], page=root, permission=permission
                    )
    return groups


def content_models():
    """Snippet types and every other translatable non-page model.

    Snippets registered through admin viewsets appear in the snippet registry
    only once the admin is loaded, so translatable models are found directly.
    """
    from django.apps import apps

    from wagtail.models import Page, TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    found = set(get_snippet_models())
    found |= {
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    }
    return sorted(found, key=lambda model: model._meta.label)


def sync_snippet_permissions():
    """Model permissions on every content model (run after each migrate)."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import DraftStateMixin, LockableMixin, TranslatableMixin

    groups = {
        group.name: group for group in Group.objects.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS])
    }
    if len(groups) < 3:
        return
    for model in content_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        # Wagtail creates these after migrate only for snippets it already knows;
        # snippets registered through admin viewsets may not be known yet.
        extra = (("publish", DraftStateMixin), ("lock", LockableMixin), ("unlock", LockableMixin))
        for action, mixin in extra:
            if issubclass(model, mixin):
                Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model._meta.model_name}",
                    defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                )
        perms = {p.codename: p for p in Permission.objects.filter(content_type=content_type)}

        def grant(group, action, perms=perms, model=model):
            permission = perms.get(f"{action}_{model._meta.model_name}")
            if permission is not None:
                group.permissions.add(permission)

        for action in ("add", "change", "delete"):
            grant(groups[EDITORS], action)
        for action in ("add", "change", "delete", "publish", "lock", "unlock"):
            grant(groups[MODERATORS], action)
        if issubclass(model, TranslatableMixin):
            # Translators edit translated rows only; the Russian rows and
            # publishing are refused by the hooks in wagtail_hooks.py.
            grant(groups[TRANSLATORS], "change")


def review_workflow():
    from django.contrib.auth.models import Group

    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(Group.objects.get(name=MODERATORS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_snippet_workflow():
    """The root's moderation workflow for every snippet type that has drafts."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, WorkflowContentType, WorkflowMixin, WorkflowPage

    assignment = (
        WorkflowPage.objects.filter(page__depth=1, workflow__active=True).select_related("workflow").first()
    )
    workflow = assignment.workflow if assignment is not None else review_workflow()
    for model in content_models():
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page):
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )


def setup_locale_tree(home):
    """Translator permissions and the review workflow on a translation locale's tree."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, WorkflowPage

    if home.depth != 2 or home.locale.language_code not in TRANSLATION_LANGUAGES:
        return
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is None or not Group.objects.filter(name=MODERATORS).exists():
        return
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=translators, page=home, permission=permission)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": review_workflow()})


def sync_roles():
    """Everything, idempotently, with the current models and content."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import GroupPagePermission, Page

    create_groups(Group, Permission, ContentType, GroupPagePermission, Page)
    sync_snippet_permissions()
    assign_snippet_workflow()
    for home in Page.objects.filter(depth=2, locale__language_code__in=TRANSLATION_LANGUAGES).select_related(
        "locale"
    ):
        setup_locale_tree(home)


def may_edit_in_locale(user, locale_id):
    """Whether a user may edit content in a locale: the same rule as for that locale's page tree."""
    from wagtail.models import Page

    if user.is_superuser:
        return True
    home = Page.objects.filter(depth=2, locale_id=locale_id).first()
    if home is None:
        return False
    return home.permissions_for_user(user).can_edit()
