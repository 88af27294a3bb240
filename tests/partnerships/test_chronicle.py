import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from partnerships.models import ChronicleEntry, Status
from tests.factories import AgreementPageFactory, LibraryFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def add(agreement, kind, library=None, date=None, **kwargs):
    entry = ChronicleEntry(agreement=agreement, kind=kind, library=library, date=date, **kwargs)
    entry.full_clean()
    entry.save()
    return entry


def test_partners_follow_joins_and_leaves_over_time(section):
    agreement = AgreementPageFactory(parent=section)
    a, b, c, d = (LibraryFactory() for _ in range(4))
    add(agreement, "join", a, D(2024, 1, 10))
    add(agreement, "join", b, D(2024, 1, 10))
    add(agreement, "join", c, D(2024, 3, 1))
    add(agreement, "work_plan", None, D(2024, 3, 5), note="План на год")
    add(agreement, "leave", a, D(2024, 6, 1))
    add(agreement, "join", d, D(2024, 7, 1))
    add(agreement, "leave", b, D(2024, 9, 1))
    add(agreement, "leave", c, D(2024, 9, 2))

    def partners(date):
        return {lib.pk for lib in agreement.partners_on(date)}

    expected = [
        (D(2024, 1, 9), set(), Status.NOT_STARTED),
        (D(2024, 1, 10), {a.pk, b.pk}, Status.ACTIVE),
        (D(2024, 3, 1), {a.pk, b.pk, c.pk}, Status.ACTIVE),
        (D(2024, 6, 1), {b.pk, c.pk}, Status.ACTIVE),
        (D(2024, 7, 1), {b.pk, c.pk, d.pk}, Status.ACTIVE),
        (D(2024, 9, 1), {c.pk, d.pk}, Status.ACTIVE),
        (D(2024, 9, 2), {d.pk}, Status.ENDED),
        (D(2030, 1, 1), {d.pk}, Status.ENDED),
    ]
    for date, members, status in expected:
        assert partners(date) == members, date
        assert agreement.status_on(date) == status, date


def test_a_correction_voids_an_entry_without_rewriting_it(section):
    agreement = AgreementPageFactory(parent=section)
    a, b, c = (LibraryFactory() for _ in range(3))
    add(agreement, "join", a, D(2024, 1, 1))
    add(agreement, "join", b, D(2024, 1, 1))
    wrong = add(agreement, "join", c, D(2024, 2, 1))
    add(agreement, "correction", None, D(2024, 2, 10), corrects=wrong, note="Ошибочная запись")
    assert {lib.pk for lib in agreement.partners_on(D(2024, 2, 5))} == {a.pk, b.pk, c.pk}
    assert {lib.pk for lib in agreement.partners_on(D(2024, 2, 10))} == {a.pk, b.pk}
    wrong.refresh_from_db()
    assert wrong.kind == "join" and wrong.library_id == c.pk
    assert agreement.chronicle().count() == 4


def test_entries_cannot_be_changed_or_deleted(section):
    agreement = AgreementPageFactory(parent=section)
    entry = add(agreement, "join", LibraryFactory(), D(2024, 1, 1))
    entry.note = "переписанная история"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    assert ChronicleEntry.objects.get(pk=entry.pk).note == ""


@pytest.mark.parametrize(
    ("kind", "library_state", "error_field"),
    [
        ("join", "missing", "library"),
        ("leave", "missing", "library"),
        ("join", "partner", "library"),
        ("leave", "stranger", "library"),
        ("correction", "missing", "corrects"),
        ("work_plan", "corrects", "corrects"),
    ],
)
def test_impossible_entries_are_refused(section, kind, library_state, error_field):
    agreement = AgreementPageFactory(parent=section)
    partner = LibraryFactory()
    first = add(agreement, "join", partner, D(2024, 1, 1))
    library = {"missing": None, "partner": partner, "stranger": LibraryFactory(), "corrects": None}[
        library_state
    ]
    entry = ChronicleEntry(
        agreement=agreement,
        kind=kind,
        library=library,
        date=D(2024, 2, 1),
        corrects=first if library_state == "corrects" else None,
    )
    with pytest.raises(ValidationError) as caught:
        entry.full_clean()
    assert error_field in caught.value.message_dict


@pytest.mark.usefixtures("seeded")
def test_seeded_agreement_has_both_parties_from_signing_day():
    from partnerships.models import AgreementPage

    agreement = AgreementPage.objects.get(slug="amur-nlb-2024", locale__language_code="ru")
    assert agreement.date_signed == D(2024, 10, 25)
    slugs = {lib.slug for lib in agreement.partners_on(D(2024, 10, 25))}
    assert slugs == {"amur-ounb", "nlb"}
    assert agreement.partners_on(D(2024, 10, 24)) == []
    assert agreement.status_on(D(2024, 10, 25)) == Status.ACTIVE
    english = AgreementPage.objects.get(translation_key=agreement.translation_key, locale__language_code="en")
    # The chronicle is shared by every language version, shown with translated library names.
    with translation.override("en"):
        names = {lib.full_name for lib in english.partners_on(D(2025, 1, 1))}
    assert names == {"N.N. Muravyov-Amursky Amur Regional Scientific Library", "National Library of Belarus"}
