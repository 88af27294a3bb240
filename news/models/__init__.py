from .pages import (
    NewsIndexPage,
    NewsPage,
    NewsPageCountry,
    NewsPageLibrary,
    NewsPageRegion,
    NewsPageRelatedNews,
    NewsPageTopic,
)
from .topics import Topic

__all__ = [
    "NewsIndexPage",
    "NewsPage",
    "NewsPageCountry",
    "NewsPageLibrary",
    "NewsPageRegion",
    "NewsPageRelatedNews",
    "NewsPageTopic",
    "Topic",
]
