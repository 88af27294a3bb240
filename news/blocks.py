from django.utils.translation import gettext_lazy as _

from core.blocks import BaseStreamBlock
from documents.blocks import OfficialDocumentBlock


class NewsBodyBlock(BaseStreamBlock):
    """The shared body blocks plus a link to an official document of the registry."""

    official_document = OfficialDocumentBlock()

    class Meta:
        label = _("Article body")
