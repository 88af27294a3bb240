"""The read API for other systems at /api/v2/: Wagtail's pages endpoint and DRF endpoints."""
