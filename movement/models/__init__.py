from .pages import CampaignPage, MovementPage
from .participation import ParticipationReport

__all__ = ["CampaignPage", "MovementPage", "ParticipationReport"]
