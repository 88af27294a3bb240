from .libraries import Country, Library, Region

__all__ = ["Country", "Library", "Region"]
