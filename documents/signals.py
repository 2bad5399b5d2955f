"""A quote saved on evidence is checked against the copy it names, by the task worker."""

from django.db.models.signals import post_save

from claims.models import Evidence


def check_new_quote(sender, instance: Evidence, **kwargs) -> None:
    from .models import QuoteCheck
    from .services import check_quote

    if instance.quote:
        check_quote.enqueue(instance.pk)
    else:  # a quote taken out leaves nothing to check
        QuoteCheck.objects.filter(evidence=instance).delete()


def connect() -> None:
    post_save.connect(check_new_quote, sender=Evidence, dispatch_uid="documents-check-quote")
