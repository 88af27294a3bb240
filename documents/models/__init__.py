from .official import OfficialDocument, OfficialDocumentAttachment
from .pages import DocumentIndexPage

__all__ = ["DocumentIndexPage", "OfficialDocument", "OfficialDocumentAttachment"]
