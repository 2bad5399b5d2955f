"""Attack on issue 16 (QA, not product code): searches, aliases and the API's parameters.
Each test fails while the problem it names is there."""

import pytest

from claims import services
from claims.models import Claim
from claims.search import find, other_names
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    published = Claim.objects.published()
    slugs = dict(published.values_list("pk", "slug"))
    return [slugs[pk] for pk in find(text, published, correct=False).ids]


def test_an_alias_is_one_line_as_written(editor):
    topic = TopicFactory(name="Chips")
    topic.aliases = "Ascend\u2028910B"  # one alias in the admin's textarea, with a line separator
    services.topic_save(topic=topic, by=editor)
    assert "910b" not in other_names()
