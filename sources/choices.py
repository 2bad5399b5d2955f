from django.db import models


class SourceKind(models.TextChoices):
    RESEARCH_PAPER = "research_paper", "Research paper"
    REPORT = "report", "Report"
    NEWS_ARTICLE = "news_article", "News article"
    NEWSLETTER = "newsletter", "Newsletter"
    BLOG_POST = "blog_post", "Blog or forum post"
    FORUM_COMMENT = "forum_comment", "Forum comment thread"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    DATASET = "dataset", "Dataset"
    AI_SUMMARY = "ai_summary", "AI-generated summary or aggregator page"
    OTHER = "other", "Other"


class Reliability(models.TextChoices):
    """A curator's rating of how far a source can be trusted for what it states as fact."""

    RELIABLE = "reliable", "Reliable"
    GENERALLY_RELIABLE = "generally_reliable", "Generally reliable"
    MIXED = "mixed", "Mixed record"
    UNRELIABLE = "unreliable", "Unreliable"
    UNRATED = "unrated", "Not yet rated"


# Markers shown beside a rating so it never depends on colour alone.
RELIABILITY_MARKERS = {
    Reliability.RELIABLE: "●●●",
    Reliability.GENERALLY_RELIABLE: "●●○",
    Reliability.MIXED: "●○○",
    Reliability.UNRELIABLE: "○○○",
    Reliability.UNRATED: "?",
}


class DatePrecision(models.TextChoices):
    """How much of a publication date is known: many documents give only a month or a year."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
