from django.db import models


class SourceQuerySet(models.QuerySet):
    def search(self, text: str) -> "SourceQuerySet":
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(authors__icontains=text)
            | models.Q(outlet__name__icontains=text)
        )
