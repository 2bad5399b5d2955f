"""On SQLite one writer works at a time: while the task worker writes a large import, another
write waits for it (settings: `timeout`) and then fails with "database is locked". The editor
gets a page that says so, and that nothing was saved, instead of a server error. Installed
by the settings when the database is SQLite."""

from django.db import OperationalError
from django.template.response import TemplateResponse

RETRY_AFTER_SECONDS = 60


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, OperationalError) and "database is locked" in str(exception)):
            return None
        # The view's transaction was rolled back: nothing of the request was kept.
        response = TemplateResponse(request, "workbench/busy.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
