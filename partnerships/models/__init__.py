from .agreements import (
    AgreementArea,
    AgreementDocument,
    AgreementIndexPage,
    AgreementPage,
    AgreementSignatory,
    ChronicleEntry,
    Status,
    partners_from_entries,
    status_from_entries,
)
from .directory import LibraryIndexPage, NamesakeFinderPage, namesakes_of, shared_settlement_names
from .regulation import RegulationPage

__all__ = [
    "AgreementArea",
    "AgreementDocument",
    "AgreementSignatory",
    "AgreementIndexPage",
    "AgreementPage",
    "ChronicleEntry",
    "LibraryIndexPage",
    "NamesakeFinderPage",
    "RegulationPage",
    "Status",
    "namesakes_of",
    "partners_from_entries",
    "shared_settlement_names",
    "status_from_entries",
]
