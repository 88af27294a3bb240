from .libraries import Library, Region

__all__ = [
    "Library",
    "Region",
]
