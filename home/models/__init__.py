from .pages import HomePage, StandardPage
from .site import FooterContent

__all__ = ["FooterContent", "HomePage", "StandardPage"]
