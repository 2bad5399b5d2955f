"""A quote saved on evidence is checked against the copy it names, by the task worker."""

from django.db.models.signals import post_save

from claims.models import Evidence


def check_new_quote(sender, instance: Evidence, created: bool, **kwargs) -> None:
    from .models import QuoteCheck
    from .services import check_quote

    if created and not instance.quote:
        return  # nothing to check, nor any earlier check: no query on an import's hot path
    check = None if created else QuoteCheck.objects.filter(evidence=instance).first()
    if not instance.quote:
        if check is not None:  # a quote taken out leaves nothing to check
            check.delete()
        return
    if check is not None and check.in_quoted_copy:
        # Until the worker has looked, an edited quote is not shown to readers as verified.
        check.in_quoted_copy = False
        check.save()
    check_quote.enqueue(instance.pk)


def connect() -> None:
    post_save.connect(check_new_quote, sender=Evidence, dispatch_uid="documents-check-quote")
