"""Figures become a claim's: the models move from the figures app to claims, keeping their
tables (and history tables) as they are. Only Django's picture of the models changes here
(figures/migrations/0003 lets go of them); the content types move too, so that permissions
granted on figures, and the admin's log, stay with them."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = [
    "subject",
    "figure",
    "figureconflict",
    "historicalsubject",
    "historicalfigure",
    "historicalfigureconflict",
]


def move_content_types(apps, schema_editor, old="figures", new="claims"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        moving = ContentType.objects.filter(app_label=old, model=model).first()
        if moving is None:
            continue
        # Created meanwhile (a database migrated without this step): the old one wins, with
        # its permissions and log entries.
        ContentType.objects.filter(app_label=new, model=model).delete()
        moving.app_label = new
        moving.save()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="claims", new="figures")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0005_claim_verdict_index"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("figures", "0002_editor_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Subject',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True)),
                        ('slug', models.SlugField(max_length=100, unique=True)),
                        ('kind', models.CharField(choices=[('model', 'AI model'), ('organisation', 'Organisation'), ('other', 'Other')], default='model', max_length=15)),
                        ('released_on', models.DateField(blank=True, help_text='For a model: when it was announced or released.', null=True)),
                        ('developers', models.CharField(blank=True, max_length=300)),
                    ],
                    options={
                        'db_table': 'figures_subject',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Figure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('quantity', models.CharField(choices=[('parameters', 'Parameters'), ('training_compute', 'Training compute'), ('training_tokens', 'Training tokens'), ('accelerators', 'Accelerators (GPUs, NPUs)'), ('training_duration', 'Training duration'), ('dataset_size', 'Dataset size'), ('investment', 'Investment'), ('users', 'Users')], max_length=20)),
                        ('value', models.FloatField(help_text='As the source gives it, in the unit below.')),
                        ('lower', models.FloatField(blank=True, help_text='When the source gives a range: its low end.', null=True)),
                        ('upper', models.FloatField(blank=True, help_text='And its high end.', null=True)),
                        ('unit', models.CharField(blank=True, help_text="As given: “T” or “trillion” (parameters), “B tokens”, “FLOP”, “petaFLOP/s-days”, “weeks”, “billion CNY”… Empty means the quantity's own unit.", max_length=40)),
                        ('bound', models.CharField(choices=[('exact', 'As stated'), ('approximate', 'Approximately'), ('at_least', 'At least'), ('at_most', 'At most')], default='exact', max_length=12, verbose_name='qualifier')),
                        ('scope', models.CharField(blank=True, choices=[('', 'Not specified'), ('moe_total', 'Total mixture-of-experts capacity'), ('dense', 'Dense model'), ('planned', 'Planned'), ('achieved', 'Achieved')], max_length=12)),
                        ('method', models.CharField(choices=[('stated', 'Stated by the developer'), ('estimated', 'Estimated by a third party'), ('derived', 'Derived from other figures')], default='stated', max_length=10)),
                        ('refers_to', models.DateField(blank=True, help_text='The date the figure describes, when it matters.', null=True)),
                        ('usd_rate', models.FloatField(blank=True, help_text='For money: the exchange rate to compare it with dollar figures…', null=True, verbose_name='US dollars per unit')),
                        ('usd_rate_on', models.DateField(blank=True, help_text='…and its date.', null=True, verbose_name='rate as of')),
                        ('rank', models.CharField(choices=[('preferred', 'Preferred'), ('normal', 'Normal'), ('deprecated', 'Deprecated')], default='normal', max_length=10)),
                        ('rank_reason', models.CharField(blank=True, help_text='Why this figure is preferred or deprecated.', max_length=300)),
                        ('normalised', models.FloatField(editable=False)),
                        ('normalised_lower', models.FloatField(editable=False)),
                        ('normalised_upper', models.FloatField(editable=False, null=True)),
                        ('normalised_unit', models.CharField(editable=False, max_length=20)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('claim', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='figure', to='claims.claim')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('subject', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='claims.subject')),
                    ],
                    options={
                        'db_table': 'figures_figure',
                        'ordering': ['subject__name', 'quantity', 'normalised'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalFigureConflict',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('ratio', models.FloatField(help_text='The larger normalised value over the smaller.')),
                        ('explanation', models.TextField(blank=True, help_text='Why the figures differ, when they do not really disagree (readers see it).')),
                        ('explained_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('detected_at', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('explained_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('figure', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.figure')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('other', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.figure')),
                    ],
                    options={
                        'db_table': 'figures_historicalfigureconflict',
                        'verbose_name': 'historical figure conflict',
                        'verbose_name_plural': 'historical figure conflicts',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalSubject',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(db_index=True, max_length=200)),
                        ('slug', models.SlugField(max_length=100)),
                        ('kind', models.CharField(choices=[('model', 'AI model'), ('organisation', 'Organisation'), ('other', 'Other')], default='model', max_length=15)),
                        ('released_on', models.DateField(blank=True, help_text='For a model: when it was announced or released.', null=True)),
                        ('developers', models.CharField(blank=True, max_length=300)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'figures_historicalsubject',
                        'verbose_name': 'historical subject',
                        'verbose_name_plural': 'historical subjects',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalFigure',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('quantity', models.CharField(choices=[('parameters', 'Parameters'), ('training_compute', 'Training compute'), ('training_tokens', 'Training tokens'), ('accelerators', 'Accelerators (GPUs, NPUs)'), ('training_duration', 'Training duration'), ('dataset_size', 'Dataset size'), ('investment', 'Investment'), ('users', 'Users')], max_length=20)),
                        ('value', models.FloatField(help_text='As the source gives it, in the unit below.')),
                        ('lower', models.FloatField(blank=True, help_text='When the source gives a range: its low end.', null=True)),
                        ('upper', models.FloatField(blank=True, help_text='And its high end.', null=True)),
                        ('unit', models.CharField(blank=True, help_text="As given: “T” or “trillion” (parameters), “B tokens”, “FLOP”, “petaFLOP/s-days”, “weeks”, “billion CNY”… Empty means the quantity's own unit.", max_length=40)),
                        ('bound', models.CharField(choices=[('exact', 'As stated'), ('approximate', 'Approximately'), ('at_least', 'At least'), ('at_most', 'At most')], default='exact', max_length=12, verbose_name='qualifier')),
                        ('scope', models.CharField(blank=True, choices=[('', 'Not specified'), ('moe_total', 'Total mixture-of-experts capacity'), ('dense', 'Dense model'), ('planned', 'Planned'), ('achieved', 'Achieved')], max_length=12)),
                        ('method', models.CharField(choices=[('stated', 'Stated by the developer'), ('estimated', 'Estimated by a third party'), ('derived', 'Derived from other figures')], default='stated', max_length=10)),
                        ('refers_to', models.DateField(blank=True, help_text='The date the figure describes, when it matters.', null=True)),
                        ('usd_rate', models.FloatField(blank=True, help_text='For money: the exchange rate to compare it with dollar figures…', null=True, verbose_name='US dollars per unit')),
                        ('usd_rate_on', models.DateField(blank=True, help_text='…and its date.', null=True, verbose_name='rate as of')),
                        ('rank', models.CharField(choices=[('preferred', 'Preferred'), ('normal', 'Normal'), ('deprecated', 'Deprecated')], default='normal', max_length=10)),
                        ('rank_reason', models.CharField(blank=True, help_text='Why this figure is preferred or deprecated.', max_length=300)),
                        ('normalised', models.FloatField(editable=False)),
                        ('normalised_lower', models.FloatField(editable=False)),
                        ('normalised_upper', models.FloatField(editable=False, null=True)),
                        ('normalised_unit', models.CharField(editable=False, max_length=20)),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('claim', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.claim')),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('subject', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.subject')),
                    ],
                    options={
                        'db_table': 'figures_historicalfigure',
                        'verbose_name': 'historical figure',
                        'verbose_name_plural': 'historical figures',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='FigureConflict',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('ratio', models.FloatField(help_text='The larger normalised value over the smaller.')),
                        ('explanation', models.TextField(blank=True, help_text='Why the figures differ, when they do not really disagree (readers see it).')),
                        ('explained_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('detected_at', models.DateTimeField(auto_now_add=True)),
                        ('explained_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('figure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflicts_as_first', to='claims.figure')),
                        ('other', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflicts_as_second', to='claims.figure')),
                    ],
                    options={
                        'db_table': 'figures_figureconflict',
                        'ordering': ['-ratio'],
                        'constraints': [models.UniqueConstraint(fields=('figure', 'other'), name='one_conflict_per_pair'), models.CheckConstraint(condition=models.Q(('figure__lt', models.F('other'))), name='conflict_pair_ordered')],
                    },
                ),
                migrations.AddIndex(
                    model_name='figure',
                    index=models.Index(fields=['subject', 'quantity'], name='figures_fig_subject_84e714_idx'),
                ),
                migrations.AddConstraint(
                    model_name='figure',
                    constraint=models.CheckConstraint(condition=models.Q(('lower__isnull', True), ('upper__isnull', True), ('lower__lte', models.F('upper')), _connector='OR'), name='figure_range_in_order'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
