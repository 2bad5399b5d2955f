import pytest
from django.core.exceptions import ValidationError

from sources.models import Source, normalize_url
from tests.factories import SourceFactory


@pytest.mark.parametrize(
    "variant",
    [
        "https://spectrum.ieee.org/china-chatgpt-wu-dao",
        "http://spectrum.ieee.org/china-chatgpt-wu-dao/",
        "https://WWW.Spectrum.IEEE.org/china-chatgpt-wu-dao#comments",
        "https://spectrum.ieee.org:443/china-chatgpt-wu-dao?utm_source=twitter&fbclid=abc",
    ],
)
def test_url_variants_normalise_to_the_same_key(variant):
    assert normalize_url(variant) == "https://spectrum.ieee.org/china-chatgpt-wu-dao"


def test_normalisation_keeps_what_changes_the_document():
    assert normalize_url("https://arxiv.org/abs/2110.04725") != normalize_url(
        "https://arxiv.org/abs/2112.12731"
    )
    assert normalize_url("https://example.org/a?id=1") != normalize_url(
        "https://example.org/a?id=2"
    )
    assert normalize_url("https://example.org/a?b=2&a=1") == normalize_url(
        "https://example.org/a?a=1&b=2"
    )


@pytest.mark.django_db
def test_a_duplicate_url_is_refused_with_a_link_to_the_existing_source():
    existing = SourceFactory(
        title="The Long and Mostly Short", url="https://spectrum.ieee.org/wu-dao"
    )
    duplicate = Source(title="Copy", slug="copy", url="http://www.spectrum.ieee.org/wu-dao/")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    message = error.value.message_dict["url"][0]
    assert f"/admin/sources/source/{existing.pk}/change/" in message
    assert "The Long and Mostly Short" in message


@pytest.mark.django_db
def test_offline_documents_need_no_url():
    SourceFactory(url="")
    SourceFactory(url="")
    assert Source.objects.filter(url="").count() == 2


@pytest.mark.django_db
def test_publication_date_is_shown_to_its_known_precision():
    import datetime

    from sources.choices import DatePrecision

    day = datetime.date(2025, 5, 1)
    assert (
        SourceFactory(published_on=day, date_precision=DatePrecision.MONTH).published_display
        == "May 2025"
    )
    assert (
        SourceFactory(published_on=day, date_precision=DatePrecision.YEAR).published_display
        == "2025"
    )
    assert SourceFactory(published_on=None).published_display == "date not given"
