import datetime
import uuid

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


def bulk_news_pages(index, count, *, topic=None, image=None, start=None):
    """``count`` live articles under ``index``, one hour apart from ``start``, in a few queries.

    For tests that need many rows (a listing of a thousand articles): NewsPageFactory saves a page
    at a time through treebeard and Wagtail's search and reference index signals, about a tenth of
    a second each. These rows are what ``add_child`` writes: tree path and depth, the parent's child
    count, url_path, locale, translation key, content type, live. They get no revision, like the
    factory's pages, and no search or reference index entries.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone

    from wagtail.models import Page

    start = start or datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    parent = Page.objects.get(pk=index.pk)
    last = parent.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    content_type = ContentType.objects.get_for_model(NewsPage)
    batch = uuid.uuid4().hex[:8]
    now = timezone.now()
    pages = []
    for number in range(count):
        slug = f"novost-{batch}-{number}"
        title = f"Новость {batch}-{number}"
        pages.append(
            NewsPage(
                path=Page._get_path(parent.path, parent.depth + 1, position + number + 1),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
                introduction="Короткий лид новости.",
                main_image=image,
                publication_date=start + datetime.timedelta(hours=number),
            )
        )
    # Multi-table inheritance: the wagtailcore_page rows first, then the news rows that extend
    # them; bulk_create refuses such models, so this is the insert Model.save() makes, for many rows.
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    ids = Page._base_manager._insert(pages, fields=page_fields, returning_fields=[Page._meta.pk])
    for page, (pk,) in zip(pages, ids, strict=True):
        page.pk = page.page_ptr_id = pk
    NewsPage._base_manager._insert(pages, fields=NewsPage._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    if topic is not None:
        NewsPageTopic.objects.bulk_create([NewsPageTopic(page=page, topic=topic) for page in pages])
    return pages
