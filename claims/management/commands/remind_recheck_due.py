from django.core.management.base import BaseCommand

from claims.services import recheck_reminders_send


class Command(BaseCommand):
    help = (
        "Email the assignees of published claims whose re-check date has come, once per date. "
        "Run it daily (cron, or a scheduler beside the task worker)."
    )

    def handle(self, *args, **options):
        reminded = recheck_reminders_send()
        self.stdout.write(f"{reminded} assignee reminder(s) queued.")
