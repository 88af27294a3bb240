import wagtail_factories

from opendata.models import OpenDataPage


class OpenDataPageFactory(wagtail_factories.PageFactory):
    title = "Открытые данные"
    slug = "open-data"
    publisher_name = "Белгородская государственная универсальная научная библиотека"
    publisher_email = "bgunb@bgunb.ru"

    class Meta:
        model = OpenDataPage
