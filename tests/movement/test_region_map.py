"""The movement page: counts only when there are participants, and the map of their regions."""

import pytest
from bs4 import BeautifulSoup

from libraries.models import Region
from movement.models import ParticipationReport
from tests.factories import CampaignPageFactory, ParticipationReportFactory

pytestmark = pytest.mark.django_db


def region(code):
    return Region.objects.get(code=code, locale__language_code="ru")


def test_no_zero_counts_without_participants(client, movement):
    ParticipationReport.objects.all().delete()
    html = client.get(movement.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".counts") is None
    assert soup.select_one("#movement-map") is None
    assert "Библиотеки появятся здесь" in soup.select_one(".movement-counts").get_text()


def test_map_shows_participating_libraries_by_region_and_leads_to_them(client, movement):
    ParticipationReport.objects.all().delete()
    campaign = CampaignPageFactory(parent=movement, slug="flashmob-map")
    belgorod = region("31")
    ParticipationReportFactory(campaign=campaign, region=belgorod, library_name="А", settlement="Х")
    ParticipationReportFactory(campaign=campaign, region=belgorod, library_name="Б", settlement="У")
    ParticipationReportFactory(campaign=campaign, region=region("28"), library_name="В", settlement="Z")
    ParticipationReportFactory(
        campaign=campaign,
        region=region("77"),
        library_name="Г",
        settlement="Ж",
        status=ParticipationReport.Status.PENDING,
    )
    soup = BeautifulSoup(client.get(movement.url).content.decode(), "html.parser")
    links = soup.select("#movement-map svg a")
    assert sorted(link["aria-label"] for link in links) == [
        "Амурская область: 1 библиотека",
        "Белгородская область: 2 библиотеки",
    ]
    target = next(link["href"] for link in links if link["aria-label"].startswith("Белгородская"))
    response = client.get(target.split("#")[0])
    groups = response.context["participants"]["groups"]
    assert [group["region"] for group in groups] == ["Белгородская область"]
    assert response.context["participants"]["libraries"] == 2


def test_a_campaign_that_is_over_closes_its_form_with_a_link_to_the_movement(client, movement):
    from movement.models import CampaignPage

    over = CampaignPageFactory(parent=movement, slug="flashmob-over")
    assert over.state == CampaignPage.State.FINISHED and not over.is_open_for_reports
    soup = BeautifulSoup(client.get(over.url).content.decode(), "html.parser")
    section = soup.select_one("#participate")
    assert section.select_one("form") is None
    assert "Акция завершилась 12 июня 2024" in section.get_text()
    assert section.select_one("a")["href"] == movement.url
    # A report sent anyway is refused.
    response = client.post(over.url + "participate/", {"library_name": "Библиотека"})
    assert response.status_code == 200
    assert ParticipationReport.objects.filter(campaign=over).count() == 0

    # An editor keeps the form open for late reports.
    over.reports_after_end = True
    over.save_revision().publish()
    soup = BeautifulSoup(client.get(over.url).content.decode(), "html.parser")
    assert soup.select_one("#participate form") is not None
