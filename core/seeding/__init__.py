"""Seed content: data files (content/seed/*.yaml) and their translations (content/translations/).

``data`` reads and checks the data files, ``build`` turns an entry into field values, ``engine``
seeds one object at a time without overwriting a person's changes, ``po`` is the PO file layout
and ``loader`` runs it all: ``load_content`` and ``export_translations``.
"""

from .data import DataError
from .engine import Seeder, SeedError
from .loader import export_translations, load_content

__all__ = ["DataError", "SeedError", "Seeder", "export_translations", "load_content"]
