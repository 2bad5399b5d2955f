from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q

PUBLISHED = "published"
COUNTER_CLAIM = "counter_claim"


def what_makes_claims_contested(apps, schema_editor):
    """The summaries already stored learn what makes each claim contested, as
    ClaimQuerySet.with_contested() now says; a figure that disagrees, unexplained, with a
    published claim's figure now makes a claim contested too. Only the rows that change are
    written."""
    Summary = apps.get_model("claims", "ClaimSummary")
    Relation = apps.get_model("claims", "ClaimRelation")
    Conflict = apps.get_model("claims", "FigureConflict")
    counter = Relation.objects.filter(kind=COUNTER_CLAIM)
    Summary.objects.filter(
        Exists(counter.filter(from_claim=OuterRef("claim"), to_claim__state=PUBLISHED))
        | Exists(counter.filter(to_claim=OuterRef("claim"), from_claim__state=PUBLISHED))
    ).update(has_counter_claim=True)
    unexplained = Conflict.objects.filter(explanation="")
    Summary.objects.filter(
        Exists(unexplained.filter(figure__claim=OuterRef("claim"), other__claim__state=PUBLISHED))
        | Exists(unexplained.filter(other__claim=OuterRef("claim"), figure__claim__state=PUBLISHED))
    ).update(figure_disagrees=True, is_contested=True)


def contested_without_figures(apps, schema_editor):
    Summary = apps.get_model("claims", "ClaimSummary")
    Summary.objects.filter(figure_disagrees=True, has_counter_claim=False).exclude(
        Q(evidence_for__gt=0, evidence_against__gt=0)
    ).update(is_contested=False)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0020_search_word_terms'),
    ]

    operations = [
        migrations.AddField(
            model_name='claimsummary',
            name='figure_disagrees',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='claimsummary',
            name='has_counter_claim',
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(what_makes_claims_contested, contested_without_figures),
    ]
