import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from core.models import BackgroundJob
from libraries.models import Library
from tests.factories import UserFactory
from tests.helpers import run_background_jobs

pytestmark = pytest.mark.django_db

HEADER = "slug,full_name,kind,region_code,settlement_type,settlement,email,is_sample\n"
GOOD = (
    "imp-a,Прохоровская поселковая библиотека,municipal,31,посёлок,Прохоровка,,no\n"
    "imp-b,Ивановская сельская библиотека,municipal,56,село,Ивановка,iv@example.org,yes\n"
)
BAD = (
    "imp-c,,municipal,31,село,Красное,,no\n"  # no name
    "imp-d,Библиотека,spaceship,31,село,Красное,,no\n"  # unknown type
    "imp-e,Библиотека,municipal,99,село,Красное,,no\n"  # unknown region
    "imp-f,Библиотека,municipal,31,село,Красное,not-an-email,no\n"
)


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "libraries.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_command_imports_a_good_file(tmp_path, capsys):
    call_command("import_libraries", str(write(tmp_path, HEADER + GOOD)))
    a = Library.objects.get(slug="imp-a", locale__language_code="ru")
    assert a.region.code == "31" and a.settlement_key == "прохоровка" and not a.is_sample
    assert Library.objects.get(slug="imp-b").is_sample
    assert a.live and a.live_revision_id == a.latest_revision_id  # the command line publishes
    assert "Imported 2 libraries" in capsys.readouterr().out
    # A second run updates instead of duplicating.
    call_command("import_libraries", str(write(tmp_path, HEADER + GOOD)))
    assert Library.objects.filter(slug__startswith="imp-").count() == 2


def test_command_reports_every_bad_row_with_its_line(tmp_path, capsys):
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_libraries", str(write(tmp_path, HEADER + BAD)))
    err = capsys.readouterr().err
    for line in (2, 3, 4, 5):
        assert f"line {line}:" in err
    assert "spaceship" in err and "99" in err
    assert not Library.objects.filter(slug__startswith="imp-").exists()


def test_command_imports_good_rows_of_a_mixed_file(tmp_path, capsys):
    text = HEADER + GOOD + BAD + "imp-a,Дубль,municipal,31,село,Красное,,no\n"
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_libraries", str(write(tmp_path, text)))
    err = capsys.readouterr().err
    assert "line 8:" in err and "repeats line 2" in err
    assert set(Library.objects.filter(slug__startswith="imp-").values_list("slug", flat=True)) == {
        "imp-a",
        "imp-b",
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Привет".encode("cp1251") + b"\n", "UTF-8"),
        (b"", "empty"),
        (b"\x00\x01\x02garbage", "not a text CSV"),
        ("name;city\nА;Б\n".encode(), "lacks the columns"),
    ],
)
def test_command_refuses_unreadable_files(tmp_path, data, message):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with translation.override("en"), pytest.raises(CommandError, match=message):
        call_command("import_libraries", str(path))


def test_semicolon_separated_file_with_bom_is_read(tmp_path):
    text = "\ufeff" + HEADER.replace(",", ";") + GOOD.replace(",", ";")
    call_command("import_libraries", str(write(tmp_path, text)))
    assert Library.objects.filter(slug__in=["imp-a", "imp-b"]).count() == 2


def test_nothing_is_kept_when_the_database_refuses_a_row(tmp_path):
    from django.db import connection

    # A real refusal by PostgreSQL: a trigger (dropped with the test's transaction) rejects one row.
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_imp_b() RETURNS trigger AS $$ BEGIN "
            "IF NEW.slug = 'imp-b' THEN RAISE EXCEPTION 'simulated refusal'; END IF; RETURN NEW; "
            "END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_imp_b BEFORE INSERT OR UPDATE ON libraries_library "
            "FOR EACH ROW EXECUTE FUNCTION refuse_imp_b()"
        )
    with translation.override("en"), pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_libraries", str(write(tmp_path, HEADER + GOOD)))
    assert not Library.objects.filter(slug__startswith="imp-").exists()


def upload(client, text, name="libraries.csv"):
    """Upload through the admin form, then let the background worker import the file."""
    data = text.encode() if isinstance(text, str) else text
    response = client.post(
        reverse("libraries_import"),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )
    run_background_jobs()
    return response


def test_admin_upload_of_a_good_file(admin_client_ru):
    response = upload(admin_client_ru, HEADER + GOOD)
    assert response.status_code == 302
    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("core_job", args=[job.pk])
    assert Library.objects.filter(slug__in=["imp-a", "imp-b"]).count() == 2
    html = admin_client_ru.get(response["Location"]).content.decode()
    assert 'data-status="done"' in html and "import-error" not in html
    assert job.user.username == "root"


def test_an_import_by_an_editor_is_a_draft_in_the_moderators_queue(client, django_user_model):
    from django.contrib.auth.models import Group
    from django.core import mail

    from wagtail.models import TaskState, WorkflowState

    editor = django_user_model.objects.create_user("importer", "i@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderators = [UserFactory(username=f"queue-moderator-{n}", groups=["Moderators"]) for n in range(2)]
    client.force_login(editor)
    response = upload(client, HEADER + GOOD)
    assert response.status_code == 302
    library = Library.objects.get(slug="imp-a")
    assert not library.live
    assert library.latest_revision.user == editor
    assert library not in Library.objects.for_locale(library.locale)

    # Every imported draft awaits the Moderators: it is on their dashboard's review queue.
    for slug in ("imp-a", "imp-b"):
        state = WorkflowState.objects.for_instance(Library.objects.get(slug=slug)).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    client.force_login(moderators[0])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Прохоровская поселковая библиотека" in dashboard
    # One notice per moderator for the whole file, not one per library.
    notices = [message for message in mail.outbox if message.to[0].startswith("queue-moderator")]
    assert sorted(message.to[0] for message in notices) == sorted(m.email for m in moderators)
    assert all("2" in message.subject for message in notices)

    # A moderator approves; the library is published.
    task_state = TaskState.objects.get(workflow_state__object_id=str(library.pk), status="in_progress")
    url = reverse(
        Library.snippet_viewset.get_url_name("workflow_action"), args=[library.pk, "approve", task_state.pk]
    )
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    library.refresh_from_db()
    assert library.live and library in Library.objects.for_locale(library.locale)

    # A later import of the same row by the editor leaves the published version public.
    client.force_login(editor)
    upload(client, HEADER + GOOD.replace("Прохоровская поселковая", "Прохоровская центральная"))
    library.refresh_from_db()
    assert library.live and library.full_name == "Прохоровская поселковая библиотека"
    assert library.has_unpublished_changes
    assert library.get_latest_revision_as_object().full_name == "Прохоровская центральная библиотека"
    assert WorkflowState.objects.for_instance(library).filter(status="in_progress").exists()


def test_admin_upload_of_a_mixed_file_shows_the_report(admin_client_ru):
    response = upload(admin_client_ru, HEADER + GOOD + BAD)
    assert response.status_code == 302
    html = admin_client_ru.get(response["Location"]).content.decode()
    assert html.count('class="import-error"') == 4
    assert "<td>5</td>" in html
    assert Library.objects.filter(slug__startswith="imp-").count() == 2


def test_admin_upload_of_garbage_is_a_form_error(admin_client_ru):
    response = upload(admin_client_ru, b"\xff\xfe\x00garbage")
    assert response.status_code == 400
    assert not Library.objects.filter(slug__startswith="imp-").exists()


def test_admin_import_page_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse("libraries_import"))
    assert response.status_code in (302, 403)


def test_admin_import_form_renders(admin_client_ru):
    response = admin_client_ru.get(reverse("libraries_import"))
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()
