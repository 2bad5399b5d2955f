from django.db import models


class Quantity(models.TextChoices):
    """What a figure measures. Each has a base unit (figures/units.py) that its values are
    normalised to, so figures given in different units can be compared."""

    PARAMETERS = "parameters", "Parameters"
    TRAINING_COMPUTE = "training_compute", "Training compute"
    TRAINING_TOKENS = "training_tokens", "Training tokens"
    ACCELERATORS = "accelerators", "Accelerators (GPUs, NPUs)"
    TRAINING_DURATION = "training_duration", "Training duration"
    DATASET_SIZE = "dataset_size", "Dataset size"
    INVESTMENT = "investment", "Investment"
    USERS = "users", "Users"


class Bound(models.TextChoices):
    """How the value is meant: as the figure itself, or as one end of what is possible."""

    EXACT = "exact", "As stated"
    APPROXIMATE = "approximate", "Approximately"
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most"


class Scope(models.TextChoices):
    """Which version of the thing a figure counts. Figures of different scopes (a planned and
    an achieved training run, a mixture-of-experts total and a dense model) never conflict."""

    UNSPECIFIED = "", "Not specified"
    MOE_TOTAL = "moe_total", "Total mixture-of-experts capacity"
    DENSE = "dense", "Dense model"
    PLANNED = "planned", "Planned"
    ACHIEVED = "achieved", "Achieved"


class Method(models.TextChoices):
    """How the figure was obtained."""

    STATED = "stated", "Stated by the developer"
    ESTIMATED = "estimated", "Estimated by a third party"
    DERIVED = "derived", "Derived from other figures"


class Rank(models.TextChoices):
    """Where several sources disagree, an editor ranks their figures instead of overwriting
    the disagreement (as Wikidata ranks statements): readers see all of them."""

    PREFERRED = "preferred", "Preferred"
    NORMAL = "normal", "Normal"
    DEPRECATED = "deprecated", "Deprecated"


class SubjectKind(models.TextChoices):
    MODEL = "model", "AI model"
    ORGANISATION = "organisation", "Organisation"
    OTHER = "other", "Other"
