"""Write workflows for figures: save a figure (normalising its unit), find the conflicts among
figures for the same thing, explain a conflict. Conflicts are found here, on every write, so
pages only read them."""

import math
from itertools import combinations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from workbench.slugs import unique_slug

from ..choices import SubjectKind
from ..models import NORMALISED_FIELDS, Figure, FigureConflict, Subject
from .common import PART_STAYS_WITH_CLAIM
from .corrections import correction_require
from .summaries import claim_summary_refresh, figure_partners


@transaction.atomic
def subject_save(*, subject: Subject, by: AbstractBaseUser | None) -> Subject:
    """Create or update what figures are about. A subject is the registry's, like a source:
    renaming it needs no correction on the claims whose figures name it; its history keeps
    every version."""
    if not subject.slug:
        subject.slug = unique_slug(Subject, subject.name)
    names = ("name", "aliases", "developers")
    stored = Subject.objects.filter(pk=subject.pk).values_list(*names).first()
    subject._history_user = by
    subject.full_clean()
    subject.save()
    if stored and stored != tuple(getattr(subject, name) for name in names):
        # Its names are part of the search text of the claims whose figures it is of.
        claim_summary_refresh(
            claim_ids=Figure.objects.filter(subject=subject).values_list("claim_id", flat=True)
        )
    return subject


def subject_get_or_create(
    *, name: str, kind: str = SubjectKind.MODEL, released_on=None, developers: str = ""
) -> Subject:
    subject = Subject.objects.filter(name=name).first()
    if subject is None:
        subject = Subject(name=name, kind=kind, released_on=released_on, developers=developers)
        subject_save(subject=subject, by=None)
    return subject


@transaction.atomic
def figure_save(
    *,
    figure: Figure,
    by: AbstractBaseUser | None,
    correction_note: str = "",
    summarise: bool = True,
) -> Figure:
    """Save a figure and re-examine every figure for the same subject and quantity. An import,
    which summarises its claims once at its end, passes `summarise=False`."""
    stored = Figure.objects.filter(pk=figure.pk).values("subject_id", "quantity", "claim_id")
    previous = stored.first()
    if previous:
        if previous.pop("claim_id") != figure.claim_id:
            raise ValidationError({"claim": PART_STAYS_WITH_CLAIM.format(part="A figure")})
        # A published claim's figure is part of what readers were shown. (Adding one restates the
        # number the statement already gives.)
        correction_require(claims=[figure.claim], note=correction_note, by=by)
    if figure._state.adding and figure.created_by_id is None:
        figure.created_by = by
    figure.full_clean(exclude=NORMALISED_FIELDS)  # clean() normalises, or refuses the unit
    figure.save()
    figure_conflicts_detect(subject_id=figure.subject_id, quantity=figure.quantity)
    if previous and (previous["subject_id"], previous["quantity"]) != (
        figure.subject_id,
        figure.quantity,
    ):
        figure_conflicts_detect(**previous)
    if summarise:
        # Its subject's names, aliases and developers are part of the claim's search text.
        claim_summary_refresh(claim_ids=[figure.claim_id])
    return figure


@transaction.atomic
def figure_delete(
    *, figure: Figure, by: AbstractBaseUser | None, correction_note: str = ""
) -> None:
    correction_require(claims=[figure.claim], note=correction_note, by=by)
    subject_id, quantity, claim_id = figure.subject_id, figure.quantity, figure.claim_id
    # Its conflicts go with it, so the claims it disagreed with may no longer be contested.
    partners = figure_partners([claim_id])
    figure.delete()
    figure_conflicts_detect(subject_id=subject_id, quantity=quantity)
    claim_summary_refresh(claim_ids={claim_id, *partners})


def figures_disagree(a: Figure, b: Figure, tolerance: float) -> bool:
    """Whether two figures for the same subject and quantity cannot both hold: the values
    they allow (a range, or from a bound upwards or downwards) lie further apart than the
    tolerance, which is the allowance for rounding and approximate figures. Figures in different
    currencies or of different scopes (planned vs achieved, MoE total vs dense) are not
    compared. Ranks do not matter: a deprecated figure still disagrees, and says why."""
    if a.normalised_unit != b.normalised_unit:
        return False
    if a.scope and b.scope and a.scope != b.scope:
        return False
    a_high = math.inf if a.normalised_upper is None else a.normalised_upper
    b_high = math.inf if b.normalised_upper is None else b.normalised_upper
    return b.normalised_lower > a_high * (1 + tolerance) or (
        a.normalised_lower > b_high * (1 + tolerance)
    )


def ratio(a: Figure, b: Figure) -> float:
    small, large = sorted([a.normalised, b.normalised])
    return large / small if small > 0 else math.inf


def figure_conflicts_detect(*, subject_id: int, quantity: str) -> None:
    """Bring the recorded conflicts among the figures for one subject and quantity up to date:
    new disagreements recorded, resolved ones removed, explanations of those that remain kept;
    the claims of both figures of each new or removed one are contested or not accordingly."""
    tolerance = settings.WORKBENCH_FIGURE_TOLERANCE
    figures = list(Figure.objects.filter(subject_id=subject_id, quantity=quantity).order_by("pk"))
    recorded = {
        (conflict.figure_id, conflict.other_id): conflict
        # Conflicts with a figure since moved to another subject or quantity are stale too.
        for conflict in FigureConflict.objects.involving(figures).select_related("figure", "other")
    }
    changed: set[int] = set()  # the claims whose figures entered or left a conflict
    for a, b in combinations(figures, 2):
        conflict = recorded.pop((a.pk, b.pk), None)
        if not figures_disagree(a, b, tolerance):
            if conflict:
                conflict.delete()
                changed |= {a.claim_id, b.claim_id}
            continue
        if conflict is None:
            conflict = FigureConflict(figure=a, other=b, ratio=ratio(a, b))
            conflict.save()
            changed |= {a.claim_id, b.claim_id}
        elif not math.isclose(conflict.ratio, ratio(a, b)):
            conflict.ratio = ratio(a, b)
            conflict.save()
    for stale in recorded.values():
        changed |= {stale.figure.claim_id, stale.other.claim_id}
        stale.delete()
    claim_summary_refresh(claim_ids=changed)


@transaction.atomic
def conflict_explain(
    *, conflict: FigureConflict, explanation: str, by: AbstractBaseUser
) -> FigureConflict:
    """Mark a conflict as explained (e.g. "total MoE capacity vs trained size"); an empty
    explanation marks it unexplained again."""
    conflict.explanation = explanation.strip()
    conflict.explained_by = by if conflict.explanation else None
    conflict.explained_at = timezone.now() if conflict.explanation else None
    conflict.full_clean()
    conflict.save()
    # An explained conflict is no longer a disagreement that makes its claims contested.
    claim_summary_refresh(claim_ids=[conflict.figure.claim_id, conflict.other.claim_id])
    return conflict
