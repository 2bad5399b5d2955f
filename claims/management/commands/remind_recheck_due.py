from django.core.management.base import BaseCommand

from claims.services import recheck_reminders


class Command(BaseCommand):
    help = (
        "Queue the day's re-check reminders: the task worker emails the assignees of published "
        "claims whose re-check date has come, once per date. Run it daily (cron, or a scheduler "
        "beside the task worker)."
    )

    def handle(self, *args, **options):
        recheck_reminders.enqueue()
        self.stdout.write("Re-check reminders queued; the task worker sends them.")
