from django.contrib.contenttypes.models import ContentType
from django.db import models


class SeedRecord(models.Model):
    """What the seed loader created, and the state it left it in.

    A later run compares the object's current state with ``state_hash``: a
    difference means an editor changed it, and the loader leaves it alone.
    """

    key = models.CharField(max_length=255, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    seed_hash = models.CharField(max_length=64)
    state_hash = models.CharField(max_length=64)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.key
