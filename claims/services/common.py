"""What every workflow here shares: a save recorded under the acting user, a claim's versioned
write, and the rule that a claim's parts stay with it."""

from django.contrib.auth.models import AbstractBaseUser

from workbench.locking import next_version

from ..models import Claim

PART_STAYS_WITH_CLAIM = (
    "{part} stays with the claim it was added to: remove it there (with a correction note if "
    "that claim is published) and add it to the other claim."
)


def save_as(obj, by: AbstractBaseUser | None) -> None:
    """Save with the acting user recorded in the history, whether or not a request is behind it."""
    obj._history_user = by
    obj.full_clean()
    obj.save()


def claim_write(
    claim: Claim, by: AbstractBaseUser | None, expected_version: int | None = None
) -> Claim:
    claim.version = next_version(claim, expected_version)
    save_as(claim, by)
    return claim
