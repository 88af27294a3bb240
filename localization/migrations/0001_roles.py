from django.db import migrations


def create_roles(apps, schema_editor):
    from localization.roles import create_groups

    create_groups(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        apps.get_model("contenttypes", "ContentType"),
        apps.get_model("wagtailcore", "GroupPagePermission"),
        apps.get_model("wagtailcore", "Page"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
