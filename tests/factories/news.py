import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage, NewsPageRegion, NewsPageTopic, Topic


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))
    name = factory.Sequence(lambda n: f"Тема {n}")
    slug = factory.Sequence(lambda n: f"test-topic-{n}")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Новости (тест)"
    slug = factory.Sequence(lambda n: f"test-news-{n}")


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Новость {n}")
    slug = factory.Sequence(lambda n: f"novost-{n}")
    introduction = "Короткий лид новости."
    publication_date = factory.Sequence(
        lambda n: datetime.datetime(2024, 10, 25, 12, 0, tzinfo=datetime.UTC) - datetime.timedelta(hours=n)
    )


class NewsPageTopicFactory(DjangoModelFactory):
    class Meta:
        model = NewsPageTopic

    page = factory.SubFactory(NewsPageFactory)
    topic = factory.SubFactory(TopicFactory)


class NewsPageRegionFactory(DjangoModelFactory):
    class Meta:
        model = NewsPageRegion

    page = factory.SubFactory(NewsPageFactory)
