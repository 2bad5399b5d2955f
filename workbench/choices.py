from django.db import models


class JobState(models.TextChoices):
    """How far the task worker has come with a job."""

    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


# Shown, never stored: a running job whose worker has given no sign of life for a while
# (Job.shown_state). Nothing is left running to store it.
STOPPED = "stopped"
